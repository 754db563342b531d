# Copyright (c) 2026, fulian_grid developers
# License: MIT. See LICENSE
"""优秀网格妇联人才库 (ch. 10): an executive in the pool of excellent grid-federation people."""

import frappe
from frappe import _
from frappe.model.document import Document
from frappe.utils import getdate, today


class TalentPoolValidationError(frappe.ValidationError):
	pass


class TalentPoolEntry(Document):
	def validate(self):
		self.validate_since()
		self.validate_single_active_entry()

	def validate_since(self):
		if getdate(self.since) > getdate(today()):
			frappe.throw(
				_("An executive cannot join the talent pool in the future"), TalentPoolValidationError
			)

	def validate_single_active_entry(self):
		if self.status != "Active":
			return
		other = frappe.db.exists(
			"Talent Pool Entry",
			{
				"federation_executive": self.federation_executive,
				"status": "Active",
				"name": ("!=", self.name or ""),
			},
		)
		if other:
			frappe.throw(
				_("Executive {0} is already in the talent pool ({1})").format(self.executive_name, other),
				TalentPoolValidationError,
			)
