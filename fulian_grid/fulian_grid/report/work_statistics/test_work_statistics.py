import io

import frappe
from docx import Document
from frappe.utils import add_days, today

from fulian_grid.fulian_grid.report.work_statistics.work_statistics import execute
from fulian_grid.tests.factories import make_team
from fulian_grid.tests.utils import CityTestCase

PERIOD = {"from_date": add_days(today(), -300), "to_date": today()}


class TestWorkStatistics(CityTestCase):
	@classmethod
	def setUpClass(cls):
		super().setUpClass()
		make_team("盛园巾帼队", grid="TA1CG")
		make_team("金湖巾帼队", grid="TA1CGM")

	def rows(self, grid):
		return {row.governance_grid: row for row in execute({"governance_grid": grid, **PERIOD})[1]}

	def test_one_row_per_child_and_a_total_for_the_subtree(self):
		frappe.set_user(self.city.city_admin)
		rows = self.rows("TC")
		self.assertEqual(list(rows), ["TA", "TB", "TC"])  # counties in tree order, then the total
		self.assertEqual(
			(rows["TA"].volunteer_teams, rows["TB"].volunteer_teams, rows["TC"].volunteer_teams), (2, 0, 2)
		)
		self.assertEqual(
			(rows["TA"].grid_federations, rows["TB"].grid_federations, rows["TC"].grid_federations), (1, 1, 2)
		)
		self.assertTrue(rows["TC"].is_total)

	def test_scope(self):
		frappe.set_user(self.city.officer_a)
		self.assertRaises(frappe.PermissionError, execute, {"governance_grid": "TC", **PERIOD})
		rows = self.rows("TA")
		self.assertEqual(list(rows), ["TA1", "TA"])
		self.assertEqual(rows["TA"].volunteer_teams, 2)
		frappe.set_user(self.city.officer_b)
		self.assertEqual(self.rows("TB")["TB"].volunteer_teams, 0)

	def test_word_table_matches_the_report_and_is_logged(self):
		from fulian_grid.api.statistics import download_work_statistics

		frappe.set_user(self.city.city_admin)
		frappe.local.response = frappe._dict()
		download_work_statistics("TC", PERIOD["from_date"], PERIOD["to_date"])
		table = Document(io.BytesIO(frappe.response.filecontent)).tables[0]
		header = [cell.text for cell in table.rows[0].cells]
		self.assertEqual(header[:2], ["网格名称", "网格妇联数"])
		self.assertIn("贴心娘家人队伍", header)
		last = [cell.text for cell in table.rows[-1].cells]
		self.assertEqual(last[0], "合计")
		self.assertEqual(last[header.index("贴心娘家人队伍")], "2")
		self.assertTrue(
			frappe.db.exists("Access Log", {"report_name": "Work Statistics", "user": self.city.city_admin})
		)
