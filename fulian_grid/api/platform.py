"""Closes paths where Frappe v15 reads records without checking permission."""

import frappe
from frappe.client import get_count as frappe_get_count
from frappe.utils import get_safe_filters


@frappe.whitelist()
def get_count(
	doctype: str, filters: str | dict | list | None = None, debug: bool = False, cache: bool = False
) -> int:
	"""`frappe.client.get_count` counts with `frappe.db.count` in v15, so anyone could count any
	grid's records. For this app's DocTypes count through the permission-checked list query."""
	if frappe.get_meta(doctype).module != "Fulian Grid":
		return frappe_get_count(doctype, filters, debug, cache)
	rows = frappe.get_list(
		doctype, filters=get_safe_filters(filters), fields=["count(*) as total"], as_list=True
	)
	return rows[0][0] if rows else 0
