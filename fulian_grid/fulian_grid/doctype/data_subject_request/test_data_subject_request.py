import frappe
from frappe.utils import add_days, getdate, today

from fulian_grid.fulian_grid.doctype.data_subject_request.data_subject_request import (
	DataSubjectRequestError,
	remind_overdue_requests,
)
from fulian_grid.tests.factories import scoped_user
from fulian_grid.tests.utils import CityTestCase


class TestDataSubjectRequest(CityTestCase):
	@classmethod
	def setUpClass(cls):
		super().setUpClass()
		cls.chair = scoped_user("dsr_chair@fulian.test", "Fulian Grid Chair", "TA1C")
		frappe.db.set_single_value("Fulian Settings", "data_request_days", 10)

	def request(self, **values):
		frappe.set_user(self.chair)
		return frappe.get_doc(
			{
				"doctype": "Data Subject Request",
				"request_kind": "Copy",
				"requester_name": "李梅",
				"requester_contact": "13812345678",
				"received_on": add_days(today(), -3),
				"governance_grid": "TA1CGM",
				"details": "要求复制本人的侵权事件报告",
				**values,
			}
		)

	def test_a_request_is_due_and_answered(self):
		doc = self.request().insert()
		self.assertEqual(getdate(doc.due_on), getdate(add_days(today(), 7)))
		self.assertEqual(doc.is_overdue, 0)
		self.assertEqual(frappe.db.get_value("Data Subject Request", doc.name, "requester_name"), "李*")
		doc.status, doc.answered_on, doc.answer = "Answered", today(), "已提供报告复印件（身份信息已核实）"
		doc.save()
		self.assertEqual(frappe.db.get_value("Data Subject Request", doc.name, "status"), "Answered")

	def test_bad_input_is_refused_in_chinese(self):
		frappe.local.lang = "zh"
		try:
			with self.assertRaises(DataSubjectRequestError) as refused:
				self.request(status="Answered", answered_on=add_days(today(), -5), answer="已答复").insert()
			self.assertIn("答复日期不能早于收到请求的日期", str(refused.exception))
		finally:
			frappe.local.lang = "en"
		self.assertRaises(DataSubjectRequestError, self.request(status="Refused", answered_on=today()).insert)
		self.assertRaises(DataSubjectRequestError, self.request(received_on=add_days(today(), 1)).insert)

	def test_an_overdue_request_is_told_once(self):
		doc = self.request(received_on=add_days(today(), -20)).insert()
		self.assertEqual(doc.is_overdue, 1)
		frappe.set_user("Administrator")
		remind_overdue_requests()
		remind_overdue_requests()
		told = frappe.get_all("ToDo", filters={"reference_name": doc.name}, pluck="allocated_to")
		self.assertEqual(told.count(self.chair), 1)
		frappe.set_user(self.city.officer_b)
		self.assertNotIn(doc.name, frappe.get_list("Data Subject Request", pluck="name"))
