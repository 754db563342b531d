"""Duty evaluation: open the records behind a score line."""

import frappe


@frappe.whitelist()
def get_evidence(evaluation: str, line: str) -> dict:
	"""The records counted for one score line, read as the current user (her scope applies) —
	the same records the line's evidence link opens in the desk."""
	doc = frappe.get_doc("Duty Evaluation", evaluation)
	doc.check_permission("read")
	row = next((row for row in doc.lines if row.name == line), None)
	if not row:
		frappe.throw(frappe._("No such score line: {0}").format(line), frappe.DoesNotExistError)
	names = [n for n in (row.evidence_names or "").split("\n") if n]
	records = []
	if row.evidence_doctype and names:
		records = frappe.get_list(
			row.evidence_doctype, filters={"name": ("in", names)}, pluck="name", order_by="name asc"
		)
	return {"doctype": row.evidence_doctype, "url": row.evidence_url, "names": records}
