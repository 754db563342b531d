import pytest

from fulian_grid.domain import DomainError
from fulian_grid.domain.tree import (
	check_child_level,
	check_federation_placement,
	in_ranges,
	merge_ranges,
)


@pytest.mark.parametrize(
	"parent,child",
	[(None, "City"), ("City", "County"), ("County", "Township"), ("Township", "Village"), ("Community", "Grid"),
	 ("Grid", "Micro-grid"), ("Township", "Grid")],
)  # fmt: skip
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
	[("Grid Federation", "Community", None), ("Grid Federation", "Grid", "Community Grid"),
	 ("Village Federation", "Village", None), ("Exclusive-grid Federation", "Grid", "Exclusive Grid"),
	 ("Joint Federation", "Township", None), ("County Federation", "County", None)],
)  # fmt: skip
def test_federation_fits_its_node(federation, level, kind):
	check_federation_placement(federation, level, kind)


@pytest.mark.parametrize(
	"federation,level,kind",
	[("Grid Federation", "Grid", "Exclusive Grid"), ("Exclusive-grid Federation", "Grid", "Community Grid"),
	 ("Village Federation", "Community", None), ("County Federation", "Township", None), ("Nope", "City", None)],
)  # fmt: skip
def test_federation_misplacement_is_refused(federation, level, kind):
	with pytest.raises(DomainError):
		check_federation_placement(federation, level, kind)


def test_merge_ranges_folds_nested_and_keeps_disjoint():
	assert merge_ranges([(10, 20), (1, 40), (50, 60), (52, 53)]) == [(1, 40), (50, 60)]
	assert merge_ranges([]) == []


def test_in_ranges_is_inclusive():
	assert in_ranges(50, [(1, 40), (50, 60)])
	assert not in_ranges(45, [(1, 40), (50, 60)])
