"""Appendix D (.docx): the screening ledger of a grid subtree for a period."""

import frappe
from frappe.utils import nowdate

from fulian_grid.api.downloads import in_chinese, send_docx
from fulian_grid.docx.screening_ledger import build_screening_ledger
from fulian_grid.fulian_grid.report.screening_ledger_register.screening_ledger_register import ledger_rows


@frappe.whitelist()
def download_screening_ledger(
	governance_grid: str | None = None,
	from_date: str | None = None,
	to_date: str | None = None,
	status: str | None = None,
) -> None:
	frappe.has_permission("Screening Ledger", "export", throw=True)
	filters = frappe._dict(
		governance_grid=governance_grid, from_date=from_date, to_date=to_date, status=status
	)
	rows = ledger_rows(filters)
	labels = in_chinese(
		*{value for row in rows for value in (row.gender, row.risk_level, *row.category_list) if value}
	)
	for row in rows:
		row.gender = labels.get(row.gender, "")
		row.risk_level = labels.get(row.risk_level)
		row.categories = "、".join(labels[c] for c in row.category_list)
		row.follow_up = f"上次走访 {row.last_visit_on or '-'}，下次应访 {row.next_visit_due or '-'}"
	grid_name = (
		frappe.db.get_value("Governance Grid", governance_grid, "grid_name") if governance_grid else "全部"
	)
	period = f"{from_date or '—'} 至 {to_date or '—'}"
	brand = frappe.db.get_single_value("Fulian Settings", "brand_name")
	document = build_screening_ledger(rows, grid_name, period, brand=brand, printed_on=nowdate())
	send_docx(
		document, f"排查台账-{grid_name}.docx", "Screening Ledger", report_name="Appendix D", filters=filters
	)
