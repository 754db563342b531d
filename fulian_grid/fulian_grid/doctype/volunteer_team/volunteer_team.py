# Copyright (c) 2026, fulian_grid developers
# License: MIT. See LICENSE

import frappe
from frappe import _
from frappe.model.document import Document


class VolunteerTeamError(frappe.ValidationError):
	pass


class VolunteerTeam(Document):
	# begin: auto-generated types
	# This code is auto-generated. Do not modify anything in this block.

	from typing import TYPE_CHECKING

	if TYPE_CHECKING:
		from frappe.types import DF

		from fulian_grid.fulian_grid.doctype.volunteer_team_member.volunteer_team_member import (
			VolunteerTeamMember,
		)

		founded_on: DF.Date | None
		governance_grid: DF.Link
		grid_path: DF.Data | None
		leader: DF.Link
		leader_user: DF.Link | None
		member_count: DF.Int
		members: DF.Table[VolunteerTeamMember]
		skills: DF.SmallText | None
		status: DF.Literal["Active", "Disbanded"]
		team_name: DF.Data
		women_federation: DF.Link | None

	# end: auto-generated types
	def validate(self):
		self.validate_members()
		self.member_count = len(self.members)

	def validate_members(self):
		seen = set()
		for row in self.members:
			if row.volunteer in seen:
				frappe.throw(
					_("Volunteer {0} is listed twice").format(row.volunteer_name or row.volunteer),
					VolunteerTeamError,
				)
			seen.add(row.volunteer)
		if self.leader and self.leader not in seen:
			self.append("members", {"volunteer": self.leader, "team_role": _("Team Leader")})


def team_users(team: str) -> set[str]:
	"""The users who may report for duty on behalf of `team`: its leader and members."""
	users = set(
		frappe.get_all(
			"Volunteer Team Member", filters={"parent": team, "parenttype": "Volunteer Team"}, pluck="user"
		)
	)
	users.add(frappe.db.get_value("Volunteer Team", team, "leader_user"))
	return users - {None, ""}
