"""The app beside ERPNext (issue 19), on a site holding both: no name clashes, both workspaces, the
app's roles and nothing of ERPNext's given to its users, the per-grid boundary over ERPNext's
whitelisted methods and DocTypes. scripts/test runs these on its ERPNext site (where the bench has
ERPNext); on a site without ERPNext they skip, saying so (FULIAN_EXPECT_ERPNEXT makes that a
failure, so the ERPNext site cannot skip them silently)."""

import importlib
import json
import os
import pkgutil
from pathlib import Path

import frappe
import frappe.desk.form.linked_with
from frappe.utils.password import update_password

from fulian_grid import boundary
from fulian_grid.roles import APP_ROLES, DEFAULT_ROLE_PROFILES
from fulian_grid.tests.factories import assign, erpnext_company, make_executive, make_project, make_user
from fulian_grid.tests.security.test_boundary import PASSWORD, Caller
from fulian_grid.tests.utils import CityTestCase

# what both apps ship as files: a clash would make one overwrite the other on install
KINDS = ("DocType", "Report", "Page", "Workspace", "Print Format", "Number Card", "Dashboard Chart")


def shipped(app: str) -> dict[str, set[str]]:
	"""Names of the records `app` ships as JSON files, per kind."""
	names = {kind: set() for kind in KINDS}
	for path in Path(frappe.get_app_path(app)).rglob("*.json"):
		if path.parent.parent.name.replace("_", " ") not in {k.lower() for k in KINDS}:
			continue
		try:
			data = json.loads(path.read_text())
		except ValueError:
			continue
		if isinstance(data, dict) and data.get("doctype") in names and data.get("name"):
			names[data["doctype"]].add(data["name"])
	return names


def erpnext_whitelisted_methods() -> set[str]:
	for module in pkgutil.walk_packages(importlib.import_module("erpnext").__path__, "erpnext."):
		if any(part in module.name for part in (".tests", ".test_", ".patches.", ".commands")):
			continue
		try:
			importlib.import_module(module.name)
		except Exception:  # modules needing optional services
			continue
	return {
		f"{fn.__module__}.{fn.__qualname__}"
		for fn in frappe.whitelisted
		if fn.__module__.startswith("erpnext.")
	}


class TestBesideERPNext(CityTestCase):
	def setUp(self):
		super().setUp()
		if "erpnext" not in frappe.get_installed_apps():
			self.assertFalse(os.environ.get("FULIAN_EXPECT_ERPNEXT"), "ERPNext is not installed on this site")
			self.skipTest("ERPNext is not installed on this site: the app beside ERPNext is not tested")

	def test_no_name_clashes_and_each_app_keeps_its_own(self):
		ours, theirs = shipped("fulian_grid"), shipped("erpnext")
		self.assertGreater(len(theirs["DocType"]), 400)  # 499 in 15.70
		for kind in KINDS:
			with self.subTest(kind=kind):
				self.assertEqual(sorted(ours[kind] & theirs[kind]), [])
				for name in ours[kind]:  # installed as the app's, not overwritten by ERPNext's
					self.assertEqual(frappe.db.get_value(kind, name, "module"), "Fulian Grid", name)
		self.assertEqual(frappe.db.get_value("Module Def", "Fulian Grid", "app_name"), "fulian_grid")
		erpnext_roles = set()
		for path in Path(frappe.get_app_path("erpnext")).rglob("doctype/*/*.json"):
			data = json.loads(path.read_text()) if path.stem == path.parent.name else None
			if isinstance(data, dict):
				erpnext_roles |= {perm["role"] for perm in data.get("permissions") or [] if perm.get("role")}
		self.assertIn("Projects User", erpnext_roles)
		self.assertEqual(sorted(set(APP_ROLES) & erpnext_roles), [])

	def test_roles_profiles_and_both_workspaces(self):
		for role in APP_ROLES:
			self.assertEqual(frappe.db.get_value("Role", role, "desk_access"), 1, role)
		for profile, roles in DEFAULT_ROLE_PROFILES.items():
			self.assertEqual({row.role for row in frappe.get_doc("Role Profile", profile).roles}, set(roles))
		from frappe.desk.desktop import get_workspace_sidebar_items

		ours = set(shipped("fulian_grid")["Workspace"])
		erp = {"Projects", "Accounting", "Selling"} & shipped("erpnext")["Workspace"]
		self.assertTrue(ours and erp)
		pages = {page["name"] for page in get_workspace_sidebar_items()["pages"]}  # Administrator
		self.assertLessEqual(ours | erp, pages)
		frappe.set_user(self.city.officer_a)  # a county officer: the app's workspace, not ERPNext's
		try:
			pages = {page["name"] for page in get_workspace_sidebar_items()["pages"]}
		finally:
			frappe.set_user("Administrator")
		self.assertIn("Fulian Grid", {frappe.db.get_value("Workspace", p, "module") for p in pages})

	def test_app_users_get_no_erpnext_role(self):
		user = make_user("beside_erp_worker@fulian.test")
		assign(user, "Fulian Grid Worker", "TA1CG")
		roles = set(frappe.get_roles(user)) - {"All", "Guest", "Desk User"}
		self.assertLessEqual(roles, set(APP_ROLES))

	def test_every_whitelisted_method_of_erpnext_is_refused_for_app_doctypes(self):
		"""Deny by default: none of ERPNext's methods is classified allowed or scoped, each is
		refused when its arguments name an app DocType, and ERPNext overrides no method the
		boundary relies on."""
		methods = erpnext_whitelisted_methods()
		self.assertGreater(len(methods), 500)
		rules = boundary.classification()
		self.assertEqual(sorted(methods & {*rules["allowed"], *rules["scoped"]}), [])
		for method in sorted(methods):
			with self.subTest(method=method):
				self.assertEqual(boundary.verdict(method), "refused")
				self.assertRaises(
					boundary.BoundaryRefusal, boundary.check, method, {"doctype": "Screening Ledger"}
				)
		overrides = frappe.get_hooks("override_whitelisted_methods")
		for method in (*rules["allowed"], *rules["scoped"]):
			for implementation in overrides.get(method, []):
				self.assertFalse(implementation.startswith("erpnext."), method)

	def test_no_erpnext_doctype_links_to_app_records(self):
		"""ERPNext's records may name app records only through Frappe's generic pointers (Dynamic
		Links, which the traces rule and the boundary cover), never by a Link field of their own."""
		app = set(frappe.get_all("DocType", filters={"module": "Fulian Grid"}, pluck="name"))
		linking = {
			row.parent
			for table in ("DocField", "Custom Field")
			for row in frappe.get_all(
				table,
				filters={"fieldtype": ("in", ("Link", "Table", "Table MultiSelect")), "options": ("in", app)},
				fields=["parent" if table == "DocField" else "dt as parent"],
			)
		}
		self.assertEqual(sorted(linking - app), [])

	def test_over_http_erpnext_paths_say_nothing_of_other_grids(self):
		"""As a grid worker of county A (and as an ERPNext Projects User with no grid role):
		ERPNext's generic queries and a search with ERPNext's query are refused for app records;
		the ERPNext Project a led project of county B links to shows that project to neither."""
		entry = frappe.get_doc(
			{
				"doctype": "Screening Ledger",
				"governance_grid": "TB1CG",
				"subject_name": "欧阳秘娟",
				"categories": [
					{"key_group_category": frappe.get_all("Key Group Category", pluck="name", limit=1)[0]}
				],
				"risk_level": "High",
				"screened_on": frappe.utils.today(),
			}
		).insert(ignore_permissions=True)
		project = frappe.get_doc(
			{"doctype": "Project", "project_name": "B县合作项目", "company": erpnext_company()}
		).insert(ignore_permissions=True)
		lead = make_executive("赵蓓", self.city.federation_b)
		led = make_project(lead, erpnext_project=project.name).insert(ignore_permissions=True)
		worker = make_user("beside_erp_http@fulian.test")
		assign(worker, "Fulian Grid Worker", "TA1CG")
		projects_user = make_user("beside_erp_projects@fulian.test", roles=("Projects User",))
		for user in (worker, projects_user):
			update_password(user, PASSWORD)
		frappe.db.commit()  # nosemgrep: the requests read committed data
		try:
			for user in (worker, projects_user):
				caller = Caller(user)
				for response in (
					caller.method(
						"erpnext.controllers.queries.get_filtered_dimensions",
						doctype="Screening Ledger",
						txt="",
						searchfield="name",
						start=0,
						page_len=20,
						filters={},
					),
					caller.method(
						"frappe.desk.search.search_widget",
						doctype="Screening Ledger",
						txt="",
						query="erpnext.controllers.queries.get_filtered_dimensions",
					),
				):
					with self.subTest(user=user, path=response.request.path):
						self.assertIn(response.status_code, (403, 417))
						text = response.get_data(as_text=True)
						self.assertNotIn(entry.name, text)
						self.assertNotIn("欧阳秘娟", text)
				response = caller.method(
					"frappe.desk.form.linked_with.get", doctype="Project", docname=project.name
				)
				with self.subTest(user=user, path="linked_with"):
					self.assertNotIn(led.name, response.get_data(as_text=True))
			# the detector can fire: Administrator sees the led project linked to the ERPNext project
			admin_links = frappe.desk.form.linked_with.get("Project", project.name)
			self.assertIn(led.name, json.dumps(admin_links, default=str))
		finally:
			frappe.delete_doc("Led Project", led.name, force=True, ignore_permissions=True)
			frappe.delete_doc("Screening Ledger", entry.name, force=True, ignore_permissions=True)
			frappe.delete_doc("Project", project.name, force=True, ignore_permissions=True)
			frappe.db.delete(
				"Deleted Document", {"deleted_name": ("in", [entry.name, project.name, led.name])}
			)
			frappe.db.commit()  # nosemgrep
