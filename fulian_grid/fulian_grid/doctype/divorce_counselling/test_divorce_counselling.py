import frappe

from fulian_grid.tests.factories import assign, make_counselling, make_user
from fulian_grid.tests.security.test_identity_privacy import read_as
from fulian_grid.tests.utils import CityTestCase, revealed


class TestDivorceCounselling(CityTestCase):
	@classmethod
	def setUpClass(cls):
		super().setUpClass()
		cls.worker = make_user("counsel_worker@fulian.test")
		assign(cls.worker, "Fulian Grid Worker", "TA1CG")
		cls.viewer = make_user("counsel_viewer@fulian.test")
		assign(cls.viewer, "Fulian Viewer", "TA")
		cls.record = make_counselling().insert().name

	def test_couple_is_masked_and_notes_hidden_for_non_handlers(self):
		doc = read_as(self.worker, "Divorce Counselling", self.record)
		self.assertEqual(doc.couple_masked, "王* / 李*")
		self.assertEqual((doc.wife_name, doc.husband_name, doc.counselling_notes), ("王*", "李*", "******"))
		self.assertIsNone(revealed(self.worker, "Divorce Counselling", self.record))
		frappe.set_user(self.worker)
		rows = frappe.get_list("Divorce Counselling", fields=["name", "wife_name", "counselling_notes"])
		self.assertNotIn("王芳", frappe.as_json(rows))
		self.assertNotIn("冷静期", frappe.as_json(rows))

	def test_handler_in_scope_reads_in_full(self):
		values = revealed(self.city.officer_a, "Divorce Counselling", self.record)
		self.assertEqual((values["wife_name"], values["husband_name"]), ("王芳", "李强"))
		self.assertIn("冷静期", values["counselling_notes"])
		frappe.set_user(self.city.officer_b)
		self.assertFalse(frappe.get_doc("Divorce Counselling", self.record).has_permission("read"))

	def test_statistics_viewer_counts_but_cannot_open_records(self):
		frappe.set_user(self.viewer)
		self.assertFalse(frappe.has_permission("Divorce Counselling", "read"))
		self.assertRaises(frappe.PermissionError, frappe.get_list, "Divorce Counselling")

	def test_outcome_cannot_precede_the_counselling(self):
		self.assertRaises(frappe.ValidationError, make_counselling(outcome_on="2000-01-01").insert)
