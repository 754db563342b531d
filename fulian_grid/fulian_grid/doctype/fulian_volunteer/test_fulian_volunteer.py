import frappe

from fulian_grid.tests.factories import make_volunteer
from fulian_grid.tests.utils import CityTestCase


class TestFulianVolunteer(CityTestCase):
	def test_mobile_is_checked(self):
		self.assertRaises(frappe.ValidationError, make_volunteer, "赵静", mobile="12345")
		volunteer = frappe.get_doc("Fulian Volunteer", make_volunteer("赵静", mobile="138 1234 5678"))
		self.assertEqual(volunteer.mobile, "138****5678")  # the number itself is in the vault
