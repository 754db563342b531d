"""Link searches of the Grid Role Assignment form: which roles and which grids can be assigned."""

import frappe
from frappe import _

from fulian_grid.roles import APP_ROLES

SYSTEM_MANAGER = "System Manager"


def _may_assign():
	frappe.has_permission("Grid Role Assignment", "create", throw=True)


@frappe.whitelist()
def assignable_roles(
	doctype: str, txt: str, searchfield: str, start: int, page_len: int, filters: dict | str | None = None
) -> list[tuple[str, str]]:
	"""Only the app's six roles are assigned per grid (the controller refuses any other)."""
	_may_assign()
	txt = (txt or "").strip().lower()
	found = [(role, _(role)) for role in APP_ROLES if txt in role.lower() or txt in _(role).lower()]
	return found[int(start) : int(start) + int(page_len)]


@frappe.whitelist()
def assignable_grids(
	doctype: str, txt: str, searchfield: str, start: int, page_len: int, filters: dict | str | None = None
) -> list[tuple[str, str, str]]:
	"""Grids where the user may assign roles: every grid for a System Manager, who administers
	access without reading grid records (a grid's name and level are not sensitive); for a Fulian
	Admin the grids she may read."""
	_may_assign()
	read = frappe.get_all if SYSTEM_MANAGER in frappe.get_roles() else frappe.get_list
	like = f"%{txt or ''}%"
	rows = read(
		"Governance Grid",
		or_filters={"name": ("like", like), "grid_name": ("like", like)},
		fields=["name", "grid_name", "level"],
		order_by="lft asc",
		limit_start=int(start),
		limit_page_length=int(page_len),
	)
	return [(row.name, row.grid_name, _(row.level)) for row in rows]
