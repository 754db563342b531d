"""The app's scoped implementations of Frappe methods that read records past permission checks
(boundary.json, "scoped"; wired in hooks.override_whitelisted_methods)."""

import frappe
from frappe.client import validate_link as frappe_validate_link
from frappe.desk.doctype.dashboard_chart.dashboard_chart import get as frappe_dashboard_chart
from frappe.desk.doctype.number_card.number_card import get_result as frappe_number_card_result
from frappe.desk.doctype.tag.tag import add_tag as frappe_add_tag
from frappe.desk.doctype.tag.tag import add_tags as frappe_add_tags
from frappe.desk.doctype.tag.tag import remove_tag as frappe_remove_tag
from frappe.desk.form.document_follow import follow_document as frappe_follow_document
from frappe.desk.form.document_follow import unfollow_document as frappe_unfollow_document
from frappe.desk.form.document_follow import update_follow as frappe_update_follow
from frappe.desk.form.load import getdoc as frappe_getdoc
from frappe.desk.like import toggle_like as frappe_toggle_like
from frappe.desk.listview import get_group_by_count as frappe_group_by_count
from frappe.desk.query_report import run as frappe_run_report
from frappe.model.workflow import get_workflow_name
from frappe.utils import get_safe_filters, sbool
from frappe.workflow.doctype.workflow.workflow import get_workflow_state_count as frappe_state_count

from fulian_grid import replica
from fulian_grid.boundary import is_app_report
from fulian_grid.permissions import counting_own_subtrees
from fulian_grid.utils import is_app_doctype


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
	if is_app_doctype(doctype) and frappe.db.exists(doctype, docname):
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
		is_app_doctype(doctype)
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
	if is_app_doctype(card.get("document_type")) or is_app_doctype(card.get("parent_document_type")):
		if not card.get("name") or not frappe.db.exists("Number Card", card.get("name")):
			frappe.throw(
				frappe._("Only saved number cards count the records of Fulian Grid."), frappe.PermissionError
			)
		stored = frappe.get_doc("Number Card", card["name"])
		stored.check_permission("read")
		_refuse_table_rows(stored.document_type)
		card = stored.as_dict()
	with counting_own_subtrees():
		return frappe_number_card_result(card, filters, to_date)


@frappe.whitelist()
def get_group_by_count(doctype: str, current_filters: str, field: str) -> list[dict]:
	"""The list sidebar's "assigned to" counts read ToDo rows of every record in v15: for app
	DocTypes count the assignments of the records the user may list."""
	if field != "assigned_to" or not is_app_doctype(doctype):
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
	if isinstance(parsed, dict) and is_app_doctype(parsed.get("doctype")):
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


def _listable(doctype: str, name: str) -> None:
	"""Refuse alike a record outside her scope and a name that does not exist (no oracle)."""
	if not frappe.get_list(doctype, filters={"name": name}, pluck="name", limit_page_length=1):
		frappe.throw(frappe._("No permission to read {0}").format(frappe._(doctype)), frappe.PermissionError)


@frappe.whitelist()
def toggle_like(doctype: str, name: str, add=False):
	"""Frappe's like writes a record's `_liked_by` and a comment with no permission check (and tells
	by its error whether a name exists): for app DocTypes only a record she may read is liked."""
	if is_app_doctype(doctype):
		_listable(doctype, name)
	return frappe_toggle_like(doctype, name, add)


@frappe.whitelist()
def follow_document(doctype: str, doc_name: str, user: str):
	"""Frappe's follow makes any user follow any record (its changes mailed to her daily), checked
	by nothing: for app DocTypes she follows, herself, a record she may read."""
	if is_app_doctype(doctype):
		if user != frappe.session.user:
			frappe.throw(frappe._("Not permitted"), frappe.PermissionError)
		_listable(doctype, doc_name)
	return frappe_follow_document(doctype, doc_name, user)


def _writable(doctype: str, name: str) -> None:
	"""A record she may list and also change (a reader who may not write is told so: she reads it)."""
	_listable(doctype, name)
	if not frappe.has_permission(doctype, "write", doc=name):
		frappe.throw(
			frappe._("No permission to change {0}").format(frappe._(doctype)), frappe.PermissionError
		)


@frappe.whitelist()
def add_tag(tag: str, dt: str, dn: str, color: str | None = None) -> str:
	"""Frappe's tag writes the record's `_user_tags` before it checks write permission, then fails
	with a 500 (and a 404 for a name that does not exist): for app DocTypes, a record she may
	change, refused alike otherwise."""
	if is_app_doctype(dt):
		_writable(dt, dn)
	return frappe_add_tag(tag, dt, dn, color)


@frappe.whitelist()
def add_tags(tags, dt: str, docs, color: str | None = None) -> None:
	"""The list view's bulk tagging: `add_tag` for each record."""
	if is_app_doctype(dt):
		for name in frappe.parse_json(docs) or []:
			_writable(dt, name)
	return frappe_add_tags(tags, dt, docs, color)


@frappe.whitelist()
def remove_tag(tag: str, dt: str, dn: str) -> None:
	"""`add_tag`'s counterpart, checked the same way."""
	if is_app_doctype(dt):
		_writable(dt, dn)
	return frappe_remove_tag(tag, dt, dn)


@frappe.whitelist()
def update_follow(doctype: str, doc_name: str, following: bool):
	"""The form's follow button: Frappe calls its own follow (not the scoped one above) with no
	check. For app DocTypes she follows only a record she may read."""
	if is_app_doctype(doctype) and sbool(following):
		_listable(doctype, doc_name)
	return frappe_update_follow(doctype, doc_name, following)


@frappe.whitelist()
def unfollow_document(doctype: str, doc_name: str, user: str):
	"""Frappe's unfollow acts for whichever user the client names (and tells by its answer whether
	she follows the record): for app DocTypes only her own following."""
	if is_app_doctype(doctype) and user != frappe.session.user:
		frappe.throw(frappe._("Only your own following can be changed."), frappe.PermissionError)
	return frappe_unfollow_document(doctype, doc_name, user)


@frappe.whitelist()
def get_workflow_state_count(doctype: str, workflow_state_field: str, states) -> list[dict]:
	"""The list sidebar's workflow count: Frappe groups every record of the DocType (frappe.get_all,
	checked on the DocType only) by whatever column the client names. For app DocTypes: only the
	DocType's workflow state, counted through the permission-checked list query."""
	if not is_app_doctype(doctype):
		return frappe_state_count(doctype, workflow_state_field, states)
	workflow = get_workflow_name(doctype)
	if not workflow or workflow_state_field != frappe.get_cached_value(
		"Workflow", workflow, "workflow_state_field"
	):
		frappe.throw(frappe._("Only the workflow state of a record is counted here."), frappe.PermissionError)
	rows = frappe.get_list(
		doctype,
		fields=[workflow_state_field, "count(*) as count"],
		filters={workflow_state_field: ["not in", frappe.parse_json(states) or []]},
		group_by=workflow_state_field,
	)
	return [row for row in rows if row[workflow_state_field]]


def _refuse_table_rows(doctype: str | None) -> None:
	"""A chart or card counts records, never the rows of a table: Frappe's list query checks a
	table's rows by the parent DocType alone (every record's rows)."""
	if doctype and frappe.get_meta(doctype).istable:
		frappe.throw(
			frappe._("Rows of a table are read through the record they belong to."), frappe.PermissionError
		)


@frappe.whitelist()
@replica.read_only()
def dashboard_chart(
	chart_name=None,
	chart=None,
	no_cache=None,
	filters=None,
	from_date=None,
	to_date=None,
	timespan=None,
	time_interval=None,
	heatmap_year=None,
	refresh=None,
):
	"""A saved chart runs by its name, which names no DocType the boundary could see, and any user
	saves one (Frappe inserts it with ignore_permissions): a heatmap counts with frappe.get_all
	(every county, the client's filters), a chart of a table reads every record's rows. For app
	DocTypes a saved chart counts records through the list query: no heatmap, no table rows; and
	a chart the client describes is refused (it could group by any column or expression)."""
	described = frappe.parse_json(chart) if chart and not chart_name else None
	if isinstance(described, dict) and (
		is_app_doctype(described.get("document_type"))
		or is_app_doctype(described.get("parent_document_type"))
	):
		frappe.throw(
			frappe._("This function is not available for the records of Fulian Grid."), frappe.PermissionError
		)
	if chart_name and (
		stored := frappe.db.get_value(
			"Dashboard Chart", chart_name, ["document_type", "parent_document_type", "type"], as_dict=True
		)
	):
		if is_app_doctype(stored.document_type) or is_app_doctype(stored.parent_document_type):
			if stored.type == "Heatmap":
				frappe.throw(
					frappe._("Heatmaps are not available for the records of Fulian Grid."),
					frappe.PermissionError,
				)
			_refuse_table_rows(stored.document_type)
	return frappe_dashboard_chart(
		chart_name=chart_name,
		chart=chart,
		no_cache=no_cache,
		filters=filters,
		from_date=from_date,
		to_date=to_date,
		timespan=timespan,
		time_interval=time_interval,
		heatmap_year=heatmap_year,
		refresh=refresh,
	)


@frappe.whitelist()
@replica.read_only()  # on the replica when one is configured and fresh (replica.py)
def run_report(
	report_name: str,
	filters=None,
	user: str | None = None,
	ignore_prepared_report=False,
	custom_columns=None,
	is_tree=False,
	parent_field=None,
	are_default_filters=True,
):
	"""A report of the app runs now, for the user who asks. Frappe turns a script report that ran
	over 15 s into a prepared report and then answers with the result prepared for whichever
	`user` the client names, or the Prepared Report named in the filters, with no check: another
	user's (a city admin's) rows of every county."""
	if is_app_report(report_name):
		if user and user != frappe.session.user:
			frappe.throw(frappe._("A report runs only for the user who asks for it."), frappe.PermissionError)
		if custom_columns and str(custom_columns) not in ("[]", "{}"):
			frappe.throw(
				frappe._("This function is not available for the records of Fulian Grid."),
				frappe.PermissionError,
			)
		user, ignore_prepared_report = None, True
		if isinstance(filters, str) and filters[:1] == "{":
			filters = frappe.parse_json(filters)
		if isinstance(filters, dict):
			filters.pop("prepared_report_name", None)
	return frappe_run_report(
		report_name,
		filters=filters,
		user=user,
		ignore_prepared_report=ignore_prepared_report,
		custom_columns=custom_columns,
		is_tree=is_tree,
		parent_field=parent_field,
		are_default_filters=are_default_filters,
	)


@frappe.whitelist()
def getdoc(doctype: str, name: str, user: str | None = None) -> None:
	"""The form's load. Frappe sends with it the title of every record the form links to, read with
	frappe.db.get_value, and a link is saved unchecked: a record of hers linked to another county's
	record showed her its title (a name). The title of an app record she may not read is its name."""
	frappe_getdoc(doctype, name, user)
	titles = frappe.local.response.get("_link_titles") or {}
	for key in list(titles):
		linked_doctype, _, linked_name = key.partition("::")
		if (
			is_app_doctype(linked_doctype)
			and not frappe.has_permission(linked_doctype, "read", doc=linked_name)
			and not _assigns_roles_in(linked_doctype)
		):
			titles[key] = linked_name
