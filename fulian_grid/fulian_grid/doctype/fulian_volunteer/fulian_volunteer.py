# Copyright (c) 2026, fulian_grid developers
# License: MIT. See LICENSE

import frappe
from frappe.model.document import Document

from fulian_grid.domain import DomainError
from fulian_grid.domain.ids import mobile_error, normalize_mobile
from fulian_grid.utils import throw


class FulianVolunteer(Document):
	"""A 贴心娘家人 volunteer: member of teams, credited with hours in volunteer projects."""

	def validate(self):
		if self.mobile:
			self.mobile = normalize_mobile(self.mobile)
			if error := mobile_error(self.mobile):
				throw(DomainError(error), frappe.ValidationError)
