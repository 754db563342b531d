import frappe
from frappe.utils import add_days, getdate, today

from fulian_grid.fulian_grid.doctype.home_visit.home_visit import VisitValidationError
from fulian_grid.tests.factories import make_ledger
from fulian_grid.tests.utils import CityTestCase


class TestHomeVisit(CityTestCase):
	@classmethod
	def setUpClass(cls):
		super().setUpClass()
		cls.executive = (
			frappe.get_doc(
				{
					"doctype": "Federation Executive",
					"full_name": "赵敏",
					"position": "Grid Worker",
					"women_federation": cls.city.federation_a,
				}
			)
			.insert()
			.name
		)
		cls.entry = make_ledger(screened_on=add_days(today(), -20)).insert().name

	def visit(self, **values):
		return frappe.get_doc(
			{
				"doctype": "Home Visit",
				"federation_executive": self.executive,
				"governance_grid": "TA1CGM",
				"screening_ledger": self.entry,
				"visit_date": add_days(today(), -2),
				**values,
			}
		)

	def test_submitted_visit_moves_the_ledger_on(self):
		self.visit().insert().submit()
		entry = frappe.get_doc("Screening Ledger", self.entry)
		self.assertEqual(getdate(entry.last_visit_on), getdate(add_days(today(), -2)))
		self.assertEqual(getdate(entry.next_visit_due), getdate(add_days(today(), 5)))  # high risk: 7 days

	def test_visit_in_future_or_before_screening_is_refused(self):
		self.assertRaises(VisitValidationError, self.visit(visit_date=add_days(today(), 1)).insert)
		self.assertRaises(VisitValidationError, self.visit(visit_date=add_days(today(), -30)).insert)

	def test_executive_outside_the_grid_is_refused(self):
		self.assertRaises(
			VisitValidationError, self.visit(governance_grid="TB1CGM", screening_ledger=None).insert
		)

	def test_visit_without_ledger_entry_counts_too(self):
		visit = self.visit(screening_ledger=None, household="3号楼201", address="盛园社区3号楼201室").insert()
		self.assertEqual(visit.address, "盛园社区3号****")
