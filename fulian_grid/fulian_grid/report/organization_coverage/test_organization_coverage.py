import frappe

from fulian_grid.fulian_grid.report.organization_coverage.organization_coverage import execute
from fulian_grid.tests.utils import CityTestCase


class TestOrganizationCoverage(CityTestCase):
	@classmethod
	def setUpClass(cls):
		super().setUpClass()
		for county in ("A", "B"):
			frappe.get_doc(
				{
					"doctype": "Women Group",
					"group_name": f"{county}一组",
					"governance_grid": f"T{county}1CGM",
					"women_federation": getattr(cls.city, f"federation_{county.lower()}"),
				}
			).insert()
			frappe.get_doc(
				{
					"doctype": "Federation Executive",
					"full_name": f"{county}执委",
					"position": "Executive Member",
					"women_federation": getattr(cls.city, f"federation_{county.lower()}"),
					"posts": [{"post": "Grid Worker", "governance_grid": f"T{county}1CG"}],
				}
			).insert()

	def by_level(self, filters=None):
		_columns, data, _message, _chart, summary = execute(filters or {})
		return {row.level: row for row in data}, {s["label"]: s["value"] for s in summary}

	def test_city_subtree_counts(self):
		rows, summary = self.by_level({"governance_grid": "TC"})
		self.assertEqual(rows["County"].nodes, 2)
		self.assertEqual(rows["Community"].covered, 2)
		self.assertEqual(rows["Community"].grid_federations, 2)
		self.assertEqual(rows["Grid"].nodes, 3)  # TA1CG, TB1CG, O'Brien-1
		self.assertEqual(rows["Grid"].covered, 1)  # the exclusive-grid federation
		self.assertEqual(rows["Micro-grid"].groups, 2)
		self.assertEqual(rows["Community"].executives, 2)
		self.assertEqual(rows["Community"].two_way, 2)
		self.assertEqual(summary["Groups per Grid Federation"], 1.0)

	def test_county_officer_counts_her_county_only(self):
		frappe.set_user(self.city.officer_a)
		rows, summary = self.by_level()
		self.assertEqual(rows["County"].nodes, 1)
		self.assertEqual(rows["Micro-grid"].groups, 1)
		self.assertEqual(summary["Grid Federations"], 1)
		self.assertNotIn("City", rows)

	def test_county_officer_cannot_report_on_a_sibling_subtree(self):
		frappe.set_user(self.city.officer_a)
		self.assertRaises(frappe.PermissionError, execute, {"governance_grid": "TB"})

	def test_unassigned_user_counts_nothing(self):
		frappe.set_user(self.city.stranger)
		rows, _summary = self.by_level()
		self.assertEqual(rows, {})
