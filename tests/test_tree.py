import pytest

from fulian_grid.domain import DomainError
from fulian_grid.domain.tree import (
	check_child_level,
	check_federation_placement,
)


@pytest.mark.parametrize(
	"parent,child",
	[
		(None, "City"),
		("City", "County"),
		("County", "Township"),
		("Township", "Village"),
		("Community", "Grid"),
		("Grid", "Micro-grid"),
		("Township", "Grid"),
	],
)
def test_levels_go_deeper(parent, child):
	check_child_level(parent, child)


@pytest.mark.parametrize(
	"parent,child",
	[
		("Grid", "Township"),
		("County", "County"),
		("Community", "Village"),
		("Micro-grid", "Micro-grid"),
		("City", "Planet"),
	],
)
def test_level_inversions_are_refused(parent, child):
	with pytest.raises(DomainError):
		check_child_level(parent, child)


def test_error_message_keeps_placeholders_for_translation():
	with pytest.raises(DomainError) as caught:
		check_child_level("Grid", "Township")
	assert caught.value.message == "A {0} cannot be placed under a {1}: levels only go deeper"
	assert caught.value.args_ == ("Township", "Grid")


@pytest.mark.parametrize(
	"federation,level,kind",
	[
		("Grid Federation", "Community", None),
		("Grid Federation", "Grid", "Community Grid"),
		("Village Federation", "Village", None),
		("Exclusive-grid Federation", "Grid", "Exclusive Grid"),
		("Joint Federation", "Township", None),
		("County Federation", "County", None),
	],
)
def test_federation_fits_its_node(federation, level, kind):
	check_federation_placement(federation, level, kind)


@pytest.mark.parametrize(
	"federation,level,kind",
	[
		("Grid Federation", "Grid", "Exclusive Grid"),
		("Exclusive-grid Federation", "Grid", "Community Grid"),
		("Village Federation", "Community", None),
		("County Federation", "Township", None),
		("Nope", "City", None),
	],
)
def test_federation_misplacement_is_refused(federation, level, kind):
	with pytest.raises(DomainError):
		check_federation_placement(federation, level, kind)


def test_child_paths_extend_the_parent():
	from fulian_grid.domain.tree import child_path

	assert child_path(None, "a1") == "a1/"
	assert child_path("a1/", "b2") == "a1/b2/"
	for bad in ("", "A1", "a/b", "a%", "a_b"):
		with pytest.raises(DomainError):
			child_path("a1/", bad)


def test_outermost_paths_and_within():
	from fulian_grid.domain.tree import outermost_paths, within

	assert outermost_paths(["a/b/", "a/", "c/d/", "c/d/e/", "c/e/"]) == ["a/", "c/d/", "c/e/"]
	assert within("a/b/c/", ["x/", "a/b/"])
	assert not within("a/bc/", ["a/b/"])  # the separator stops a token matching a longer one
	assert not within(None, ["a/"])


def test_path_condition_is_one_range_per_outermost_subtree_and_refuses_odd_text():
	from fulian_grid.domain.tree import path_condition

	assert path_condition("t.grid_path", ["a/", "a/b/", "c/"]) == (
		"((t.grid_path >= 'a/' and t.grid_path < 'a0') or (t.grid_path >= 'c/' and t.grid_path < 'c0'))"
	)
	assert path_condition("t.grid_path", []) == "1=0"
	with pytest.raises(DomainError):
		path_condition("t.grid_path", ["a' or 1=1 -- /"])


def test_the_nodes_above_a_path_and_a_condition_that_reaches_them():
	from fulian_grid.domain.tree import path_or_above_condition, within_or_above

	assert within_or_above("a/", ["a/b/"]) and within_or_above("a/b/c/", ["a/b/"])
	assert not within_or_above("a/c/", ["a/b/"]) and not within_or_above(None, ["a/b/"])
	assert path_or_above_condition("t.p", ["a/b/", "c/"]) == (
		"(((t.p >= 'a/b/' and t.p < 'a/b0') or (t.p >= 'c/' and t.p < 'c0')) or t.p in ('a/'))"
	)
	assert path_or_above_condition("t.p", ["a/"]) == "((t.p >= 'a/' and t.p < 'a0'))"
	assert path_or_above_condition("t.p", []) == "1=0"
	with pytest.raises(DomainError):
		path_or_above_condition("t.p", ["a' or 1=1 -- /b/"])


def test_subtree_bounds_hold_exactly_the_paths_under_the_prefix():
	import random

	from fulian_grid.domain.tree import subtree_bounds, within

	rng = random.Random(5)
	alphabet = "0123456789abcdefghijklmnopqrstuvwxyz"

	def path(depth):
		return "".join(
			"".join(rng.choice(alphabet) for _ in range(rng.randint(1, 3))) + "/" for _ in range(depth)
		)

	paths = [path(rng.randint(1, 5)) for _ in range(3000)]
	for prefix in {p[: p.index("/") + 1] for p in paths[:50]} | {"1/", "1/2/", "z/"}:
		low, high = subtree_bounds(prefix)
		assert all((low <= p < high) == within(p, [prefix]) for p in paths)


def test_ancestor_paths_and_the_node_a_path_lies_under():
	from fulian_grid.domain.tree import ancestor_paths, lying_under

	assert ancestor_paths("a/b/c/") == ["a/", "a/b/", "a/b/c/"]
	assert ancestor_paths("") == []
	assert lying_under("a/b/c/", ["a/", "a/b/", "x/"]) == "a/b/"  # the deepest that holds it
	assert lying_under("a/bc/", ["a/b/"]) is None  # a token is not a prefix of a longer one
	assert lying_under("a/b/", ["a/b/"]) == "a/b/"  # a node lies in its own subtree
	assert lying_under(None, ["a/"]) is None
