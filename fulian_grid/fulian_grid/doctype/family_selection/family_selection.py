# Copyright (c) 2026, fulian_grid developers
# License: MIT. See LICENSE

import frappe
from frappe import _
from frappe.model.document import Document
from frappe.utils import getdate, today


class FamilySelection(Document):
	"""A family selected as 最美家庭 or 五好文明家庭 in a year, at a level."""

	def validate(self):
		if not (1949 <= (self.selection_year or 0) <= getdate(today()).year):
			frappe.throw(
				_("The selection year {0} is not a past or current year").format(self.selection_year)
			)
