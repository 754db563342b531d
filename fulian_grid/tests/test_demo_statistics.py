"""Issue 8 on a real site: a small generated Dongying set, Work Statistics counted against an
independent tally of the generated rows, scope, small cells, and the workspace's cards and charts."""

import json
from datetime import date

import frappe
from frappe.desk.doctype.dashboard_chart.dashboard_chart import get as get_chart
from frappe.desk.doctype.number_card.number_card import get_result
from frappe.utils import getdate, today

from fulian_grid.api.charts import grouped_count
from fulian_grid.demo import CITY, generate
from fulian_grid.demo.records import build, figures_of
from fulian_grid.fulian_grid.report.work_statistics.work_statistics import execute
from fulian_grid.tests.factories import assign, make_user
from fulian_grid.tests.utils import FulianTestCase

SCALE = 0.05
SEED = 7


class TestDemoStatistics(FulianTestCase):
	@classmethod
	def setUpClass(cls):
		super().setUpClass()
		cls.today = getdate(today())
		cls.period = {"from_date": date(cls.today.year, 1, 1), "to_date": cls.today}
		cls.counts = generate(scale=SCALE, seed=SEED)
		cls.city, cls.rows = build(SCALE, SEED, cls.today.year, cls.today)
		cls.county = cls.city.children[0]
		cls.officer = make_user("demo_county_officer@fulian.test")
		assign(cls.officer, "Fulian Officer", cls.county.code)
		cls.viewer = make_user("demo_city_viewer@fulian.test")
		assign(cls.viewer, "Fulian Viewer", CITY)

	def tearDown(self):
		frappe.set_user("Administrator")

	def report(self, grid: str) -> dict:
		return {row.governance_grid: row for row in execute({"governance_grid": grid, **self.period})[1]}

	def assert_row_matches(self, row, expected: dict):
		self.assertEqual({key: row[key] for key in expected}, expected)

	def test_generated_in_bulk_as_promised(self):
		self.assertEqual(self.counts["Screening Ledger"], len(self.rows["Screening Ledger"]))
		self.assertEqual(
			frappe.db.count("Led Project", {"grid_path": ("like", f"{self.city.path}%")}),
			len(self.rows["Led Project"]),
		)
		self.assertEqual(
			frappe.db.get_value("Governance Grid", CITY, ["lft", "rgt"]),
			(self.city.lft, self.city.rgt),
		)
		self.assertRaises(frappe.ValidationError, generate, scale=SCALE)  # never twice on a site

	def test_work_statistics_equals_the_generated_counts_per_county_and_in_total(self):
		rows = self.report(CITY)
		self.assertEqual(list(rows), [county.code for county in self.city.children] + [CITY])
		for county in self.city.children:
			self.assert_row_matches(rows[county.code], figures_of(self.rows, county.path))
		self.assert_row_matches(rows[CITY], figures_of(self.rows, self.city.path))
		self.assertEqual(rows[CITY].loans, round(2011 * SCALE))

	def test_a_county_officer_sees_her_county_only(self):
		frappe.set_user(self.officer)
		self.assertRaises(frappe.PermissionError, execute, {"governance_grid": CITY, **self.period})
		rows = self.report(self.county.code)
		self.assertEqual(
			list(rows), [township.code for township in self.county.children] + [self.county.code]
		)
		self.assert_row_matches(rows[self.county.code], figures_of(self.rows, self.county.path))

	def test_small_cells_of_counselling_are_withheld_from_a_viewer_not_from_a_handler(self):
		frappe.db.set_single_value("Fulian Settings", "small_cell_threshold", 10_000)
		try:
			frappe.set_user(self.viewer)
			rows = self.report(CITY)
			self.assertTrue(all(row.counselling_couples is None for row in rows.values()))
			self.assertTrue(all(row.counselling_kept_together is None for row in rows.values()))
			self.assertEqual(rows[CITY].loans, figures_of(self.rows)["loans"])  # not a sensitive figure
			frappe.set_user(self.officer)
			county = self.report(self.county.code)[self.county.code]
			self.assertEqual(
				county.counselling_couples, figures_of(self.rows, self.county.path)["counselling_couples"]
			)
		finally:
			frappe.set_user("Administrator")
			frappe.db.set_single_value("Fulian Settings", "small_cell_threshold", 5)

	def test_workspace_cards_and_charts_load_within_the_users_scope(self):
		frappe.set_user(self.officer)
		expected = figures_of(self.rows, self.county.path)
		for card in frappe.get_all("Number Card", filters={"module": "Fulian Grid"}, pluck="name"):
			doc = frappe.get_doc("Number Card", card)
			if doc.type != "Document Type":
				continue
			result = get_result(doc.as_dict(), doc.filters_json)
			self.assertIsInstance(result, int | float, card)
		grid_federations = frappe.get_doc("Number Card", "Active Grid Federations")
		self.assertEqual(
			get_result(grid_federations.as_dict(), grid_federations.filters_json),
			expected["grid_federations"],
		)
		for chart in frappe.get_all(
			"Dashboard Chart", filters={"module": "Fulian Grid"}, fields=["name", "chart_type"]
		):
			load = grouped_count if chart.chart_type == "Custom" else get_chart
			self.assertIn("datasets", load(chart_name=chart.name, refresh=1), chart.name)
		by_status = grouped_count(chart_name="Led Projects by Status")
		self.assertEqual(sum(by_status["datasets"][0]["values"]), expected["led_projects"])
		frappe.local.lang = "zh"
		try:
			self.assertIn("已完成", grouped_count(chart_name="Led Projects by Status")["labels"])
		finally:
			frappe.local.lang = "en"
		frappe.set_user(make_user("demo_nobody@fulian.test"))  # no role: no chart
		self.assertRaises(frappe.PermissionError, grouped_count, chart_name="Led Projects by Status")
		self.assertEqual(json.loads(frappe.get_doc("Workspace", "Fulian Grid").content)[0]["type"], "header")
