"""Frappe's own records about app records (attachments, tags, shares, history, comments, logs)
follow the record they are about: a user lists or opens them only where she may read that record.

Frappe scopes these DocTypes by role or owner, not by the record they point at: a System Manager
lists the file names of every grid's private attachments, anyone counting Version rows learns
which records changed. Here each such DocType names its pointer fields, and the same per-grid rule
(permissions.scope_condition) decides. A trace of a deleted app record (Deleted Document, a
Version of it) is readable by no one but Administrator."""

from urllib.parse import unquote

import frappe

from fulian_grid.permissions import UNSCOPED_USERS, scope_condition
from fulian_grid.utils import is_app_doctype

# DocType: (field holding the app DocType, field holding the record's name)
TRACES = {
	"Version": ("ref_doctype", "docname"),
	"Comment": ("reference_doctype", "reference_name"),
	"ToDo": ("reference_type", "reference_name"),
	"File": ("attached_to_doctype", "attached_to_name"),
	"Tag Link": ("document_type", "document_name"),
	"DocShare": ("share_doctype", "share_name"),
	"Access Log": ("export_from", "reference_document"),
	"View Log": ("reference_doctype", "reference_name"),
	"Activity Log": ("reference_doctype", "reference_name"),
	"Notification Log": ("document_type", "document_name"),
	"Communication": ("reference_doctype", "reference_name"),
	"Deleted Document": ("deleted_doctype", "deleted_name"),
	# who follows which record (its changes mailed to her daily); any Desk User reads and writes
	# every row of it in Frappe
	"Document Follow": ("ref_doctype", "ref_docname"),
}


def _scoped_doctypes() -> tuple[str, ...]:
	from fulian_grid.hooks import _GRID_SCOPED_DOCTYPES

	return _GRID_SCOPED_DOCTYPES


def query_conditions(user: str | None = None, doctype: str | None = None) -> str:
	"""permission_query_conditions for the DocTypes in TRACES."""
	user = user or frappe.session.user
	if user in UNSCOPED_USERS:
		return ""
	kind_field, name_field = TRACES[doctype]
	table = f"`tab{doctype}`"
	scoped = _scoped_doctypes()
	allowed = []
	if doctype != "Deleted Document":
		for app_doctype in scoped:
			condition = scope_condition(app_doctype, user, table="record") or "1=1"
			allowed.append(
				f"({table}.`{kind_field}` = {frappe.db.escape(app_doctype)} and {table}.`{name_field}` in "
				f"(select record.name from `tab{app_doctype}` record where {condition}))"
			)
	names = ", ".join(frappe.db.escape(d) for d in scoped)
	return f"(ifnull({table}.`{kind_field}`, '') not in ({names}){''.join(' or ' + a for a in allowed)})"


def has_permission(doc, ptype: str = "read", user: str | None = None, debug: bool = False):
	"""has_permission for the DocTypes in TRACES: a trace of an app record is as readable as it."""
	user = user or frappe.session.user
	if user in UNSCOPED_USERS:
		return None
	if doc.doctype == "File" and ptype in ("create", "write") and _borrows_a_file(doc, user):
		return False
	kind_field, name_field = TRACES[doc.doctype]
	doctype, name = doc.get(kind_field), doc.get(name_field)
	if doctype not in _scoped_doctypes():
		return None
	if doc.doctype == "Deleted Document" or not name or not frappe.db.exists(doctype, name):
		return False
	return frappe.has_permission(doctype, "read", doc=name, user=user)


def _borrows_a_file(doc, user: str) -> bool:
	"""Whether a File names, with no content of its own, the address of a private file she may not
	read. Frappe serves a private file to whoever may read any File at its address, and reads the
	file from disk for a new File with an address and no content: such a File would hand her
	another record's attachment (and tell whether a file of that name exists). She may point a
	File only at an address she already reads (the desk's "attach from library")."""
	url = unquote(doc.get("file_url") or "")
	if doc.get("is_folder") or doc.get("content") or not url.startswith("/private/files/"):
		return False
	if not doc.is_new() and frappe.db.get_value("File", doc.name, "file_url") == url:
		return False  # her own File, its address unchanged
	readable = frappe.get_list(
		"File",
		filters={"file_url": url, "name": ("!=", doc.name or "")},
		pluck="name",
		limit_page_length=1,
		user=user,
	)
	return not readable


def keep_attachments_private(doc, method=None) -> None:
	"""File validate: an attachment of an app record stays private. A public file is served under
	/files/ to anyone holding the link, past every permission; a private one only to those who may
	read the record (has_permission above). A refused upload is removed from disk by Frappe's
	rollback of the new file."""
	if doc.is_folder or not doc.attached_to_doctype or doc.is_private:
		return
	if is_app_doctype(doc.attached_to_doctype):
		frappe.throw(
			frappe._(
				"Attachments of Fulian Grid records are private files: untick “public” and upload again."
			),
			frappe.PermissionError,
			title=frappe._("Not permitted"),
		)


def refuse_share_keys(doc, method=None) -> None:
	"""Document Share Key validate: Frappe prints a record to anyone holding its key, logged in or
	not, past every permission (printview's `key`). No record of the app is shared by link."""
	if is_app_doctype(doc.reference_doctype):
		frappe.throw(
			frappe._("Records of Fulian Grid are not shared by public links."),
			frappe.PermissionError,
			title=frappe._("Not permitted"),
		)


def refuse_foreign_links(doc, method=None) -> None:
	"""Custom Field / Property Setter validate: a DocType outside the app links to none of its
	DocTypes. Saving such a link checks that the record exists and copies its `fetch_from`
	fields with no permission check: a System Manager's link on ToDo read any report's grid."""
	if doc.doctype == "Custom Field":
		doctype, fieldtype, target = doc.dt, doc.fieldtype, doc.options
	elif doc.property in ("options", "fieldtype"):
		doctype = doc.doc_type
		field = frappe.get_meta(doctype).get_field(doc.field_name)
		fieldtype = doc.value if doc.property == "fieldtype" else (field.fieldtype if field else None)
		target = doc.value if doc.property == "options" else (field.options if field else None)
	else:
		return
	if (
		fieldtype in ("Link", "Table", "Table MultiSelect")
		and is_app_doctype(target)
		and not is_app_doctype(doctype)
	):
		frappe.throw(
			frappe._("{0} is outside Fulian Grid and cannot link to {1}.").format(
				frappe._(doctype), frappe._(target)
			),
			frappe.PermissionError,
			title=frappe._("Not permitted"),
		)
