# Copyright (c) 2026, fulian_grid developers
# License: MIT. See LICENSE

import frappe
from frappe import _
from frappe.utils import getdate, today

from fulian_grid import subtree
from fulian_grid.fulian_grid.doctype.screening_ledger.screening_ledger import record_visit
from fulian_grid.privacy import SensitiveDocument, executive_user


class VisitValidationError(frappe.ValidationError):
	pass


class HomeVisit(SensitiveDocument):
	# begin: auto-generated types
	# This code is auto-generated. Do not modify anything in this block.

	from typing import TYPE_CHECKING

	if TYPE_CHECKING:
		from frappe.types import DF

		address: DF.SmallText | None
		amended_from: DF.Link | None
		federation_executive: DF.Link
		findings: DF.SmallText | None
		follow_up: DF.SmallText | None
		follow_up_needed: DF.Check
		governance_grid: DF.Link
		grid_path: DF.Data | None
		household: DF.Data | None
		screening_ledger: DF.Link | None
		visit_date: DF.Date
		visit_location: DF.SmallText | None

	# end: auto-generated types
	def responsible_user(self):
		return executive_user(self.federation_executive)

	def validate(self):
		self.validate_date()
		self.validate_executive_in_grid()
		self.validate_ledger_entry()

	def validate_date(self):
		if getdate(self.visit_date) > getdate(today()):
			frappe.throw(_("A visit cannot be dated in the future"), VisitValidationError)

	def validate_executive_in_grid(self):
		"""The visitor works in this grid: her federation's area or one of her two-way posts covers it."""
		if not self.governance_grid:
			return  # Frappe's mandatory check names the missing grid
		areas = [frappe.db.get_value("Federation Executive", self.federation_executive, "governance_grid")]
		areas += frappe.get_all(
			"Executive Post", filters={"parent": self.federation_executive}, pluck="governance_grid"
		)
		if not subtree.grid_within(self.governance_grid, areas):
			frappe.throw(
				_("Executive {0} does not serve grid {1}").format(
					self.federation_executive, self.governance_grid
				),
				VisitValidationError,
			)

	def validate_ledger_entry(self):
		if not self.screening_ledger:
			return
		screened_on, grid = frappe.db.get_value(
			"Screening Ledger", self.screening_ledger, ["screened_on", "governance_grid"]
		)
		if getdate(self.visit_date) < getdate(screened_on):
			frappe.throw(
				_("A visit cannot be dated before the ledger entry was screened ({0})").format(screened_on),
				VisitValidationError,
			)
		if grid != self.governance_grid:
			frappe.throw(
				_("The visit's grid must be the ledger entry's grid ({0})").format(grid), VisitValidationError
			)

	def on_submit(self):
		if self.screening_ledger:
			record_visit(self.screening_ledger, self.visit_date)
