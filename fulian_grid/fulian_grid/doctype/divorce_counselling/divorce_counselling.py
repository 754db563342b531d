# Copyright (c) 2026, fulian_grid developers
# License: MIT. See LICENSE

import frappe
from frappe import _
from frappe.utils import getdate

from fulian_grid.domain.identity import NAME, mask
from fulian_grid.privacy import SensitiveDocument, executive_user

# Outcomes counted as "cancelled or postponed the divorce registration" in the seed's figures.


class CounsellingValidationError(frappe.ValidationError):
	pass


class DivorceCounselling(SensitiveDocument):
	"""离婚调适辅导: the couple and the notes are sensitive; only handlers in scope and the
	counsellor see them. Statistics count records and never show who."""

	# begin: auto-generated types
	# This code is auto-generated. Do not modify anything in this block.

	from typing import TYPE_CHECKING

	if TYPE_CHECKING:
		from frappe.types import DF

		counselling_date: DF.Date
		counselling_notes: DF.SmallText | None
		counselling_sessions: DF.Int
		counsellor: DF.Link | None
		couple_masked: DF.Data | None
		governance_grid: DF.Link
		grid_path: DF.Data | None
		husband_name: DF.Data
		outcome: DF.Literal[
			"In Counselling", "Registration Cancelled", "Registration Postponed", "Divorced", "Other Outcome"
		]
		outcome_on: DF.Date | None
		wife_name: DF.Data
	# end: auto-generated types

	def responsible_user(self):
		return executive_user(self.counsellor)

	def validate(self):
		self.validate_outcome_date()
		self.set_masked_values()

	def validate_outcome_date(self):
		if self.outcome_on and getdate(self.outcome_on) < getdate(self.counselling_date):
			frappe.throw(_("The outcome cannot be dated before the counselling"), CounsellingValidationError)

	def set_masked_values(self):
		self.couple_masked = f"{mask(NAME, self.wife_name)} / {mask(NAME, self.husband_name)}"
