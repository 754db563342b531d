import frappe
from frappe.utils import add_months, add_to_date, now_datetime, today

from fulian_grid import vault
from fulian_grid.fulian_grid.doctype.infringement_report.test_infringement_report import InfringementCase
from fulian_grid.fulian_grid.doctype.retention_run.retention_run import (
	RetentionError,
	preview_retention,
	run_retention,
)
from fulian_grid.fulian_grid.report.work_statistics.work_statistics import execute
from fulian_grid.tests.factories import scoped_user


class TestRetention(InfringementCase):
	@classmethod
	def setUpClass(cls):
		super().setUpClass()
		frappe.db.set_single_value("Fulian Settings", "retention_years", 5)
		cls.county_admin = scoped_user("ret_admin_a@fulian.test", "Fulian Admin", "TA")

	def closed_case(self, years_ago: float, **values):
		arose = add_to_date(now_datetime(), hours=-2)
		report = self.new_report(
			mandatory_report=1,
			duty_holder_kind="School",
			duty_holder="文汇小学",
			mandatory_reporter_name="赵老师",
			duty_arose_on=arose,
			**values,
		)
		frappe.set_user("Administrator")  # the case was closed years ago
		frappe.db.set_value(
			"Infringement Report",
			report.name,
			{
				"status": "Closed",
				"workflow_state": "Closed",
				"closed_at": add_months(now_datetime(), -12 * years_ago),
			},
		)
		return report

	def mandatory_count(self):
		frappe.set_user("Administrator")
		period = {"from_date": add_months(today(), -1), "to_date": today()}
		rows = {row.governance_grid: row for row in execute({"governance_grid": "TC", **period})[1]}
		return rows["TC"].mandatory_reports

	def test_nothing_is_removed_without_a_preview(self):
		frappe.set_user(self.city.city_admin)
		frappe.local.lang = "zh"
		try:
			with self.assertRaises(RetentionError) as refused:
				run_retention()
			self.assertIn("请先预览", str(refused.exception))
		finally:
			frappe.local.lang = "en"
		frappe.set_user(self.city.city_admin)
		preview_retention()
		frappe.set_user(self.county_admin)  # an admin, but not the whole city's
		self.assertRaises(frappe.PermissionError, preview_retention)
		self.assertEqual(frappe.get_list("Retention Run"), [])

	def test_old_closed_cases_lose_their_identities_and_still_count(self):
		old = self.closed_case(6)
		recent = self.closed_case(1)
		frappe.set_user(self.chair)
		order = frappe.get_doc(
			{
				"doctype": "Protection Order",
				"infringement_report": old.name,
				"victim": old.victims[0].name,
				"respondent_name": "王强",
				"court": "东营区人民法院",
				"filed_on": add_to_date(now_datetime(), hours=-1),
				"facts": "多次殴打",
				"measure_no_violence": 1,
			}
		).insert()
		counted = self.mandatory_count()

		frappe.set_user(self.city.city_admin)
		run = frappe.get_doc("Retention Run", preview_retention())
		listed = {(i.reference_doctype, i.reference_name) for i in run.items}
		self.assertIn(("Infringement Report", old.name), listed)
		self.assertIn(("Protection Order", order.name), listed)
		self.assertNotIn(("Infringement Report", recent.name), listed)
		self.assertTrue(
			vault.record_identities("Infringement Report", old.name)["rows"]
		)  # a preview removes nothing

		self.assertEqual(run_retention(run.name), len(run.items))
		for doctype, name in (("Infringement Report", old.name), ("Protection Order", order.name)):
			self.assertEqual(vault.record_identities(doctype, name), {"fields": {}, "rows": {}})
		victim = frappe.db.get_value("Infringement Victim", {"parent": old.name}, ["victim_name", "contact"])
		self.assertEqual(victim, ("", ""))
		self.assertEqual(
			frappe.db.get_value("Protection Order", order.name, ["respondent_name", "victim_label"]), ("", "")
		)
		self.assertNotIn(
			("Infringement Report", old.name), vault.records_with("id_number", "11010519491231002X")
		)
		self.assertTrue(vault.record_identities("Infringement Report", recent.name)["rows"])  # not yet due
		self.assertEqual(self.mandatory_count(), counted)  # statistics still count the case

		self.assertRaises(RetentionError, run_retention, run.name)  # a preview is used once
		frappe.set_user(self.city.city_admin)
		again = frappe.get_doc("Retention Run", preview_retention())
		self.assertNotIn(
			("Infringement Report", old.name), {(i.reference_doctype, i.reference_name) for i in again.items}
		)
