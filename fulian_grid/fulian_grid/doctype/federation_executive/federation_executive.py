# Copyright (c) 2026, fulian_grid developers
# License: MIT. See LICENSE

import frappe
from frappe import _
from frappe.utils import getdate

from fulian_grid.domain.ids import birth_date_from_id
from fulian_grid.privacy import SensitiveDocument


class InvalidIdentityError(frappe.ValidationError):
	pass


class FederationExecutive(SensitiveDocument):
	def responsible_user(self):
		return self.user  # her own identity

	def validate(self):
		self.validate_birth_date()
		self.validate_term()
		self.two_way_post_count = len(self.posts)

	def validate_birth_date(self):
		"""The birth date agrees with the ID number (checked by the vault as it was typed)."""
		if not self.id_number:
			return
		born = birth_date_from_id(self.id_number)
		if not self.birth_date:
			self.birth_date = born
		elif getdate(self.birth_date) != born:
			frappe.throw(_("The birth date does not match the ID number"), InvalidIdentityError)

	def validate_term(self):
		if self.term_start and self.term_end and getdate(self.term_end) < getdate(self.term_start):
			frappe.throw(_("The term cannot end before it starts"))
