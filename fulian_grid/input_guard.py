"""Values that cannot fit their field, refused with a Chinese message before any controller runs.

Frappe checks lengths and numbers only after the controllers' `validate`, and some not at all: a
word where a date or a number belongs reaches a controller's comparison (a 500), a number past its
column or a 1 MB text reaches MariaDB (a 500). Run first in before_validate (hooks.py, doc_events
"*") on the app's records and their rows, this says which field and why, and nothing is written.

One kind of bad input never reaches a hook: a table sent as something other than a list of rows
(`{"victims": "abc"}`) makes Frappe fail while it builds the document (a 500). `before_request`
(hooks.py, after the boundary) looks at the documents a request carries — `doc`/`docs` of a method
call, the body of /api/resource and /api/v2/document, `frappe.client.set_value` — and refuses such a
table before Frappe builds anything."""

import json
from datetime import date, datetime

import frappe
from frappe import _
from frappe.utils import get_datetime, getdate

from fulian_grid.vault import MODULE, identity_fields

# `text` columns hold 65,535 bytes; a vault value is encrypted (Fernet base64, about 4/3 larger)
TEXT_BYTES = {"Small Text": 65535, "Text": 65535, "Code": 65535, "Text Editor": 65535, "HTML Editor": 65535}
IDENTITY_BYTES = 30000
NUMBER_LIMIT = {"Currency": 10**12, "Float": 10**12, "Percent": 10**12, "Int": 2**31, "Check": 2}
DATA_TYPES = ("Data", "Link", "Select", "Dynamic Link", "Autocomplete", "Read Only", "Phone")


class InputError(frappe.ValidationError):
	pass


def guard_document(doc, method=None) -> None:
	if frappe.get_meta(doc.doctype).module != MODULE:
		return
	for row in (doc, *doc.get_all_children()):
		guard_row(row)


def guard_row(row) -> None:
	meta = frappe.get_meta(row.doctype)
	identities = identity_fields(row.doctype)
	for df in meta.fields:
		value = row.get(df.fieldname)
		if value in (None, ""):
			continue
		problem = _problem(df, value, df.fieldname in identities)
		if problem:
			frappe.throw(f"{_(df.label or df.fieldname)}: {problem}", InputError, title=_("Invalid input"))


def _problem(df, value, is_identity: bool) -> str | None:
	kind = df.fieldtype
	if kind in ("Date", "Datetime"):
		if isinstance(value, date | datetime):
			return None
		if not isinstance(value, str):
			return _("not a date")
		try:
			getdate(value) if kind == "Date" else get_datetime(value)
		except Exception:
			return _("not a date")
		return None
	if kind in NUMBER_LIMIT:
		if isinstance(value, bool):
			return None
		try:
			number = float(value)
		except (TypeError, ValueError):
			return _("not a number")
		if kind in ("Int", "Check") and number != int(number):
			return _("not a whole number")
		if kind == "Check" and number not in (0, 1):
			return _("can only be ticked or not")
		if abs(number) >= NUMBER_LIMIT[kind]:
			return _("the number is too large")
		return None
	if kind in DATA_TYPES or kind in TEXT_BYTES:
		if not isinstance(value, str | int | float):
			return _("not text")
		text = str(value)
		if kind in DATA_TYPES:
			limit = df.length or frappe.db.VARCHAR_LEN
			if len(text) > limit:
				return _("too long: at most {0} characters").format(limit)
			return None
		limit = IDENTITY_BYTES if is_identity else TEXT_BYTES[kind]
		if len(text.encode()) > limit:
			return _("too long: at most {0} characters").format(limit // 3)
	return None


# ---- tables in a request ---------------------------------------------------------------------

DOCUMENT_ARGUMENTS = ("doc", "docs")
_RESOURCE = ("/api/resource/", "/api/v1/resource/", "/api/v2/document/")


def before_request() -> None:
	"""hooks.before_request: refuse a document whose table is not a list of rows."""
	request = getattr(frappe.local, "request", None)
	if request is None or request.method not in ("POST", "PUT", "PATCH"):
		return
	form = frappe.local.form_dict
	path = request.path
	if (
		path.startswith("/api/method/")
		or path.startswith("/api/v1/method/")
		or path.startswith("/api/v2/method/")
	):
		for argument in DOCUMENT_ARGUMENTS:
			for document in _documents(_parsed(form.get(argument))):
				guard_tables(document.get("doctype"), document)
		if path.rstrip("/").endswith("frappe.client.set_value"):
			values = _parsed(form.get("fieldname"))
			values = values if isinstance(values, dict) else {values: _parsed(form.get("value"))}
			guard_tables(form.get("doctype"), values)
	elif path.startswith(_RESOURCE):
		from urllib.parse import unquote

		doctype = unquote(path.split("/")[3 if path.startswith("/api/resource/") else 4])
		body = _parsed(form.get("data")) if form.get("data") is not None else form
		if isinstance(body, dict):
			guard_tables(doctype, body)


def guard_tables(doctype, values: dict) -> None:
	"""Each table field of `doctype` in `values` must be empty or a list of rows (objects)."""
	if not isinstance(doctype, str) or not isinstance(values, dict):
		return
	try:
		meta = frappe.get_meta(doctype)  # cached
	except frappe.DoesNotExistError:
		return  # Frappe answers an unknown DocType itself
	for df in meta.get_table_fields():
		value = values.get(df.fieldname)
		if not value:
			continue  # an empty table
		if isinstance(value, list | tuple) and all(isinstance(row, dict) for row in value):
			continue
		frappe.throw(
			_("{0} is a table: send a list of rows, each an object of its fields.").format(
				_(df.label or df.fieldname)
			),
			InputError,
			title=_("Invalid input"),
		)


def _parsed(value):
	if isinstance(value, str) and value[:1] in "[{":
		try:
			return json.loads(value)
		except ValueError:
			return value
	return value


def _documents(value) -> list[dict]:
	"""The documents in an argument: one object, or a list of them."""
	if isinstance(value, dict):
		return [value]
	if isinstance(value, list | tuple):
		return [item for item in map(_parsed, value) if isinstance(item, dict)]
	return []
