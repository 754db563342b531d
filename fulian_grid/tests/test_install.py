"""What install and migrate leave on a site: roles, profiles, translations."""

import frappe
from frappe.translate import get_all_translations

from fulian_grid.install import after_migrate, apply_first_run_defaults, schema_fingerprint
from fulian_grid.roles import APP_ROLES, DEFAULT_ROLE_PROFILES
from fulian_grid.tests.utils import FulianTestCase


class TestInstall(FulianTestCase):
	def test_roles_exist_with_desk_access(self):
		for role in APP_ROLES:
			self.assertEqual(frappe.db.get_value("Role", role, "desk_access"), 1, role)

	def test_role_profiles_bundle_the_roles(self):
		for profile, roles in DEFAULT_ROLE_PROFILES.items():
			held = {row.role for row in frappe.get_doc("Role Profile", profile).roles}
			self.assertEqual(held, set(roles), profile)

	def test_app_speaks_chinese(self):
		frappe.clear_cache()
		zh = get_all_translations("zh")
		self.assertEqual(zh.get("Governance Grid"), "社会治理网格")
		self.assertEqual(zh.get("Fulian Grid Chair"), "网格妇联主席")
		self.assertEqual(zh.get("Small-cell Threshold"), "小数抑制阈值")

	def test_first_run_speaks_chinese_keeps_what_the_site_set_and_hides_tracebacks(self):
		frappe.db.set_single_value(
			"System Settings",
			{"setup_complete": 0, "time_zone": "Asia/Urumqi", "currency": "", "allow_error_traceback": 1},
		)
		apply_first_run_defaults()
		settings = frappe.get_single("System Settings")
		self.assertEqual(settings.time_zone, "Asia/Urumqi")  # the site's own choice stays
		self.assertEqual((settings.currency, settings.language), ("CNY", "zh"))
		self.assertEqual(settings.allow_error_traceback, 0)
		# complete unless another app's setup wizard has questions of its own (ERPNext's company…)
		own_wizard = set(frappe.get_installed_apps()) - {"frappe", "fulian_grid"}
		self.assertEqual(settings.setup_complete, 0 if own_wizard else 1)

	def test_after_migrate_keeps_admin_edits_and_changes_nothing(self):
		profile = frappe.get_doc("Role Profile", "Fulian Federation Executive")
		profile.append("roles", {"role": "Fulian Viewer"})
		profile.save()
		try:
			before = schema_fingerprint()
			after_migrate()
			self.assertEqual(schema_fingerprint(), before)
			roles = {row.role for row in frappe.get_doc("Role Profile", "Fulian Federation Executive").roles}
			self.assertIn("Fulian Viewer", roles)
		finally:
			profile.reload()
			profile.roles = [row for row in profile.roles if row.role != "Fulian Viewer"]
			profile.save()
