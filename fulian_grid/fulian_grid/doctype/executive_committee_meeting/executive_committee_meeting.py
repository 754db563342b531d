# Copyright (c) 2026, fulian_grid developers
# License: MIT. See LICENSE
"""执委会: a meeting of a federation's executive committee."""

import frappe
from frappe import _
from frappe.model.document import Document
from frappe.utils import getdate, today


class MeetingValidationError(frappe.ValidationError):
	pass


class ExecutiveCommitteeMeeting(Document):
	# begin: auto-generated types
	# This code is auto-generated. Do not modify anything in this block.

	from typing import TYPE_CHECKING

	if TYPE_CHECKING:
		from frappe.types import DF

		from fulian_grid.fulian_grid.doctype.meeting_attendee.meeting_attendee import MeetingAttendee

		agenda: DF.Text
		attended_count: DF.Int
		attendees: DF.Table[MeetingAttendee]
		decisions: DF.Text | None
		governance_grid: DF.Link
		grid_path: DF.Data | None
		meeting_date: DF.Date
		status: DF.Literal["Planned", "Held", "Cancelled"]
		venue: DF.Data | None
		women_federation: DF.Link

	# end: auto-generated types
	def validate(self):
		self.validate_held_not_in_future()
		self.validate_attendees()
		self.attended_count = sum(1 for row in self.attendees if row.attended)

	def validate_held_not_in_future(self):
		if self.status == "Held" and getdate(self.meeting_date) > getdate(today()):
			frappe.throw(_("A meeting dated in the future cannot be marked as held"), MeetingValidationError)

	def validate_attendees(self):
		seen = set()
		for row in self.attendees:
			if row.federation_executive in seen:
				frappe.throw(
					_("Executive {0} is listed twice").format(row.executive_name or row.federation_executive),
					MeetingValidationError,
				)
			seen.add(row.federation_executive)
		if self.status == "Held" and not any(row.attended for row in self.attendees):
			frappe.throw(_("A held meeting needs the executives who attended"), MeetingValidationError)
