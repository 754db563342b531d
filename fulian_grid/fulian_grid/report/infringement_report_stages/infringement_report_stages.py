# Copyright (c) 2026, fulian_grid developers
# License: MIT. See LICENSE
"""Reports of infringement reports: per node of a level, how many are at each stage, how many are
overdue, and the median hours from discovery to report, report to verification and verification
to first service. Counts only — no identity ever appears here."""

import frappe
from frappe import _

from fulian_grid import subtree
from fulian_grid.domain.clocks import elapsed_hours, median
from fulian_grid.permissions import scope_condition
from fulian_grid.reporting import column, grid_columns

STAGES = ("Draft", "Reported", "Verified", "In Service", "Referred", "Closed", "Rejected", "Duplicate Case")
INTERVALS = {  # column: (from milestone, to milestone)
	"hours_to_report": ("discovered_at", "reported_at"),
	"hours_to_verify": ("reported_at", "verified_at"),
	"hours_to_serve": ("verified_at", "first_service_at"),
}


def execute(filters=None):
	filters = frappe._dict(filters or {})
	level = filters.get("level") or "County"
	values = {"level": level}
	node_conditions = ["n.level = %(level)s", scope_condition("Governance Grid", table="n") or "1=1"]
	report_conditions = [scope_condition("Infringement Report", table="r") or "1=1"]
	if path := subtree.readable_path(filters.get("governance_grid")):
		node_conditions.append(subtree.condition("Governance Grid", [path], table="n"))
		report_conditions.append(subtree.condition("Infringement Report", [path], table="r"))
	for key, operator in (("from_date", ">="), ("to_date", "<=")):
		if filters.get(key):
			report_conditions.append(f"date(r.discovered_at) {operator} %({key})s")
			values[key] = filters[key]
	nodes = frappe.db.sql(
		f"""select n.name, n.grid_name, n.tree_path from `tabGovernance Grid` n
		where {" and ".join(node_conditions)} order by n.lft""",
		values,
		as_dict=True,
	)
	reports = frappe.db.sql(
		f"""select r.status, r.is_overdue, r.discovered_at, r.reported_at, r.verified_at, r.first_service_at, r.grid_path
		from `tabInfringement Report` r
		where {" and ".join(report_conditions)}""",
		values,
		as_dict=True,
	)
	by_path = {node.tree_path: [] for node in nodes}
	for report in reports:
		if (node_path := subtree.lying_under(report.grid_path, by_path)) is not None:
			by_path[node_path].append(report)
	data = [summarize(node, by_path[node.tree_path]) for node in nodes]
	return columns(), data


def summarize(node, reports) -> dict:
	row = frappe._dict(governance_grid=node.name, grid_name=node.grid_name, total=len(reports))
	for stage in STAGES:
		row[frappe.scrub(stage)] = sum(1 for r in reports if r.status == stage)
	row.overdue = sum(1 for r in reports if r.is_overdue)
	for fieldname, (start, end) in INTERVALS.items():
		row[fieldname] = median(elapsed_hours(r[start], r[end]) for r in reports)
	return row


def columns():
	return [
		*grid_columns(),
		column("total", _("Total")),
		*(column(frappe.scrub(stage), _(stage)) for stage in STAGES),
		column("overdue", _("Overdue")),
		column("hours_to_report", _("Median Hours to Report"), "Float", 150),
		column("hours_to_verify", _("Median Hours to Verify"), "Float", 150),
		column("hours_to_serve", _("Median Hours to First Service"), "Float", 180),
	]
