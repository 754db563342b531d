"""The factories of the tier-2 tests, in one place: each returns a record (inserted where the
name says so) with sensible values for the test city (`utils.TestCity`); keyword arguments override."""

import frappe
from frappe.utils import add_days, today

# the default volunteer-service days of make_service
DAY1, DAY2 = add_days(today(), -10), add_days(today(), -9)


def make_grid(code: str, name: str, level: str, parent: str | None = None, kind: str | None = None, **values):
	if frappe.db.exists("Governance Grid", code):
		return frappe.get_doc("Governance Grid", code)
	return frappe.get_doc(
		{
			"doctype": "Governance Grid",
			"grid_code": code,
			"grid_name": name,
			"level": level,
			"parent_governance_grid": parent,
			"grid_kind": kind,
			**values,
		}
	).insert(ignore_permissions=True)


def make_user(email: str, roles=()) -> str:
	if not frappe.db.exists("User", email):
		user = frappe.get_doc(
			{"doctype": "User", "email": email, "first_name": email.split("@")[0], "send_welcome_email": 0}
		)
		user.flags.no_welcome_mail = True
		user.insert(ignore_permissions=True)
	if roles:
		frappe.get_doc("User", email).add_roles(*roles)
	return email


def assign(user: str, role: str, grid: str, **values):
	return frappe.get_doc(
		{"doctype": "Grid Role Assignment", "user": user, "role": role, "governance_grid": grid, **values}
	).insert(ignore_permissions=True)


def scoped_user(email: str, role: str, grid: str, **values) -> str:
	"""A user holding `role` in the subtree of `grid`."""
	assign(make_user(email), role, grid, **values)
	return email


def make_executive(full_name: str, federation: str, user: str | None = None, **values) -> str:
	"""An executive of `federation` (the one already there under that name, if any)."""
	existing = frappe.db.get_value(
		"Federation Executive", {"full_name": full_name, "women_federation": federation}
	)
	if existing:
		return existing
	return (
		frappe.get_doc(
			{
				"doctype": "Federation Executive",
				"full_name": full_name,
				"position": "Executive Member",
				"women_federation": federation,
				"user": user,
				**values,
			}
		)
		.insert(ignore_permissions=True)
		.name
	)


def make_federation(name: str, federation_type: str, grid: str, parent: str | None = None, **values):
	if frappe.db.exists("Women Federation", name):
		return frappe.get_doc("Women Federation", name)
	return frappe.get_doc(
		{
			"doctype": "Women Federation",
			"federation_name": name,
			"federation_type": federation_type,
			"governance_grid": grid,
			"parent_women_federation": parent,
			**values,
		}
	).insert(ignore_permissions=True)


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


def make_volunteer(name, grid="TA1CG", user=None, **values):
	return (
		frappe.get_doc(
			{
				"doctype": "Fulian Volunteer",
				"volunteer_name": name,
				"governance_grid": grid,
				"user": user,
				**values,
			}
		)
		.insert()
		.name
	)


def make_team(name, grid="TA1CG", leader=None, members=(), **values):
	leader = leader or make_volunteer(f"{name}队长", grid)
	return frappe.get_doc(
		{
			"doctype": "Volunteer Team",
			"team_name": name,
			"governance_grid": grid,
			"leader": leader,
			"members": [{"volunteer": m} for m in members],
			**values,
		}
	).insert()


def make_counselling(**values):
	return frappe.get_doc(
		{
			"doctype": "Divorce Counselling",
			"wife_name": "王芳",
			"husband_name": "李强",
			"counselling_date": today(),
			"governance_grid": "TA1CG",
			"outcome": "Registration Postponed",
			"counselling_notes": "双方同意冷静期后再议",
			**values,
		}
	)


def make_project(lead, **values):
	return frappe.get_doc(
		{
			"doctype": "Led Project",
			"project_title": "家庭建设示范项目",
			"project_type": "Family Building",
			"lead_executive": lead,
			"start_date": add_days(today(), -60),
			"end_date": add_days(today(), 120),
			**values,
		}
	)


def make_consent(report, **values):
	return frappe.get_doc(
		{
			"doctype": "Consent Record",
			"infringement_report": report.name,
			"governance_grid": report.governance_grid,
			"subject_name": "李梅",
			"subject_age": 35,
			"given_by": "The Person",
			"consented_on": add_days(today(), -5),
			"purposes": "转介法律援助",
			"recipients": "区法律援助中心",
			**values,
		}
	)


def make_service(team, participants, sessions=None, **values):
	sessions = (
		sessions
		if sessions is not None
		else [
			{"session_date": DAY1, "topic": "入户关爱", "beneficiaries": 12},
			{"session_date": DAY2, "topic": "政策宣讲", "beneficiaries": 30},
		]
	)
	return frappe.get_doc(
		{
			"doctype": "Volunteer Project",
			"project_name": "巾帼志愿服务",
			"volunteer_team": team,
			"service_kind": "Caring Visits",
			"start_date": add_days(today(), -20),
			"end_date": today(),
			"sessions": sessions,
			"participants": participants,
			**values,
		}
	)


def make_request(grid="TA1C", **values):
	return frappe.get_doc(
		{
			"doctype": "Service Request",
			"request_title": "独居老人家中需要照护",
			"governance_grid": grid,
			"need_kind": "Care for the Elderly and Children",
			"urgency": "Urgent",
			"needed_by": add_days(today(), 3),
			**values,
		}
	)


def make_loan(**values):
	return frappe.get_doc(
		{
			"doctype": "Entrepreneurship Loan",
			"borrower_name": "张秀英",
			"loan_amount": 100000,
			"lender": "东营农商银行",
			"loan_date": today(),
			"governance_grid": "TA1CG",
			**values,
		}
	)


def make_ledger(**values):
	return frappe.get_doc(
		{
			"doctype": "Screening Ledger",
			"governance_grid": "TA1CGM",
			"subject_name": "王芳",
			"categories": [{"key_group_category": "Left-behind Women"}],
			"risk_level": "High",
			"screened_on": today(),
			**values,
		}
	)


def erpnext_company(name: str = "妇联测试公司") -> str:
	"""A Company on an ERPNext site whose setup wizard has not run (ERPNext's Project needs one).
	The wizard would have made the Transit warehouse type the company's warehouses refer to."""
	if not frappe.db.exists("Company", name):
		if not frappe.db.exists("Warehouse Type", "Transit"):
			frappe.get_doc({"doctype": "Warehouse Type", "name": "Transit"}).insert(ignore_permissions=True)
		frappe.get_doc(
			{
				"doctype": "Company",
				"company_name": name,
				"abbr": "FLCS",
				"default_currency": "CNY",
				"country": "China",
			}
		).insert(ignore_permissions=True)
	return name
