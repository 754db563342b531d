"""转介函: the letter a federation sends with a case it refers to another agency, from plain data
the caller has read with permissions applied. It names the people only when the referral's
consent or legal basis allows it (domain/casework.letter_may_name); otherwise it says they are
withheld and carries no name, number, contact or account of the facts."""

from .common import add_form_table, add_heading_line, add_signature_lines, add_table, new_document

TITLE = "转介函"
WITHHELD = "当事人身份信息未经其同意或无其他法定依据，本函不予提供；如需了解，请与转出单位联系。"
BASES = {
	"Consent": "当事人同意",
	"Statutory Duty": "履行法定职责",
	"Emergency": "紧急情况下保护自然人的生命健康",
}


def build_referral_letter(data: dict, brand: str | None = None):
	"""`data`: name, report, agency (the agency's name as addressed), sent_on, follow_up_due,
	concerns (labels), named (bool), legal_basis, basis_note, victims (dicts: name, age, minor,
	id_number, contact — only name-free keys when not named), facts, suspect, federation."""
	named = bool(data.get("named"))
	document = new_document(TITLE, brand, meta=[f"编号：{data.get('name') or ''}"])
	document.add_paragraph(f"{data.get('agency') or ''}：")
	document.add_paragraph(
		f"现将我会受理的维权个案（编号 {data.get('report') or ''}）转介贵单位，请依职责处理并回复处理结果。"
	)
	add_form_table(
		document,
		[
			[("转介日期", data.get("sent_on")), ("回复期限", data.get("follow_up_due"))],
			[("涉及事项", "、".join(data.get("concerns") or []))],
			[
				(
					"提供身份依据",
					BASES.get(data.get("legal_basis"), "")
					+ (f"（{data['basis_note']}）" if data.get("basis_note") else "")
					if named
					else "不提供身份信息",
				)
			],
		],
	)
	add_heading_line(document, "当事人")
	victims = data.get("victims") or []
	if named:
		add_table(
			document,
			("姓名", "年龄", "身份证号", "联系方式"),
			[
				(v.get("name"), v.get("age") or "", v.get("id_number") or "", v.get("contact") or "")
				for v in victims
			],
		)
		add_heading_line(document, "基本情况")
		document.add_paragraph(data.get("facts") or "")
		if data.get("suspect"):
			document.add_paragraph(f"涉嫌侵害人：{data['suspect']}")
	else:
		add_table(
			document,
			("序号", "年龄", "是否未成年"),
			[
				(index, v.get("age") or "", "是" if v.get("minor") else "否")
				for index, v in enumerate(victims, 1)
			],
		)
		document.add_paragraph(WITHHELD)
	document.add_paragraph("此致")
	add_signature_lines(document, (f"转出单位（签章）：{data.get('federation') or ''}", "日期"))
	return document
