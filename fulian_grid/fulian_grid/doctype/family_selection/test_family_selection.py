import frappe

from fulian_grid.tests.utils import CityTestCase


class TestFamilySelection(CityTestCase):
	def test_future_year_is_refused(self):
		family = frappe.get_doc(
			{
				"doctype": "Family Selection",
				"family_name": "王芳家庭",
				"honour": "Most Beautiful Family",
				"selection_year": 2999,
				"selection_level": "City",
				"governance_grid": "TA1C",
			}
		)
		self.assertRaises(frappe.ValidationError, family.insert)
