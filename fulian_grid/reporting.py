"""Small helpers shared by the app's Script Reports (columns)."""

from frappe import _


def column(fieldname: str, label: str, fieldtype: str = "Int", width: int = 110, **extra) -> dict:
	"""A report column; `label` is already translated by the caller (`_("...")` at the call site)."""
	return {"fieldname": fieldname, "label": label, "fieldtype": fieldtype, "width": width, **extra}


def grid_columns() -> list[dict]:
	"""The leading columns of reports with one row per grid node."""
	return [
		column("governance_grid", _("Governance Grid"), "Link", 140, options="Governance Grid"),
		column("grid_name", _("Grid Name"), "Data", 160),
	]
