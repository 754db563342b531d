"""Sending a generated file: permission is checked by the caller; every download is logged."""

import frappe
from frappe.core.doctype.access_log.access_log import make_access_log
from frappe.translate import get_all_translations

from fulian_grid.docx.common import to_bytes


def send_docx(
	document,
	filename: str,
	doctype: str,
	name: str | None = None,
	report_name: str | None = None,
	filters=None,
):
	frappe.write_only()(make_access_log)(  # on the primary, also when the file was read from a replica
		doctype=doctype,
		document=name,
		method="download",
		file_type="docx",
		report_name=report_name,
		filters=frappe.as_json(filters) if filters else None,
	)
	frappe.response["filename"] = filename
	frappe.response["filecontent"] = to_bytes(document)
	frappe.response["type"] = "binary"


def in_chinese(*texts: str) -> dict[str, str]:
	"""The forms are filed in Chinese whatever the user's UI language."""
	zh = get_all_translations("zh")
	return {text: zh.get(text, text) for text in texts}
