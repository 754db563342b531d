import frappe

from fulian_grid.domain.masters import DEFAULT_KEY_GROUP_CATEGORIES
from fulian_grid.install import add_default_masters, after_migrate
from fulian_grid.tests.utils import FulianTestCase


class TestKeyGroupCategory(FulianTestCase):
	def test_defaults_are_installed_and_editable(self):
		names = {row[0] for row in DEFAULT_KEY_GROUP_CATEGORIES}
		self.assertTrue(names <= set(frappe.get_all("Key Group Category", pluck="name")))
		frappe.delete_doc("Key Group Category", "Single Mothers")
		frappe.db.set_value("Key Group Category", "Left-behind Women", "default_risk_level", "High")
		after_migrate()  # a migrate brings back nothing that was deleted or changed
		self.assertFalse(frappe.db.exists("Key Group Category", "Single Mothers"))
		self.assertEqual(
			frappe.db.get_value("Key Group Category", "Left-behind Women", "default_risk_level"), "High"
		)
		add_default_masters()  # the install step restores a missing default
		self.assertTrue(frappe.db.exists("Key Group Category", "Single Mothers"))
