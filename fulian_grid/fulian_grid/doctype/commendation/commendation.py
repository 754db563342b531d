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
	def validate(self):
		self.validate_year()

	def validate_year(self):
		if not FIRST_YEAR <= int(self.year or 0) <= getdate(today()).year:
			frappe.throw(
				_("The year must lie between {0} and {1}").format(FIRST_YEAR, getdate(today()).year),
				CommendationValidationError,
			)
