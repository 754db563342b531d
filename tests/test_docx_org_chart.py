import io

from docx import Document

from fulian_grid.docx.common import to_bytes
from fulian_grid.docx.org_chart import HEADERS, TITLE, build_org_chart

NODES = [
	dict(
		depth=0,
		name="东营区妇联",
		federation_type="County Federation",
		grid_name="东营区",
		level="County",
		groups=0,
		executives=3,
		two_way=1,
	),
	dict(
		depth=1,
		name="文汇街道妇联",
		federation_type="Township Federation",
		grid_name="文汇街道",
		level="Township",
		groups=0,
		executives=5,
		two_way=2,
	),
	dict(
		depth=2,
		name="盛园社区网格妇联",
		federation_type="Grid Federation",
		grid_name="盛园社区",
		level="Community",
		groups=4,
		executives=9,
		two_way=6,
	),
]
LABELS = {
	"County Federation": "县区妇联",
	"Township Federation": "乡镇街道妇联",
	"Grid Federation": "网格妇联",
	"County": "县区",
	"Township": "乡镇街道",
	"Community": "社区",
}


def read_back(document):
	return Document(io.BytesIO(to_bytes(document)))


def test_org_chart_reads_back_as_the_appendix_b_form():
	document = read_back(build_org_chart(NODES, LABELS, brand="贴心娘家人", printed_on="2026-11-28"))
	texts = [p.text for p in document.paragraphs]
	assert TITLE in texts
	assert "组织：东营区妇联" in texts
	assert document.sections[0].header.paragraphs[0].text == "贴心娘家人"
	table = document.tables[0]
	assert tuple(c.text for c in table.rows[0].cells) == HEADERS
	assert [c.text for c in table.rows[3].cells] == [
		"第3级",
		"　　盛园社区网格妇联",
		"网格妇联",
		"盛园社区",
		"社区",
		"4",
		"9",
		"6",
	]
	assert [c.text for c in table.rows[-1].cells][-3:] == ["4", "17", "9"]
	assert len(table.rows) == 1 + len(NODES) + 1


def test_untranslated_types_fall_back_to_source_text():
	document = read_back(build_org_chart(NODES[:1], {}, printed_on="2026-11-28"))
	assert document.tables[0].rows[1].cells[2].text == "County Federation"
	assert document.sections[0].header.paragraphs[0].text == ""
