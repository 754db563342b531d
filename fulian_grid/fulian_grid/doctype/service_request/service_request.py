# Copyright (c) 2026, fulian_grid developers
# License: MIT. See LICENSE
"""社区吹哨、队伍报到: a community posts a need, the teams of its subtree are told, one reports for
duty and closes the request with feedback."""

import frappe
import frappe.share
from frappe import _
from frappe.model.document import Document
from frappe.utils import getdate, now_datetime

from fulian_grid import subtree
from fulian_grid.domain.dispatch import AWAITING, TAKEN, check_closing, check_team_in_subtree, stage_of
from fulian_grid.fulian_grid.doctype.volunteer_team.volunteer_team import team_users
from fulian_grid.server_owned import set_by_server
from fulian_grid.utils import check

GRID = "Governance Grid"


class ServiceRequestError(frappe.ValidationError):
	pass


class ServiceRequest(Document):
	# begin: auto-generated types
	# This code is auto-generated. Do not modify anything in this block.

	from typing import TYPE_CHECKING

	if TYPE_CHECKING:
		from frappe.types import DF

		from fulian_grid.fulian_grid.doctype.service_request_dispatch.service_request_dispatch import (
			ServiceRequestDispatch,
		)

		closed_on: DF.Datetime | None
		feedback: DF.SmallText | None
		governance_grid: DF.Link
		grid_path: DF.Data | None
		need_details: DF.SmallText | None
		need_kind: DF.Link
		needed_by: DF.Date
		notified_teams: DF.Table[ServiceRequestDispatch]
		posted_on: DF.Date
		request_title: DF.Data
		status: DF.Literal["Awaiting Team", "Team Reported", "Request Closed"]
		taken_by: DF.Link | None
		taken_by_team: DF.Link | None
		taken_on: DF.Datetime | None
		urgency: DF.Literal["Urgent", "Normal"]

	# end: auto-generated types
	def validate(self):
		self.validate_dates()
		self.validate_team()
		self.validate_closing()
		self.status = stage_of(self.taken_by_team, bool(self.closed_on))

	def validate_dates(self):
		if self.needed_by and self.posted_on and getdate(self.needed_by) < getdate(self.posted_on):
			frappe.throw(_("The need cannot fall due before it was posted"), ServiceRequestError)

	def validate_team(self):
		if self.taken_by_team:
			team_path = frappe.db.get_value("Volunteer Team", self.taken_by_team, subtree.PATH_FIELD)
			request_path = subtree.path_of(self.governance_grid)
			check(check_team_in_subtree, self.taken_by_team, team_path, request_path, exc=ServiceRequestError)

	def validate_closing(self):
		if self.closed_on:
			check(check_closing, self.taken_by_team, self.feedback, exc=ServiceRequestError)

	def before_insert(self):
		self.dispatch_to_teams()

	def dispatch_to_teams(self):
		"""Every active team of the subtree, and no other, is told (saved with the request)."""
		team, grid = frappe.qb.DocType("Volunteer Team"), frappe.qb.DocType(GRID)
		teams = (
			frappe.qb.from_(team)
			.join(grid)
			.on(grid.name == team.governance_grid)
			.select(team.name)
			.where(
				(team.status == "Active")
				& subtree.criterion(team.grid_path, subtree.path_of(self.governance_grid))
			)
			.orderby(grid.lft)  # tree order
		).run(pluck=True)
		told_on = now_datetime()
		self.notified_teams = []
		for name in teams:
			self.append("notified_teams", {"volunteer_team": name, "notified_on": told_on})
		set_by_server(self, "notified_teams")

	def after_insert(self):
		self.notify_teams()

	def notify_teams(self):
		"""Each leader and member of a told team is alerted and may open the request (shared read),
		even when her own grid lies below the requesting one."""
		for row in self.notified_teams:
			for user in team_users(row.volunteer_team):
				frappe.share.add_docshare(
					self.doctype, self.name, user, read=1, notify=0, flags={"ignore_share_permission": True}
				)
				frappe.get_doc(
					{
						"doctype": "Notification Log",
						"for_user": user,
						"type": "Alert",
						"document_type": self.doctype,
						"document_name": self.name,
						"subject": _("The community needs your team: {0} ({1})").format(
							self.request_title, self.governance_grid
						),
					}
				).insert(ignore_permissions=True)

	@frappe.whitelist()
	def report_for_duty(self, volunteer_team: str) -> None:
		"""报到: a team of the subtree takes the request (its leader, a member, or a handler here)."""
		if self.status != AWAITING:
			frappe.throw(
				_("This request was already taken by {0}").format(self.taken_by_team), ServiceRequestError
			)
		self.check_actor(volunteer_team)
		self.taken_by_team = volunteer_team
		self.taken_by = frappe.session.user
		self.taken_on = now_datetime()
		set_by_server(self, "taken_by_team", "taken_by", "taken_on")
		self.save_as_actor()
		self.add_comment("Info", _("Team {0} reported for duty").format(volunteer_team))

	@frappe.whitelist()
	def close_request(self, feedback: str) -> None:
		if self.status != TAKEN:
			frappe.throw(_("Only a request a team has taken can be closed"), ServiceRequestError)
		self.check_actor(self.taken_by_team)
		self.feedback = feedback
		self.closed_on = now_datetime()
		set_by_server(self, "closed_on")
		self.save_as_actor()

	def check_actor(self, volunteer_team: str) -> None:
		"""Read access here, and either a seat on the team or write access on the request."""
		self.flags.ignore_permissions = False  # has_permission() would answer yes while it is set
		self.check_permission("read")
		frappe.has_permission("Volunteer Team", "read", doc=volunteer_team, throw=True)
		if frappe.session.user not in team_users(volunteer_team) and not self.has_permission("write"):
			frappe.throw(_("Only the team's leader or members may report for duty"), frappe.PermissionError)

	def save_as_actor(self):
		# A team member may lack write on requests; the checks above stand in for it.
		self.flags.ignore_permissions = not self.has_permission("write")
		try:
			self.save()
		finally:
			self.flags.ignore_permissions = False
