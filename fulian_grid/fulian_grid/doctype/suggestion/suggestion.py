# Copyright (c) 2026, fulian_grid developers
# License: MIT. See LICENSE
"""征集建议: a suggestion from an executive or a resident, and the federation's response."""

import frappe
from frappe import _
from frappe.model.document import Document
from frappe.utils import getdate, today

ANSWERED = ("Adopted", "Not Adopted", "Closed")


class SuggestionValidationError(frappe.ValidationError):
	pass


class Suggestion(Document):
	# begin: auto-generated types
	# This code is auto-generated. Do not modify anything in this block.

	from typing import TYPE_CHECKING

	if TYPE_CHECKING:
		from frappe.types import DF

		content: DF.Text
		federation_executive: DF.Link | None
		governance_grid: DF.Link
		grid_path: DF.Data | None
		resident_name: DF.Data | None
		responded_on: DF.Date | None
		response: DF.Text | None
		source_type: DF.Literal["Executive", "Resident"]
		status: DF.Literal["Open", "Under Review", "Adopted", "Not Adopted", "Closed"]
		submitted_on: DF.Date
		topic: DF.Data
		women_federation: DF.Link

	# end: auto-generated types
	def validate(self):
		self.validate_source()
		self.validate_response()

	def validate_source(self):
		if self.source_type == "Executive" and not self.federation_executive:
			frappe.throw(_("Choose the executive who made the suggestion"), SuggestionValidationError)
		if self.source_type == "Resident" and not (self.resident_name or "").strip():
			frappe.throw(_("Enter the resident who made the suggestion"), SuggestionValidationError)
		if getdate(self.submitted_on) > getdate(today()):
			frappe.throw(_("A suggestion cannot be dated in the future"), SuggestionValidationError)

	def validate_response(self):
		if self.status in ANSWERED:
			if not (self.response or "").strip():
				frappe.throw(_("Give the response before closing the suggestion"), SuggestionValidationError)
			self.responded_on = self.responded_on or today()
