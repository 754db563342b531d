"""Appendix E: a deliberation record as its .docx form, and a bound book for a subtree and period."""

import frappe
from frappe import _
from frappe.utils import format_datetime, getdate, nowdate

from fulian_grid import replica, settings, subtree
from fulian_grid.api.downloads import in_chinese, send_docx
from fulian_grid.docx.deliberation import build_deliberation_book, build_deliberation_record

FORMS = ("Centralized", "On-site", "Door-to-door", "Reception")
ATTENDEE_TYPES = ("Executive", "Resident")
ACTION_STATUSES = ("Open", "In Progress", "Done")
MAX_BOOK_RECORDS = 500


def record_data(doc, labels: dict[str, str], grid_names: dict[str, str]) -> dict:
	"""Plain data of one record for the form, option labels in Chinese."""
	stamp = "yyyy-MM-dd HH:mm"
	return {
		"name": doc.name,
		"federation": doc.women_federation,
		"grid_name": grid_names.get(doc.governance_grid, doc.governance_grid),
		"form": labels.get(doc.deliberation_form, doc.deliberation_form),
		"start_time": format_datetime(doc.start_time, stamp),
		"end_time": format_datetime(doc.end_time, stamp) if doc.end_time else "",
		"venue": doc.venue,
		"convener": doc.convener_name or doc.convener,
		"recorder": doc.recorder_name or doc.recorder or "",
		"attendees": [
			{
				"type": labels.get(row.attendee_type, row.attendee_type),
				"name": row.attendee_name or row.federation_executive,
				"headcount": row.headcount,
			}
			for row in doc.attendees
		],
		"total_headcount": doc.total_headcount,
		"topic": doc.topic,
		"issues_raised": doc.issues_raised or "",
		"discussion": doc.discussion or "",
		"resolutions": doc.resolutions or "",
		"actions": [
			{
				"action": row.action,
				"responsible": row.responsible,
				"due_date": str(row.due_date or ""),
				"status": labels.get(row.action_status, row.action_status),
			}
			for row in doc.follow_up_actions
		],
	}


def _labels() -> dict[str, str]:
	return in_chinese(*FORMS, *ATTENDEE_TYPES, *ACTION_STATUSES)


def _grid_names(grids) -> dict[str, str]:
	return dict(
		frappe.get_all(
			"Governance Grid",
			filters={"name": ("in", list(set(grids)))},
			fields=["name", "grid_name"],
			as_list=True,
		)
	)


@frappe.whitelist()
def download_deliberation_record(name: str) -> None:
	doc = frappe.get_doc("Deliberation Record", name)
	doc.check_permission("read")
	data = record_data(doc, _labels(), _grid_names([doc.governance_grid]))
	brand = settings.brand_name()
	send_docx(
		build_deliberation_record(data, brand=brand),
		f"妇女议事会活动记录-{name}.docx",
		"Deliberation Record",
		name,
		"Deliberation Record Form",
	)


def book_records(governance_grid: str, from_date: str, to_date: str) -> list:
	"""The deliberations the user may read in the subtree of `governance_grid` over the period."""
	frappe.has_permission("Governance Grid", "read", doc=governance_grid, throw=True)
	if getdate(to_date) < getdate(from_date):
		frappe.throw(_("The period cannot end before it starts"))
	names = frappe.get_list(
		"Deliberation Record",
		filters=[
			*subtree.list_filters("Deliberation Record", governance_grid),
			["start_time", "between", [str(getdate(from_date)), str(getdate(to_date))]],
		],
		pluck="name",
		order_by="start_time asc, name asc",
		limit_page_length=MAX_BOOK_RECORDS + 1,
	)
	if len(names) > MAX_BOOK_RECORDS:
		frappe.throw(
			_("More than {0} deliberations in this period; choose a shorter period or a smaller area").format(
				MAX_BOOK_RECORDS
			)
		)
	return [frappe.get_doc("Deliberation Record", name) for name in names]


@frappe.whitelist()
@replica.read_only()
def download_deliberation_book(governance_grid: str, from_date: str, to_date: str) -> None:
	docs = book_records(governance_grid, from_date, to_date)
	labels = _labels()
	grid_names = _grid_names([governance_grid, *(doc.governance_grid for doc in docs)])
	brand = settings.brand_name()
	document = build_deliberation_book(
		[record_data(doc, labels, grid_names) for doc in docs],
		subtree=grid_names.get(governance_grid, governance_grid),
		period=(str(getdate(from_date)), str(getdate(to_date))),
		brand=brand,
		printed_on=nowdate(),
	)
	filters = {"governance_grid": governance_grid, "from_date": from_date, "to_date": to_date}
	send_docx(
		document,
		f"妇女议事会活动记录汇编-{governance_grid}-{from_date}-{to_date}.docx",
		"Deliberation Record",
		report_name="Deliberation Record Book",
		filters=filters,
	)
