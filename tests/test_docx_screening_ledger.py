import io

from docx import Document
from docx.enum.section import WD_ORIENT

from fulian_grid.docx.common import to_bytes
from fulian_grid.docx.screening_ledger import HEADERS, TITLE, build_screening_ledger

ROW = {
	"grid_name": "盛园社区第一网格",
	"subject_name": "王*",
	"gender": "女",
	"birth_date": "1990-01-01",
	"id_number": "3705**********1234",
	"phone": "138****5678",
	"address": "东营区文汇街****",
	"categories": "留守妇女、困难妇女",
	"risk_level": "高",
	"findings": "丈夫长期在外务工",
	"help_measures": "结对帮扶",
	"follow_up": "上次走访 2026-11-20，下次应访 2026-11-27",
	"screened_by_name": "刘静",
	"screened_on": "2026-11-01",
}


def test_appendix_d_reads_back_with_the_form_columns():
	document = Document(
		io.BytesIO(
			to_bytes(
				build_screening_ledger([ROW, ROW], "盛园社区", "2026-11-01 至 2026-11-30", brand="贴心娘家人")
			)
		)
	)
	assert TITLE in [p.text for p in document.paragraphs]
	assert any(
		"网格：盛园社区" in p.text and "排查期间：2026-11-01 至 2026-11-30" in p.text
		for p in document.paragraphs
	)
	assert document.sections[0].orientation == WD_ORIENT.LANDSCAPE
	table = document.tables[0]
	assert tuple(cell.text for cell in table.rows[0].cells) == HEADERS
	first = [cell.text for cell in table.rows[1].cells]
	assert first[:3] == ["1", "盛园社区第一网格", "王*"]
	assert first[5] == "3705**********1234"
	assert next(cell.text for cell in table.rows[2].cells) == "2"
	assert "排查人：" in document.paragraphs[-1].text


def test_empty_ledger_still_prints_the_form():
	document = Document(io.BytesIO(to_bytes(build_screening_ledger([], "盛园社区", "—"))))
	assert len(document.tables[0].rows) == 1


def test_many_rows_each_with_its_own_text_widths_and_line_breaks():
	rows = [{**ROW, "subject_name": f"王{i}*"} for i in range(300)]
	rows[7] = {**ROW, "findings": "第一行\n第二行", "help_measures": " 前后空格 "}
	table = Document(io.BytesIO(to_bytes(build_screening_ledger(rows, "盛园社区", "全年")))).tables[0]
	assert len(table.rows) == 301
	assert [table.cell(i, 2).text for i in (1, 2, 300)] == ["王0*", "王1*", "王299*"]
	assert [table.cell(i, 0).text for i in (1, 300)] == ["1", "300"]
	assert table.cell(8, 10).text == "第一行\n第二行" and table.cell(8, 11).text == " 前后空格 "
	widths = {tuple(tc.width for tc in tr.tc_lst) for tr in table._tbl.tr_lst}
	assert len(widths) == 1 and None not in next(iter(widths))  # every row laid out as the header


def test_a_row_of_the_wrong_width_is_refused():
	import pytest

	from fulian_grid.docx.common import add_table, new_document

	with pytest.raises(ValueError):
		add_table(new_document("表", None), ("甲", "乙"), [("1", "2", "3")])
