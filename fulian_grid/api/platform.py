"""The app's scoped implementations of Frappe methods that read records past permission checks
(boundary.json, "scoped"; wired in hooks.override_whitelisted_methods)."""

import frappe
from frappe.client import validate_link as frappe_validate_link
from frappe.desk.doctype.number_card.number_card import get_result as frappe_number_card_result
from frappe.desk.listview import get_group_by_count as frappe_group_by_count
from frappe.utils import get_safe_filters

from fulian_grid import replica

MODULE = "Fulian Grid"


def _is_app_doctype(doctype: str) -> bool:
	return (
		bool(doctype) and frappe.db.exists("DocType", doctype) and frappe.get_meta(doctype).module == MODULE
	)


@frappe.whitelist()
def get_count(
	doctype: str, filters: str | dict | list | None = None, debug: bool = False, cache: bool = False
) -> int:
	"""`frappe.client.get_count` counts with `frappe.db.count` in v15: anyone could count any
	DocType's rows (Version, Comment, ToDo, File… rows about app records included) with any
	filter. Count through the permission-checked list query, for every DocType."""
	rows = frappe.get_list(
		doctype, filters=get_safe_filters(filters), fields=["count(*) as total"], as_list=True
	)
	return rows[0][0] if rows else 0


@frappe.whitelist()
def validate_link(doctype: str, docname: str, fields=None):
	"""A link to an app record the user may not read answers as a link to nothing."""
	if _is_app_doctype(doctype) and frappe.db.exists(doctype, docname):
		if not (
			frappe.has_permission(doctype, "select", doc=docname)
			or frappe.has_permission(doctype, "read", doc=docname)
			or _assigns_roles_in(doctype)
		):
			return frappe._dict()
	return frappe_validate_link(doctype, docname, fields)


def _assigns_roles_in(doctype: str) -> bool:
	"""A System Manager gives roles in every grid without reading grid records: the grid field of
	her assignment must accept the grid she picked (a grid's code and name are not sensitive)."""
	return doctype == "Governance Grid" and "System Manager" in frappe.get_roles()


@frappe.whitelist()
def get_link_title(doctype: str, docname: str) -> str:
	"""The title shown beside a link: only of a record the user may read."""
	meta = frappe.get_meta(doctype)
	if not meta.show_title_field_in_link or not meta.title_field:
		return docname
	if (
		_is_app_doctype(doctype)
		and not frappe.has_permission(doctype, "read", doc=docname)
		and not _assigns_roles_in(doctype)
	):
		return docname
	return frappe.db.get_value(doctype, docname, meta.title_field)


@frappe.whitelist()
@replica.read_only()
def number_card_result(doc, filters, to_date=None):
	"""A number card of an app DocType counts as stored (its DocType, function and field), never
	as the client describes it: a client card could sum an expression or read a child table."""
	card = frappe.parse_json(doc)
	if _is_app_doctype(card.get("document_type")) or _is_app_doctype(card.get("parent_document_type")):
		if not card.get("name") or not frappe.db.exists("Number Card", card.get("name")):
			frappe.throw(
				frappe._("Only saved number cards count the records of Fulian Grid."), frappe.PermissionError
			)
		stored = frappe.get_doc("Number Card", card["name"])
		stored.check_permission("read")
		card = stored.as_dict()
	return frappe_number_card_result(card, filters, to_date)


@frappe.whitelist()
def get_group_by_count(doctype: str, current_filters: str, field: str) -> list[dict]:
	"""The list sidebar's "assigned to" counts read ToDo rows of every record in v15: for app
	DocTypes count the assignments of the records the user may list."""
	if field != "assigned_to" or not _is_app_doctype(doctype):
		return frappe_group_by_count(doctype, current_filters, field)
	filters = frappe.parse_json(current_filters) or []
	if isinstance(filters, dict):
		filters = [
			[doctype, key, *(value if isinstance(value, list) else ["=", value])]
			for key, value in filters.items()
		]
	rows = frappe.get_list(
		doctype,
		filters=[*filters, [doctype, "_assign", "is", "set"]],
		fields=["_assign"],
		limit_page_length=0,
	)
	counts: dict[str, int] = {}
	for row in rows:
		for user in frappe.parse_json(row._assign) or []:
			counts[user] = counts.get(user, 0) + 1
	return [{"name": user, "count": count} for user, count in sorted(counts.items(), key=lambda kv: -kv[1])][
		:50
	]


def _stored(doc) -> tuple[str, str] | None:
	"""(DocType, name) of an app record that a client sent as a document JSON."""
	parsed = frappe.parse_json(doc) if isinstance(doc, str) and doc[:1] == "{" else doc
	if isinstance(parsed, dict) and _is_app_doctype(parsed.get("doctype")):
		if not parsed.get("name") or parsed.get("__islocal"):
			frappe.throw(frappe._("Save the record first."), frappe.PermissionError)
		return parsed["doctype"], parsed["name"]
	return None


@frappe.whitelist()
def run_doc_method(method: str, docs=None, dt=None, dn=None, arg=None, args=None):
	"""A controller method of an app record runs on the stored record, never on a document the
	client describes (whose grid, state or values could be anything)."""
	from frappe.handler import run_doc_method as frappe_run_doc_method

	if docs and (stored := _stored(docs)):
		return frappe_run_doc_method(method, dt=stored[0], dn=stored[1], arg=arg, args=args)
	return frappe_run_doc_method(method, docs=docs, dt=dt, dn=dn, arg=arg, args=args)


@frappe.whitelist()
def print_html_and_style(
	doc,
	name=None,
	print_format=None,
	no_letterhead=None,
	letterhead=None,
	trigger_print=False,
	style=None,
	settings=None,
):
	"""Print preview of an app record renders the stored record (print permission checked)."""
	from frappe.www.printview import get_html_and_style

	if stored := _stored(doc):
		doc, name = stored
	return get_html_and_style(
		doc, name, print_format, no_letterhead, letterhead, trigger_print, style, settings
	)


@frappe.whitelist()
def download_pdf(doctype, name, format=None, doc=None, no_letterhead=0, language=None, letterhead=None):
	"""PDF of an app record from the stored record, never from a client's document JSON."""
	from frappe.utils.print_format import download_pdf as frappe_download_pdf

	if doc and _stored(doc):
		doc = None
	return frappe_download_pdf(doctype, name, format, doc, no_letterhead, language, letterhead)


@frappe.whitelist()
def get_transitions(doc, workflow=None, raise_exception: bool = False) -> list[dict]:
	"""The workflow actions the desk offers: for an app record, only those of the roles the user
	holds where the record lies (Frappe offers those of her roles anywhere)."""
	from frappe.model.workflow import get_transitions as frappe_get_transitions

	from fulian_grid.permissions import allowed_transitions

	transitions = frappe_get_transitions(doc, workflow, raise_exception)
	stored = _stored(doc) if not isinstance(doc, frappe.model.document.Document) else (doc.doctype, doc.name)
	if not stored:
		return transitions
	return allowed_transitions(frappe.get_doc(*stored), transitions)
