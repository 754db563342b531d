"""What the field app (the phone PWA at /fulian) reads: today's visits, my reports, the service
requests of my grids, my led projects. Every list goes through frappe.get_list, so the per-grid
rule applies as on the desk; identity columns hold only their masked copies (vault.py), and no
value is read from the vault here, so the phone never receives one."""

import frappe
import frappe.share
from frappe import _
from frappe.utils import add_days, getdate, today

from fulian_grid.fulian_grid.doctype.volunteer_team.volunteer_team import team_users
from fulian_grid.queries.projects import led_project_names

LEDGER, REPORT, REQUEST, PROJECT = "Screening Ledger", "Infringement Report", "Service Request", "Led Project"
DUE_SOON_DAYS = 7
LIST_LIMIT = 500


def my_executives(user: str | None = None) -> list[str]:
	"""The Federation Executive records of the user (one per federation she serves)."""
	return frappe.get_all("Federation Executive", filters={"user": user or frappe.session.user}, pluck="name")


def _grid_names(grids) -> dict[str, str]:
	grids = list({g for g in grids if g})
	if not grids:
		return {}
	return dict(
		frappe.get_all(
			"Governance Grid", filters={"name": ("in", grids)}, fields=["name", "grid_name"], as_list=True
		)
	)


def visit_rows() -> list[dict]:
	"""Active ledger entries the user keeps (as their responsible executive), overdue first, then
	by due date; a user with no executive record of her own keeps those of her grids."""
	filters = {"status": "Active"}
	if executives := my_executives():
		filters["responsible_executive"] = ("in", executives)
	rows = frappe.get_list(
		LEDGER,
		filters=filters,
		fields=[
			"name",
			"subject_name",
			"gender",
			"risk_level",
			"governance_grid",
			"last_visit_on",
			"next_visit_due",
			"modified",
		],
		limit_page_length=LIST_LIMIT,
	)
	on, soon = getdate(today()), getdate(add_days(today(), DUE_SOON_DAYS))
	names = _grid_names(row.governance_grid for row in rows)
	for row in rows:
		due = getdate(row.next_visit_due) if row.next_visit_due else None
		row.grid_name = names.get(row.governance_grid)
		row.risk_label = _(row.risk_level) if row.risk_level else ""
		row.overdue = bool(due and due < on)
		row.due_soon = bool(due and on <= due <= soon)
	rows.sort(key=lambda row: (row.next_visit_due is None, getdate(row.next_visit_due or today()), row.name))
	return rows


def report_rows() -> list[dict]:
	"""Infringement reports the user filed or discovered, newest first, with what the handlers
	last wrote on each (their comments)."""
	user, executives = frappe.session.user, my_executives()
	mine = [[REPORT, "owner", "=", user]]
	if executives:
		mine.append([REPORT, "discovered_by", "in", executives])
	rows = frappe.get_list(
		REPORT,
		or_filters=mine,
		fields=[
			"name",
			"workflow_state",
			"status",
			"urgency",
			"governance_grid",
			"discovered_at",
			"reported_at",
			"report_due",
			"verification_due",
			"service_due",
			"is_overdue",
			"victim_count",
			"modified",
		],
		order_by="creation desc",
		limit_page_length=LIST_LIMIT,
	)
	names = _grid_names(row.governance_grid for row in rows)
	asked = _handler_comments([row.name for row in rows])
	for row in rows:
		row.grid_name = names.get(row.governance_grid)
		row.state_label = _(row.workflow_state or row.status or "")
		row.urgency_label = _(row.urgency)
		row.handler_note = asked.get(row.name)
	return rows


def _handler_comments(reports: list[str]) -> dict[str, str]:
	"""{report: the newest comment someone else wrote on it} (the reader may read each report)."""
	if not reports:
		return {}
	notes = {}
	for row in frappe.get_all(
		"Comment",
		filters={
			"reference_doctype": REPORT,
			"reference_name": ("in", reports),
			"comment_type": "Comment",
			"owner": ("!=", frappe.session.user),
		},
		fields=["reference_name", "content"],
		order_by="creation desc",
	):
		notes.setdefault(row.reference_name, frappe.utils.strip_html(row.content or ""))
	return notes


def request_rows() -> list[dict]:
	"""Open service requests the user may read (her grids, and those her teams were told of), with
	the teams she may report for duty as."""
	fields = [
		"name",
		"request_title",
		"governance_grid",
		"need_kind",
		"urgency",
		"posted_on",
		"needed_by",
		"status",
		"need_details",
		"taken_by_team",
		"taken_by",
		"modified",
	]
	open_requests = {"status": ("in", ["Awaiting Team", "Team Reported"])}
	rows = frappe.get_list(
		REQUEST,
		filters=open_requests,
		fields=fields,
		order_by="needed_by asc, name asc",
		limit_page_length=LIST_LIMIT,
	)
	# the requests her teams were told of are shared with her, which get_list leaves out when she
	# reads the DocType in her own grids; each is checked like the form checks it
	listed = {row.name for row in rows}
	if shared := [n for n in frappe.share.get_shared(REQUEST, frappe.session.user) if n not in listed]:
		rows += [
			row
			for row in frappe.get_all(
				REQUEST, filters={**open_requests, "name": ("in", shared)}, fields=fields
			)
			if frappe.has_permission(REQUEST, "read", doc=row.name)
		]
		rows.sort(key=lambda row: (getdate(row.needed_by), row.name))
	told = {}
	for row in frappe.get_all(
		"Service Request Dispatch",
		filters={"parenttype": REQUEST, "parent": ("in", [r.name for r in rows] or [""])},
		fields=["parent", "volunteer_team"],
		order_by="idx",
	):
		told.setdefault(row.parent, []).append(row.volunteer_team)
	user, seats = frappe.session.user, {}
	names = _grid_names(row.governance_grid for row in rows)
	for row in rows:
		row.grid_name = names.get(row.governance_grid)
		row.status_label, row.need_kind_label = _(row.status), _(row.need_kind)
		for team in told.get(row.name, []):
			if team not in seats:
				seats[team] = user in team_users(team)
		row.my_teams = [team for team in told.get(row.name, []) if seats[team]]
		if not row.my_teams and row.status == "Awaiting Team" and told.get(row.name):
			# a handler here (write on the request) may report a told team for duty, as on the desk
			if frappe.has_permission(REQUEST, "write", doc=row.name):
				row.my_teams = told[row.name]
	return rows


def project_rows() -> list[dict]:
	"""The user's led and co-led projects with their milestones (each read through the per-grid
	rule), overdue milestones flagged."""
	on = getdate(today())
	rows = []
	for name in led_project_names():
		project = frappe.get_doc(PROJECT, name)
		project.check_permission("read")
		milestones = [
			{
				"name": row.name,
				"milestone_title": row.milestone_title,
				"due_date": row.due_date,
				"done_on": row.done_on,
				"overdue": bool(not row.done_on and getdate(row.due_date) < on),
			}
			for row in project.milestones
		]
		rows.append(
			{
				"name": project.name,
				"project_title": project.project_title,
				"status": project.status,
				"progress": project.progress,
				"start_date": project.start_date,
				"end_date": project.end_date,
				"next_milestone_due": project.next_milestone_due,
				"modified": project.modified,
				"milestones": milestones,
				"overdue": any(m["overdue"] for m in milestones),
			}
		)
	return rows
