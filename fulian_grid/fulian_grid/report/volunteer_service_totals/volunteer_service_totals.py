# Copyright (c) 2026, fulian_grid developers
# License: MIT. See LICENSE
"""Volunteer service totals per team or per volunteer, for a grid subtree and a period: sessions,
hours and beneficiaries from the sessions and participation rows of volunteer projects."""

import frappe
from frappe import _
from frappe.utils import add_months, flt, getdate, today

from fulian_grid import subtree
from fulian_grid.domain import msg
from fulian_grid.domain.projects import totals_by
from fulian_grid.permissions import scope_condition

PER_TEAM, PER_VOLUNTEER = msg("Per Team"), msg("Per Volunteer")


def execute(filters=None):
	filters = frappe._dict(filters or {})
	per = filters.get("per") or PER_TEAM
	return columns(per), totals(filters, per)


def _conditions(filters, values):
	to_date = getdate(filters.get("to_date") or today())
	values.update(to=to_date, **{"from": getdate(filters.get("from_date") or add_months(to_date, -12))})
	conditions = [scope_condition("Volunteer Project", table="p") or "1=1"]
	if path := subtree.readable_path(filters.get("governance_grid")):
		conditions.append(subtree.condition("Volunteer Project", [path], table="p"))
	return conditions


def participation_rows(filters) -> list[dict]:
	values = {}
	conditions = _conditions(filters, values)
	return frappe.db.sql(
		f"""select p.volunteer_team as team, v.volunteer, v.volunteer_name, v.hours, v.service_date
		from `tabVolunteer Participation` v
		join `tabVolunteer Project` p on p.name = v.parent and v.parenttype = 'Volunteer Project'
		where v.service_date between %(from)s and %(to)s and {" and ".join(conditions)}""",
		values,
		as_dict=True,
	)


def session_rows(filters) -> list[dict]:
	values = {}
	conditions = _conditions(filters, values)
	return frappe.db.sql(
		f"""select p.volunteer_team as team, s.beneficiaries
		from `tabVolunteer Session` s
		join `tabVolunteer Project` p on p.name = s.parent and s.parenttype = 'Volunteer Project'
		where s.session_date between %(from)s and %(to)s and {" and ".join(conditions)}""",
		values,
		as_dict=True,
	)


def totals(filters, per: str = PER_TEAM) -> list[dict]:
	participation = participation_rows(filters)
	if per == PER_VOLUNTEER:
		names = {row.volunteer: row.volunteer_name for row in participation}
		days = {(row.volunteer, row.service_date) for row in participation}
		return [
			frappe._dict(
				volunteer=key,
				volunteer_name=names[key],
				hours=flt(group["hours"], 2),
				days=sum(1 for volunteer, _day in days if volunteer == key),
			)
			for key, group in sorted(totals_by(participation, "volunteer").items())
		]
	hours = totals_by(participation, "team")
	sessions = totals_by(session_rows(filters), "team", ("beneficiaries",))
	return [
		frappe._dict(
			volunteer_team=team,
			sessions=sessions.get(team, {}).get("count", 0),
			beneficiaries=sessions.get(team, {}).get("beneficiaries", 0),
			hours=flt(hours.get(team, {}).get("hours", 0), 2),
			volunteers=len({row.volunteer for row in participation if row.team == team}),
		)
		for team in sorted(set(hours) | set(sessions))
	]


def columns(per: str):
	if per == PER_VOLUNTEER:
		return [
			{
				"fieldname": "volunteer",
				"label": _("Volunteer"),
				"fieldtype": "Link",
				"options": "Fulian Volunteer",
				"width": 140,
			},
			{"fieldname": "volunteer_name", "label": _("Volunteer Name"), "fieldtype": "Data", "width": 140},
			{"fieldname": "days", "label": _("Days of Service"), "fieldtype": "Int", "width": 120},
			{"fieldname": "hours", "label": _("Total Service Hours"), "fieldtype": "Float", "width": 140},
		]
	return [
		{
			"fieldname": "volunteer_team",
			"label": _("Volunteer Team"),
			"fieldtype": "Link",
			"options": "Volunteer Team",
			"width": 160,
		},
		{"fieldname": "sessions", "label": _("Session Count"), "fieldtype": "Int", "width": 100},
		{"fieldname": "volunteers", "label": _("Volunteers Taking Part"), "fieldtype": "Int", "width": 140},
		{"fieldname": "hours", "label": _("Total Service Hours"), "fieldtype": "Float", "width": 140},
		{"fieldname": "beneficiaries", "label": _("Beneficiaries"), "fieldtype": "Int", "width": 120},
	]
