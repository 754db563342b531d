# Copyright (c) 2026, fulian_grid developers
# License: MIT. See LICENSE
"""Due and overdue home visits per grid: active ledger entries, overdue, due soon, high risk."""

import frappe
from frappe import _
from frappe.utils import add_days, getdate, today

from fulian_grid import settings, subtree
from fulian_grid.permissions import scope_condition
from fulian_grid.reporting import column, grid_columns


def execute(filters=None):
	filters = frappe._dict(filters or {})
	on = getdate(filters.get("on") or today())
	conditions = ["l.status = 'Active'", scope_condition("Screening Ledger", table="l") or "1=1"]
	values = {"on": on, "soon": add_days(on, settings.due_soon_days())}
	if path := subtree.readable_path(filters.get("governance_grid")):
		conditions.append(subtree.condition("Screening Ledger", [path], table="l"))
	data = frappe.db.sql(
		f"""select l.governance_grid, g.grid_name, count(*) as active,
			sum(l.next_visit_due < %(on)s) as overdue,
			sum(l.next_visit_due between %(on)s and %(soon)s) as due_soon,
			sum(l.risk_level = 'High') as high_risk,
			min(l.next_visit_due) as earliest_due
		from `tabScreening Ledger` l
		join `tabGovernance Grid` g on g.name = l.governance_grid
		where {" and ".join(conditions)}
		group by l.governance_grid, g.grid_name, g.lft
		order by g.lft""",
		values,
		as_dict=True,
	)
	for row in data:
		for key in ("overdue", "due_soon", "high_risk"):
			row[key] = int(row[key] or 0)
	return columns(), data


def columns():
	return [
		*grid_columns(),
		column("active", _("Active Entries")),
		column("overdue", _("Overdue")),
		column("due_soon", _("Due Soon")),
		column("high_risk", _("High Risk")),
		column("earliest_due", _("Earliest Due"), "Date", 120),
	]
