"""Data of the workspace's Group By charts with translated group labels.

Frappe v15's own Group By chart returns the stored values (High, In Progress, Registration
Cancelled…), so a Chinese desk shows English labels. The charts keep Frappe's Group By settings
(document type, group-by field, count or sum) and use this source instead, which reads them the
same way, through frappe.get_list (so every user counts only what she may read), and translates
each label."""

import frappe
from frappe import _

from fulian_grid import replica


@frappe.whitelist()
@replica.read_only()
def grouped_count(
	chart_name: str,
	filters: str | list | dict | None = None,
	refresh: int | str | None = None,
	time_interval: str | None = None,
	timespan: str | None = None,
	from_date: str | None = None,
	to_date: str | None = None,
	heatmap_year: str | None = None,
) -> dict:
	chart = frappe.get_doc("Dashboard Chart", chart_name)
	chart.check_permission("read")
	frappe.has_permission(chart.document_type, "read", throw=True)
	value = f"sum(`{chart.aggregate_function_based_on}`)" if chart.group_by_type == "Sum" else "count(*)"
	rows = frappe.get_list(
		chart.document_type,
		fields=[f"`{chart.group_by_based_on}` as label", f"{value} as count"],
		filters=frappe.parse_json(filters) or frappe.parse_json(chart.filters_json) or [],
		group_by=chart.group_by_based_on,
		order_by="count desc",
	)
	return {
		"labels": [_(row.label) if row.label else _("Not Set") for row in rows],
		"datasets": [{"name": _(chart.chart_name), "values": [row.count or 0 for row in rows]}],
	}
