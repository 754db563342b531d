"""Appendix E: 妇女议事会活动记录表 — one deliberation as the standard's record form, and a bound
book of the deliberations of a subtree over a period (a summary list, then one form per record).

Builders take plain dicts (already permission-checked and translated by the caller)."""

from collections.abc import Iterable

from .common import (
	add_form_table,
	add_heading_line,
	add_page_break,
	add_signature_lines,
	add_table,
	new_document,
)

TITLE = "妇女议事会活动记录表"
BOOK_TITLE = "妇女议事会活动记录汇编"
ACTION_HEADERS = ("序号", "落实事项", "责任人", "完成时限", "落实情况")
SUMMARY_HEADERS = ("序号", "议事时间", "议事形式", "所属网格", "议题", "召集人", "参加人数")


def attendee_line(record: dict) -> str:
	"""'张兰（执委）、3号楼居民代表（居民，5人）；共7人'"""
	parts = []
	for row in record.get("attendees", []):
		kind = row.get("type", "")
		count = int(row.get("headcount") or 1)
		suffix = f"{kind}，{count}人" if count > 1 else kind
		parts.append(f"{row.get('name', '')}（{suffix}）" if suffix else row.get("name", ""))
	return "、".join(parts) + f"；共{int(record.get('total_headcount') or 0)}人"


def add_record_form(document, record: dict):
	"""The body of one appendix-E form (its heading line, the form table, follow-up, signatures)."""
	time = record.get("start_time", "")
	if record.get("end_time"):
		time = f"{time} 至 {record['end_time']}"
	add_form_table(
		document,
		[
			[("议事时间", time), ("议事地点", record.get("venue"))],
			[("议事形式", record.get("form")), ("所属网格", record.get("grid_name"))],
			[("召 集 人", record.get("convener")), ("记 录 人", record.get("recorder"))],
			[("参加人员", attendee_line(record))],
			[("议    题", record.get("topic"))],
			[("提出问题", record.get("issues_raised"))],
			[("讨论情况", record.get("discussion"))],
			[("议定事项", record.get("resolutions"))],
		],
	)
	add_heading_line(document, "后续落实", 11)
	actions = record.get("actions") or []
	add_table(
		document,
		ACTION_HEADERS,
		[
			(index, a.get("action"), a.get("responsible"), a.get("due_date") or "", a.get("status"))
			for index, a in enumerate(actions, start=1)
		]
		or [("", "无", "", "", "")],
		widths_cm=(1.2, 7.0, 2.6, 2.6, 2.2),
	)
	add_signature_lines(document, ("召集人（签字）", "记录人（签字）"))


def build_deliberation_record(record: dict, brand: str | None = None):
	document = new_document(
		TITLE,
		brand,
		meta=[f"妇联组织：{record.get('federation', '')}", f"编号：{record.get('name', '')}"],
	)
	add_record_form(document, record)
	return document


def build_deliberation_book(
	records: Iterable[dict],
	subtree: str,
	period: tuple[str, str],
	brand: str | None = None,
	printed_on: str = "",
):
	records = list(records)
	document = new_document(
		BOOK_TITLE,
		brand,
		meta=[
			f"范围：{subtree}",
			f"期间：{period[0]} 至 {period[1]}",
			f"记录数：{len(records)} 次",
			f"制表日期：{printed_on}",
		],
	)
	add_table(
		document,
		SUMMARY_HEADERS,
		[
			(
				index,
				r.get("start_time"),
				r.get("form"),
				r.get("grid_name"),
				r.get("topic"),
				r.get("convener"),
				int(r.get("total_headcount") or 0),
			)
			for index, r in enumerate(records, start=1)
		],
		widths_cm=(1.0, 3.0, 1.8, 2.4, 5.0, 1.8, 1.6),
	)
	for index, record in enumerate(records, start=1):
		add_page_break(document)
		add_heading_line(document, f"{TITLE}（{index}）", 14)
		document.add_paragraph(f"妇联组织：{record.get('federation', '')}　编号：{record.get('name', '')}")
		add_record_form(document, record)
	return document
