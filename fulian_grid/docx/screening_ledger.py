"""Appendix D: 重点妇女儿童群体及高风险家庭排查台账 — the ledger of a grid subtree for a period."""

from .common import add_signature_lines, add_table, new_document

TITLE = "重点妇女儿童群体及高风险家庭排查台账"
HEADERS = (
	"序号",
	"所在网格",
	"姓名",
	"性别",
	"出生日期",
	"身份证号码",
	"联系电话",
	"家庭住址",
	"重点群体类别",
	"风险等级",
	"排查发现",
	"帮扶措施",
	"跟进情况",
	"排查人",
	"排查日期",
)
WIDTHS_CM = (0.9, 1.8, 1.3, 0.8, 1.7, 3.0, 2.1, 2.6, 2.0, 1.0, 2.4, 2.4, 2.2, 1.3, 1.7)
COLUMNS = (
	"grid_name",
	"subject_name",
	"gender",
	"birth_date",
	"id_number",
	"phone",
	"address",
	"categories",
	"risk_level",
	"findings",
	"help_measures",
	"follow_up",
	"screened_by_name",
	"screened_on",
)


def build_screening_ledger(rows, grid_name: str, period: str, brand: str | None = None, printed_on: str = ""):
	"""`rows`: dicts with the COLUMNS keys, values already in Chinese and already masked where the
	reader may not see them in full."""
	document = new_document(
		TITLE,
		brand,
		landscape=True,
		meta=[f"网格：{grid_name}　　排查期间：{period}　　制表日期：{printed_on}"],
	)
	table_rows = [
		(index, *(row.get(column) or "" for column in COLUMNS)) for index, row in enumerate(rows, 1)
	]
	add_table(document, HEADERS, table_rows, widths_cm=WIDTHS_CM)
	add_signature_lines(document, ("排查人", "审核人", "日期"))
	return document
