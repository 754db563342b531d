import frappe
from frappe.utils import today

from fulian_grid.tests.utils import CityTestCase


class TestServiceSession(CityTestCase):
	def test_attendance_cannot_be_negative(self):
		session = frappe.get_doc(
			{
				"doctype": "Service Session",
				"session_kind": "Family Education Through Train",
				"session_date": today(),
				"governance_grid": "TA1C",
				"attendance": -1,
			}
		)
		self.assertRaises(frappe.ValidationError, session.insert)
