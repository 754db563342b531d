"""THE boundary: which of Frappe's whitelisted methods may touch the app's records, deny by default.

Every whitelisted method of the installed Frappe is classified in `boundary.json` (a test fails on
any method that is not, so an upgrade cannot open a path silently):

- `allowed`: it may be called with app DocTypes, because it reaches records only through
  `frappe.get_list` / `has_permission`, where the per-grid rule (permissions.py) applies — each with
  its reason, and optionally `unless`: arguments that make it unsafe (a client-supplied chart
  config, a document JSON to print, `ignore_user_permissions`…);
- `scoped`: served by the app's scoped implementation (`override_whitelisted_methods` in hooks.py);
- `refused`: refused whenever its arguments name an app DocType or a child DocType of one.

A method that is not in the file at all (another app's, or one a Frappe upgrade adds) is refused
for app DocTypes as well. On every allowed method, child DocTypes of the app are refused as query
targets (they carry no scope of their own), and field arguments must be plain field names.
The guard runs before each request (hooks.before_request); `check` is the same rule for tests.
"""

import json
import re
from functools import cache
from pathlib import Path

import frappe
from frappe import _

from fulian_grid.utils import MODULE

CLASSIFICATION = Path(__file__).with_name("boundary.json")
# Methods whose DocType argument may be a child DocType (they read metadata, not rows).
META_ONLY = {
	"frappe.desk.form.load.getdoctype",
	"frappe.desk.listview.get_list_settings",
	"frappe.model.utils.user_settings.get",
}
# Allowed methods that run another whitelisted method the client names: Frappe's own function runs
# (never the app's scoped one), so it must itself be allowed, and is checked with the same arguments.
METHOD_ARGUMENTS = {"frappe.desk.treeview.get_all_nodes": "tree_method"}
FIELD_ARGUMENTS = ("fields", "fieldname", "group_by", "order_by", "sort_by", "sort_field", "field")
# `name`, `tabX`.`name`, `tabX.name`, `name as label`, count(*), count(`tabX`.`name`) as count
_PLAIN_FIELD = re.compile(
	r"^\s*(?:(?:`?tab[\w \-]+`?\.)?`?\w+`?|count\(\s*(?:\*|(?:`?tab[\w \-]+`?\.)?`?\w+`?)\s*\))"
	r"(?:\s+as\s+`?\w+`?)?(?:\s+(?:asc|desc))?\s*$",
	re.IGNORECASE,
)


class BoundaryRefusal(frappe.PermissionError):
	pass


@cache
def classification() -> dict:
	return json.loads(CLASSIFICATION.read_text())


def verdict(method: str) -> str:
	if method.startswith("fulian_grid."):
		return "app"  # the app's own endpoints check the per-grid rule themselves
	rules = classification()
	method = qualified(method)
	if method in rules["allowed"]:
		return "allowed"
	if method in rules["scoped"]:
		return "scoped"
	return "refused"  # refused for app DocTypes, listed or not


def qualified(method: str) -> str:
	"""The name a method is classified under: Frappe resolves a bare name (upload_file) in its
	handler module, unless it is an alias of its own (run_doc_method)."""
	rules = classification()
	if "." in method or any(method in rules[kind] for kind in rules):
		return method
	return f"frappe.handler.{method}"


def _app_doctypes() -> frozenset[str]:
	return _doctypes_of(frappe.local.site, False)


def _child_doctypes() -> frozenset[str]:
	return _doctypes_of(frappe.local.site, True)


@cache
def _doctypes_of(site: str, children_only: bool) -> frozenset[str]:
	"""The app's DocTypes on `site` (a worker process may serve several sites)."""
	filters = {"module": MODULE, **({"istable": 1} if children_only else {})}
	return frozenset(frappe.get_all("DocType", filters=filters, pluck="name"))


def app_doctypes_in(value, found: set | None = None) -> set[str]:
	"""App DocTypes named anywhere in an argument (strings, JSON strings, lists, dicts)."""
	found = set() if found is None else found
	if isinstance(value, str):
		if value in _app_doctypes():
			found.add(value)
		elif value[:1] in "[{":
			try:
				app_doctypes_in(json.loads(value), found)
			except ValueError:
				pass
	elif isinstance(value, dict):
		for item in value.values():
			app_doctypes_in(item, found)
	elif isinstance(value, list | tuple):
		for item in value:
			app_doctypes_in(item, found)
	return found


def _refuse(message: str) -> None:
	frappe.throw(message, BoundaryRefusal, title=_("Not permitted"))


REPORT_ARGUMENTS = ("report_name",)


def is_app_report(report_name) -> bool:
	"""Whether `report_name` names a report of the app's DocTypes (its own, or one a user made on
	them): a call naming a report names no DocType, yet runs over the app's records."""
	if not isinstance(report_name, str) or not report_name:
		return False
	report = frappe.db.get_value("Report", report_name, ["module", "ref_doctype"], as_dict=True)
	return bool(report) and (report.module == MODULE or report.ref_doctype in _app_doctypes())


def check(method: str, args: dict) -> None:
	"""Refuse `method` called with `args` when it would touch app records past the rule."""
	named = app_doctypes_in(dict(args))
	named |= {args[key] for key in REPORT_ARGUMENTS if is_app_report(args.get(key))}
	if not named:
		return
	rule = verdict(method)
	if rule == "refused":
		_refuse(_("This function is not available for the records of Fulian Grid."))
	if rule == "allowed":
		for argument in classification()["allowed"][qualified(method)].get("unless", ()):
			if str(args.get(argument)).lower() not in ("none", "", "0", "false", "[]", "{}"):
				_refuse(_("This function is not available for the records of Fulian Grid."))
		if argument := METHOD_ARGUMENTS.get(qualified(method)):
			inner = str(args.get(argument) or "")
			if verdict(inner) not in ("allowed", "app"):
				_refuse(_("This function is not available for the records of Fulian Grid."))
			if verdict(inner) == "allowed":
				check(inner, {key: value for key, value in args.items() if key != argument})
	if method not in META_ONLY and (_targets(args) & _child_doctypes()):
		_refuse(_("Rows of a table are read through the record they belong to."))
	for argument in FIELD_ARGUMENTS:
		for field in _fields(args.get(argument)):
			if not _PLAIN_FIELD.match(field):
				_refuse(_("Only plain field names may be asked for: {0}").format(field))


TARGET_ARGUMENTS = ("doctype", "dt", "document_type", "parent_doctype", "parenttype")
DOCUMENT_ARGUMENTS = ("doc", "docs", "chart")  # JSON whose own DocType is the target


def _targets(args: dict) -> set[str]:
	"""The DocTypes a call queries or acts on — not those it merely mentions (the form a link
	search is made from, the child rows inside a document)."""
	targets = [args.get(argument) for argument in TARGET_ARGUMENTS]
	for argument in DOCUMENT_ARGUMENTS:
		document = args.get(argument)
		if isinstance(document, str) and document[:1] == "{":
			try:
				document = json.loads(document)
			except ValueError:
				continue
		if isinstance(document, dict):
			targets += [document.get(key) for key in ("doctype", "document_type", "parent_document_type")]
	return {target for target in targets if isinstance(target, str)} & _app_doctypes()


def _fields(value) -> list[str]:
	if value in (None, ""):
		return []
	if isinstance(value, str):
		try:
			value = json.loads(value) if value[:1] in "[{" else value
		except ValueError:
			pass
	if isinstance(value, str):
		return [part for part in value.split(",") if part.strip()]
	if isinstance(value, dict):
		return [str(v) for v in value.values() if isinstance(v, str)]
	if isinstance(value, list | tuple):
		return [str(v) for v in value if isinstance(v, str)]
	return []


def before_request() -> None:
	"""hooks.before_request: the boundary on every HTTP call, however it names what it runs.

	Frappe runs a method named in three ways: `cmd` in the form on any path (the deprecated RPC,
	served before any API route), `/api/method/<method>` (v1 keeps what comes before a further
	`/`) and `/api/v2/method/<DocType>/<function>` (a function of that DocType's module). The path
	is matched with Frappe's own API routes, so the method checked is the one Frappe will run."""
	request = getattr(frappe.local, "request", None)
	if request is None:
		return
	form = frappe.local.form_dict
	if form.get("cmd"):
		check(str(form.cmd), form)
	if request.path.startswith("/api/"):
		_check_api_route(request, form)
	elif _targets(form) & _child_doctypes():  # a page such as /printview of one row
		_refuse(_("Rows of a table are read through the record they belong to."))


def _check_api_route(request, form) -> None:
	from frappe.api import API_URL_MAP
	from werkzeug.exceptions import HTTPException

	try:
		endpoint, route = API_URL_MAP.bind_to_environ(request.environ).match()
	except HTTPException:
		return  # no such route: Frappe answers 404 or 405 itself
	name = getattr(endpoint, "__name__", "")
	if name == "handle_rpc_call":
		check(_rpc_method(route), form)
	elif name == "<lambda>":  # v2's /method/run_doc_method
		check("run_doc_method", form)
	elif "doctype" in route:
		_check_resource(route["doctype"], form)
	else:  # v2's own /method/upload_file, login, logout, ping
		check(f"{endpoint.__module__}.{name}", form)


def _rpc_method(route: dict) -> str:
	"""The dotted name Frappe's RPC route resolves to (frappe/api/v1.py and v2.py)."""
	method = route["method"]
	if not route.get("doctype"):
		return method.split("/")[0]
	from frappe.modules.utils import load_doctype_module

	try:
		return f"{load_doctype_module(route['doctype']).__name__}.{method}"
	except Exception:
		return method  # no such DocType module: Frappe fails the call itself


def _check_resource(doctype: str, form) -> None:
	if doctype in _child_doctypes():
		_refuse(_("Rows of a table are read through the record they belong to."))
	if doctype in _app_doctypes():
		for argument in FIELD_ARGUMENTS:
			for field in _fields(form.get(argument)):
				if not _PLAIN_FIELD.match(field):
					_refuse(_("Only plain field names may be asked for: {0}").format(field))
