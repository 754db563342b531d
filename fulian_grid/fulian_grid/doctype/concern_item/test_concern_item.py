import frappe

from fulian_grid.tests.utils import FulianTestCase


class TestConcernItem(FulianTestCase):
	def test_item_needs_a_category(self):
		self.assertRaises(
			frappe.MandatoryError,
			frappe.get_doc({"doctype": "Concern Item", "item_name": "无类别事项"}).insert,
		)

	def test_every_default_item_belongs_to_a_default_category(self):
		for item in frappe.get_all("Concern Item", fields=["name", "concern_category"]):
			self.assertTrue(frappe.db.exists("Concern Category", item.concern_category), item.name)
