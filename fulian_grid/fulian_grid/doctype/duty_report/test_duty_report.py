import frappe
from frappe.utils import add_days, today

from fulian_grid.tests.factories import assign, deliberation, home_visit, make_executive, make_user
from fulian_grid.tests.utils import CityTestCase


def duty_report(executive, **values):
	return frappe.get_doc(
		{
			"doctype": "Duty Report",
			"federation_executive": executive,
			"period_start": add_days(today(), -30),
			"period_end": today(),
			"own_account": "<p>本期走访入户、召集议事，参加了培训。</p>",
			**values,
		}
	)


class TestDutyReport(CityTestCase):
	@classmethod
	def setUpClass(cls):
		super().setUpClass()
		cls.user = make_user("exec_report@fulian.test")
		assign(cls.user, "Fulian Executive", "TA1C")
		cls.executive = make_executive("孙丽", cls.city.federation_a, user=cls.user)
		cls.colleague = make_executive("钱梅", cls.city.federation_a)
		cls.visit = home_visit(cls.executive, "TA1CGM", add_days(today(), -3)).name
		cls.deliberation = deliberation(cls.city.federation_a, cls.executive).insert().name

	def test_evidence_summary_is_filled_from_her_records(self):
		frappe.set_user(self.user)
		report = duty_report(self.executive).insert()
		summary = report.evidence_summary.split("\n")
		self.assertIn(f"Visits Made: 1 ({self.visit})", summary)
		self.assertIn(f"Deliberations Convened: 1 ({self.deliberation})", summary)
		self.assertIn("Trainings Attended: 0 (none)", summary)
		if not frappe.db.exists("DocType", "Infringement Report"):
			self.assertIn("Reports Raised On Time: source not available", summary)

	def test_she_writes_only_her_own_report(self):
		frappe.set_user(self.user)
		self.assertRaises(frappe.PermissionError, duty_report(self.colleague).insert)

	def test_bad_period_is_refused(self):
		self.assertRaises(
			frappe.ValidationError, duty_report(self.executive, period_end=add_days(today(), -31)).insert
		)
