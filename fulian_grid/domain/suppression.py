"""Complementary suppression of small statistics cells over the grid tree (pure, no frappe).

A sensitive figure (divorce counselling) is a count per grid node. Below the small-cell threshold a
count is withheld from users who do not handle such cases there. Withholding only the small cells
is not enough: Work Statistics shows, for a node P, one row per child and the total of P's subtree,
and the user may run it on P's parent and on each child as well, so she holds every equation

    V(N) = own(N) + sum of V(c) over the children c of N          (one per node N)

where V(N) is the figure of N's subtree and own(N) the records placed on N itself (never shown, but
the total minus the rows). A withheld value that is the only unknown of one of these equations —
or of any combination of them — is recovered by subtraction.

The rule (one pattern per figure over the user's whole scope, so the same figure for the same node
is withheld in every report where it appears — as a child row, as a total, in Service Figures):

1. Primary cells: V(N) with 0 < V(N) < threshold, and own(N) with 0 < own(N) < threshold.
2. Every withheld V(c) has a way "down" to unknown records: own(c) > 0, or a withheld child that
   has one. A withheld node with neither withholds its smallest non-zero child as well.
3. At every node N, an equation holding a withheld cell (a withheld child row, or a small own(N))
   holds at least two unknowns: if it would hold one, the next-smallest non-zero child row is
   withheld too; when no such child is left, the total V(N) is withheld ("the total where
   needed"), which makes it a withheld child row of N's parent, paired there by the same rule. At
   the top of the scope the total is withheld outright.

Why no withheld value can then be derived: read the equations as a graph — a vertex per node's
equation and one "outside" vertex, an edge per unknown (V(c) joins c's equation to its parent's;
own(N), and the top total, join N's equation to the outside). A set of linear equations with
one +1/−1 per edge end determines an unknown exactly when its edge is a bridge of that graph.
Rule 2 gives every withheld V(c) a path from c down to the outside within c's subtree; rule 3
gives its parent another path to the outside (down a sibling, or up through a withheld total to
an ancestor that has one); the two close a cycle, so no withheld edge is a bridge, and no
combination of additions and subtractions over any of the reports yields a withheld value.
Counts of records on a node itself that are 0 are treated as known to the attacker; users who
handle cases where a node lies see its exact figures (nothing is withheld there, and what they
see is treated as known).

What the rule does not cover (documented, not claimed): bounds from non-negativity (two withheld
cells whose known sum is 2 are both 1 or 0 and 2), and differences between two periods.
"""

from collections.abc import Callable, Mapping

SEPARATOR = "/"


def parent_path(path: str, root: str) -> str | None:
	"""The path of a node's parent within the scope (None for the scope's top)."""
	if path == root:
		return None
	trimmed = path[:-1] if path.endswith(SEPARATOR) else path
	cut = trimmed.rfind(SEPARATOR)
	return trimmed[: cut + 1] if cut >= 0 else ""


def subtree_totals(own: Mapping[str, int], root: str = "") -> tuple[dict[str, int], dict[str, list[str]]]:
	"""V(N) for the root and every node holding records or lying above them; children of each."""
	totals: dict[str, int] = {}
	children: dict[str, list[str]] = {root: []}
	for path, count in own.items():
		if not path.startswith(root):
			continue
		node = path
		while node is not None:
			parent = parent_path(node, root)
			if node not in totals:
				children.setdefault(node, [])
				if parent is not None:
					children.setdefault(parent, []).append(node)
			totals[node] = totals.get(node, 0) + (count or 0)
			node = parent
	totals.setdefault(root, 0)
	return totals, children


def withheld_cells(
	own: Mapping[str, int],
	threshold: int,
	exempt: Callable[[str], bool] = lambda path: False,
	root: str = "",
) -> set[str]:
	"""The paths whose figure V(path) is withheld, wherever it appears.

	`own` maps a node's tree path to the records placed on the node itself (paths under `root`,
	the top of the user's scope; "" for all of it). `exempt(path)` is true where the user handles
	cases (she sees the exact figures of that subtree). A threshold of 0 or less withholds nothing."""
	if threshold <= 0:
		return set()
	totals, children = subtree_totals(own, root)

	def own_of(node: str) -> int:
		return 0 if exempt(node) else own.get(node, 0) or 0

	# nodes under which lie records the user does not handle (only those can hide anything)
	order = sorted(totals, key=lambda node: (-node.count(SEPARATOR), node))
	unknown_below: dict[str, bool] = {}
	for node in order:
		unknown_below[node] = not exempt(node) and (
			own_of(node) > 0 or any(unknown_below[child] for child in children[node])
		)

	def small(value: int) -> bool:
		return 0 < value < threshold

	withheld = {node for node in totals if unknown_below[node] and small(totals[node])}

	def has_way_down(node: str) -> bool:
		return own_of(node) > 0 or any(child in withheld for child in children[node])

	def complement(node: str) -> str | None:
		"""The next-smallest non-zero child row that can still be withheld."""
		candidates = [c for c in children[node] if c not in withheld and unknown_below[c]]
		return min(candidates, key=lambda c: (totals[c], c)) if candidates else None

	def withhold(node: str) -> None:
		while True:
			withheld.add(node)
			if has_way_down(node):
				return
			node = complement(node)  # exists: unknown_below[node] holds

	for node in order:
		if exempt(node):
			continue
		withheld_rows = [child for child in children[node] if child in withheld]
		for child in withheld_rows:
			if not has_way_down(child):
				withhold(child)
		needs_pair = bool(withheld_rows) or small(own_of(node))
		ways = (own_of(node) > 0) + len(withheld_rows) + (node in withheld)
		if needs_pair and ways < 2:
			if (other := complement(node)) is not None:
				withhold(other)
			else:
				withheld.add(node)  # the total where needed; the parent pairs it in turn
	return withheld
