"""Identities out of the vault: the one reveal of a record, and exact lookups by blind index.

Every call is logged in the Identity Access Log (refusals too). A refusal reads the same whether
the record exists or not, so the answer says nothing of records the caller may not see."""

import frappe
from frappe import _
from frappe.rate_limiter import rate_limit

from fulian_grid import vault
from fulian_grid.domain.identity import LOOKUP_KINDS
from fulian_grid.permissions import UNSCOPED_USERS, assigned_paths
from fulian_grid.privacy import handles_record, has_identities, log_access, may_reveal
from fulian_grid.roles import APP_ROLES


class RevealRefused(frappe.PermissionError):
	pass


def _refuse(doctype: str, name: str | None) -> None:
	log_access("Refused", doctype, name, keep_on_rollback=True)
	frappe.throw(
		_("You may not see the identities of this record: only its handlers in the grid where it lies may."),
		RevealRefused,
		title=_("Not permitted"),
	)


@frappe.whitelist(methods=["POST"])
def reveal(doctype: str, name: str) -> dict:
	"""The identities of one record, for a user who may see them there (privacy.may_reveal):
	{"fields": {fieldname: value}, "rows": {child row name: {fieldname: value}}}."""
	meta = frappe.get_meta(doctype) if frappe.db.exists("DocType", doctype) else None
	if not meta or meta.istable or meta.module != vault.MODULE or not has_identities(doctype):
		_refuse(doctype if meta else "DocType", None)
	placing = ["governance_grid", "grid_path"] if meta.has_field("grid_path") else ["name"]
	placed = frappe.db.get_value(doctype, name, placing, as_dict=True)
	if not placed:
		_refuse(doctype, None)
	# a handler where the record lies is known from its path; anyone else needs the record itself
	if not handles_record(doctype, placed.get("grid_path")) and not may_reveal(frappe.get_doc(doctype, name)):
		_refuse(doctype, name)
	values = vault.record_identities(doctype, name)
	fields = sorted({*values["fields"], *(f for row in values["rows"].values() for f in row)})
	log_access(
		"Reveal", doctype, name, fields, grid=placed.get("governance_grid"), grid_path=placed.get("grid_path")
	)
	return values


@frappe.whitelist(methods=["POST"])
@rate_limit(limit=30, seconds=60)
def lookup(kind: str, value: str) -> dict:
	"""Is this ID number / phone number / full name already recorded (ledger, reports, loans…)?
	Returns the records the caller may read (name and title, masked), and for all others only
	whether some exist elsewhere — never what or where."""
	if kind not in LOOKUP_KINDS:
		frappe.throw(_("Look up by ID number, phone number or name"), frappe.ValidationError)
	user = frappe.session.user
	if user not in UNSCOPED_USERS and not assigned_paths(user, APP_ROLES):
		frappe.throw(_("Only users with a role in a grid may look up identities"), frappe.PermissionError)
	visible, elsewhere = [], False
	by_doctype: dict[str, set[str]] = {}
	for doctype, name in vault.records_with(LOOKUP_KINDS[kind], value):
		by_doctype.setdefault(doctype, set()).add(name)
	for doctype, names in by_doctype.items():  # one scoped query per DocType, however many match
		title = frappe.get_meta(doctype).title_field or "name"
		readable = frappe.get_list(
			doctype,
			filters={"name": ("in", list(names))},
			fields=["name", f"{title} as title"],
			limit_page_length=0,
		)
		visible += [
			{"doctype": doctype, "name": row.name, "title": row.title or row.name} for row in readable
		]
		elsewhere = elsewhere or len(readable) < len(names)
	log_access("Lookup", None, fields=[kind], count=len(visible))
	return {
		"records": visible,
		"elsewhere": elsewhere,
		"message": _("A record exists in another grid; contact its handler.") if elsewhere else None,
	}
