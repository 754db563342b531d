"""THE one answer to "inside this subtree" in the grid tree: every report, indicator, API,
controller check and the dispatch/escalation code asks here.

Subtrees are tree paths: each grid node carries `tree_path` (its parent's path plus a token of its
own) and each scoped record carries its grid's path in `grid_path` (indexed). A node's subtree is
every path that starts with its path, one range on one indexed column (domain/tree.py holds the
pure arithmetic). The grid's `lft`/`rgt` are only Frappe's NestedSet bookkeeping for its tree
view and tree order; no subtree question is answered with them, nor with `descendants of` filters
(Frappe expands those into an IN list of every descendant's name). tests/test_subtree_guard.py
keeps it so.

- records in the subtree of grid G: `condition` / `grid_condition` (SQL), `list_filters`
  (frappe.get_list), `criterion` (frappe.qb), `correlated` (per-node counts in one statement);
- is node X inside node Y: `within` (paths), `grid_within` (grid names);
- records on the nodes above (executives serve the grids below them): `condition_or_above`,
  `within_or_above`;
- the ancestor of X at level L: `ancestor_at_level`;
- the child of G that X lies under: `child_key_sql` (SQL grouping), `lying_under` (in Python).
"""

import frappe

from fulian_grid.domain.tree import (  # noqa: F401 — the path rules, asked through this module
	PATH_SEPARATOR,
	ancestor_paths,
	lying_under,
	outermost_paths,
	path_condition,
	path_or_above_condition,
	subtree_bounds,
	within,
	within_or_above,
)

GRID = "Governance Grid"
PATH_FIELD = "grid_path"  # on scoped records; the tree itself keeps `tree_path`
NODE_PATH_FIELD = "tree_path"


def path_field(doctype: str) -> str:
	return NODE_PATH_FIELD if doctype == GRID else PATH_FIELD


def path_of(grid: str | None) -> str | None:
	return frappe.db.get_value(GRID, grid, NODE_PATH_FIELD) if grid else None


def paths_of(grids) -> dict[str, str]:
	"""{grid: tree path} of the grids that exist among `grids`."""
	grids = list({g for g in grids if g})
	if not grids:
		return {}
	return dict(
		frappe.get_all(GRID, filters={"name": ("in", grids)}, fields=["name", NODE_PATH_FIELD], as_list=True)
	)


# --- records in the subtree of grid G --------------------------------------------------------


def condition(doctype: str, paths, table: str | None = None) -> str:
	"""SQL: rows of `doctype` (as `table` in the caller's query) under any of `paths`; "1=0" for none."""
	table = table or f"`tab{doctype}`"
	return path_condition(f"{table}.`{path_field(doctype)}`", paths)


def condition_or_above(doctype: str, paths, table: str | None = None) -> str:
	"""SQL: rows of `doctype` under any of `paths` or on a node above one of them."""
	table = table or f"`tab{doctype}`"
	return path_or_above_condition(f"{table}.`{path_field(doctype)}`", paths)


def grid_condition(doctype: str, grid: str, table: str | None = None) -> str:
	"""SQL: rows of `doctype` in the subtree of `grid` (itself included); "1=0" for an unknown grid."""
	path = path_of(grid)
	return condition(doctype, [path] if path else [], table)


def list_filters(doctype: str, grid: str) -> list[list]:
	"""`frappe.get_list` filters for rows of `doctype` in the subtree of `grid`: one index range.
	A prefix LIKE, because Frappe wraps `>=` and `<` filters in ifnull(), which no index serves;
	paths hold only [0-9a-z/], so the prefix has no wildcard of its own."""
	path = path_of(grid)
	if not path:
		return [[doctype, "name", "in", []]]  # an unknown grid holds nothing
	subtree_bounds(path)  # refuses anything that is not a path
	return [[doctype, path_field(doctype), "like", path + "%"]]


def criterion(field, path: str):
	"""frappe.qb: `field` (a path column) inside the subtree whose path is `path`."""
	low, high = subtree_bounds(path)
	return (field >= low) & (field < high)


def correlated(column: str, node_path_column: str) -> str:
	"""SQL: `column` inside the subtree of the node whose path is in `node_path_column` of an outer
	query (one count per node in one statement). The same bounds as `subtree_bounds`."""
	upper = f"concat(left({node_path_column}, char_length({node_path_column}) - 1), '0')"
	return f"({column} >= {node_path_column} and {column} < {upper})"


def readable_path(grid: str | None) -> str | None:
	"""The path of a grid the user may read, for reports filtered to a subtree; None = no filter."""
	if not grid:
		return None
	frappe.has_permission(GRID, "read", doc=grid, throw=True)
	return path_of(grid)


# --- is node X inside node Y -----------------------------------------------------------------


def grid_within(grid: str | None, outer_grids) -> bool:
	"""Whether `grid` lies in the subtree of any of `outer_grids` (a node is inside itself)."""
	paths = paths_of([grid, *outer_grids])
	return grid in paths and within(paths[grid], [paths[g] for g in outer_grids if g in paths])


# --- the ancestor of X at level L ------------------------------------------------------------


def ancestor_at_level(grid: str, level: str) -> str | None:
	"""The nearest node of `level` on the way from `grid` (itself included) up to the root."""
	path = path_of(grid)
	if not path:
		return None
	nodes = frappe.get_all(
		GRID,
		filters={NODE_PATH_FIELD: ("in", ancestor_paths(path)), "level": level},
		fields=["name", NODE_PATH_FIELD],
		as_list=True,
	)
	return max(nodes, key=lambda node: len(node[1]))[0] if nodes else None


# --- the child of G that X lies under --------------------------------------------------------


def child_key_sql(column: str, parent_path: str) -> str:
	"""SQL: for a path in `column` under `parent_path`, the path of the child of that node it lies
	under, without its trailing "/" (a record on the node itself gives the node's whole path)."""
	subtree_bounds(parent_path)  # refuses anything that is not a path
	return f"substring_index({column}, '{PATH_SEPARATOR}', {parent_path.count(PATH_SEPARATOR) + 1})"
