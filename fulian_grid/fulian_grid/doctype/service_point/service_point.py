# Copyright (c) 2026, fulian_grid developers
# License: MIT. See LICENSE

import frappe
from frappe.model.document import Document


class ServicePoint(Document):
	def before_insert(self):
		self.start_signage_checklist()

	def validate(self):
		self.signage_complete = int(bool(self.signage) and all(row.in_place for row in self.signage))

	def start_signage_checklist(self):
		"""A new point starts from the brand's signage checklist (Fulian Settings, appendix A)."""
		if self.signage:
			return
		for requirement in frappe.get_all(
			"Brand Signage Requirement",
			filters={"parenttype": "Fulian Settings", "parentfield": "signage_requirements"},
			pluck="requirement",
			order_by="idx",
		):
			self.append("signage", {"requirement": requirement})
