import json

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


class TestRetentionCoversEveryCase(TestRetention):
	def counselling(self, years_ago: float, outcome: str = "Divorced"):
		from fulian_grid.tests.factories import make_counselling

		frappe.set_user("Administrator")
		long_ago = add_months(today(), -12 * years_ago)
		doc = make_counselling(
			wife_name="欧阳秘芳", husband_name="司马秘强", counselling_date=long_ago, outcome="In Counselling"
		).insert()
		doc.wife_name = "上官秘华"  # a change: the Version row holds its masked copies
		doc.outcome, doc.outcome_on = outcome, long_ago if outcome != "In Counselling" else None
		doc.save(ignore_version=False)  # tests skip Version rows unless asked
		return doc

	def versions(self, doctype, name) -> str:
		rows = frappe.db.sql(
			"select data from `tabVersion` where ref_doctype = %s and docname = %s", (doctype, name)
		)
		return " ".join(json.dumps(json.loads(data), ensure_ascii=False) for (data,) in rows)

	def test_every_identity_bearing_doctype_is_a_case_belongs_to_one_or_says_why_not(self):
		from fulian_grid import tree_paths
		from fulian_grid.fulian_grid.doctype.retention_run.retention_run import NOT_CASES, OTHER_CASES
		from fulian_grid.privacy import has_identities

		top = frappe.get_all("DocType", filters={"module": "Fulian Grid", "istable": 0}, pluck="name")
		cases = {"Infringement Report", *OTHER_CASES}
		belonging = {
			follower
			for case in (*cases, "Screening Ledger")
			for follower, _field in tree_paths.followers(case)
		}
		for doctype in top:
			if has_identities(doctype):
				with self.subTest(doctype=doctype):
					self.assertTrue(doctype in cases | belonging | set(NOT_CASES), doctype)

	def test_a_closed_counselling_loses_names_masked_copies_and_history(self):
		old = self.counselling(6)
		still_open = self.counselling(6, outcome="In Counselling")
		self.assertIn("欧*", self.versions("Divorce Counselling", old.name))  # the detector fires

		frappe.set_user(self.city.city_admin)
		run = frappe.get_doc("Retention Run", preview_retention())
		listed = {(i.reference_doctype, i.reference_name) for i in run.items}
		self.assertIn(("Divorce Counselling", old.name), listed)
		self.assertNotIn(("Divorce Counselling", still_open.name), listed)
		self.assertTrue(vault.record_identities("Divorce Counselling", old.name)["fields"])  # preview only

		run_retention(run.name)
		frappe.set_user("Administrator")
		self.assertEqual(vault.record_identities("Divorce Counselling", old.name), {"fields": {}, "rows": {}})
		self.assertEqual(
			frappe.db.get_value("Divorce Counselling", old.name, ["wife_name", "couple_masked"]), ("", "")
		)
		history = self.versions("Divorce Counselling", old.name)
		for trace in ("欧*", "上*", "司*", "秘"):
			self.assertNotIn(trace, history)
		self.assertIn("outcome", history)  # the change of other fields is kept
		self.assertIn("欧*", self.versions("Divorce Counselling", still_open.name))

	def test_a_report_loses_its_history_of_identities_too(self):
		old = self.closed_case(6)
		frappe.set_user("Administrator")
		report = frappe.get_doc("Infringement Report", old.name)
		report.flags.system_update = True
		report.suspect = "欧阳秘强"
		report.victims[0].victim_name = "上官秘梅"
		report.save(ignore_version=False)
		self.assertIn("上*", self.versions("Infringement Report", old.name))
		frappe.set_user(self.city.city_admin)
		run_retention(preview_retention())
		history = self.versions("Infringement Report", old.name)
		self.assertNotIn("上*", history)
		self.assertNotIn("李*", history)

	def test_a_preview_that_was_not_run_hides_nothing_from_the_next(self):
		old = self.counselling(6)
		frappe.set_user(self.city.city_admin)
		preview_retention()  # looked at, never run
		again = frappe.get_doc("Retention Run", preview_retention())
		self.assertIn(
			("Divorce Counselling", old.name), {(i.reference_doctype, i.reference_name) for i in again.items}
		)
