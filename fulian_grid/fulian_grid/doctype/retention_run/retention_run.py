# Copyright (c) 2026, fulian_grid developers
# License: MIT. See LICENSE
"""Retention (PIPL art. 19, 47): a case closed longer than the years set in Fulian Settings is
de-identified — its identities removed from the vault, its masked copies cleared, in its columns and
in its history — with the records that belong to it and, for an infringement report, its ledger
entry and visits (unless still active or another open case uses it). The cases are infringement
reports and the other identity-bearing records with a closure (OTHER_CASES). The records
themselves stay, so statistics still count them. `retention_years` 0 in Fulian Settings: off.

Two steps, each by a Fulian Admin assigned at the top of the tree: `preview_retention` lists what
would be de-identified (a Retention Run, status Previewed); `run_retention` de-identifies exactly
what that preview listed, the same day. Nothing is removed without a preview."""

import frappe
from frappe import _
from frappe.model.document import Document
from frappe.utils import getdate, now_datetime, today

from fulian_grid import settings, tree_paths, vault
from fulian_grid.domain import DomainError
from fulian_grid.domain.casework import due_for_retention, retention_cutoff
from fulian_grid.permissions import is_city_admin
from fulian_grid.privacy import has_identities
from fulian_grid.utils import throw

# The cases retention closes, besides infringement reports (closed: status Closed, at closed_at):
# DocType → (the date it closed, what makes it closed). Records holding identities that belong to a
# case (they link it and lie in its grid: tree_paths.followers) go with it; which fields hold
# identities is the vault's one declaration (permlevel ≥ 1). tests check every identity-bearing
# DocType is a case, belongs to one, or is named in NOT_CASES with the reason.
OTHER_CASES = {
	"Divorce Counselling": ("outcome_on", {"outcome": ("!=", "In Counselling")}),
	"Suggestion": ("responded_on", {"status": ("in", ("Adopted", "Not Adopted", "Closed"))}),
}
NOT_CASES = {
	"Federation Executive": "the federation's own members, kept while they serve",
	"Fulian Volunteer": "the federation's volunteers, kept while they serve",
	"Women Group": "a group's member list, kept while the group exists",
	"Entrepreneurship Loan": "a loan record records no closure; kept by the lender's rules",
	"Screening Ledger": "an entry goes with the last closed case that used it, once no longer active",
}
# masked copies kept outside identity fields
MASKED_COPIES = {"Protection Order": ("victim_label",), "Divorce Counselling": ("couple_masked",)}


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


def cases_due(cutoff) -> list[tuple[str, str]]:
	"""(DocType, name) of the cases closed before `cutoff` and not de-identified yet (a preview
	that was never run de-identified nothing: its cases are listed again)."""
	runs = frappe.get_all("Retention Run", filters={"status": "De-identified"}, pluck="name")
	done = set(
		frappe.get_all(
			"Retention Run Item",
			filters={"parenttype": "Retention Run", "parent": ("in", runs)},
			fields=["reference_doctype", "reference_name"],
			as_list=True,
		)
		if runs
		else ()
	)
	kinds = {"Infringement Report": ("closed_at", {"status": "Closed"}), **OTHER_CASES}
	due = []
	for doctype, (closed_field, closed) in kinds.items():
		candidates = frappe.get_all(
			doctype,
			filters={**closed, closed_field: ("<", cutoff)},
			fields=["name", f"`{closed_field}` as closed_at"],
		)
		rows = [
			{
				"name": c.name,
				"status": "Closed",
				"closed_at": getdate(c.closed_at),
				"done": (doctype, c.name) in done,
			}
			for c in candidates
		]
		due += [(doctype, name) for name in due_for_retention(rows, getdate(cutoff))]
	return due


def belonging_to(doctype: str, name: str) -> list[tuple[str, str]]:
	"""The identity-bearing records that belong to a record (see tree_paths.followers)."""
	return [
		(follower, record)
		for follower, field in tree_paths.followers(doctype)
		if has_identities(follower)
		for record in frappe.get_all(follower, filters={field: name}, pluck="name")
	]


def records_of(cases: list[tuple[str, str]]) -> list[dict]:
	"""The records each case's retention de-identifies: the case, what belongs to it, and for an
	infringement report its ledger entry (with its visits) when no longer used."""
	reports = [name for doctype, name in cases if doctype == "Infringement Report"]
	items = []
	for doctype, case in cases:
		closed_field = OTHER_CASES.get(doctype, ("closed_at",))[0]
		closed_at = frappe.db.get_value(doctype, case, closed_field)
		found = [(doctype, case), *belonging_to(doctype, case)]
		entry = doctype == "Infringement Report" and frappe.db.get_value(doctype, case, "screening_ledger")
		if entry and _ledger_free(entry, reports):
			found += [("Screening Ledger", entry), *belonging_to("Screening Ledger", entry)]
		report = case if doctype == "Infringement Report" else None
		items += [
			{
				"reference_doctype": dt,
				"reference_name": name,
				"infringement_report": report,
				"closed_at": closed_at,
			}
			for dt, name in found
		]
	unique = {(i["reference_doctype"], i["reference_name"]): i for i in reversed(items)}
	return list(reversed(unique.values()))


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
	"""Identities of the record and its rows out of the vault; its masked copies cleared, in its
	columns and in its history (Version)."""
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
	vault.forget_history(doctype, name, MASKED_COPIES.get(doctype, ()))
