"""Per-grid roles where Frappe decides by site-wide role: workflow actions, moves between grids,
and Frappe's own records about app records (attachments, history, comments, shares, tags)."""

import frappe
from frappe.model.workflow import apply_workflow
from frappe.utils import add_to_date, now_datetime

from fulian_grid import hooks, traces
from fulian_grid.api.platform import get_transitions
from fulian_grid.api.records import move_to_grid
from fulian_grid.permissions import GridMoveError
from fulian_grid.tests.factories import make_ledger, make_user, scoped_user
from fulian_grid.tests.utils import CityTestCase


class TestPerGridRoles(CityTestCase):
	@classmethod
	def setUpClass(cls):
		super().setUpClass()
		cls.worker_b = scoped_user("pg_worker_b@fulian.test", "Fulian Grid Worker", "TB1CG")
		cls.sysman = make_user("pg_sysman@fulian.test", roles=("System Manager",))

	def report_in(self, grid: str, user: str):
		frappe.set_user(user)
		doc = frappe.get_doc(
			{
				"doctype": "Infringement Report",
				"discovered_at": add_to_date(now_datetime(), hours=-1),
				"source": "Home Visit",
				"governance_grid": grid,
				"urgency": "Normal",
				"description": "邻里反映",
				"concern_items": [{"concern_item": "Marital Dispute"}],
				"victims": [{"victim_name": "周燕", "age": 40}],
			}
		).insert()
		apply_workflow(doc, "File Report")
		frappe.set_user("Administrator")
		return doc.name

	def test_a_chair_in_a_cannot_act_as_chair_on_grid_b(self):
		"""The dual user is chair in A1's grid and executive in B1's: on B's report only an
		executive's actions are hers — the desk does not offer, the server does not take, Verify."""
		report = self.report_in("TB1CGM", self.worker_b)
		frappe.set_user(self.city.dual)
		doc = frappe.get_doc("Infringement Report", report)
		self.assertEqual([t["action"] for t in get_transitions(doc.as_json())], [])
		self.assertRaises(frappe.PermissionError, apply_workflow, doc, "Verify Facts")
		frappe.set_user("Administrator")
		self.assertEqual(frappe.db.get_value("Infringement Report", report, "workflow_state"), "Reported")

	def test_the_same_user_verifies_in_her_own_grid(self):
		report = self.report_in("TA1CGM", self.city.dual)
		frappe.set_user(self.city.dual)
		doc = frappe.get_doc("Infringement Report", report)
		self.assertIn("Verify Facts", [t["action"] for t in get_transitions(doc.as_json())])
		apply_workflow(doc, "Verify Facts")
		self.assertEqual(frappe.db.get_value("Infringement Report", report, "workflow_state"), "Verified")

	def test_a_state_written_straight_to_the_record_is_checked_too(self):
		report = self.report_in("TB1CGM", self.worker_b)
		frappe.set_user(self.city.dual)
		doc = frappe.get_doc("Infringement Report", report)
		doc.workflow_state = "Verified"
		self.assertRaises(frappe.PermissionError, doc.save)

	# ---- moves ---------------------------------------------------------------------------------

	def test_a_plain_save_cannot_move_a_record(self):
		entry = make_ledger().insert()
		frappe.set_user(self.city.city_admin)
		doc = frappe.get_doc("Screening Ledger", entry.name)
		doc.governance_grid = "TB1CGM"
		self.assertRaises(GridMoveError, doc.save)

	def test_a_move_needs_a_handler_of_both_grids_and_a_reason(self):
		entry = make_ledger().insert()
		frappe.set_user(self.city.officer_a)  # handles A, not B
		self.assertRaises(
			frappe.PermissionError, move_to_grid, "Screening Ledger", entry.name, "TB1CGM", "搬家"
		)
		frappe.set_user(self.city.city_admin)  # handles the whole city
		self.assertRaises(frappe.ValidationError, move_to_grid, "Screening Ledger", entry.name, "TB1CGM", " ")
		move_to_grid("Screening Ledger", entry.name, "TB1CGM", "户籍迁至B县")
		frappe.set_user("Administrator")
		self.assertEqual(frappe.db.get_value("Screening Ledger", entry.name, "governance_grid"), "TB1CGM")
		comment = frappe.get_last_doc("Comment", {"reference_name": entry.name, "comment_type": "Info"})
		self.assertIn("户籍迁至B县", comment.content)

	# ---- traces ----------------------------------------------------------------------------------

	def test_traces_of_b_are_hidden_from_a_and_from_a_system_manager(self):
		entry = make_ledger(governance_grid="TB1CGM").insert()
		frappe.get_doc("Screening Ledger", entry.name).add_comment("Comment", "B县的备注")
		frappe.get_doc(
			{
				"doctype": "File",
				"file_name": "伤情记录B.txt",
				"attached_to_doctype": "Screening Ledger",
				"attached_to_name": entry.name,
				"is_private": 1,
				"content": b"x",
			}
		).insert(ignore_permissions=True)
		for user in (self.city.officer_a, self.sysman):
			frappe.set_user(user)
			with self.subTest(user=user):
				for doctype, (_kind, name_field) in traces.TRACES.items():
					if not frappe.has_permission(doctype, "read"):
						continue
					names = frappe.get_list(doctype, filters={name_field: entry.name}, pluck="name")
					self.assertEqual(names, [], doctype)
		frappe.set_user("Administrator")
		comment = frappe.get_last_doc("Comment", {"reference_name": entry.name, "comment_type": "Comment"})
		self.assertTrue(traces.has_permission(comment, user=self.city.officer_b))  # she reads the record
		self.assertFalse(traces.has_permission(comment, user=self.city.officer_a))
		self.assertFalse(traces.has_permission(comment, user=self.sysman))

	def test_every_trace_doctype_is_wired(self):
		self.assertEqual(set(hooks._TRACE_DOCTYPES), set(traces.TRACES))
		for doctype, (kind, name_field) in traces.TRACES.items():
			meta = frappe.get_meta(doctype)
			self.assertTrue(meta.has_field(kind) and meta.has_field(name_field), doctype)
