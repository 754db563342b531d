import frappe
from frappe.utils import add_days, today

from fulian_grid.fulian_grid.doctype.case_referral.case_referral import ReferralError
from fulian_grid.fulian_grid.doctype.infringement_report.test_infringement_report import InfringementCase
from fulian_grid.tests.factories import make_consent, scoped_user


class TestCaseReferral(InfringementCase):
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
