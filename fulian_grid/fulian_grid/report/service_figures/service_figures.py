# Copyright (c) 2026, fulian_grid developers
# License: MIT. See LICENSE
"""The seed's service figures for a grid subtree and a period, each a count or sum over records.

Counts only, never rows: each figure applies `count_condition` (records the user may read, or any
record where she is a statistics viewer). Figures drawn from divorce counselling are sensitive:
below the small-cell threshold they are withheld from users who do not handle such cases there."""

import frappe
from frappe import _
from frappe.utils import add_months, getdate, today

from fulian_grid.domain import msg
from fulian_grid.fulian_grid.doctype.divorce_counselling.divorce_counselling import KEPT_TOGETHER
from fulian_grid.fulian_grid.doctype.service_session.service_session import TRAINING_KINDS
from fulian_grid.permissions import count_condition, readable_subtree, roles_here
from fulian_grid.roles import HANDLER_ROLES


def _in(values) -> str:
	return "(" + ", ".join(frappe.db.escape(v) for v in values) + ")"


# key, label, DocType, date condition, extra condition, value, detail, detail label, sensitive
FIGURES = (
	("volunteer_teams", msg("Caring Volunteer Teams"), "Volunteer Team",
	 "(t.founded_on is null or t.founded_on <= %(to)s)", "t.status = 'Active'", "count(*)", "sum(t.member_count)",
	 msg("Members"), False),
	("chat_rooms", msg("Caring Chat Rooms"), "Service Point", None,
	 "t.in_service = 1 and t.point_kind = 'Caring Chat Room'", "count(*)", None, None, False),
	("service_points", msg("Service Points (All Kinds)"), "Service Point", None, "t.in_service = 1", "count(*)",
	 None, None, False),
	("led_projects", msg("Executive-led Projects"), "Led Project", "t.start_date <= %(to)s and t.end_date >= %(from)s",
	 None, "count(*)", "sum(t.beneficiaries)", msg("Beneficiaries"), False),
	("guidance_sessions", msg("Family Education Guidance Sessions (0-3 Years)"), "Service Session",
	 "t.session_date between %(from)s and %(to)s", "t.session_kind = 'Family Education Guidance (0-3 Years)'",
	 "count(*)", "sum(t.attendance)", msg("Attendance"), False),
	("through_train_sessions", msg("Family Education Through Train Sessions"), "Service Session",
	 "t.session_date between %(from)s and %(to)s", "t.session_kind = 'Family Education Through Train'",
	 "count(*)", "sum(t.attendance)", msg("Attendance"), False),
	("families_selected", msg("Families Selected"), "Family Selection",
	 "t.selection_year between %(from_year)s and %(to_year)s", None, "count(*)", None, None, False),
	("trainings", msg("Trainings (E-commerce, Practical Skills)"), "Service Session",
	 "t.session_date between %(from)s and %(to)s", f"t.session_kind in {_in(TRAINING_KINDS)}", "count(*)",
	 "sum(t.attendance)", msg("Participants"), False),
	("loans", msg("Loans for Women Entrepreneurs"), "Entrepreneurship Loan",
	 "t.loan_date between %(from)s and %(to)s", None, "count(*)", "sum(t.loan_amount)", msg("Loan Amount"), False),
	("counselling_couples", msg("Couples Given Divorce-adjustment Counselling"), "Divorce Counselling",
	 "t.counselling_date between %(from)s and %(to)s", None, "count(*)", None, None, True),
	("counselling_kept_together", msg("Of Whom Cancelled or Postponed the Registration"), "Divorce Counselling",
	 "t.counselling_date between %(from)s and %(to)s", f"t.outcome in {_in(KEPT_TOGETHER)}", "count(*)",
	 None, None, True),
	("volunteer_sessions", msg("Women's Volunteer Service Sessions"), "Volunteer Project",
	 "s.session_date between %(from)s and %(to)s", None, "count(*)", "sum(s.beneficiaries)", "Beneficiaries",
	 False),
	("relief", msg("Women and Children in Distress Helped"), "Distress Relief",
	 "t.relief_date between %(from)s and %(to)s", None, "sum(t.person_times)", "count(*)", "Relief Records",
	 False),
)  # fmt: skip


def execute(filters=None):
	filters = frappe._dict(filters or {})
	data = figures(filters)
	return columns(), data


def figures(filters) -> list[dict]:
	to_date = getdate(filters.get("to_date") or today())
	from_date = getdate(filters.get("from_date") or add_months(to_date, -12))
	values = {"from": from_date, "to": to_date, "from_year": from_date.year, "to_year": to_date.year}
	bounds = readable_subtree(filters.get("governance_grid"))
	withheld = _small_cells_withheld(filters.get("governance_grid"))
	rows = []
	for key, label, doctype, period, extra, value_sql, detail_sql, detail_label, sensitive in FIGURES:
		conditions = [count_condition(doctype, table="t") or "1=1"]
		for condition in (period, extra):
			if condition:
				conditions.append(condition)
		if bounds:
			conditions.append("g.lft between %(lft)s and %(rgt)s")
			values.update(lft=bounds[0], rgt=bounds[1])
		sessions = "join `tabVolunteer Session` s on s.parent = t.name and s.parenttype = 'Volunteer Project'"
		result = frappe.db.sql(
			f"""select {value_sql}, {detail_sql or "null"}
			from `tab{doctype}` t
			join `tabGovernance Grid` g on g.name = t.governance_grid
			{sessions if key == "volunteer_sessions" else ""}
			where {" and ".join(conditions)}""",
			values,
		)[0]
		value, detail = result[0] or 0, result[1]
		row = frappe._dict(figure=key, label=_(label), value=value, detail=detail,
						   detail_label=_(detail_label) if detail_label else "", source=doctype)  # fmt: skip
		if sensitive and withheld and 0 < value < withheld:
			row.update(value=None, detail=None, detail_label=_("Fewer than {0}: withheld").format(withheld))
		rows.append(row)
	return rows


def _small_cells_withheld(grid: str | None) -> int:
	"""The small-cell threshold, or 0 when the user handles sensitive cases where she looks."""
	user = frappe.session.user
	if user == "Administrator":
		return 0
	if grid and set(HANDLER_ROLES) & roles_here(grid):
		return 0
	return frappe.db.get_single_value("Fulian Settings", "small_cell_threshold") or 0


def columns():
	return [
		{"fieldname": "label", "label": _("Service Figure"), "fieldtype": "Data", "width": 320},
		{
			"fieldname": "value",
			"label": _("Figure Value"),
			"fieldtype": "Float",
			"precision": 0,
			"width": 120,
		},
		{
			"fieldname": "detail",
			"label": _("Detail Value"),
			"fieldtype": "Float",
			"precision": 2,
			"width": 140,
		},
		{"fieldname": "detail_label", "label": _("Detail Measure"), "fieldtype": "Data", "width": 160},
		{
			"fieldname": "source",
			"label": _("Source Records"),
			"fieldtype": "Link",
			"options": "DocType",
			"width": 180,
		},
	]
