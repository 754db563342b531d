# Copyright (c) 2026, fulian_grid developers
# License: MIT. See LICENSE
"""The seed's service figures for a grid subtree and a period, each a count or sum over records.
The figures, their scope and their small-cell rule are in queries/statistics.py."""

import frappe
from frappe import _

from fulian_grid.queries.statistics import service_figures


def execute(filters=None):
	return columns(), service_figures(frappe._dict(filters or {}))


def columns():
	return [
		{"fieldname": "label", "label": _("Service Figure"), "fieldtype": "Data", "width": 320},
		{
			"fieldname": "value",
			"label": _("Figure Value"),
			"fieldtype": "Float",
			"precision": 0,
			"width": 120,
		},
		{
			"fieldname": "detail",
			"label": _("Detail Value"),
			"fieldtype": "Float",
			"precision": 2,
			"width": 140,
		},
		{"fieldname": "detail_label", "label": _("Detail Measure"), "fieldtype": "Data", "width": 160},
		# the DocType's name as text: a Link to DocType would have Frappe check that every user
		# of the report may read DocType records, refusing the report to all scoped roles
		{"fieldname": "source", "label": _("Source Records"), "fieldtype": "Data", "width": 180},
	]
