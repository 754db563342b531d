import frappe
from frappe.utils import add_days, today

from fulian_grid import vault
from fulian_grid.fulian_grid.doctype.consent_record.consent_record import ConsentError
from fulian_grid.fulian_grid.doctype.infringement_report.test_infringement_report import InfringementCase
from fulian_grid.tests.factories import make_consent


class TestConsentRecord(InfringementCase):
	def setUp(self):
		super().setUp()
		self.report = self.new_report()
		frappe.set_user(self.chair)

	def test_a_consent_is_valid_until_withdrawn_and_its_person_is_in_the_vault(self):
		consent = make_consent(self.report).insert()
		self.assertEqual(consent.status, "Valid")
		self.assertEqual(frappe.db.get_value("Consent Record", consent.name, "subject_name"), "李*")
		self.assertEqual(
			vault.record_identities("Consent Record", consent.name)["fields"]["subject_name"], "李梅"
		)
		consent.withdrawn_on = today()
		consent.save()
		self.assertEqual(consent.status, "Withdrawn")

	def test_a_guardian_consents_for_a_child_under_14(self):
		child = {"subject_name": "小红", "subject_age": 9}
		guardian = make_consent(self.report, given_by="Guardian", guardian_name="李梅", **child).insert()
		self.assertEqual(frappe.db.get_value("Consent Record", guardian.name, "guardian_name"), "李*")

	def test_bad_input_is_refused_in_chinese_and_nothing_is_saved(self):
		before = frappe.db.count("Consent Record")
		frappe.local.lang = "zh"
		try:
			with self.assertRaises(ConsentError) as refused:
				make_consent(self.report, subject_name="小红", subject_age=9).insert()  # by the child
			self.assertIn("须由其监护人作出", str(refused.exception))
			with self.assertRaises(ConsentError) as refused:
				make_consent(self.report, withdrawn_on=add_days(today(), -6)).insert()
			self.assertIn("撤回日期不能早于同意日期", str(refused.exception))
		finally:
			frappe.local.lang = "en"
		self.assertRaises(ConsentError, make_consent(self.report, lacks_capacity=1).insert)
		self.assertRaises(ConsentError, make_consent(self.report, given_by="Guardian").insert)  # no name
		self.assertRaises(ConsentError, make_consent(self.report, governance_grid="TA1CG").insert)
		self.assertRaises(ConsentError, make_consent(self.report, consented_on=add_days(today(), 1)).insert)
		consent = make_consent(self.report).insert()
		consent.withdrawn_on = add_days(today(), -10)
		self.assertRaises(ConsentError, consent.save)
		frappe.set_user("Administrator")
		self.assertEqual(frappe.db.count("Consent Record"), before + 1)
		self.assertIsNone(frappe.db.get_value("Consent Record", consent.name, "withdrawn_on"))
