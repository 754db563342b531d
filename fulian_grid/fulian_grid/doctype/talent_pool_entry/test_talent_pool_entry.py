import frappe
from frappe.utils import add_days, today

from fulian_grid.fulian_grid.doctype.talent_pool_entry.talent_pool_entry import TalentPoolValidationError
from fulian_grid.tests.factories import make_executive
from fulian_grid.tests.utils import CityTestCase


def entry(executive, **values):
	return frappe.get_doc(
		{
			"doctype": "Talent Pool Entry",
			"federation_executive": executive,
			"strengths": "矛盾纠纷调解，熟悉婚姻家庭法律",
			"source": "Duty Evaluation",
			**values,
		}
	)


class TestTalentPoolEntry(CityTestCase):
	@classmethod
	def setUpClass(cls):
		super().setUpClass()
		cls.executive = make_executive("冯燕", cls.city.federation_a)

	def test_one_active_entry_per_executive(self):
		first = entry(self.executive).insert()
		self.assertEqual(first.governance_grid, "TA1C")
		self.assertRaises(TalentPoolValidationError, entry(self.executive).insert)
		first.status = "Left"
		first.save()
		entry(self.executive).insert()
		self.assertRaises(TalentPoolValidationError, entry(self.executive, since=add_days(today(), 5)).insert)

	def test_scoped_to_the_executives_grid(self):
		doc = entry(make_executive("褚静", self.city.federation_a)).insert()
		frappe.set_user(self.city.officer_b)
		self.assertNotIn(doc.name, frappe.get_list("Talent Pool Entry", pluck="name"))
