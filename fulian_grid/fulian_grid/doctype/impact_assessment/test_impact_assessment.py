import frappe
from frappe.utils import add_days, add_months, getdate, today

from fulian_grid.fulian_grid.doctype.impact_assessment.impact_assessment import (
	ImpactAssessmentError,
	remind_reviews,
)
from fulian_grid.tests.factories import scoped_user
from fulian_grid.tests.utils import CityTestCase


class TestImpactAssessment(CityTestCase):
	@classmethod
	def setUpClass(cls):
		super().setUpClass()
		cls.admin_a = scoped_user("pia_admin_a@fulian.test", "Fulian Admin", "TA")

	def assessment(self, **values):
		frappe.set_user(self.admin_a)
		return frappe.get_doc(
			{
				"doctype": "Impact Assessment",
				"purpose": "侵权事件报告与转介",
				"assessed_on": add_days(today(), -10),
				"governance_grid": "TA",
				"lawful_and_necessary": "依《反家庭暴力法》履行法定职责",
				"impact_on_rights": "涉及受害人敏感个人信息",
				"measures": "身份信息加密保存，按网格授权查看",
				**values,
			}
		)

	def test_reviewed_yearly_kept_three_years(self):
		doc = self.assessment().insert()
		assessed = getdate(add_days(today(), -10))
		self.assertEqual(getdate(doc.next_review_due), add_months(assessed, 12))
		self.assertEqual(getdate(doc.keep_until), add_months(assessed, 36))
		self.assertRaises(ImpactAssessmentError, doc.delete)  # kept three years
		self.assertTrue(frappe.db.exists("Impact Assessment", doc.name))
		self.assertRaises(ImpactAssessmentError, self.assessment(assessed_on=add_days(today(), 1)).insert)

	def test_a_review_due_is_told_once_and_scope_holds(self):
		old = self.assessment(assessed_on=add_months(today(), -13)).insert()
		self.assertEqual(old.review_overdue, 1)
		frappe.set_user("Administrator")
		remind_reviews()
		remind_reviews()
		told = frappe.get_all("ToDo", filters={"reference_name": old.name}, pluck="allocated_to")
		self.assertEqual(told.count(self.admin_a), 1)
		frappe.set_user(self.city.officer_b)
		self.assertNotIn(old.name, frappe.get_list("Impact Assessment", pluck="name"))
