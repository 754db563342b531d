import frappe

from fulian_grid.domain.masters import DEFAULT_CONCERN_CATEGORIES, DEFAULT_CONCERN_ITEMS
from fulian_grid.tests.utils import FulianTestCase


class TestConcernCategory(FulianTestCase):
	def test_three_categories_eight_items_shipped(self):
		self.assertEqual(len(DEFAULT_CONCERN_CATEGORIES), 3)
		self.assertEqual(len(DEFAULT_CONCERN_ITEMS), 8)
		for name, mandatory in DEFAULT_CONCERN_CATEGORIES:
			self.assertEqual(frappe.db.get_value("Concern Category", name, "mandatory_report"), mandatory)

	def test_federations_extend_the_list_without_code(self):
		frappe.get_doc({"doctype": "Concern Category", "category_name": "网络侵害"}).insert()
		item = frappe.get_doc(
			{"doctype": "Concern Item", "item_name": "网络欺凌", "concern_category": "网络侵害"}
		).insert()
		self.assertEqual(item.name, "网络欺凌")
