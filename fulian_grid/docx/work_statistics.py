"""The Work Statistics table (工作统计) as a Word document: one row per child node and a total."""

from .common import add_table, new_document

TITLE = "妇联组织参与社会治理工作统计表"


def build_work_statistics(
	headers, rows, grid_name: str, period: str, brand: str | None = None, printed_on: str = ""
):
	"""`headers`: column titles (Chinese); `rows`: lists of cell values, the total row last. A
	withheld small cell arrives as text (e.g. "<5") and is printed as it is."""
	document = new_document(
		TITLE,
		brand,
		landscape=True,
		meta=[f"统计范围：{grid_name}　　统计期间：{period}　　制表日期：{printed_on}"],
	)
	add_table(document, headers, rows)
	return document
