# Copyright (c) 2026, fulian_grid developers
# License: MIT. See LICENSE

import frappe
from frappe import _
from frappe.model.document import Document
from frappe.query_builder.functions import Sum
from frappe.utils import flt, getdate

from fulian_grid.domain.projects import check_daily_hours, check_date_in_range, check_project_dates
from fulian_grid.utils import check


class VolunteerProjectError(frappe.ValidationError):
	pass


class VolunteerProject(Document):
	# begin: auto-generated types
	# This code is auto-generated. Do not modify anything in this block.

	from typing import TYPE_CHECKING

	if TYPE_CHECKING:
		from frappe.types import DF

		from fulian_grid.fulian_grid.doctype.volunteer_participation.volunteer_participation import (
			VolunteerParticipation,
		)
		from fulian_grid.fulian_grid.doctype.volunteer_session.volunteer_session import VolunteerSession

		beneficiaries: DF.Int
		end_date: DF.Date | None
		governance_grid: DF.Link
		grid_path: DF.Data | None
		participant_count: DF.Int
		participants: DF.Table[VolunteerParticipation]
		project_name: DF.Data
		service_kind: DF.Link
		service_request: DF.Link | None
		session_count: DF.Int
		sessions: DF.Table[VolunteerSession]
		start_date: DF.Date
		total_hours: DF.Float
		volunteer_team: DF.Link

	# end: auto-generated types
	def validate(self):
		self.validate_dates()
		self.validate_sessions()
		self.validate_hours()
		self.set_totals()

	def validate_dates(self):
		check(check_project_dates, getdate(self.start_date), _date(self.end_date), exc=VolunteerProjectError)

	def validate_sessions(self):
		start, end = getdate(self.start_date), _date(self.end_date)
		for row in self.sessions:
			check(
				check_date_in_range,
				_("Volunteer Session"),
				_date(row.session_date),
				start,
				end,
				exc=VolunteerProjectError,
			)
		session_dates = {getdate(row.session_date) for row in self.sessions}
		for row in self.participants:
			check(
				check_date_in_range,
				row.volunteer_name or row.volunteer,
				_date(row.service_date),
				start,
				end,
				exc=VolunteerProjectError,
			)
			if session_dates and getdate(row.service_date) not in session_dates:
				frappe.throw(
					_("{0} served on {1}, a day with no session of this project").format(
						row.volunteer_name or row.volunteer, row.service_date
					),
					VolunteerProjectError,
				)

	def validate_hours(self):
		rows = [
			{
				"volunteer": f"{row.volunteer_name or ''} ({row.volunteer})",
				"key": row.volunteer,
				"service_date": getdate(row.service_date),
				"hours": row.hours,
			}
			for row in self.participants
		]
		names = {row["volunteer"]: row["key"] for row in rows}
		check(
			check_daily_hours,
			rows,
			lambda name, day: self.hours_elsewhere(names[name], day),
			exc=VolunteerProjectError,
		)

	def hours_elsewhere(self, volunteer: str, day) -> float:
		"""Hours the volunteer already served that day in other projects."""
		participation = frappe.qb.DocType("Volunteer Participation")
		total = (
			frappe.qb.from_(participation)
			.select(Sum(participation.hours))
			.where(
				(participation.parenttype == "Volunteer Project")
				& (participation.parent != (self.name or ""))
				& (participation.volunteer == volunteer)
				& (participation.service_date == day)
			)
		).run()
		return flt(total[0][0]) if total else 0.0

	def set_totals(self):
		self.session_count = len(self.sessions)
		self.participant_count = len({row.volunteer for row in self.participants})
		self.total_hours = sum(flt(row.hours) for row in self.participants)
		self.beneficiaries = sum(row.beneficiaries or 0 for row in self.sessions)


def _date(value):
	return getdate(value) if value else None
