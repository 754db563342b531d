"""Factories for the deliberation and duty tests (tier 2)."""

import frappe
from frappe.utils import add_days, today

from fulian_grid.tests.utils import make_executive  # noqa: F401  (re-exported for the duty tests)


def deliberation(federation: str, convener: str, **values):
	return frappe.get_doc(
		{
			"doctype": "Deliberation Record",
			"women_federation": federation,
			"deliberation_form": "Door-to-door",
			"start_time": f"{add_days(today(), -3)} 09:30:00",
			"venue": "3号楼201室",
			"convener": convener,
			"topic": "楼道堆物清理与儿童安全",
			"attendees": [
				{"attendee_type": "Executive", "federation_executive": convener},
				{"attendee_type": "Resident", "attendee_name": "3号楼居民代表", "headcount": 5},
			],
			**values,
		}
	)


def training(federation: str, attendees, **values):
	return frappe.get_doc(
		{
			"doctype": "Training Session",
			"women_federation": federation,
			"training_topic": "Dispute Screening and Resolution",
			"training_date": add_days(today(), -5),
			"trainer": "市妇联讲师团",
			"hours": 2,
			"attendees": [{"federation_executive": e} for e in attendees],
			**values,
		}
	)


def meeting(federation: str, attendees: dict, **values):
	"""`attendees`: executive → attended (bool)."""
	return frappe.get_doc(
		{
			"doctype": "Executive Committee Meeting",
			"women_federation": federation,
			"meeting_date": add_days(today(), -7),
			"status": "Held",
			"agenda": "学习贯彻会议精神；部署排查工作",
			"attendees": [{"federation_executive": e, "attended": int(a)} for e, a in attendees.items()],
			**values,
		}
	)


def home_visit(executive: str, grid: str, visit_date, submit: bool = True, **values):
	visit = frappe.get_doc(
		{
			"doctype": "Home Visit",
			"federation_executive": executive,
			"governance_grid": grid,
			"visit_date": visit_date,
			"household": "3号楼201",
			**values,
		}
	).insert(ignore_permissions=True)
	if submit:
		visit.submit()
	return visit
