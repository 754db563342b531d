import frappe

from fulian_grid.domain.masters import DEFAULT_VOLUNTEER_SERVICE_KINDS
from fulian_grid.tests.utils import FulianTestCase


class TestVolunteerServiceKind(FulianTestCase):
	def test_defaults_exist(self):
		for (name,) in DEFAULT_VOLUNTEER_SERVICE_KINDS:
			self.assertTrue(frappe.db.exists("Volunteer Service Kind", name), name)
