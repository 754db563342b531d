import frappe
from frappe.utils import getdate, today

from fulian_grid.fulian_grid.doctype.commendation.commendation import CommendationValidationError
from fulian_grid.tests.factories import make_executive
from fulian_grid.tests.utils import CityTestCase


def commendation(executive, **values):
	return frappe.get_doc(
		{
			"doctype": "Commendation",
			"federation_executive": executive,
			"honour": "最美网格妇联人",
			"year": getdate(today()).year,
			"level": "City",
			"awarding_body": "东营市妇联",
			**values,
		}
	)


class TestCommendation(CityTestCase):
	@classmethod
	def setUpClass(cls):
		super().setUpClass()
		cls.executive = make_executive("蒋敏", cls.city.federation_a)

	def test_commendation_is_recorded_in_the_executives_grid(self):
		doc = commendation(self.executive, honour="市域社会治理先进个人").insert()
		self.assertEqual(doc.governance_grid, "TA1C")
		frappe.set_user(self.city.officer_b)
		self.assertFalse(frappe.get_doc("Commendation", doc.name).has_permission("read"))

	def test_bad_year_or_level_is_refused(self):
		for values in ({"year": getdate(today()).year + 1}, {"year": 1900}):
			self.assertRaises(CommendationValidationError, commendation(self.executive, **values).insert)
		self.assertRaises(frappe.ValidationError, commendation(self.executive, level="Galactic").insert)
