"""Shared layout of the app's Word documents: A4, Chinese fonts, brand header, form tables.

Builders take plain data (already permission-filtered and masked by the caller) and never touch
the database, so they are tested without Frappe."""

import copy
import io
from collections.abc import Iterable, Sequence

from docx import Document
from docx.enum.section import WD_ORIENT
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml.ns import qn
from docx.shared import Cm, Pt
from docx.table import _Cell

BODY_FONT = "宋体"
TITLE_FONT = "黑体"


def _set_font(run, name: str, size: float | None = None, bold: bool | None = None):
	run.font.name = name
	run._element.get_or_add_rPr().get_or_add_rFonts().set(qn("w:eastAsia"), name)
	if size:
		run.font.size = Pt(size)
	if bold is not None:
		run.bold = bold


def new_document(title: str, brand: str | None = None, landscape: bool = False, meta: Iterable[str] = ()):
	"""A document with the brand line (when set), the form's title and its heading lines."""
	document = Document()
	section = document.sections[0]
	section.page_width, section.page_height = Cm(21), Cm(29.7)
	if landscape:
		section.orientation = WD_ORIENT.LANDSCAPE
		section.page_width, section.page_height = section.page_height, section.page_width
	for margin in ("left_margin", "right_margin", "top_margin", "bottom_margin"):
		setattr(section, margin, Cm(2))
	style = document.styles["Normal"]
	style.font.name = BODY_FONT
	style.element.get_or_add_rPr().get_or_add_rFonts().set(qn("w:eastAsia"), BODY_FONT)
	style.font.size = Pt(10.5)
	if brand:
		header = section.header.paragraphs[0]
		header.alignment = WD_ALIGN_PARAGRAPH.RIGHT
		_set_font(header.add_run(brand), BODY_FONT, 9)
	heading = document.add_paragraph()
	heading.alignment = WD_ALIGN_PARAGRAPH.CENTER
	_set_font(heading.add_run(title), TITLE_FONT, 16, bold=True)
	for line in meta:
		_set_font(document.add_paragraph().add_run(line), BODY_FONT, 10.5)
	return document


def add_table(
	document, headers: Sequence[str], rows: Iterable[Sequence], widths_cm: Sequence[float] | None = None
):
	"""A bordered form table: bold header row, then one row per item (values shown as text)."""
	table = document.add_table(rows=1, cols=len(headers))
	table.style = "Table Grid"
	table.alignment = WD_TABLE_ALIGNMENT.CENTER
	header = table.rows[0]
	for cell, text in zip(header.cells, headers, strict=True):
		cell.text = ""
		_set_font(cell.paragraphs[0].add_run(text), BODY_FONT, 10.5, bold=True)
	template = _row_template(table, widths_cm)
	if widths_cm:
		_set_widths(header._tr, widths_cm)
	for row in rows:
		_append_row(table, template, row)
	return table


def _row_template(table, widths_cm):
	"""One body row made by python-docx, to copy for every item. python-docx builds each cell
	through its object layer (about 3 ms a row: half a minute for appendix D of 10,000 rows);
	copying this row's XML and setting the text of its runs gives the same markup in a fraction
	of the time."""
	template = table.add_row()._tr
	for tc in template.tc_lst:
		_Cell(tc, table).text = "-"
		tc.xpath("./w:p/w:r/w:t")[0].set(qn("xml:space"), "preserve")
	if widths_cm:
		_set_widths(template, widths_cm)
	table._tbl.remove(template)
	return template


def _set_widths(tr, widths_cm) -> None:
	for tc, width in zip(tr.tc_lst, widths_cm, strict=True):
		tc.width = Cm(width)


def _append_row(table, template, row: Sequence) -> None:
	values = ["" if value is None else str(value) for value in row]
	tr = copy.deepcopy(template)
	runs = tr.xpath("./w:tc/w:p/w:r/w:t")
	if len(values) != len(runs):
		raise ValueError(f"a row of {len(values)} cells in a table of {len(runs)} columns")
	table._tbl.append(tr)
	for tc, run_text, value in zip(tr.tc_lst, runs, values, strict=True):
		if "\n" in value or "\t" in value:
			_Cell(tc, table).text = value  # python-docx turns these into breaks and tabs
		else:
			run_text.text = value


def add_form_table(document, rows: Iterable[Sequence[tuple[str, object]]], label_width_cm: float = 2.6):
	"""A form laid out as label/value cells: a row of two (label, value) pairs fills four cells; a
	row of one pair spans its value over the remaining three (for long text such as a discussion)."""
	table = document.add_table(rows=0, cols=4)
	table.style = "Table Grid"
	table.alignment = WD_TABLE_ALIGNMENT.CENTER
	for pairs in rows:
		cells = table.add_row().cells
		if len(pairs) == 1:
			cells[1].merge(cells[3])
			pairs = [pairs[0]]
		for index, (label, value) in enumerate(pairs):
			label_cell, value_cell = cells[index * 2], cells[index * 2 + 1]
			label_cell.text = ""
			_set_font(label_cell.paragraphs[0].add_run(label), BODY_FONT, 10.5, bold=True)
			value_cell.text = "" if value is None else str(value)
	for row in table.rows:
		for index in (0, 2):
			row.cells[index].width = Cm(label_width_cm)
	return table


def add_page_break(document):
	from docx.enum.text import WD_BREAK

	document.add_paragraph().add_run().add_break(WD_BREAK.PAGE)


def add_heading_line(document, text: str, size: float = 12):
	paragraph = document.add_paragraph()
	_set_font(paragraph.add_run(text), TITLE_FONT, size, bold=True)
	return paragraph


def add_signature_lines(document, labels: Sequence[str]):
	"""The form's closing line, e.g. 排查人：____ 日期：____."""
	document.add_paragraph()
	document.add_paragraph("　　".join(f"{label}：＿＿＿＿＿＿" for label in labels))


def to_bytes(document) -> bytes:
	buffer = io.BytesIO()
	document.save(buffer)
	return buffer.getvalue()
