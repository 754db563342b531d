import frappe
from frappe.utils import add_days, today

from fulian_grid.fulian_grid.report.visit_coverage.visit_coverage import execute
from fulian_grid.tests.utils import CityTestCase


class TestVisitCoverage(CityTestCase):
	@classmethod
	def setUpClass(cls):
		super().setUpClass()
		executive = (
			frappe.get_doc(
				{
					"doctype": "Federation Executive",
					"full_name": "吴梅",
					"position": "Grid Worker",
					"women_federation": cls.city.federation_a,
				}
			)
			.insert()
			.name
		)
		for household, days_ago in (("1号楼101", 1), ("1号楼101", 2), ("1号楼102", 3), ("2号楼201", 60)):
			frappe.get_doc(
				{
					"doctype": "Home Visit",
					"federation_executive": executive,
					"governance_grid": "TA1CGM",
					"household": household,
					"visit_date": add_days(today(), -days_ago),
				}
			).insert().submit()
		frappe.get_doc(
			{
				"doctype": "Home Visit",
				"federation_executive": executive,
				"governance_grid": "TA1CGM",
				"household": "3号楼301",
				"visit_date": add_days(today(), -1),
			}
		).insert()  # a draft does not count

	def test_distinct_households_visited_against_households(self):
		frappe.set_user(self.city.city_admin)
		filters = {"from_date": add_days(today(), -30), "to_date": today(), "level": "Grid"}
		rows = {row.governance_grid: row for row in execute(filters)[1]}
		self.assertEqual(rows["TA1CG"].visited, 2)
		self.assertEqual(rows["TA1CG"].households, 120)
		self.assertEqual(rows["TA1CG"].coverage, 1.7)
		self.assertEqual(rows["TB1CG"].visited, 0)

	def test_scope(self):
		frappe.set_user(self.city.officer_b)
		rows = execute({"level": "Grid"})[1]
		self.assertEqual({row.governance_grid for row in rows}, {"TB1CG"})
