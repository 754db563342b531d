"""Complementary suppression (domain/suppression.py), tried as an attacker would.

The attacker holds every report she may run: for each node N of her scope Work Statistics gives
V(c) for every child c of N and V(N) itself (Service Figures gives V(N) too), with the withheld
values blank. Two attackers are tried: one that subtracts (total minus the shown rows, again and
again as values come out), and one that solves the whole linear system exactly (a withheld value
is recovered when it is a combination of the shown ones). Each is first run on the naive rule
(withhold only the small cells) and must break it, so a pass means something."""

import random
from fractions import Fraction

import pytest

from fulian_grid.domain.suppression import parent_path, subtree_totals, withheld_cells

T = 5  # threshold


def naive(own, threshold, exempt=lambda p: False, root=""):
	totals, _children = subtree_totals(own, root)
	return {n for n, v in totals.items() if 0 < v < threshold and not exempt(n)}


def system(own, withheld, exempt=lambda p: False, root=""):
	"""(equations, unknowns, totals): every equation V(N) - own(N) - sum V(c) = 0 as a dict of
	coefficients over the unknowns, with the constant made of the known values."""
	totals, children = subtree_totals(own, root)
	unknowns = [("V", n) for n in sorted(withheld)]
	unknowns += [("own", n) for n in sorted(totals) if own.get(n, 0) and not exempt(n)]
	unknown = set(unknowns)
	values = {("V", n): v for n, v in totals.items()} | {("own", n): own.get(n, 0) for n in totals}
	equations = []
	for node in totals:
		terms = [(("V", node), 1), (("own", node), -1)] + [(("V", c), -1) for c in children[node]]
		coefficients, constant = {}, Fraction(0)
		for key, sign in terms:
			if key in unknown:
				coefficients[key] = coefficients.get(key, 0) + sign
			else:
				constant -= sign * values[key]  # moved to the right-hand side: known to the attacker
		equations.append((coefficients, constant))
	return equations, unknowns, values


def subtract_attack(own, withheld, exempt=lambda p: False, root=""):
	"""Total minus the shown rows, repeated over every report until nothing more comes out."""
	equations, _unknowns, _values = system(own, withheld, exempt, root)
	learnt = {}
	changed = True
	while changed:
		changed = False
		for coefficients, constant in equations:
			left = {k: c for k, c in coefficients.items() if k not in learnt and c}
			if len(left) == 1:
				((key, c),) = left.items()
				rest = sum(coefficients[k] * learnt[k] for k in coefficients if k in learnt)
				learnt[key] = (constant - rest) / c
				changed = True
	return learnt


def rank(rows, columns):
	matrix = [[Fraction(row.get(col, 0)) for col in columns] for row in rows]
	rank_, width = 0, len(columns)
	for col in range(width):
		pivot = next((r for r in range(rank_, len(matrix)) if matrix[r][col]), None)
		if pivot is None:
			continue
		matrix[rank_], matrix[pivot] = matrix[pivot], matrix[rank_]
		for r in range(len(matrix)):
			if r != rank_ and matrix[r][col]:
				factor = matrix[r][col] / matrix[rank_][col]
				matrix[r] = [a - factor * b for a, b in zip(matrix[r], matrix[rank_], strict=True)]
		rank_ += 1
	return rank_


def solve_attack(own, withheld, exempt=lambda p: False, root=""):
	"""Every unknown that the shown values determine exactly (linear algebra over the rationals)."""
	equations, unknowns, values = system(own, withheld, exempt, root)
	rows = [coefficients for coefficients, _constant in equations if coefficients]
	base = rank(rows, unknowns)
	return {key: values[key] for key in unknowns if rank([*rows, {key: 1}], unknowns) == base}


def sensitive(own, withheld, threshold, exempt=lambda p: False, root=""):
	"""What must not come out: every withheld value, and every small count on a node itself."""
	totals, _children = subtree_totals(own, root)
	keys = {("V", n) for n in withheld}
	keys |= {("own", n) for n in totals if 0 < own.get(n, 0) < threshold and not exempt(n)}
	return keys


def recovered(own, rule, threshold=T, exempt=lambda p: False, root=""):
	withheld = rule(own, threshold, exempt, root)
	secret = sensitive(own, withheld, threshold, exempt, root)
	found = set(subtract_attack(own, withheld, exempt, root)) | set(solve_attack(own, withheld, exempt, root))
	return withheld, found & secret


# A city "c/" with counties c/a/, c/b/, c/d/; county a has grids c/a/1/ and c/a/2/.
CITY = {"c/a/1/": 2, "c/a/2/": 40, "c/b/": 30, "c/d/": 25}


def report(own, withheld, node, root=""):
	"""Work Statistics over `node`: child rows and the total, withheld values as None."""
	totals, children = subtree_totals(own, root)
	rows = {c: None if c in withheld else totals[c] for c in children[node]}
	return rows, None if node in withheld else totals[node]


def test_the_naive_rule_gives_a_small_cell_away_by_subtraction():
	withheld = naive(CITY, T)
	assert withheld == {"c/a/1/"}
	rows, total = report(CITY, withheld, "c/a/")
	assert total - sum(v for v in rows.values() if v is not None) == 2  # the attack works
	assert recovered(CITY, naive)[1]


def test_total_minus_shown_rows_recovers_nothing():
	withheld, found = recovered(CITY, withheld_cells)
	assert not found
	rows, total = report(CITY, withheld, "c/a/")
	assert rows["c/a/1/"] is None
	assert rows["c/a/2/"] is None or total is None  # a second unknown in the same equation


def test_parent_and_child_reports_agree_and_cannot_be_subtracted():
	withheld = withheld_cells(CITY, T)
	_county_rows, county_total = report(CITY, withheld, "c/a/")
	city_rows, city_total = report(CITY, withheld, "c/")
	# the same figure for the same node is withheld wherever it appears
	assert (county_total is None) == (city_rows["c/a/"] is None)
	# the city's rows and total do not give the county's figure, nor hence its small grid
	if county_total is None:
		shown = [v for v in city_rows.values() if v is not None]
		assert city_total is None or len(shown) < len(city_rows) - 1
	assert not recovered(CITY, withheld_cells)[1]


def test_a_single_withheld_child_of_a_single_child_withholds_the_total_up_to_where_it_pairs():
	own = {"c/a/1/": 3, "c/b/": 50}  # county a has one grid only
	withheld = withheld_cells(own, T)
	assert {"c/a/1/", "c/a/"} <= withheld  # both small; the city pairs county a with county b
	assert "c/b/" in withheld or "c/" in withheld
	assert not recovered(own, withheld_cells)[1]


def test_records_on_a_node_itself_are_protected_like_a_row():
	own = {"c/": 1, "c/a/": 30, "c/b/": 40}  # one record on the city itself: total minus rows
	assert recovered(own, naive)[1]  # the naive rule shows all three figures
	withheld, found = recovered(own, withheld_cells)
	assert not found and withheld


def test_handlers_see_their_subtree_and_nothing_is_withheld_there():
	exempt = lambda path: path.startswith("c/a/")  # noqa: E731
	withheld = withheld_cells(CITY, T, exempt)
	assert not {n for n in withheld if exempt(n)}
	assert not recovered(CITY, withheld_cells, exempt=exempt)[1]


def test_nothing_is_withheld_without_small_cells_or_threshold():
	assert withheld_cells({"c/a/": 30, "c/b/": 40}, T) == set()
	assert withheld_cells(CITY, 0) == set()


def test_parent_path():
	assert parent_path("c/a/1/", "") == "c/a/"
	assert parent_path("c/", "") == ""
	assert parent_path("", "") is None
	assert parent_path("c/a/", "c/a/") is None


def random_tree(rng):
	own, frontier = {}, [""]
	for _ in range(rng.randint(1, 25)):
		parent = rng.choice(frontier)
		node = f"{parent}{rng.randint(0, 9)}/"
		if node in own:
			continue
		frontier.append(node)
		own[node] = rng.choice([0, 0, 1, 2, 3, 4, 5, 6, 9, 20, 50])
	return own


@pytest.mark.parametrize("seed", range(400))
def test_random_trees_give_nothing_away(seed):
	rng = random.Random(seed)
	own = random_tree(rng)
	threshold = rng.choice([2, 3, 5, 10])
	handled = {n for n in own if rng.random() < 0.1}
	exempt = lambda path: any(path.startswith(h) for h in handled)  # noqa: E731
	withheld, found = recovered(own, withheld_cells, threshold, exempt)
	assert not found, (own, threshold, handled, withheld, found)
	totals, _children = subtree_totals(own)
	small = {n for n, v in totals.items() if 0 < v < threshold and not exempt(n)}
	# every small cell that hides records the user does not handle is withheld
	assert {n for n in small if _unknown_below(n, own, exempt)} <= withheld


def _unknown_below(node, own, exempt):
	return any(p.startswith(node) and own[p] and not exempt(p) for p in own)


def test_the_attackers_break_the_naive_rule_on_random_trees():
	broken = 0
	for seed in range(400):
		rng = random.Random(seed)
		own = random_tree(rng)
		broken += bool(recovered(own, naive, rng.choice([2, 3, 5, 10]))[1])
	assert broken > 100  # the detector fires where it should
