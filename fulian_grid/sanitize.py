"""HTML sanitised on every write path, where Frappe's own sanitiser is skipped or comes too late.

Frappe cleans every text value on save (`BaseDocument._sanitize_content`, with
`frappe.utils.html_utils.sanitize_html`), but
- not when the document is being submitted (a record inserted already submitted, or a draft
  submitted with changed values): it skips every field of a submitted document that is not
  `allow_on_submit`;
- only after the `validate` hooks, when the vault has already taken the identity values (vault.py),
  so the vault would keep them uncleaned;
- never for rows written straight into the tables (bulk.py: the ledger import, the demo data).
So documents are cleaned here on before_validate (and before the vault reseals an update after
submit), and bulk rows before they are sealed, with the same exceptions as Frappe's (Code and
attachment fields, e-mail addresses, `ignore_xss_filter`)."""

import frappe
from frappe.utils.html_utils import sanitize_html

SKIPPED_TYPES = ("Attach", "Attach Image", "Barcode", "Code")


def _cleanable(df) -> bool:
	if not df or df.get("ignore_xss_filter") or df.fieldtype in SKIPPED_TYPES:
		return False
	return not (df.fieldtype in ("Data", "Small Text", "Text") and df.get("options") == "Email")


def clean(df, value):
	"""`value` as Frappe's sanitiser leaves it (text without markup is returned unchanged)."""
	if not value or not isinstance(value, str) or ("<" not in value and ">" not in value):
		return value
	if not _cleanable(df):
		return value
	return sanitize_html(value, linkify=df.fieldtype == "Text Editor")


def clean_rows(doctype: str, rows: list[dict]) -> None:
	"""In place: every text value of `rows` (dicts about to be bulk-inserted into `doctype`)."""
	meta = frappe.get_meta(doctype)
	fields = {df.fieldname: df for df in meta.fields if df.fieldtype not in frappe.model.table_fields}
	for row in rows:
		for fieldname, value in row.items():
			if fieldname in fields and isinstance(value, str):
				row[fieldname] = clean(fields[fieldname], value)


def sanitize_document(doc, method=None):
	"""doc_events before_validate / before_update_after_submit: the document and its rows, as
	Frappe cleans a draft; after submit only the fields that may still change."""
	if doc._action == "cancel":
		return
	after_submit = doc._action == "update_after_submit"
	for d in (doc, *doc.get_all_children()):
		for df in d.meta.fields:
			value = d.get(df.fieldname)
			if isinstance(value, str) and (df.allow_on_submit or not after_submit):
				d.set(df.fieldname, clean(df, value))
