"""Values that cannot fit their field, refused with a Chinese message before any controller runs.

Frappe checks lengths and numbers only after the controllers' `validate`, and some not at all: a
word where a date or a number belongs reaches a controller's comparison (a 500), a number past its
column or a 1 MB text reaches MariaDB (a 500). Run first in before_validate (hooks.py, doc_events
"*") on the app's records and their rows, this says which field and why, and nothing is written."""

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
