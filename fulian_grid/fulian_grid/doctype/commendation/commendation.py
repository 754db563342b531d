# Copyright (c) 2026, fulian_grid developers
# License: MIT. See LICENSE
"""先进典型 (ch. 10): an honour awarded to an executive, with its evidence."""

import frappe
from frappe import _
from frappe.model.document import Document
from frappe.utils import getdate, today

FIRST_YEAR = 1949


class CommendationValidationError(frappe.ValidationError):
	pass


class Commendation(Document):
	# begin: auto-generated types
	# This code is auto-generated. Do not modify anything in this block.

	from typing import TYPE_CHECKING

	if TYPE_CHECKING:
		from frappe.types import DF

		awarding_body: DF.Data
		evidence: DF.Attach | None
		evidence_note: DF.SmallText | None
		executive_name: DF.Data | None
		federation_executive: DF.Link
		governance_grid: DF.Link
		grid_path: DF.Data | None
		honour: DF.Data
		level: DF.Literal["National", "Provincial", "City", "County", "Township", "Community"]
		women_federation: DF.Link | None
		year: DF.Int

	# end: auto-generated types
	def validate(self):
		self.validate_year()

	def validate_year(self):
		if not FIRST_YEAR <= int(self.year or 0) <= getdate(today()).year:
			frappe.throw(
				_("The year must lie between {0} and {1}").format(FIRST_YEAR, getdate(today()).year),
				CommendationValidationError,
			)
