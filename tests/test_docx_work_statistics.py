import io

from docx import Document

from fulian_grid.docx.common import to_bytes
from fulian_grid.docx.work_statistics import TITLE, build_work_statistics


def test_work_statistics_table_reads_back():
	headers = ["网格名称", "网格妇联数", "离婚调适辅导（对）"]
	rows = [["东营区", 48, "—"], ["河口区", 37, 12], ["合计", 85, 40]]
	document = Document(
		io.BytesIO(to_bytes(build_work_statistics(headers, rows, "东营市", "2026-01-01 至 2026-12-31")))
	)
	assert TITLE in [p.text for p in document.paragraphs]
	table = document.tables[0]
	assert [c.text for c in table.rows[0].cells] == headers
	assert [c.text for c in table.rows[1].cells] == ["东营区", "48", "—"]  # a withheld small cell
	assert [c.text for c in table.rows[-1].cells] == ["合计", "85", "40"]
