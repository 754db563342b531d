import os

import frappe
from frappe.utils import add_days, getdate, today

from fulian_grid.api.projects import my_led_project_count, my_led_projects, my_overdue_project_count
from fulian_grid.fulian_grid.doctype.led_project.led_project import LedProjectError
from fulian_grid.install import ERPNEXT_PROJECT_FIELD, ensure_erpnext_project_link
from fulian_grid.tests.factories import (
	assign,
	erpnext_company,
	make_executive,
	make_project,
	make_user,
)
from fulian_grid.tests.utils import CityTestCase

# Frappe's runner would make ERPNext's test records for the optional Project link (a Company, its
# accounts, warehouses…), which need ERPNext's setup wizard; the link test makes its own project.
test_ignore = ["Project"]


class TestLedProject(CityTestCase):
	@classmethod
	def setUpClass(cls):
		super().setUpClass()
		cls.lead_user = make_user("lead_exec@fulian.test")
		assign(cls.lead_user, "Fulian Executive", "TA1C")
		cls.co_user = make_user("co_exec@fulian.test")
		assign(cls.co_user, "Fulian Executive", "TA1C")
		cls.other_user = make_user("other_exec@fulian.test")
		assign(cls.other_user, "Fulian Executive", "TA1C")
		cls.lead = make_executive("孙红", cls.city.federation_a, cls.lead_user)
		cls.co = make_executive("钱芳", cls.city.federation_a, cls.co_user)
		cls.other = make_executive("李梅", cls.city.federation_a, cls.other_user)

	def test_grid_and_federation_come_from_the_lead(self):
		project = make_project(self.lead).insert()
		self.assertEqual(
			(project.women_federation, project.governance_grid), (self.city.federation_a, "TA1C")
		)
		self.assertEqual(project.lead_user, self.lead_user)

	def test_progress_follows_the_milestones(self):
		project = make_project(
			self.lead,
			milestones=[
				{
					"milestone_title": "启动",
					"due_date": add_days(today(), -30),
					"done_on": add_days(today(), -31),
				},
				{"milestone_title": "中期", "due_date": add_days(today(), 30)},
				{"milestone_title": "结项", "due_date": add_days(today(), 100)},
				{"milestone_title": "总结", "due_date": add_days(today(), 110)},
			],
		).insert()
		self.assertEqual(project.progress, 25)
		self.assertEqual(getdate(project.next_milestone_due), getdate(add_days(today(), 30)))
		for row in project.milestones:
			row.done_on = today()
		project.save()
		self.assertEqual((project.progress, project.status), (100, "Completed"))

	def test_milestone_outside_the_dates_is_refused_and_nothing_saved(self):
		before = frappe.db.count("Led Project")
		project = make_project(
			self.lead, milestones=[{"milestone_title": "越界", "due_date": add_days(today(), 200)}]
		)
		self.assertRaises(LedProjectError, project.insert)
		self.assertRaises(LedProjectError, make_project(self.lead, end_date=add_days(today(), -90)).insert)
		self.assertEqual(frappe.db.count("Led Project"), before)
		lang, frappe.local.lang = frappe.local.lang, "zh"
		try:
			with self.assertRaises(LedProjectError) as caught:
				project.insert()
			self.assertIn("越界", str(caught.exception))
			self.assertIn("超出了项目起止日期", str(caught.exception))
		finally:
			frappe.local.lang = lang

	def test_overdue_milestone_is_flagged(self):
		project = make_project(
			self.lead,
			milestones=[
				{"milestone_title": "调研", "due_date": add_days(today(), -5)},
				{"milestone_title": "结项", "due_date": add_days(today(), 100)},
			],
		).insert()
		self.assertLess(getdate(project.next_milestone_due), getdate(today()))
		project.run_method("onload")
		self.assertEqual(project.get_onload().overdue_milestones, [project.milestones[0].name])
		on_time = make_project(
			self.lead, milestones=[{"milestone_title": "结项", "due_date": add_days(today(), 9)}]
		).insert()
		frappe.set_user(self.lead_user)
		overdue = my_led_projects(overdue_only=True)
		self.assertIn(project.name, overdue)
		self.assertNotIn(on_time.name, overdue)
		self.assertEqual(my_overdue_project_count(), len(overdue))

	def test_my_led_projects_are_those_she_leads_or_co_leads(self):
		led = make_project(self.lead).insert().name
		co_led = make_project(self.other, co_leads=[{"federation_executive": self.co}]).insert().name
		frappe.set_user(self.lead_user)
		self.assertIn(led, my_led_projects())
		self.assertNotIn(co_led, my_led_projects())
		frappe.set_user(self.co_user)
		self.assertIn(co_led, my_led_projects())
		self.assertNotIn(led, my_led_projects())
		self.assertEqual(my_led_project_count(), len(my_led_projects()))
		from fulian_grid.fulian_grid.report.my_led_projects.my_led_projects import execute

		rows = {row.name: row for row in execute({})[1]}
		self.assertEqual(rows[co_led].my_part, frappe._("Co-lead"))

	def test_a_user_linked_to_an_executive_later_reaches_her_projects(self):
		"""The demo data and many federations record executives first and give them logins later."""
		late = make_user("late_exec@fulian.test")
		assign(late, "Fulian Executive", "TA1C")
		executive = make_executive("周敏", self.city.federation_a)
		led = make_project(executive).insert().name
		co_led = make_project(self.other, co_leads=[{"federation_executive": executive}]).insert().name
		frappe.set_user(late)
		self.assertEqual(my_led_projects(), [])
		frappe.set_user("Administrator")
		record = frappe.get_doc("Federation Executive", executive)
		record.user = late
		record.save()
		frappe.set_user(late)
		self.assertEqual(set(my_led_projects()), {led, co_led})
		self.assertEqual(frappe.db.get_value("Led Project", led, "lead_user"), late)
		self.assertEqual(frappe.get_doc("Led Project", co_led).co_leads[0].user, late)

	def test_my_projects_stay_within_scope_and_siblings_see_nothing(self):
		project = make_project(self.lead).insert().name
		frappe.set_user(self.city.officer_b)
		self.assertNotIn(project, frappe.get_list("Led Project", pluck="name"))
		self.assertEqual(my_led_projects(), [])

	def test_lead_is_not_her_own_co_lead(self):
		project = make_project(
			self.lead,
			co_leads=[
				{"federation_executive": self.lead},
				{"federation_executive": self.co},
				{"federation_executive": self.co},
			],
		).insert()
		self.assertEqual([row.federation_executive for row in project.co_leads], [self.co])

	def test_works_without_erpnext_and_links_with_it(self):
		if "erpnext" not in frappe.get_installed_apps():
			ensure_erpnext_project_link()  # a no-op without ERPNext
			self.assertFalse(frappe.db.exists("Custom Field", ERPNEXT_PROJECT_FIELD))
			self.assertIsNone(frappe.get_meta("Led Project").get_field("erpnext_project"))
			make_project(self.lead).insert()
			# scripts/test sets this on its ERPNext site: there the link must be tested, not skipped
			self.assertFalse(os.environ.get("FULIAN_EXPECT_ERPNEXT"), "ERPNext is not installed on this site")
			self.skipTest("ERPNext is not installed on this site: the ERPNext Project link is not tested")
		self.assertEqual(frappe.get_meta("Led Project").get_field("erpnext_project").options, "Project")
		erp = frappe.get_doc(
			{"doctype": "Project", "project_name": "领办项目ERP", "company": erpnext_company()}
		).insert(ignore_permissions=True)
		# the lead executive (no ERPNext role) links her project and reads it back
		frappe.set_user(self.lead_user)
		try:
			project = make_project(self.lead, erpnext_project=erp.name).insert()
			self.assertEqual(frappe.get_doc("Led Project", project.name).erpnext_project, erp.name)
		finally:
			frappe.set_user("Administrator")
		# the ERPNext project's side: county B's officer finds no led project linked to it
		self.assertEqual(
			frappe.get_list(
				"Led Project", filters={"erpnext_project": erp.name}, user=self.city.officer_b, pluck="name"
			),
			[],
		)

	def test_print_sheet_carries_the_brand_header(self):
		frappe.db.set_single_value("Fulian Settings", "brand_name", "贴心娘家人")
		project = make_project(
			self.lead, milestones=[{"milestone_title": "启动会", "due_date": today()}]
		).insert()
		html = frappe.get_print("Led Project", project.name, print_format="Led Project Sheet")
		self.assertIn("贴心娘家人", html)
		self.assertIn("启动会", html)
