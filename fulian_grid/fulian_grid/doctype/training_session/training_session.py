# Copyright (c) 2026, fulian_grid developers
# License: MIT. See LICENSE
"""履职能力培训: a training session of executives on one of the areas of ch. 9."""

import frappe
from frappe import _
from frappe.model.document import Document


class TrainingValidationError(frappe.ValidationError):
	pass


class TrainingSession(Document):
	# begin: auto-generated types
	# This code is auto-generated. Do not modify anything in this block.

	from typing import TYPE_CHECKING

	if TYPE_CHECKING:
		from frappe.types import DF

		from fulian_grid.fulian_grid.doctype.training_attendee.training_attendee import TrainingAttendee

		attendee_count: DF.Int
		attendees: DF.Table[TrainingAttendee]
		governance_grid: DF.Link
		grid_path: DF.Data | None
		hours: DF.Float
		title: DF.Data | None
		trainer: DF.Data
		training_date: DF.Date
		training_topic: DF.Link
		venue: DF.Data | None
		women_federation: DF.Link

	# end: auto-generated types
	def validate(self):
		self.validate_topic()
		self.validate_hours()
		self.validate_attendees()
		self.attendee_count = len(self.attendees)
		self.title = self.title or self.training_topic

	def validate_topic(self):
		if not frappe.db.get_value("Training Topic", self.training_topic, "enabled"):
			frappe.throw(
				_("Unknown or disabled training topic: {0}").format(self.training_topic),
				TrainingValidationError,
			)

	def validate_hours(self):
		if (self.hours or 0) <= 0:
			frappe.throw(_("The training must last more than zero hours"), TrainingValidationError)

	def validate_attendees(self):
		if not self.attendees:
			frappe.throw(_("A training needs at least one attendee"), TrainingValidationError)
		executives = [row.federation_executive for row in self.attendees]
		if len(set(executives)) != len(executives):
			frappe.throw(_("An executive is listed twice among the attendees"), TrainingValidationError)
