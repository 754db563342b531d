import frappe
from frappe.utils import add_days, getdate, today

from fulian_grid.api.infringement import make_from_police_warning
from fulian_grid.fulian_grid.doctype.infringement_report.test_infringement_report import InfringementCase
from fulian_grid.fulian_grid.doctype.police_warning.police_warning import (
	PoliceWarningError,
	notify_overdue_follow_ups,
)
from fulian_grid.tests.factories import scoped_user


class TestPoliceWarning(InfringementCase):
	@classmethod
	def setUpClass(cls):
		super().setUpClass()
		cls.worker_b = scoped_user("pw_worker_b@fulian.test", "Fulian Grid Worker", "TB1CG")
		frappe.db.set_single_value("Fulian Settings", "warning_follow_up_days", 10)

	def warning(self, user=None, **values):
		frappe.set_user(user or self.worker)
		return frappe.get_doc(
			{
				"doctype": "Police Warning",
				"warning_number": "东公（文）告字〔2026〕17号",
				"issued_on": add_days(today(), -12),
				"police_station": "文汇派出所",
				"governance_grid": "TA1CGM",
				"respondent_name": "王强",
				"victim_name": "李梅",
				"warning_content": "王强殴打妻子李梅，予以告诫",
				**values,
			}
		)

	def test_follow_ups_run_at_the_cadence_in_settings(self):
		warning = self.warning().insert()
		self.assertEqual(getdate(warning.next_follow_up_due), getdate(add_days(today(), -2)))
		self.assertEqual(warning.is_overdue, 1)
		warning.append(
			"follow_ups", {"visit_date": add_days(today(), -1), "outcome": "Safe", "notes": "家中平稳"}
		)
		warning.save()
		self.assertEqual(getdate(warning.last_follow_up_on), getdate(add_days(today(), -1)))
		self.assertEqual(getdate(warning.next_follow_up_due), getdate(add_days(today(), 9)))
		self.assertEqual(warning.is_overdue, 0)
		warning.follow_up_status = "Closed"
		warning.save()
		self.assertEqual((warning.next_follow_up_due, warning.is_overdue), (None, 0))
		self.assertEqual(frappe.db.get_value("Police Warning", warning.name, "respondent_name"), "王*")

	def test_bad_input_is_refused_and_nothing_saved(self):
		bad = {"police_station": "错误输入派出所"}
		self.assertRaises(PoliceWarningError, self.warning(issued_on=add_days(today(), 1), **bad).insert)
		self.assertRaises(
			PoliceWarningError,
			self.warning(follow_ups=[{"visit_date": add_days(today(), -20)}], **bad).insert,
		)
		self.assertRaises(
			PoliceWarningError, self.warning(follow_ups=[{"visit_date": add_days(today(), 1)}], **bad).insert
		)
		report = self.new_report().name
		frappe.local.lang = "zh"
		try:
			with self.assertRaises(PoliceWarningError) as refused:
				self.warning(governance_grid="TA1CG", infringement_report=report, **bad).insert()
			self.assertIn("告诫书只能关联本网格", str(refused.exception))
		finally:
			frappe.local.lang = "en"
		frappe.set_user("Administrator")
		self.assertFalse(frappe.db.exists("Police Warning", bad))

	def test_a_warning_joins_a_report_of_its_grid_or_starts_one(self):
		report = self.new_report()
		joined = self.warning(infringement_report=report.name).insert()
		self.assertEqual(joined.infringement_report, report.name)

		warning = self.warning().insert()
		frappe.set_user(self.chair)  # a handler starts the report with the warning's account
		started = make_from_police_warning(warning.name)
		self.assertEqual(
			(
				started.governance_grid,
				started.source,
				started.police_warning,
				started.police_report_reference,
			),
			("TA1CGM", "Police", warning.name, warning.warning_number),
		)
		self.assertEqual((started.victims[0].victim_name, started.suspect), ("李梅", "王强"))
		started.concern_items = []
		started.append("concern_items", {"concern_item": "Physical Violence"})
		started.insert()
		self.assertEqual(
			frappe.db.get_value("Police Warning", warning.name, "infringement_report"), started.name
		)

		frappe.set_user(self.worker)  # not a handler: she fills in the names herself
		self.assertFalse(make_from_police_warning(self.warning().insert().name).victims[0].victim_name)

	def test_scope_and_the_overdue_notice(self):
		warning = self.warning().insert()
		frappe.set_user(self.worker_b)
		self.assertNotIn(warning.name, frappe.get_list("Police Warning", pluck="name"))
		self.assertRaises(frappe.PermissionError, make_from_police_warning, warning.name)
		self.assertRaises(frappe.PermissionError, self.warning(user=self.worker_b).insert)  # not her grid
		frappe.set_user("Administrator")
		self.assertGreaterEqual(notify_overdue_follow_ups(), 1)
		notify_overdue_follow_ups()
		told = frappe.get_all(
			"ToDo",
			filters={"reference_type": "Police Warning", "reference_name": warning.name},
			pluck="allocated_to",
		)
		# the one who recorded it and the grid chairs where it lies, once each
		self.assertEqual(sorted(told), sorted({self.worker, self.chair, self.city.dual}))
