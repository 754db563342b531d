import frappe
from frappe.utils import add_days, getdate, today

from fulian_grid.fulian_grid.doctype.suggestion.suggestion import SuggestionValidationError
from fulian_grid.tests.factories import assign, make_executive, make_user
from fulian_grid.tests.utils import CityTestCase


def suggestion(federation, **values):
	return frappe.get_doc(
		{
			"doctype": "Suggestion",
			"women_federation": federation,
			"source_type": "Resident",
			"resident_name": "赵大姐",
			"topic": "增设儿童托管点",
			"content": "双职工家庭放学后无人照看孩子，建议在社区增设托管点",
			**values,
		}
	)


class TestSuggestion(CityTestCase):
	@classmethod
	def setUpClass(cls):
		super().setUpClass()
		cls.executive = make_executive("刘红", cls.city.federation_a)

	def test_response_closes_a_suggestion(self):
		doc = suggestion(self.city.federation_a).insert()
		self.assertEqual(doc.status, "Open")
		doc.status = "Adopted"
		self.assertRaises(SuggestionValidationError, doc.save)
		doc.reload()
		doc.status = "Adopted"
		doc.response = "已协调社区活动室开设“四点半课堂”"
		doc.save()
		self.assertEqual(getdate(doc.responded_on), getdate(today()))

	def test_source_must_be_named(self):
		self.assertRaises(
			(SuggestionValidationError, frappe.MandatoryError),
			suggestion(self.city.federation_a, source_type="Executive").insert,
		)
		suggestion(
			self.city.federation_a, source_type="Executive", federation_executive=self.executive
		).insert()
		self.assertRaises(
			(SuggestionValidationError, frappe.MandatoryError),
			suggestion(self.city.federation_a, resident_name="").insert,
		)
		self.assertRaises(
			SuggestionValidationError,
			suggestion(self.city.federation_a, submitted_on=add_days(today(), 2)).insert,
		)

	def test_grid_worker_files_a_suggestion_in_her_grid_only(self):
		worker = make_user("worker_s@fulian.test")
		assign(worker, "Fulian Grid Worker", "TA1C")
		frappe.set_user(worker)
		suggestion(self.city.federation_a).insert()
		self.assertRaises(frappe.PermissionError, suggestion(self.city.federation_b).insert)
