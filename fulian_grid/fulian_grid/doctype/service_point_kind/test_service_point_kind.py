import frappe

from fulian_grid.domain.masters import DEFAULT_SERVICE_POINT_KINDS
from fulian_grid.tests.utils import FulianTestCase


class TestServicePointKind(FulianTestCase):
	def test_defaults_exist(self):
		for (name,) in DEFAULT_SERVICE_POINT_KINDS:
			self.assertTrue(frappe.db.exists("Service Point Kind", name), name)
