"""人身安全保护令申请书 read back from the .docx the builder writes."""

import io

from docx import Document

from fulian_grid.docx.common import to_bytes
from fulian_grid.docx.protection_order import TITLE, build_protection_order_application

DATA = {
	"name": "PO-2026-00001",
	"court": "东营区人民法院",
	"applicant_kind": "Federation on Her Behalf",
	"applicant": "A社区网格妇联",
	"victim": "李梅",
	"respondent": "王强",
	"facts": "2026年11月28日晚，被申请人酒后殴打申请人",
	"other_measures": "禁止被申请人进入申请人工作单位",
	"urgent": 1,
	"filed_on": "2026-11-30",
	"measure_no_violence": 1,
	"measure_no_contact": 0,
	"measure_move_out": 1,
	"measure_other": 1,
}


def text_of(data) -> str:
	document = Document(io.BytesIO(to_bytes(build_protection_order_application(data, brand="贴心娘家人"))))
	cells = [cell.text for table in document.tables for row in table.rows for cell in row.cells]
	return "\n".join(
		[p.text for p in document.paragraphs] + cells + [document.sections[0].header.paragraphs[0].text]
	)


def test_the_application_names_the_parties_court_and_measures_asked_for():
	text = text_of(DATA)
	for expected in (
		TITLE,
		"东营区人民法院",
		"妇女联合会代为申请",
		"A社区网格妇联",
		"李梅",
		"王强",
		"二十四小时",
		"1. 禁止被申请人实施家庭暴力",
		"2. 责令被申请人迁出申请人住所",
		"3. 保护申请人人身安全的其他措施：禁止被申请人进入申请人工作单位",
		"殴打申请人",
		"贴心娘家人",
		"PO-2026-00001",
	):
		assert expected in text, expected
	assert "骚扰、跟踪" not in text  # not asked for


def test_a_non_urgent_application_asks_for_72_hours_and_carries_masked_names_as_given():
	text = text_of({**DATA, "urgent": 0, "victim": "李*", "respondent": "王*", "facts": "******"})
	assert "七十二小时" in text and "二十四小时" not in text
	assert "李梅" not in text and "王强" not in text
