import frappe
from frappe.utils import add_to_date, now_datetime

from fulian_grid.fulian_grid.doctype.infringement_report.test_infringement_report import InfringementCase
from fulian_grid.fulian_grid.report.infringement_report_stages.infringement_report_stages import execute


class TestInfringementReportStages(InfringementCase):
	def test_counts_medians_and_scope(self):
		first = self.new_report(discovered_at=add_to_date(now_datetime(), hours=-3))
		self.act(first, "File Report", self.worker)
		self.new_report()  # stays a draft
		frappe.set_user(self.city.city_admin)
		rows = {row.governance_grid: row for row in execute({"level": "County"})[1]}
		county_a = rows["TA"]
		self.assertEqual((county_a.total, county_a.draft, county_a.reported), (2, 1, 1))
		self.assertAlmostEqual(county_a.hours_to_report, 3, delta=0.1)
		self.assertIsNone(county_a.hours_to_verify)
		self.assertEqual(rows["TB"].total, 0)
		self.assertNotIn("victim_name", frappe.as_json(list(rows.values())))

		frappe.set_user(self.city.officer_b)
		self.assertEqual([row.governance_grid for row in execute({"level": "County"})[1]], ["TB"])
