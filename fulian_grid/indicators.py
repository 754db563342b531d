"""Indicators of an executive's duty, counted from the records themselves.

Each indicator is one entry of `INDICATORS`: which DocType holds the records, which field names the
executive (on the record or on one of its child tables), which date places a record in the period,
and any further filters. A source whose DocType (or field) is not installed yet measures 0 and says
"source not available" rather than failing; adding a source later is one entry here (plus the
indicator's option on Evaluation Criterion).

Counting is deterministic: the same records always give the same value and the same evidence,
whoever recomputes. Records are counted in the evaluation's grid subtree only; the evidence is
opened through `frappe.get_list`, so the viewer's own scope still applies when she looks."""

import json
from dataclasses import dataclass, field
from urllib.parse import quote

import frappe
from frappe.utils import flt, getdate

from fulian_grid import subtree


@dataclass(frozen=True)
class Source:
	doctype: str
	executive_field: str
	date_field: str
	filters: tuple = ()  # (fieldname, operator, value) on the record
	child_doctype: str | None = None  # the executive is named in this child table
	child_filters: tuple = ()  # (fieldname, operator, value) on the child row
	sum_field: str | None = None  # measured value is the sum of this field, not a count


INDICATORS: dict[str, Source] = {
	"Visits Made": Source("Home Visit", "federation_executive", "visit_date"),
	"Ledger Entries Screened": Source("Screening Ledger", "screened_by", "screened_on"),
	"Reports Raised On Time": Source(
		"Infringement Report", "discovered_by", "reported_at", filters=(("reported_on_time", "=", 1),)
	),
	"Deliberations Convened": Source("Deliberation Record", "convener", "start_time"),
	"Projects Led": Source("Led Project", "lead_executive", "start_date"),
	"Projects Completed": Source(
		"Led Project", "lead_executive", "end_date", filters=(("status", "=", "Completed"),)
	),
	"Volunteer Hours": Source(
		"Volunteer Project",
		"federation_executive",
		"start_date",
		child_doctype="Volunteer Participation",
		sum_field="hours",
	),
	"Trainings Attended": Source(
		"Training Session", "federation_executive", "training_date", child_doctype="Training Attendee"
	),
	"Meetings Attended": Source(
		"Executive Committee Meeting",
		"federation_executive",
		"meeting_date",
		filters=(("status", "=", "Held"),),
		child_doctype="Meeting Attendee",
		child_filters=(("attended", "=", 1),),
	),
}


@dataclass
class Measure:
	indicator: str
	available: bool
	value: float = 0.0
	doctype: str | None = None
	names: list[str] = field(default_factory=list)

	@property
	def url(self) -> str:
		"""The desk list of exactly the records behind the value."""
		if not (self.available and self.names):
			return ""
		slug = frappe.scrub(self.doctype).replace("_", "-")
		return f"/app/{slug}?name={quote(json.dumps(['in', self.names], ensure_ascii=False))}"


def source_available(source: Source) -> bool:
	if not frappe.db.exists("DocType", source.doctype):
		return False
	meta = frappe.get_meta(source.doctype)
	needed = [source.date_field, subtree.PATH_FIELD, *(f[0] for f in source.filters)]
	if source.sum_field and not source.child_doctype:
		needed.append(source.sum_field)
	if source.child_doctype:
		if not frappe.db.exists("DocType", source.child_doctype):
			return False
		child = frappe.get_meta(source.child_doctype)
		child_needed = [source.executive_field, *(f[0] for f in source.child_filters)]
		if source.sum_field:
			child_needed.append(source.sum_field)
		if not all(child.has_field(f) for f in child_needed):
			return False
	else:
		needed.append(source.executive_field)
	return all(meta.has_field(f) or f in ("name", "docstatus") for f in needed)


def source_filters(source: Source, executive: str, start, end, grid: str) -> list[list]:
	"""Filters selecting the records behind an indicator (as `frappe.get_list` takes them)."""
	meta = frappe.get_meta(source.doctype)
	where = source.child_doctype or source.doctype
	filters = [
		[source.doctype, source.date_field, "between", [str(getdate(start)), str(getdate(end))]],
		*subtree.list_filters(source.doctype, grid),
		[where, source.executive_field, "=", executive],
		[source.doctype, "docstatus", "=", 1]
		if meta.is_submittable
		else [source.doctype, "docstatus", "<", 2],
	]
	filters += [[source.doctype, *f] for f in source.filters]
	filters += [[where, *f] for f in source.child_filters]
	return filters


def measure(indicator: str, executive: str, start, end, grid: str) -> Measure:
	source = INDICATORS.get(indicator)
	if not source or not source_available(source):
		return Measure(indicator, available=False)
	filters = source_filters(source, executive, start, end, grid)
	if source.sum_field:
		table = source.child_doctype or source.doctype
		rows = frappe.get_all(
			source.doctype,
			filters=filters,
			fields=["name", f"`tab{table}`.`{source.sum_field}` as measured"],
			order_by="name asc",
		)
		names = sorted({row.name for row in rows})
		value = sum(flt(row.measured) for row in rows)
	else:
		names = sorted(
			set(frappe.get_all(source.doctype, filters=filters, pluck="name", order_by="name asc"))
		)
		value = len(names)
	return Measure(indicator, True, flt(value, 2), source.doctype, names)


def measure_all(executive: str, start, end, grid: str) -> list[Measure]:
	return [measure(indicator, executive, start, end, grid) for indicator in INDICATORS]
