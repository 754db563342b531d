import io

import frappe
from docx import Document
from frappe.utils import add_days, today

from fulian_grid.fulian_grid.doctype.case_referral.case_referral import ReferralError
from fulian_grid.fulian_grid.doctype.infringement_report.test_infringement_report import InfringementCase
from fulian_grid.tests.factories import make_consent, make_user, scoped_user


class ReferralCase(InfringementCase):
	@classmethod
	def setUpClass(cls):
		super().setUpClass()
		cls.officer_b = scoped_user("ref_officer_b@fulian.test", "Fulian Officer", "TB")

	def setUp(self):
		super().setUp()
		self.report = self.new_report()
		frappe.set_user(self.chair)
		self.consent = make_consent(self.report).insert()

	def referral(self, user=None, **values):
		frappe.set_user(user or self.chair)
		return frappe.get_doc(
			{
				"doctype": "Case Referral",
				"infringement_report": self.report.name,
				"agency": "Court",
				"agency_name": "区法律援助中心",
				"sent_on": today(),
				**values,
			}
		)

	def count(self):
		return frappe.db.count("Case Referral", {"infringement_report": self.report.name})


class TestCaseReferral(ReferralCase):
	def test_the_lifecycle_of_a_referral(self):
		referral = self.referral(
			carries_identities=1, legal_basis="Consent", consent_record=self.consent.name
		).insert()
		self.assertEqual((referral.status, referral.governance_grid), ("Sent", self.report.governance_grid))
		referral.status, referral.responded_on = "Accepted", today()
		referral.outcome = "已指派律师"
		referral.save()
		self.assertEqual(frappe.db.get_value("Case Referral", referral.name, "outcome"), "******")
		referral.status = "Revoked"
		self.assertRaises(ReferralError, referral.save)  # a reason first
		referral.reload()
		referral.status, referral.revoke_reason = "Revoked", "当事人要求撤回"
		referral.save()
		referral.status = "Accepted"
		self.assertRaises(ReferralError, referral.save)  # revoked is final

		declined = self.referral(agency="Civil Affairs").insert()
		declined.status = "Declined"
		self.assertRaises(ReferralError, declined.save)
		declined.reload()
		declined.status, declined.decline_reason = "Declined", "不属于本单位职责"
		declined.save()
		self.assertEqual(frappe.db.get_value("Case Referral", referral.name, "status"), "Revoked")

	def test_a_referral_sharing_identities_is_refused_without_consent_or_basis(self):
		frappe.local.lang = "zh"
		try:
			with self.assertRaises(ReferralError) as refused:
				self.referral(carries_identities=1).insert()
			self.assertIn("须有转介当日有效的同意书，或登记其他法律依据", str(refused.exception))
		finally:
			frappe.local.lang = "en"
		self.assertRaises(ReferralError, self.referral(carries_identities=1, legal_basis="Consent").insert)
		self.assertRaises(ReferralError, self.referral(carries_identities=1, legal_basis="Emergency").insert)
		early = self.referral(
			carries_identities=1,
			legal_basis="Consent",
			consent_record=self.consent.name,
			sent_on=add_days(today(), -6),
		)
		self.assertRaises(ReferralError, early.insert)  # sent before she consented
		other_report = self.new_report()
		frappe.set_user(self.chair)
		other_case = make_consent(other_report).insert()
		self.assertRaises(
			ReferralError,
			self.referral(carries_identities=1, legal_basis="Consent", consent_record=other_case.name).insert,
		)
		frappe.set_user("Administrator")
		self.assertEqual(self.count(), 0)
		self.referral(
			carries_identities=1, legal_basis="Statutory Duty", basis_note="反家庭暴力法第十四条"
		).insert()
		self.referral().insert()  # no identities: no basis needed

	def test_a_withdrawn_consent_flags_its_referrals_and_blocks_new_ones(self):
		referral = self.referral(
			carries_identities=1, legal_basis="Consent", consent_record=self.consent.name
		).insert()
		self.consent.reload()
		self.consent.withdrawn_on = today()
		self.consent.save()
		self.assertEqual(frappe.db.get_value("Case Referral", referral.name, "consent_withdrawn"), 1)
		self.assertRaises(
			ReferralError,
			self.referral(
				carries_identities=1, legal_basis="Consent", consent_record=self.consent.name
			).insert,
		)

	def test_scope(self):
		referral = self.referral().insert()
		self.assertRaises(frappe.PermissionError, self.referral(user=self.officer_b).insert)
		self.assertRaises(frappe.PermissionError, self.referral(user=self.worker).insert)
		frappe.set_user(self.officer_b)
		self.assertNotIn(referral.name, frappe.get_list("Case Referral", pluck="name"))
		self.assertNotIn(self.consent.name, frappe.get_list("Consent Record", pluck="name"))
		self.assertFalse(frappe.has_permission("Consent Record", "read", doc=self.consent.name))


class TestReferralLetter(ReferralCase):
	"""The letter names the people only on a basis covering the agency, only for a handler where
	the case lies, and every download is on record."""

	def letter(self, referral, user=None) -> str:
		from fulian_grid.api.casework import download_referral_letter

		frappe.set_user(user or self.chair)
		frappe.response.pop("filecontent", None)
		download_referral_letter(referral.name)
		document = Document(io.BytesIO(frappe.response.filecontent))
		return "\n".join(
			[p.text for p in document.paragraphs]
			+ [c.text for t in document.tables for r in t.rows for c in r.cells]
		)

	def exports(self, referral) -> int:
		frappe.set_user("Administrator")
		return frappe.db.count(
			"Identity Access Log", {"reference_name": referral.name, "action": "Export"}
		), frappe.db.count("Access Log", {"reference_document": referral.name, "file_type": "docx"})

	def test_a_covering_consent_names_the_people_for_a_handler_and_is_logged(self):
		referral = self.referral(
			carries_identities=1, legal_basis="Consent", consent_record=self.consent.name
		).insert()
		logged, downloads = self.exports(referral)  # a reused site may hold rows of this name
		text = self.letter(referral)
		for expected in (
			"转介函",
			"区法律援助中心",
			"李梅",
			"11010519491231002X",
			"13812345678",
			"夫妻经常争吵",
		):
			self.assertIn(expected, text)
		self.assertEqual(self.exports(referral), (logged + 1, downloads + 1))

		# a worker of the grid reads the referral but does not hand out identities
		self.assertRaises(frappe.PermissionError, self.letter, referral, self.worker)
		for outsider in (self.officer_b, self.city.stranger, self.sysman):
			with self.subTest(user=outsider):
				self.assertRaises(frappe.PermissionError, self.letter, referral, outsider)
		self.assertEqual(self.exports(referral), (logged + 1, downloads + 1))

	def test_without_a_covering_basis_the_letter_withholds_them(self):
		frappe.set_user(self.chair)
		police_only = make_consent(self.report, recipients="公安机关").insert()
		cases = {
			"no identities shared": self.referral(),
			"consent for another recipient": self.referral(
				carries_identities=1, legal_basis="Consent", consent_record=police_only.name
			),
			"consent withdrawn since": self.referral(
				carries_identities=1, legal_basis="Consent", consent_record=self.consent.name
			),
		}
		for referral in cases.values():
			referral.insert()
		self.consent.reload()
		self.consent.withdrawn_on = today()
		self.consent.save()
		for case, referral in cases.items():
			with self.subTest(case=case):
				logged, downloads = self.exports(referral)
				text = self.letter(referral)
				for secret in ("李梅", "11010519491231002X", "13812345678", "夫妻经常争吵"):
					self.assertNotIn(secret, text)
				self.assertIn("不予提供", text)
				self.assertEqual(self.exports(referral), (logged, downloads + 1))  # an export, of no identity

	@classmethod
	def setUpClass(cls):
		super().setUpClass()
		cls.sysman = make_user("ref_sysman@fulian.test", roles=("System Manager",))
