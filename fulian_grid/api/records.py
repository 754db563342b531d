"""Moving a record to another grid: a handler's act at both ends, with a reason, on record."""

import frappe
from frappe import _

from fulian_grid.permissions import GRID, SCOPE_FIELD, roles_here
from fulian_grid.roles import HANDLER_ROLES


@frappe.whitelist(methods=["POST"])
def move_to_grid(doctype: str, name: str, governance_grid: str, reason: str) -> str:
	"""Move an app record to `governance_grid`. The user must handle both the grid it lies in and
	the grid it goes to (a write right in two grids is not enough: it would pull records across);
	the reason and both grids are written to the record's timeline. Returns the new grid."""
	if not (reason or "").strip():
		frappe.throw(_("Give the reason for the move."))
	doc = frappe.get_doc(doctype, name)
	doc.check_permission("write")
	if not frappe.get_meta(doctype).has_field(SCOPE_FIELD) or not frappe.db.exists(GRID, governance_grid):
		frappe.throw(_("Choose a grid to move the record to."))
	origin = doc.get(SCOPE_FIELD)
	for grid in (origin, governance_grid):
		if not set(HANDLER_ROLES) & roles_here(grid):
			frappe.throw(
				_("Only a handler of both grids may move a record: you do not handle {0}.").format(
					frappe.db.get_value(GRID, grid, "grid_name")
					if frappe.has_permission(GRID, doc=grid)
					else grid
				),
				frappe.PermissionError,
			)
	doc.set(SCOPE_FIELD, governance_grid)
	doc.flags.moving_grid = True
	doc.save()
	doc.add_comment("Info", _("Moved from grid {0} to {1}: {2}").format(origin, governance_grid, reason))
	return governance_grid
