# Copyright (c) 2026, fulian_grid developers
# License: MIT. See LICENSE
"""A personal-information impact assessment (PIPL arts. 55–56): one per processing purpose, made
before sensitive information is processed, reviewed yearly and kept at least three years."""

import frappe
from frappe import _
from frappe.model.document import Document
from frappe.utils import getdate, today

from fulian_grid.domain.casework import assessment_dates
from fulian_grid.permissions import users_covering


class ImpactAssessmentError(frappe.ValidationError):
	pass


class ImpactAssessment(Document):
	# begin: auto-generated types
	# This code is auto-generated. Do not modify anything in this block.

	from typing import TYPE_CHECKING

	if TYPE_CHECKING:
		from frappe.types import DF

		assessed_on: DF.Date
		conclusion: DF.Literal["Proceed", "Proceed with Measures", "Do Not Proceed"]
		governance_grid: DF.Link
		grid_path: DF.Data | None
		impact_on_rights: DF.SmallText
		keep_until: DF.Date | None
		lawful_and_necessary: DF.SmallText
		measures: DF.SmallText
		next_review_due: DF.Date | None
		purpose: DF.Data
		review_notified_for: DF.Date | None
		review_overdue: DF.Check
		sensitive_information: DF.Check

	# end: auto-generated types
	def validate(self):
		if getdate(self.assessed_on) > getdate(today()):
			frappe.throw(_("An assessment cannot be dated in the future"), ImpactAssessmentError)
		self.next_review_due, self.keep_until = assessment_dates(getdate(self.assessed_on))
		self.review_overdue = int(getdate(self.next_review_due) < getdate(today()))

	def on_trash(self):
		if getdate(today()) < getdate(self.keep_until):
			frappe.throw(
				_("An impact assessment is kept until {0} (three years)").format(self.keep_until),
				ImpactAssessmentError,
			)


def remind_reviews(on=None) -> int:
	"""Daily: an assessment due for its yearly review is told to the one who made it and the
	federation's admins where it lies, once per due date."""
	on = getdate(on or today())
	due = frappe.get_all(
		"Impact Assessment",
		filters={"next_review_due": ("<=", on)},
		fields=["name", "owner", "grid_path", "purpose", "next_review_due", "review_notified_for"],
	)
	told = 0
	for row in due:
		if row.review_notified_for == row.next_review_due:
			continue
		for user in sorted(
			{row.owner, *users_covering(row.grid_path, ("Fulian Admin",))} - {"Administrator"}
		):
			frappe.get_doc(
				{
					"doctype": "ToDo",
					"allocated_to": user,
					"reference_type": "Impact Assessment",
					"reference_name": row.name,
					"date": on,
					"description": _("Review the impact assessment of {0} (due {1})").format(
						row.purpose, row.next_review_due
					),
				}
			).insert(ignore_permissions=True)
		frappe.db.set_value(
			"Impact Assessment",
			row.name,
			{"review_notified_for": row.next_review_due, "review_overdue": int(row.next_review_due < on)},
			update_modified=False,
		)
		told += 1
	return told
