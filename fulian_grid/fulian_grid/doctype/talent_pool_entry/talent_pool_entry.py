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
	# begin: auto-generated types
	# This code is auto-generated. Do not modify anything in this block.

	from typing import TYPE_CHECKING

	if TYPE_CHECKING:
		from frappe.types import DF

		executive_name: DF.Data | None
		federation_executive: DF.Link
		governance_grid: DF.Link
		grid_path: DF.Data | None
		since: DF.Date
		source: DF.Literal["Duty Evaluation", "Commendation", "Recommendation", "Self-nomination"]
		source_note: DF.SmallText | None
		status: DF.Literal["Active", "Left"]
		strengths: DF.Text
		women_federation: DF.Link | None

	# end: auto-generated types
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
