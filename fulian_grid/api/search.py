"""Link search of the desk, with this app's Select values translated in the descriptions."""

import frappe
from frappe import _
from frappe.desk.search import search_link as frappe_search_link

from fulian_grid.utils import is_app_doctype

DESCRIPTION_SEPARATOR = ", "  # how frappe.desk.search.build_for_autosuggest joins the search fields


@frappe.whitelist()
def search_link(
	doctype: str,
	txt: str,
	query: str | None = None,
	filters: str | dict | list | None = None,
	page_length: int = 10,
	searchfield: str | None = None,
	reference_doctype: str | None = None,
	ignore_user_permissions: bool = False,
) -> list:
	"""Frappe shows a record's search fields ("Micro-grid", "Medium") as stored, in English; for
	this app's DocTypes each part of the description goes through the translation."""
	if is_app_doctype(doctype):
		# the per-grid rule is in the list query: no flag sets it aside, no foreign query replaces it
		if str(ignore_user_permissions).lower() in ("1", "true") or (
			query and not query.startswith("fulian_grid.")
		):
			frappe.throw(
				_("This function is not available for the records of Fulian Grid."), frappe.PermissionError
			)
	results = frappe_search_link(
		doctype, txt, query, filters, page_length, searchfield, reference_doctype, ignore_user_permissions
	)
	if is_app_doctype(doctype):
		for result in results:
			if result.get("description"):
				parts = result["description"].split(DESCRIPTION_SEPARATOR)
				result["description"] = DESCRIPTION_SEPARATOR.join(_(part) for part in parts)
	return results
