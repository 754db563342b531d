"""Shape rules of the governance grid tree and of the federations embedded in it (standard ch. 6)."""

from . import DomainError

# Depth order of the grid levels; a child must sit strictly deeper than its parent.
LEVEL_DEPTH = {
	"City": 0,
	"County": 1,
	"Township": 2,
	"Community": 3,
	"Village": 3,
	"Grid": 4,
	"Micro-grid": 5,
}
LEAF_LEVELS = {"Micro-grid"}
GRID_KINDS = ("Community Grid", "Village Grid", "Exclusive Grid")

# Which grid levels (and, where it matters, kinds) each federation type may be embedded in.
FEDERATION_PLACEMENT = {
	"City Federation": {"levels": {"City"}},
	"County Federation": {"levels": {"County"}},
	"Township Federation": {"levels": {"Township"}},
	"System Federation": {"levels": {"City", "County", "Township"}},
	"Joint Federation": {"levels": {"City", "County", "Township"}},
	"Grid Federation": {"levels": {"Community", "Grid"}, "not_kind": "Exclusive Grid"},
	"Village Federation": {"levels": {"Village"}},
	"Exclusive-grid Federation": {"levels": {"Grid", "Micro-grid"}, "kind": "Exclusive Grid"},
}
# Federations a micro-grid women's group may hang under.
GROUP_PARENT_TYPES = {"Grid Federation", "Village Federation", "Exclusive-grid Federation"}


def check_child_level(parent_level: str | None, child_level: str) -> None:
	"""Levels only go deeper down the tree: a Township cannot hang under a Grid."""
	if child_level not in LEVEL_DEPTH:
		raise DomainError("Unknown grid level: {0}", child_level)
	if parent_level is None:
		return
	if parent_level in LEAF_LEVELS:
		raise DomainError("A {0} is the lowest level and cannot have children", parent_level)
	if LEVEL_DEPTH[child_level] <= LEVEL_DEPTH[parent_level]:
		raise DomainError(
			"A {0} cannot be placed under a {1}: levels only go deeper", child_level, parent_level
		)


def check_federation_placement(federation_type: str, grid_level: str, grid_kind: str | None) -> None:
	rule = FEDERATION_PLACEMENT.get(federation_type)
	if rule is None:
		raise DomainError("Unknown federation type: {0}", federation_type)
	fits = grid_level in rule["levels"]
	if "kind" in rule:
		fits = fits and grid_kind == rule["kind"]
	if "not_kind" in rule:
		fits = fits and grid_kind != rule["not_kind"]
	if not fits:
		raise DomainError("A {0} cannot be embedded in a {1} grid node", federation_type, grid_level)


def merge_ranges(ranges) -> list[tuple[int, int]]:
	"""Collapse nested-set (lft, rgt) ranges: nested or overlapping ranges fold into the outer one.

	Fewer ranges mean a shorter WHERE clause; nested-set ranges never partially overlap, so the
	result is the set of outermost subtrees."""
	merged: list[tuple[int, int]] = []
	for lft, rgt in sorted((int(lft), int(rgt)) for lft, rgt in ranges):
		if merged and lft <= merged[-1][1]:
			merged[-1] = (merged[-1][0], max(merged[-1][1], rgt))
		else:
			merged.append((lft, rgt))
	return merged


def in_ranges(position: int, ranges) -> bool:
	return any(lft <= position <= rgt for lft, rgt in ranges)
