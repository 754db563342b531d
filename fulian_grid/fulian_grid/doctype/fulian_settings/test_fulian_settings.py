import frappe

from fulian_grid.tests.utils import CityTestCase, scoped_user


class TestFulianSettings(CityTestCase):
	def test_defaults(self):
		settings = frappe.get_single("Fulian Settings")
		self.assertEqual(settings.small_cell_threshold, 5)

	def test_only_a_city_level_admin_changes_settings(self):
		county_admin = scoped_user("settings_county@fulian.test", "Fulian Admin", "TA")
		frappe.set_user(county_admin)
		try:
			settings = frappe.get_single("Fulian Settings")
			self.assertTrue(settings.has_permission("read"))
			settings.small_cell_threshold = 1
			self.assertRaises(frappe.PermissionError, settings.save)
			frappe.set_user(self.city.city_admin)
			settings = frappe.get_single("Fulian Settings")
			settings.small_cell_threshold = 6
			settings.save()
		finally:
			frappe.set_user("Administrator")
		self.assertEqual(frappe.db.get_single_value("Fulian Settings", "small_cell_threshold"), 6)
