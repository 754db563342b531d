"""The screening ledger in and out: appendix D (.docx) for a grid subtree and period, and the
bulk import of a ledger kept in a spreadsheet."""

import csv
import io

import frappe
from frappe import _
from frappe.utils import getdate, nowdate

from fulian_grid import replica, settings
from fulian_grid.api.downloads import in_chinese, send_docx
from fulian_grid.bulk import insert_rows, reserve_names
from fulian_grid.docx.screening_ledger import build_screening_ledger
from fulian_grid.domain.ledger_import import prepare
from fulian_grid.permissions import UNSCOPED_USERS, user_paths
from fulian_grid.queries.ledger import ledger_rows
from fulian_grid.utils import translated


@frappe.whitelist()
@replica.read_only()
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
	brand = settings.brand_name()
	document = build_screening_ledger(rows, grid_name, period, brand=brand, printed_on=nowdate())
	send_docx(
		document, f"排查台账-{grid_name}.docx", "Screening Ledger", report_name="Appendix D", filters=filters
	)


@frappe.whitelist(methods=["POST"])
def import_screening_ledger(file_url: str) -> dict:
	"""Import a spreadsheet of ledger entries (.xlsx or .csv, headers in Chinese or English) in one
	bulk insert, with the controller's checks applied to every row first. Any bad row: nothing is
	imported and every error is returned with its row number, translated."""
	frappe.has_permission(LEDGER, "import", throw=True)
	frappe.has_permission(LEDGER, "create", throw=True)
	file = frappe.get_doc("File", {"file_url": file_url})
	file.check_permission("read")
	result = prepare(
		_read_table(file),
		dict(frappe.get_all("Governance Grid", fields=["name", "tree_path"], as_list=True)),
		None if frappe.session.user in UNSCOPED_USERS else user_paths(frappe.session.user, LEDGER, "create"),
		_category_labels(),
		settings.cadence_days(),
		getdate(),
	)
	# the spreadsheet holds identities in plaintext: it is not kept, imported or not
	file.delete(ignore_permissions=True)
	if result.errors:
		return {"imported": 0, "errors": [_row_error(number, error) for number, error in result.errors]}
	insert_ledger_rows(result.rows)
	return {"imported": len(result.rows), "errors": []}


LEDGER = "Screening Ledger"


def insert_ledger_rows(rows: list[dict]) -> None:
	"""Name and insert prepared ledger rows (the bulk path the import and the benchmark share)."""
	prefix = f"SL-{getdate().year}-"
	for row, name in zip(rows, reserve_names(prefix, len(rows)), strict=True):
		row["name"] = name
	insert_rows(LEDGER, rows)


def _read_table(file) -> list[list]:
	content = file.get_content()
	if file.file_name.lower().endswith(".xlsx"):
		from frappe.utils.xlsxutils import read_xlsx_file_from_attached_file

		return read_xlsx_file_from_attached_file(fcontent=content)
	if isinstance(content, bytes):
		content = content.decode("utf-8-sig")
	return list(csv.reader(io.StringIO(content)))


def _category_labels() -> dict[str, tuple[str, str]]:
	"""Every enabled category by its name and by its Chinese label."""
	labels = {}
	for name, risk in frappe.get_all(
		"Key Group Category", filters={"enabled": 1}, fields=["name", "default_risk_level"], as_list=True
	):
		labels[name] = labels[_(name, lang="zh")] = (name, risk or "Medium")
	return labels


def _row_error(number: int, error) -> str:
	return _("Row {0}: {1}").format(number, translated(error))
