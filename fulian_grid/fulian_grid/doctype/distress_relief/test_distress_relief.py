import frappe
from frappe.utils import today

from fulian_grid.tests.utils import CityTestCase


class TestDistressRelief(CityTestCase):
	def relief(self, women, children):
		return frappe.get_doc(
			{
				"doctype": "Distress Relief",
				"relief_date": today(),
				"relief_kind": "Hardship Relief",
				"governance_grid": "TA1C",
				"women_helped": women,
				"children_helped": children,
			}
		)

	def test_person_times_add_up(self):
		self.assertEqual(self.relief(2, 3).insert().person_times, 5)

	def test_nobody_helped_or_negative_counts_are_refused(self):
		self.assertRaises(frappe.ValidationError, self.relief(0, 0).insert)
		self.assertRaises(frappe.ValidationError, self.relief(-1, 3).insert)
