# Copyright (c) 2026, fulian_grid developers
# License: MIT. See LICENSE
"""The session user's led and co-led projects at a glance: progress, next milestone, overdue."""

import frappe
from frappe import _
from frappe.utils import getdate, today

from fulian_grid.queries.projects import led_project_names


def execute(filters=None):
	names = led_project_names()
	on = getdate(today())
	rows = frappe.get_list(
		"Led Project",
		filters={"name": ("in", names or [""])},
		fields=[
			"name",
			"project_title",
			"project_type",
			"status",
			"lead_user",
			"governance_grid",
			"start_date",
			"end_date",
			"progress",
			"next_milestone_due",
		],
		order_by="start_date asc",
	)
	for row in rows:
		row.status = _(row.status)  # a Data column shows the stored English option otherwise
		row.my_part = _("Lead Executive") if row.lead_user == frappe.session.user else _("Co-lead")
		row.milestone_overdue = int(bool(row.next_milestone_due and getdate(row.next_milestone_due) < on))
	return columns(), rows


def columns():
	return [
		{
			"fieldname": "name",
			"label": _("Led Project"),
			"fieldtype": "Link",
			"options": "Led Project",
			"width": 150,
		},
		{"fieldname": "project_title", "label": _("Project Title"), "fieldtype": "Data", "width": 200},
		{
			"fieldname": "project_type",
			"label": _("Project Type"),
			"fieldtype": "Link",
			"options": "Led Project Type",
			"width": 140,
		},
		{"fieldname": "my_part", "label": _("My Part"), "fieldtype": "Data", "width": 90},
		{"fieldname": "status", "label": _("Project Status"), "fieldtype": "Data", "width": 100},
		{"fieldname": "start_date", "label": _("Start Date"), "fieldtype": "Date", "width": 100},
		{"fieldname": "end_date", "label": _("End Date"), "fieldtype": "Date", "width": 100},
		{"fieldname": "progress", "label": _("Progress"), "fieldtype": "Percent", "width": 100},
		{
			"fieldname": "next_milestone_due",
			"label": _("Next Milestone Due"),
			"fieldtype": "Date",
			"width": 130,
		},
		{
			"fieldname": "milestone_overdue",
			"label": _("Milestone Overdue"),
			"fieldtype": "Check",
			"width": 120,
		},
	]
