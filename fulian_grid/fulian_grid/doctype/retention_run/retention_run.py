# Copyright (c) 2026, fulian_grid developers
# License: MIT. See LICENSE
"""Retention (PIPL art. 19, 47): a case closed longer than the years set in Fulian Settings is
de-identified — its identities removed from the vault and its masked copies cleared — with the
casework records of the case and its ledger entry (unless still active or another open case uses
it). The records themselves stay, so statistics still count them.

Two steps, each by a Fulian Admin assigned at the top of the tree: `preview_retention` lists what
would be de-identified (a Retention Run, status Previewed); `run_retention` de-identifies exactly
what that preview listed, the same day. Nothing is removed without a preview."""

import frappe
from frappe import _
from frappe.model.document import Document
from frappe.utils import getdate, now_datetime, today

from fulian_grid import settings, vault
from fulian_grid.domain import DomainError
from fulian_grid.domain.casework import due_for_retention, retention_cutoff
from fulian_grid.permissions import is_city_admin
from fulian_grid.utils import throw

# the casework records of a case (each links it by `infringement_report`)
CASE_RECORDS = (
	"Protection Order",
	"Police Warning",
	"Consent Record",
	"Case Referral",
	"Data Subject Request",
)
# masked copies kept outside identity fields
MASKED_COPIES = {"Protection Order": ("victim_label",)}


class RetentionError(frappe.ValidationError):
	pass


class RetentionRun(Document):
	# begin: auto-generated types
	# This code is auto-generated. Do not modify anything in this block.

	from typing import TYPE_CHECKING

	if TYPE_CHECKING:
		from frappe.types import DF

		from fulian_grid.fulian_grid.doctype.retention_run_item.retention_run_item import RetentionRunItem

		cutoff: DF.Date | None
		deidentified_at: DF.Datetime | None
		items: DF.Table[RetentionRunItem]
		record_count: DF.Int
		retention_years: DF.Int
		status: DF.Literal["Previewed", "De-identified"]
	# end: auto-generated types
	pass


def _only_city_admins():
	if not is_city_admin():
		frappe.throw(_("Only a Fulian Admin of the whole city runs retention"), frappe.PermissionError)


def cases_due(cutoff) -> list[str]:
	done = set(
		frappe.get_all(
			"Retention Run Item",
			filters={"reference_doctype": "Infringement Report", "parenttype": "Retention Run"},
			pluck="reference_name",
		)
	)
	candidates = frappe.get_all(
		"Infringement Report",
		filters={"status": "Closed", "closed_at": ("<", cutoff)},
		fields=["name", "status", "closed_at"],
	)
	rows = [dict(c, closed_at=getdate(c.closed_at), done=c.name in done) for c in candidates]
	return due_for_retention(rows, getdate(cutoff))


def records_of(cases: list[str]) -> list[dict]:
	"""The records each case's retention de-identifies: the report, its casework, its ledger entry."""
	items = []
	for case in cases:
		report = frappe.db.get_value(
			"Infringement Report", case, ["closed_at", "screening_ledger"], as_dict=True
		)
		items.append({"reference_doctype": "Infringement Report", "reference_name": case})
		for doctype in CASE_RECORDS:
			for name in frappe.get_all(doctype, filters={"infringement_report": case}, pluck="name"):
				items.append({"reference_doctype": doctype, "reference_name": name})
		if report.screening_ledger and _ledger_free(report.screening_ledger, cases):
			items.append({"reference_doctype": "Screening Ledger", "reference_name": report.screening_ledger})
		for item in items:
			item.setdefault("infringement_report", case)
			item.setdefault("closed_at", report.closed_at)
	unique = {(i["reference_doctype"], i["reference_name"]): i for i in items}
	return list(unique.values())


def _ledger_free(entry: str, cases: list[str]) -> bool:
	if frappe.db.get_value("Screening Ledger", entry, "status") == "Active":
		return False
	others = frappe.get_all("Infringement Report", filters={"screening_ledger": entry}, pluck="name")
	return set(others) <= set(cases)


@frappe.whitelist(methods=["POST"])
def preview_retention() -> str:
	"""A Retention Run listing what would be de-identified today; returns its name."""
	_only_city_admins()
	years = settings.retention_years()
	try:
		cutoff = retention_cutoff(getdate(today()), years)
	except DomainError as error:
		throw(error, RetentionError)
	items = records_of(cases_due(cutoff))
	run = frappe.get_doc(
		{
			"doctype": "Retention Run",
			"retention_years": years,
			"cutoff": cutoff,
			"record_count": len(items),
			"items": items,
		}
	)
	run.flags.system_update = True  # every field of a run is the server's
	run.insert(ignore_permissions=True)
	return run.name


@frappe.whitelist(methods=["POST"])
def run_retention(run: str | None = None) -> int:
	"""De-identify what preview `run` listed; returns how many records were de-identified."""
	_only_city_admins()
	preview = frappe.db.get_value("Retention Run", run, ["status", "creation"], as_dict=True) if run else None
	if not preview or preview.status != "Previewed":
		frappe.throw(
			_("Preview the retention run first: only what a preview lists is de-identified"), RetentionError
		)
	if getdate(preview.creation) != getdate(today()):
		frappe.throw(_("This preview is from another day: preview again"), RetentionError)
	doc = frappe.get_doc("Retention Run", run)
	for item in doc.items:
		deidentify(item.reference_doctype, item.reference_name)
	doc.db_set({"status": "De-identified", "deidentified_at": now_datetime()})
	return len(doc.items)


def deidentify(doctype: str, name: str) -> None:
	"""Identities of the record and its rows out of the vault; its masked copies cleared."""
	frappe.db.sql(f"delete from `{vault.TABLE}` where parenttype = %s and parent = %s", (doctype, name))
	meta = frappe.get_meta(doctype)
	tables = [(doctype, "name", name)] + [(df.options, "parent", name) for df in meta.get_table_fields()]
	for table, key, value in tables:
		fields = [*vault.identity_fields(table), *MASKED_COPIES.get(table, ())]
		if not fields:
			continue
		assignments = ", ".join(
			f"`{field}` = null"
			if frappe.get_meta(table).get_field(field).fieldtype in ("Date", "Datetime")
			else f"`{field}` = ''"
			for field in fields
		)
		extra = " and parenttype = %s" if key == "parent" else ""
		frappe.db.sql(
			f"update `tab{table}` set {assignments} where `{key}` = %s{extra}",
			(value, doctype) if extra else (value,),
		)
