# Copyright (c) 2026, fulian_grid developers
# License: MIT. See LICENSE
"""妇女议事会活动记录 (appendix E): one deliberation, in one of the four forms of ch. 9."""

import frappe
from frappe import _
from frappe.model.document import Document
from frappe.utils import add_to_date, get_datetime


class DeliberationValidationError(frappe.ValidationError):
	pass


class DeliberationRecord(Document):
	# begin: auto-generated types
	# This code is auto-generated. Do not modify anything in this block.

	from typing import TYPE_CHECKING

	if TYPE_CHECKING:
		from frappe.types import DF

		from fulian_grid.fulian_grid.doctype.deliberation_action.deliberation_action import DeliberationAction
		from fulian_grid.fulian_grid.doctype.deliberation_attendee.deliberation_attendee import (
			DeliberationAttendee,
		)

		attachment: DF.Attach | None
		attendees: DF.Table[DeliberationAttendee]
		convener: DF.Link
		convener_name: DF.Data | None
		deliberation_form: DF.Literal["Centralized", "On-site", "Door-to-door", "Reception"]
		discussion: DF.Text | None
		end_time: DF.Datetime | None
		follow_up_actions: DF.Table[DeliberationAction]
		governance_grid: DF.Link
		grid_path: DF.Data | None
		issues_raised: DF.Text | None
		recorder: DF.Link | None
		recorder_name: DF.Data | None
		resolutions: DF.Text | None
		start_time: DF.Datetime
		topic: DF.Data
		total_headcount: DF.Int
		venue: DF.Data
		women_federation: DF.Link

	# end: auto-generated types
	def validate(self):
		self.validate_times()
		self.validate_attendees()
		self.set_total_headcount()
		self.validate_follow_up_actions()

	def validate_times(self):
		if not self.end_time:
			self.end_time = add_to_date(get_datetime(self.start_time), hours=2)  # the calendar needs an end
		if get_datetime(self.end_time) < get_datetime(self.start_time):
			frappe.throw(_("The deliberation cannot end before it starts"), DeliberationValidationError)

	def validate_attendees(self):
		if not self.attendees:
			frappe.throw(_("A deliberation needs at least one attendee"), DeliberationValidationError)
		for row in self.attendees:
			if row.attendee_type == "Executive" and not row.federation_executive:
				frappe.throw(
					_("Attendees row {0}: choose the executive").format(row.idx), DeliberationValidationError
				)
			if row.attendee_type == "Resident" and not (row.attendee_name or "").strip():
				frappe.throw(
					_("Attendees row {0}: enter the resident's name or a description").format(row.idx),
					DeliberationValidationError,
				)
			if (row.headcount or 0) < 1:
				frappe.throw(
					_("Attendees row {0}: the headcount must be at least 1").format(row.idx),
					DeliberationValidationError,
				)

	def set_total_headcount(self):
		self.total_headcount = sum(row.headcount or 0 for row in self.attendees)

	def validate_follow_up_actions(self):
		for row in self.follow_up_actions:
			if row.due_date and get_datetime(row.due_date).date() < get_datetime(self.start_time).date():
				frappe.throw(
					_("Follow-up row {0}: the due date cannot be before the deliberation").format(row.idx),
					DeliberationValidationError,
				)
