import frappe

from fulian_grid.domain.masters import DEFAULT_LED_PROJECT_TYPES
from fulian_grid.tests.utils import FulianTestCase


class TestLedProjectType(FulianTestCase):
	def test_n_teams_into_the_grid_are_shipped_as_editable_defaults(self):
		for (name,) in DEFAULT_LED_PROJECT_TYPES:
			self.assertTrue(frappe.db.exists("Led Project Type", name), name)
		frappe.get_doc({"doctype": "Led Project Type", "project_type_name": "社区治理"}).insert()
		self.assertTrue(frappe.db.exists("Led Project Type", "社区治理"))
