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
