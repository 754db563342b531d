import frappe
from frappe.utils import add_days, nowdate

from fulian_grid.permissions import user_paths
from fulian_grid.tests.factories import assign, make_user, scoped_user
from fulian_grid.tests.utils import CityTestCase


class TestGridRoleAssignment(CityTestCase):
	def test_role_outside_the_app_is_refused(self):
		user = make_user("grab@fulian.test")
		self.assertRaises(frappe.ValidationError, assign, user, "System Manager", "TA")
		self.assertNotIn("System Manager", frappe.get_roles(user))

	def test_reversed_dates_are_refused(self):
		user = make_user("dates@fulian.test")
		with self.assertRaises(frappe.ValidationError):
			assign(user, "Fulian Officer", "TA", valid_from=nowdate(), valid_to=add_days(nowdate(), -1))

	def test_assignment_grants_the_frappe_role(self):
		user = scoped_user("newbie@fulian.test", "Fulian Grid Worker", "TA1CG")
		self.assertIn("Fulian Grid Worker", frappe.get_roles(user))

	def test_her_sidebar_shows_the_apps_workspaces_only(self):
		"""Her first assignment gives her the app's module profile: Frappe's Users, Website, Build…
		leave her sidebar. A System Manager keeps hers, and so does a profile chosen before."""
		from frappe.desk.desktop import get_workspace_sidebar_items

		worker = scoped_user("sidebar@fulian.test", "Fulian Grid Worker", "TA1CG")
		sysman = make_user("sidebar_sysman@fulian.test", roles=("System Manager",))
		assign(sysman, "Fulian Officer", "TA")
		self.assertEqual(frappe.db.get_value("User", worker, "module_profile"), "Fulian Grid")
		self.assertFalse(frappe.db.get_value("User", sysman, "module_profile"))
		frappe.set_user(worker)
		try:
			modules = {page.get("module") for page in get_workspace_sidebar_items()["pages"]}
		finally:
			frappe.set_user("Administrator")
		self.assertEqual(modules, {"Fulian Grid"})

	def test_disabling_stops_the_scope_without_touching_the_user(self):
		user = make_user("later@fulian.test")
		assignment = assign(user, "Fulian Officer", "TB")
		self.assertTrue(user_paths(user, "Women Federation"))
		assignment.enabled = 0
		assignment.save()
		self.assertEqual(user_paths(user, "Women Federation"), [])
		self.assertIn("Fulian Officer", frappe.get_roles(user))

	def test_county_admin_cannot_assign_outside_her_county(self):
		admin = scoped_user("county_admin@fulian.test", "Fulian Admin", "TA")
		frappe.set_user(admin)
		try:
			doc = frappe.get_doc(
				{
					"doctype": "Grid Role Assignment",
					"user": self.city.officer_a,
					"role": "Fulian Officer",
					"governance_grid": "TB",
				}
			)
			self.assertRaises(frappe.PermissionError, doc.insert)
			inside = frappe.get_doc(
				{
					"doctype": "Grid Role Assignment",
					"user": self.city.officer_a,
					"role": "Fulian Executive",
					"governance_grid": "TA1",
				}
			).insert()
			self.assertTrue(inside.name)
			self.assertNotIn(
				"TB",
				{
					a.governance_grid
					for a in frappe.get_list("Grid Role Assignment", fields=["governance_grid"])
				},
			)
		finally:
			frappe.set_user("Administrator")
