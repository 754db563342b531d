"""人身安全保护令申请书: the application a federation files with the court (Anti-Domestic Violence
Law arts. 23–29), from plain data the caller has read with permissions applied."""

from .common import add_form_table, add_heading_line, add_signature_lines, new_document

TITLE = "人身安全保护令申请书"
APPLICANT_KINDS = {
	"Federation on Her Behalf": "妇女联合会代为申请",
	"Victim": "受害人本人",
	"Guardian": "监护人",
}
MEASURES = (
	("measure_no_violence", "禁止被申请人实施家庭暴力"),
	("measure_no_contact", "禁止被申请人骚扰、跟踪、接触申请人及其相关近亲属"),
	("measure_move_out", "责令被申请人迁出申请人住所"),
	("measure_other", "保护申请人人身安全的其他措施"),
)


def build_protection_order_application(data: dict, brand: str | None = None):
	"""`data`: court, applicant_kind, applicant (who signs: the federation or the guardian),
	victim, respondent, facts, other_measures, urgent, filed_on, the MEASURES keys, name —
	identities already masked where the reader may not see them."""
	document = new_document(TITLE, brand, meta=[f"编号：{data.get('name') or ''}"])
	add_form_table(
		document,
		[
			[
				("申请方式", APPLICANT_KINDS.get(data.get("applicant_kind"), data.get("applicant_kind"))),
				("申请人", data.get("applicant")),
			],
			[("受害人", data.get("victim")), ("被申请人", data.get("respondent"))],
			[("受理法院", data.get("court")), ("申请日期", data.get("filed_on"))],
			[
				(
					"紧急程度",
					"情况紧急，请求二十四小时内作出裁定"
					if data.get("urgent")
					else "请求七十二小时内作出裁定",
				)
			],
		],
	)
	add_heading_line(document, "申请事项")
	requested = [label for key, label in MEASURES if data.get(key)]
	for index, label in enumerate(requested, 1):
		other = data.get("other_measures") if label == MEASURES[-1][1] and data.get("other_measures") else ""
		document.add_paragraph(f"{index}. {label}" + (f"：{other}" if other else ""))
	add_heading_line(document, "事实与理由")
	document.add_paragraph(data.get("facts") or "")
	document.add_paragraph(f"此致\n{data.get('court') or ''}")
	add_signature_lines(document, ("申请人（签章）", "日期"))
	return document
