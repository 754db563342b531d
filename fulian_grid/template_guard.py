"""Templates are code. A Jinja template — a print format, letter head, web page, email template,
notification, address or web template — runs with Frappe's safe globals, where `frappe.get_all`,
`frappe.get_doc` and `frappe.db.sql` read every grid's records past the per-grid rule: a System
Manager (who must not browse grid data) printed every county's infringement reports on her own
user record. So a template saved by anyone but Administrator (who installs the app's standard
formats) uses `frappe` only to format, translate and read through permission checks; the record
being printed comes in as `doc`, checked by the print's own permission."""

import re

import frappe
from frappe import _

# DocType: its fields that Frappe renders as Jinja (or evaluates, a notification's condition)
TEMPLATE_FIELDS = {
	"Print Format": ("html", "format_data", "raw_commands"),
	"Letter Head": ("content", "footer", "header_script", "footer_script"),
	"Web Page": ("main_section", "main_section_md", "main_section_html", "header", "breadcrumbs"),
	"Email Template": ("subject", "response", "response_html"),
	"Notification": ("subject", "message", "condition"),
	"Address Template": ("template",),
	"Web Template": ("template",),
}
# what a template may reach under `frappe`: formatting, translation, the session, permission-checked
# lists and the app's settings; anything else (get_all, get_doc, db.sql, db.get_value…) is refused
_ALLOWED = (
	r"format|format_value|format_date|utils|session|lang|_|bold|get_url|get_fullname|get_list"
	r"|db\s*\.\s*get_single_value"
)
_UNCHECKED_READ = re.compile(rf"\bfrappe\b(?!\s*\.\s*(?:{_ALLOWED})\b)|\bFrappeClient\b")


def check_template(doc, method=None) -> None:
	"""validate of the DocTypes in TEMPLATE_FIELDS."""
	if frappe.session.user == "Administrator" or frappe.flags.in_install or frappe.flags.in_migrate:
		return
	for fieldname in TEMPLATE_FIELDS.get(doc.doctype, ()):
		if match := _UNCHECKED_READ.search(doc.get(fieldname) or ""):
			line = (doc.get(fieldname) or "")[: match.start()].count("\n") + 1
			frappe.throw(
				_(
					"{0}, line {1}: a template may not read records past permissions ({2}). Use doc, frappe.format or frappe.get_list."
				).format(_(doc.meta.get_label(fieldname)), line, match.group(0)),
				frappe.PermissionError,
				title=_("Not permitted"),
			)


def readable_value(doctype: str, name: str, fieldname: str):
	"""Jinja method for templates: a field of a linked record, if the reader may read that record
	(the permission-checked `frappe.db.get_value`); identity fields give their masked copies."""
	if not name or not frappe.has_permission(doctype, "read", doc=name):
		return ""
	return frappe.db.get_value(doctype, name, fieldname)
