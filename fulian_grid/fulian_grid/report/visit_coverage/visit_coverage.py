# Copyright (c) 2026, fulian_grid developers
# License: MIT. See LICENSE
"""Visit coverage: per grid node of a level within a subtree, the households visited in a period
(distinct ledger entries or households of submitted visits in its subtree) against its households.
A household's name is in the vault; households are told apart by its blind index."""

import frappe
from frappe import _
from frappe.utils import get_first_day, get_last_day, getdate, today

from fulian_grid import subtree, vault
from fulian_grid.permissions import scope_condition
from fulian_grid.reporting import column, grid_columns


def execute(filters=None):
	filters = frappe._dict(filters or {})
	values = {
		"level": filters.get("level") or "Grid",
		"from_date": getdate(filters.get("from_date") or get_first_day(today())),
		"to_date": getdate(filters.get("to_date") or get_last_day(today())),
	}
	conditions = ["n.level = %(level)s", scope_condition("Governance Grid", table="n") or "1=1"]
	if path := subtree.readable_path(filters.get("governance_grid")):
		conditions.append(subtree.condition("Governance Grid", [path], table="n"))
	data = frappe.db.sql(
		f"""select n.name as governance_grid, n.grid_name, ifnull(n.households, 0) as households,
			(select count(distinct coalesce(v.screening_ledger, household.blind_index, v.name))
				from `tabHome Visit` v
				left join `{vault.TABLE}` household on household.doctype = 'Home Visit'
					and household.name = v.name and household.fieldname = 'household'
				where v.docstatus = 1
					and v.visit_date between %(from_date)s and %(to_date)s
					and {subtree.correlated("v.grid_path", "n.tree_path")}
					and {scope_condition("Home Visit", table="v") or "1=1"}) as visited
		from `tabGovernance Grid` n
		where {" and ".join(conditions)}
		order by n.lft""",
		values,
		as_dict=True,
	)
	for row in data:
		row.coverage = round(100.0 * row.visited / row.households, 1) if row.households else None
	return columns(), data


def columns():
	return [
		*grid_columns(),
		column("households", _("Households"), width=100),
		column("visited", _("Households Visited"), width=130),
		column("coverage", _("Coverage (%)"), "Percent", 110),
	]
