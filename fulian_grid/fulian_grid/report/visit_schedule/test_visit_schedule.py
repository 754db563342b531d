import frappe
from frappe.utils import add_days, today

from fulian_grid.fulian_grid.doctype.screening_ledger.screening_ledger import notify_overdue_visits
from fulian_grid.fulian_grid.report.visit_schedule.visit_schedule import execute
from fulian_grid.tests.factories import make_ledger, scoped_user
from fulian_grid.tests.utils import CityTestCase


class TestVisitSchedule(CityTestCase):
	@classmethod
	def setUpClass(cls):
		super().setUpClass()
		cls.keeper = scoped_user("schedule_keeper@fulian.test", "Fulian Executive", "TA1CG")
		cls.keeper_exec = (
			frappe.get_doc(
				{
					"doctype": "Federation Executive",
					"full_name": "周丽",
					"position": "Executive Member",
					"women_federation": cls.city.federation_a,
					"user": cls.keeper,
				}
			)
			.insert()
			.name
		)

	def overdue_entry(self):
		"""High risk, screened 20 days ago: due 13 days ago."""
		return make_ledger(
			screened_on=add_days(today(), -20), responsible_executive=self.keeper_exec
		).insert()

	def todos(self, entry):
		return frappe.get_all(
			"ToDo", filters={"reference_type": "Screening Ledger", "reference_name": entry.name}, pluck="name"
		)

	def test_overdue_job_tells_the_responsible_executive_once(self):
		entry = self.overdue_entry()
		notify_overdue_visits()
		notify_overdue_visits()  # the next day's run says nothing new
		todos = self.todos(entry)
		self.assertEqual(len(todos), 1)
		todo = frappe.get_doc("ToDo", todos[0])
		self.assertEqual(todo.allocated_to, self.keeper)
		self.assertIn("王*", todo.description)  # masked name only
		self.assertNotIn("王芳", todo.description)

	def test_a_new_lapse_after_a_visit_is_told_again(self):
		entry = self.overdue_entry()
		notify_overdue_visits()
		frappe.get_doc("Screening Ledger", entry.name).record_visit(add_days(today(), -10))  # due 3 days ago
		notify_overdue_visits()
		self.assertEqual(len(self.todos(entry)), 2)

	def test_entries_not_due_are_not_told(self):
		entry = make_ledger(responsible_executive=self.keeper_exec).insert()
		notify_overdue_visits()
		self.assertEqual(self.todos(entry), [])

	def test_report_counts_due_and_overdue_per_grid_in_scope(self):
		make_ledger(governance_grid="TB1CGM", screened_on=add_days(today(), -20)).insert()  # overdue
		make_ledger(governance_grid="TB1CGM", screened_on=add_days(today(), -6)).insert()  # due tomorrow
		make_ledger(governance_grid="TB1CGM", screened_on=today(), risk_level="Low").insert()  # later
		frappe.set_user(self.city.officer_b)
		rows = execute({})[1]
		self.assertEqual([row.governance_grid for row in rows], ["TB1CGM"])
		self.assertEqual((rows[0].active, rows[0].overdue, rows[0].due_soon, rows[0].high_risk), (3, 1, 1, 2))
