"""转介函 read back from the .docx the builder writes: the people named only when the referral's
basis allows it (domain/casework.letter_may_name), withheld otherwise."""

import io
from datetime import date

from docx import Document

from fulian_grid.docx.common import to_bytes
from fulian_grid.docx.referral_letter import TITLE, WITHHELD, build_referral_letter
from fulian_grid.domain.casework import consent_covers, letter_may_name

SECRETS = ("李梅", "11010519491231002X", "13812345678", "被丈夫多次殴打", "王强")
DATA = {
	"name": "REF-2026-00001",
	"report": "IR-2026-00007",
	"agency": "东营区法律援助中心",
	"sent_on": "2026-11-30",
	"follow_up_due": "2026-12-07",
	"concerns": ["家庭暴力"],
	"named": True,
	"legal_basis": "Consent",
	"basis_note": None,
	"victims": [
		{"name": "李梅", "age": 35, "minor": 0, "id_number": "11010519491231002X", "contact": "13812345678"},
		{"name": "小红", "age": 9, "minor": 1},
	],
	"facts": "被丈夫多次殴打",
	"suspect": "王强",
	"federation": "A社区网格妇联",
}


def text_of(data) -> str:
	document = Document(io.BytesIO(to_bytes(build_referral_letter(data, brand="贴心娘家人"))))
	cells = [cell.text for table in document.tables for row in table.rows for cell in row.cells]
	return "\n".join([p.text for p in document.paragraphs] + cells)


def test_a_letter_on_a_covering_basis_names_the_people():
	text = text_of(DATA)
	for expected in (
		TITLE,
		"东营区法律援助中心",
		"IR-2026-00007",
		"家庭暴力",
		"当事人同意",
		"A社区网格妇联",
		*SECRETS,
	):
		assert expected in text, expected
	assert WITHHELD not in text


def test_a_letter_without_that_basis_withholds_them_whatever_it_is_given():
	# the caller passes nothing to withhold, but the builder does not rely on it
	text = text_of({**DATA, "named": False})
	for secret in (*SECRETS, "小红", "当事人同意"):
		assert secret not in text, secret
	assert WITHHELD in text
	assert "东营区法律援助中心" in text and "家庭暴力" in text
	assert "9" in text and "是" in text  # ages and the minor flag stay: no one is named by them


CONSENT = {
	"consented_on": date(2026, 11, 1),
	"withdrawn_on": None,
	"purposes": "转介至法律援助机构",
	"recipients": "东营区法律援助中心、法院",
}
NAMES = ["东营区法律援助中心", "法律援助", "Civil Affairs"]


def may_name(consent=CONSENT, basis="Consent", note=None, names=NAMES, carries=True, today=date(2026, 12, 1)):
	return letter_may_name(carries, basis, note, consent, names, date(2026, 11, 30), today)


def test_only_a_consent_covering_the_agency_and_referral_names_the_people():
	assert may_name()
	assert not may_name(carries=False)  # a referral that shares no identities
	assert not may_name(consent=None)
	assert not may_name(consent={**CONSENT, "recipients": "公安机关"})  # another recipient
	assert not may_name(consent={**CONSENT, "purposes": "统计"})  # another purpose
	assert not may_name(consent={**CONSENT, "consented_on": date(2026, 12, 1)})  # after it was sent
	assert not may_name(consent={**CONSENT, "withdrawn_on": date(2026, 11, 20)})  # before it was sent
	assert not may_name(consent={**CONSENT, "withdrawn_on": date(2026, 12, 1)})  # withdrawn since
	assert consent_covers("Referral to services", "Civil Affairs", ["Civil Affairs"])


def test_another_legal_basis_names_them_only_when_it_is_recorded():
	assert may_name(consent=None, basis="Emergency", note="生命危险")
	assert may_name(consent=None, basis="Statutory Duty", note="反家暴法第十四条")
	assert not may_name(consent=None, basis="Emergency", note="  ")
	assert not may_name(consent=None, basis=None)
