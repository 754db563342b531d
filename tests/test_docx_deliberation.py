"""Appendix E (妇女议事会活动记录表) read back from the .docx the builders write."""

import io

from docx import Document

from fulian_grid.docx.common import to_bytes
from fulian_grid.docx.deliberation import (
	ACTION_HEADERS,
	BOOK_TITLE,
	SUMMARY_HEADERS,
	TITLE,
	attendee_line,
	build_deliberation_book,
	build_deliberation_record,
)

RECORD = {
	"name": "DR-2026-00001",
	"federation": "盛园社区网格妇联",
	"grid_name": "盛园社区第3网格",
	"form": "上门议事",
	"start_time": "2026-11-20 09:30",
	"end_time": "2026-11-20 11:00",
	"venue": "3号楼201室",
	"convener": "张兰",
	"recorder": "李梅",
	"attendees": [
		{"type": "执委", "name": "张兰", "headcount": 1},
		{"type": "执委", "name": "李梅", "headcount": 1},
		{"type": "居民", "name": "3号楼居民代表", "headcount": 5},
	],
	"total_headcount": 7,
	"topic": "楼道堆物清理与儿童安全",
	"issues_raised": "楼道堆放杂物，儿童玩耍有安全隐患",
	"discussion": "居民同意周末集中清理",
	"resolutions": "本周六上午集中清理；设置儿童安全提示",
	"actions": [
		{"action": "组织清理楼道", "responsible": "张兰", "due_date": "2026-11-22", "status": "待处理"},
		{"action": "张贴安全提示", "responsible": "李梅", "due_date": "", "status": "已完成"},
	],
}


def read_back(document):
	return Document(io.BytesIO(to_bytes(document)))


def form_cells(table) -> dict[str, str]:
	"""label → value from a label/value form table (merged cells repeat; keep the first)."""
	found = {}
	for row in table.rows:
		cells = [c.text for c in row.cells]
		for index in range(0, len(cells) - 1, 2):
			found.setdefault(cells[index], cells[index + 1])
	return found


def test_record_reads_back_as_the_appendix_e_form():
	document = read_back(build_deliberation_record(RECORD, brand="贴心娘家人"))
	texts = [p.text for p in document.paragraphs]
	assert TITLE in texts
	assert "妇联组织：盛园社区网格妇联" in texts
	assert "编号：DR-2026-00001" in texts
	assert document.sections[0].header.paragraphs[0].text == "贴心娘家人"
	form = form_cells(document.tables[0])
	assert form["议事时间"] == "2026-11-20 09:30 至 2026-11-20 11:00"
	assert form["议事地点"] == "3号楼201室"
	assert form["议事形式"] == "上门议事"
	assert form["所属网格"] == "盛园社区第3网格"
	assert form["召 集 人"] == "张兰"
	assert form["记 录 人"] == "李梅"
	assert form["参加人员"] == "张兰（执委）、李梅（执委）、3号楼居民代表（居民，5人）；共7人"
	assert form["议    题"] == "楼道堆物清理与儿童安全"
	assert form["提出问题"] == RECORD["issues_raised"]
	assert form["讨论情况"] == RECORD["discussion"]
	assert form["议定事项"] == RECORD["resolutions"]
	actions = document.tables[1]
	assert tuple(c.text for c in actions.rows[0].cells) == ACTION_HEADERS
	assert [c.text for c in actions.rows[1].cells] == ["1", "组织清理楼道", "张兰", "2026-11-22", "待处理"]
	assert [c.text for c in actions.rows[2].cells] == ["2", "张贴安全提示", "李梅", "", "已完成"]
	assert any("召集人（签字）" in t and "记录人（签字）" in t for t in texts)


def test_record_without_follow_up_says_so():
	document = read_back(build_deliberation_record({**RECORD, "actions": [], "end_time": ""}))
	assert document.tables[1].rows[1].cells[1].text == "无"
	assert form_cells(document.tables[0])["议事时间"] == "2026-11-20 09:30"


def test_attendee_line_counts_heads():
	assert attendee_line({"attendees": [], "total_headcount": 0}) == "；共0人"


def test_book_binds_a_summary_and_one_form_per_record():
	second = {
		**RECORD,
		"name": "DR-2026-00002",
		"form": "集中议事",
		"topic": "妇女创业需求",
		"total_headcount": 12,
	}
	document = read_back(
		build_deliberation_book(
			[RECORD, second], subtree="A社区", period=("2026-01-01", "2026-12-31"), printed_on="2026-11-28"
		)
	)
	texts = [p.text for p in document.paragraphs]
	assert BOOK_TITLE in texts
	assert "范围：A社区" in texts
	assert "期间：2026-01-01 至 2026-12-31" in texts
	assert "记录数：2 次" in texts
	summary = document.tables[0]
	assert tuple(c.text for c in summary.rows[0].cells) == SUMMARY_HEADERS
	assert [c.text for c in summary.rows[2].cells] == [
		"2",
		"2026-11-20 09:30",
		"集中议事",
		"盛园社区第3网格",
		"妇女创业需求",
		"张兰",
		"12",
	]
	assert f"{TITLE}（1）" in texts and f"{TITLE}（2）" in texts
	# summary, then a form table and a follow-up table per record
	assert len(document.tables) == 1 + 2 * 2
	assert form_cells(document.tables[3])["议    题"] == "妇女创业需求"
