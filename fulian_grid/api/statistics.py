"""Work Statistics as a Word document (the same rows as the report, scope and small cells included)."""

from decimal import Decimal

import frappe
from frappe.utils import nowdate

from fulian_grid import replica, settings
from fulian_grid.api.downloads import in_chinese, send_docx
from fulian_grid.docx.work_statistics import build_work_statistics
from fulian_grid.queries.statistics import work_statistics


@frappe.whitelist()
@replica.read_only()
def download_work_statistics(
	governance_grid: str | None = None, from_date: str | None = None, to_date: str | None = None
) -> None:
	frappe.has_permission("Governance Grid", "report", throw=True)
	filters = frappe._dict(governance_grid=governance_grid, from_date=from_date, to_date=to_date)
	columns, data = work_statistics(filters)
	shown = [c for c in columns if c["fieldname"] != "governance_grid"]
	labels = in_chinese(*(c["label"] for c in shown))
	rows = [[_cell(row.get(c["fieldname"])) for c in shown] for row in data]
	grid = data[-1].governance_grid if data else governance_grid
	grid_name = frappe.db.get_value("Governance Grid", grid, "grid_name") if grid else ""
	if rows:
		rows[-1][0] = "合计"
	document = build_work_statistics(
		[labels[c["label"]] for c in shown],
		rows,
		grid_name,
		f"{from_date or '—'} 至 {to_date or '—'}",
		brand=settings.brand_name(),
		printed_on=nowdate(),
	)
	send_docx(document, f"工作统计-{grid_name}.docx", "Governance Grid", grid, "Work Statistics", filters)


def _cell(value):
	if value is None:
		return "—"  # a small cell withheld
	if isinstance(value, float | Decimal):
		return f"{value:,.0f}" if value == int(value) else f"{value:,.2f}"
	return value
