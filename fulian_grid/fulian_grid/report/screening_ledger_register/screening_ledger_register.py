# Copyright (c) 2026, fulian_grid developers
# License: MIT. See LICENSE
"""The appendix-D ledger as a report (Excel through the report menu). Its rows, scoped and with
identities shown only where the reader may see them, are queries/ledger.py's, shared with the
.docx."""

import frappe
from frappe import _

from fulian_grid.queries.ledger import ledger_rows
from fulian_grid.reporting import column


def execute(filters=None):
	rows = ledger_rows(frappe._dict(filters or {}))
	for row in rows:
		row.gender = _(row.gender) if row.gender else ""
		row.risk_level = _(row.risk_level)
		row.categories = "、".join(_(c) for c in row.category_list)
	return columns(), rows


def columns():
	return [
		column("name", _("Screening Ledger Entry"), "Link", 130, options="Screening Ledger"),
		column("grid_name", _("Governance Grid"), "Data"),
		column("subject_name", _("Subject Name"), "Data"),
		column("gender", _("Gender"), "Data", 60),
		column("birth_date", _("Birth Date"), "Data", 100),
		column("id_number", _("ID Number"), "Data", 170),
		column("phone", _("Phone"), "Data", 120),
		column("address", _("Address"), "Data", 180),
		column("categories", _("Key Group Categories"), "Data", 160),
		column("risk_level", _("Risk Level"), "Data", 80),
		column("findings", _("Findings"), "Data", 180),
		column("help_measures", _("Help Measures"), "Data", 180),
		column("follow_up", _("Follow-up"), "Data", 200),
		column("screened_by_name", _("Screened By"), "Data"),
		column("screened_on", _("Screened On"), "Date", 100),
	]
