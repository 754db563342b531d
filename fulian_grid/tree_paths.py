"""Keeping tree paths (see domain/tree.py) on the grid and on every scoped record."""

import frappe

from fulian_grid import subtree
from fulian_grid.domain.tree import PATH_SEPARATOR, child_path
from fulian_grid.subtree import GRID


def new_token() -> str:
	return frappe.generate_hash(length=10)  # lowercase hex: a path token


def path_for(node) -> str:
	"""The path a node should carry under its current parent, keeping its own token."""
	parent_path = (
		frappe.db.get_value(GRID, node.parent_governance_grid, "tree_path")
		if node.parent_governance_grid
		else None
	)
	token = (
		node.tree_path.rstrip(PATH_SEPARATOR).rsplit(PATH_SEPARATOR, 1)[-1] if node.tree_path else new_token()
	)
	return child_path(parent_path, token)


def doctypes_with_grid_path() -> list[str]:
	return frappe.get_all(
		"DocField", filters={"fieldname": "grid_path", "parenttype": "DocType"}, pluck="parent"
	)


def followers(doctype: str) -> list[tuple[str, str]]:
	"""(DocType, link field) of the scoped records that belong to a record of `doctype`: they link
	to it and lie in its grid (a report's protection orders, warnings, consents, referrals…)."""
	from fulian_grid.hooks import _GRID_SCOPED_DOCTYPES

	scoped = set(_GRID_SCOPED_DOCTYPES) & set(doctypes_with_grid_path()) - {"Identity Access Log"}
	return frappe.get_all(
		"DocField",
		filters={"parenttype": "DocType", "fieldtype": "Link", "options": doctype, "parent": ("in", scoped)},
		fields=["parent", "fieldname"],
		as_list=True,
	)


def carry_followers(doc, origin: str) -> int:
	"""`doc` moved from grid `origin` to another: the records that belong to it (link it and lay
	in `origin`) move with it, in the same transaction; each would otherwise stay in the old grid
	and its next save be refused. A record of another grid that links it is not its own and stays
	where it is; the access log stays where it was written. Returns how many moved."""
	moved = 0
	for doctype, field in followers(doc.doctype):
		names = frappe.get_all(doctype, filters={field: doc.name, "governance_grid": origin}, pluck="name")
		if names:
			frappe.db.set_value(
				doctype,
				{"name": ("in", names)},
				{"governance_grid": doc.governance_grid, "grid_path": doc.grid_path},
			)
			moved += len(names)
	return moved


def restamp(old_prefix: str, new_prefix: str) -> None:
	"""A node moved: re-prefix its subtree and every record placed in it."""
	if old_prefix == new_prefix:
		return
	from fulian_grid.permissions import clear_assignment_cache

	clear_assignment_cache()  # assigned grids may have moved
	values = {"new": new_prefix, "cut": len(old_prefix) + 1}
	frappe.db.sql(
		f"""update `tabGovernance Grid` set tree_path = concat(%(new)s, substring(tree_path, %(cut)s))
		where {subtree.condition(GRID, [old_prefix])}""",
		values,
	)
	for doctype in doctypes_with_grid_path():
		frappe.db.sql(
			f"""update `tab{doctype}` set grid_path = concat(%(new)s, substring(grid_path, %(cut)s))
			where {subtree.condition(doctype, [old_prefix])}""",
			values,
		)


def stamp_all() -> None:
	"""Give every node a path (parents first) and every scoped record its grid's path."""
	from fulian_grid.permissions import clear_assignment_cache

	clear_assignment_cache()
	for name, parent, path in frappe.db.sql(
		"select name, parent_governance_grid, tree_path from `tabGovernance Grid` order by lft"
	):
		if path:
			continue
		parent_path = frappe.db.get_value(GRID, parent, "tree_path") if parent else None
		frappe.db.set_value(
			GRID, name, "tree_path", child_path(parent_path, new_token()), update_modified=False
		)
	for doctype in doctypes_with_grid_path():
		frappe.db.sql(
			f"""update `tab{doctype}` record join `tabGovernance Grid` grid on grid.name = record.governance_grid
			set record.grid_path = grid.tree_path
			where not (record.grid_path <=> grid.tree_path)"""
		)
