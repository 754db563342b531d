import frappe

from fulian_grid.tests.factories import scoped_user
from fulian_grid.tests.utils import CityTestCase


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

	def test_incoherent_settings_are_refused_and_nothing_is_saved(self):
		from fulian_grid import settings as fulian_settings
		from fulian_grid.fulian_grid.doctype.fulian_settings.fulian_settings import SettingsError

		for field, value in (
			("grade_good_from", 95),  # above Excellent's 90: thresholds out of order
			("grade_pass_from", 80),  # above Good's 75
			("report_hours_urgent", 0),  # a deadline of zero hours
			("low_risk_visit_days", 0),  # a visit cadence of zero days
		):
			settings = frappe.get_single("Fulian Settings")
			settings.set(field, value)
			with self.assertRaises(SettingsError, msg=field):
				settings.save()
			self.assertNotEqual(frappe.db.get_single_value("Fulian Settings", field), value, field)
		self.assertEqual(fulian_settings.grade_bands()[:3], [("Excellent", 90), ("Good", 75), ("Pass", 60)])
		self.assertEqual(fulian_settings.stage_hours()["report"]["Urgent"], 12)
		self.assertEqual(fulian_settings.cadence_days(), {"High": 7, "Medium": 30, "Low": 90})

	def test_typed_accessors_read_what_an_admin_saved(self):
		from fulian_grid import settings as fulian_settings

		changed = {"due_soon_days": 5, "small_cell_threshold": 8, "verification_hours_normal": 36}
		settings = frappe.get_single("Fulian Settings")
		before = {field: settings.get(field) for field in changed}
		try:
			settings.update(changed)
			settings.save()
			self.assertEqual(fulian_settings.due_soon_days(), 5)
			self.assertEqual(fulian_settings.small_cell_threshold(), 8)
			self.assertEqual(fulian_settings.stage_hours()["verification"]["Normal"], 36)
			self.assertEqual(fulian_settings.brand_name(), "贴心娘家人")
		finally:  # saved again, so no cached copy outlives the test's rollback
			settings = frappe.get_single("Fulian Settings")
			settings.update(before)
			settings.save()
