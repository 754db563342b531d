# Copyright (c) 2026, fulian_grid developers
# License: MIT. See LICENSE
"""执委述职: the executive's own account of a period, with an evidence summary counted from her
records (the same indicators a duty evaluation measures)."""

import frappe
from frappe import _
from frappe.model.document import Document
from frappe.utils import getdate

from fulian_grid.domain import DomainError
from fulian_grid.domain.scoring import validate_period
from fulian_grid.indicators import measure_all
from fulian_grid.utils import throw


class DutyReportValidationError(frappe.ValidationError):
	pass


def evidence_summary(executive: str, start, end, grid: str) -> str:
	lines = []
	for result in measure_all(executive, start, end, grid):
		if not result.available:
			lines.append(_("{0}: source not available").format(_(result.indicator)))
			continue
		value = int(result.value) if float(result.value).is_integer() else result.value
		records = "、".join(result.names) if result.names else _("none")
		lines.append(_("{0}: {1} ({2})").format(_(result.indicator), value, records))
	return "\n".join(lines)


class DutyReport(Document):
	# begin: auto-generated types
	# This code is auto-generated. Do not modify anything in this block.

	from typing import TYPE_CHECKING

	if TYPE_CHECKING:
		from frappe.types import DF

		evidence_summary: DF.LongText | None
		executive_name: DF.Data | None
		federation_executive: DF.Link
		governance_grid: DF.Link
		grid_path: DF.Data | None
		own_account: DF.TextEditor
		period_end: DF.Date
		period_start: DF.Date
		report_date: DF.Date | None
		women_federation: DF.Link | None

	# end: auto-generated types
	def validate(self):
		self.validate_period()
		self.validate_own_report()
		self.evidence_summary = evidence_summary(
			self.federation_executive, self.period_start, self.period_end, self.governance_grid
		)

	def validate_period(self):
		try:
			validate_period(getdate(self.period_start), getdate(self.period_end))
		except DomainError as error:
			throw(error, DutyReportValidationError)

	def validate_own_report(self):
		"""An executive writes her own report; chairs and officers may file one for her."""
		roles = set(frappe.get_roles())
		if frappe.session.user == "Administrator" or roles & {
			"Fulian Admin",
			"Fulian Officer",
			"Fulian Grid Chair",
		}:
			return
		if (
			frappe.db.get_value("Federation Executive", self.federation_executive, "user")
			!= frappe.session.user
		):
			frappe.throw(_("An executive can only write her own duty report"), frappe.PermissionError)
