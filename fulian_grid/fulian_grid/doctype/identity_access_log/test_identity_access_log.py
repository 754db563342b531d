"""The Identity Access Log is written by the app only and read within the reader's grids."""

import frappe

from fulian_grid.privacy import log_access
from fulian_grid.tests.factories import scoped_user
from fulian_grid.tests.utils import CityTestCase


class TestIdentityAccessLog(CityTestCase):
	def test_nobody_writes_or_deletes_a_log_row_through_frappe(self):
		admin = scoped_user("log_admin@fulian.test", "Fulian Admin", "TC")
		log_access("Reveal", "Screening Ledger", "SL-X", ["id_number"], grid="TA1CGM")
		row = frappe.get_last_doc("Identity Access Log")
		frappe.set_user(admin)
		self.assertTrue(frappe.has_permission("Identity Access Log", "read", doc=row.name))
		for ptype in ("create", "write", "delete"):
			self.assertFalse(frappe.has_permission("Identity Access Log", ptype, doc=row.name), ptype)
		self.assertRaises(
			frappe.PermissionError,
			frappe.get_doc({"doctype": "Identity Access Log", "user": admin, "action": "Reveal"}).insert,
		)

	def test_an_admin_reads_the_log_of_her_own_grids_only(self):
		admin_b = scoped_user("log_admin_b@fulian.test", "Fulian Admin", "TB")
		log_access("Reveal", "Screening Ledger", "SL-A", ["id_number"], grid="TA1CGM")
		log_access("Reveal", "Screening Ledger", "SL-B", ["id_number"], grid="TB1CGM")
		frappe.set_user(admin_b)
		seen = set(frappe.get_list("Identity Access Log", pluck="reference_name"))
		self.assertIn("SL-B", seen)
		self.assertNotIn("SL-A", seen)
