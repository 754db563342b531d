"""Shape rules of the governance grid tree and of the federations embedded in it (standard ch. 6)."""

from . import DomainError

# Depth order of the grid levels; a child must sit strictly deeper than its parent.
LEVEL_DEPTH = {
	"Province": -1,  # above the cities: a province's data set (benchmarks, a provincial federation)
	"City": 0,
	"County": 1,
	"Township": 2,
	"Community": 3,
	"Village": 3,
	"Grid": 4,
	"Micro-grid": 5,
}
LEAF_LEVELS = {"Micro-grid"}

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


# --- tree paths ------------------------------------------------------------------------------
# Each grid node carries a path: its parent's path plus a token of its own and "/". A node's
# subtree is every path that starts with its path. Unlike lft/rgt, a path never changes when
# other nodes are added, so records can carry their grid's path (indexed, beside their own sort
# keys) and a subtree becomes one range on one table: `grid_path like 'p%'`.
PATH_SEPARATOR = "/"
PATH_ALPHABET = set("0123456789abcdefghijklmnopqrstuvwxyz" + PATH_SEPARATOR)


def child_path(parent_path: str | None, token: str) -> str:
	if not token or not set(token) <= PATH_ALPHABET - {PATH_SEPARATOR}:
		raise DomainError("A tree path token is made of lowercase letters and digits: {0}", token)
	return (parent_path or "") + token + PATH_SEPARATOR


def outermost_paths(paths) -> list[str]:
	"""Drop every path inside another one of the set (a subtree already covered)."""
	kept: list[str] = []
	for path in sorted(set(paths)):
		if not kept or not path.startswith(kept[-1]):
			kept.append(path)
	return kept


def within(path: str | None, prefixes) -> bool:
	return bool(path) and any(path.startswith(prefix) for prefix in prefixes)


def ancestor_paths(path: str) -> list[str]:
	"""The paths of every node from the root down to the node at `path`, itself included."""
	tokens = path.rstrip(PATH_SEPARATOR).split(PATH_SEPARATOR) if path else []
	return [PATH_SEPARATOR.join(tokens[: depth + 1]) + PATH_SEPARATOR for depth in range(len(tokens))]


def within_or_above(path: str | None, prefixes) -> bool:
	"""`path` lies under one of `prefixes` or is a node above one of them."""
	return within(path, prefixes) or any(path in ancestor_paths(prefix) for prefix in prefixes)


def lying_under(path: str | None, paths) -> str | None:
	"""The deepest of `paths` whose subtree holds `path` (None when none does): with `paths` the
	children of a node, the child a record lies under; with the nodes of one level, its node."""
	paths = set(paths)
	return next((p for p in reversed(ancestor_paths(path or "")) if p in paths), None)


def subtree_bounds(prefix: str) -> tuple[str, str]:
	"""[low, high) of the paths under `prefix`. The separator "/" sorts just before "0", the
	lowest token character, so a subtree is exactly the paths >= "p/" and < "p0" (byte order
	and MariaDB's unicode collations agree on this alphabet)."""
	if not prefix.endswith(PATH_SEPARATOR) or not set(prefix) <= PATH_ALPHABET:
		raise DomainError("Not a tree path: {0}", prefix)
	return prefix, prefix[:-1] + "0"


def path_condition(column: str, prefixes) -> str:
	"""SQL for `column` lying under any of `prefixes`: one index range per outermost subtree.
	Paths hold only [0-9a-z/], so they need no quoting beyond the literal; anything else is refused.
	Ranges, not LIKE: no '%' that a caller's own parameter formatting could trip on."""
	prefixes = outermost_paths(prefixes)
	if not prefixes:
		return "1=0"
	ranges = (subtree_bounds(prefix) for prefix in prefixes)
	return "(" + " or ".join(f"({column} >= '{low}' and {column} < '{high}')" for low, high in ranges) + ")"


def path_or_above_condition(column: str, prefixes) -> str:
	"""SQL for `column` lying under any of `prefixes` or on a node above one of them (the nodes
	above are prefixes of paths `path_condition` has checked, so they are paths too)."""
	under = path_condition(column, prefixes)
	above = sorted({f"'{a}'" for prefix in prefixes for a in ancestor_paths(prefix)[:-1]})
	if not above:
		return under
	return f"({under} or {column} in ({', '.join(above)}))"
