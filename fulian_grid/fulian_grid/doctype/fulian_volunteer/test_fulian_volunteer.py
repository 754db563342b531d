import frappe

from fulian_grid.tests.utils import CityTestCase


def make_volunteer(name, grid="TA1CG", user=None, **values):
	return (
		frappe.get_doc(
			{
				"doctype": "Fulian Volunteer",
				"volunteer_name": name,
				"governance_grid": grid,
				"user": user,
				**values,
			}
		)
		.insert()
		.name
	)


class TestFulianVolunteer(CityTestCase):
	def test_mobile_is_checked(self):
		self.assertRaises(frappe.ValidationError, make_volunteer, "赵静", mobile="12345")
		volunteer = frappe.get_doc("Fulian Volunteer", make_volunteer("赵静", mobile="138 1234 5678"))
		self.assertEqual(volunteer.mobile, "138****5678")  # the number itself is in the vault
