import frappe
from frappe.utils.nestedset import NestedSetChildExistsError, NestedSetRecursionError

from fulian_grid.fulian_grid.doctype.governance_grid.governance_grid import GridLevelError
from fulian_grid.tests.factories import make_grid
from fulian_grid.tests.utils import CityTestCase


class TestGovernanceGrid(CityTestCase):
	def test_level_inversion_is_refused_and_nothing_saved(self):
		with self.assertRaises(GridLevelError):
			make_grid("BAD-1", "倒挂街道", "Township", "TA1CG")
		self.assertFalse(frappe.db.exists("Governance Grid", "BAD-1"))

	def test_level_change_that_would_invert_children_is_refused(self):
		township = frappe.get_doc("Governance Grid", "TA1")
		township.level = "Grid"  # its children are Communities and Grids
		self.assertRaises(GridLevelError, township.save)

	def test_micro_grid_is_a_leaf(self):
		self.assertEqual(frappe.db.get_value("Governance Grid", "TA1CGM", "is_group"), 0)
		with self.assertRaises(GridLevelError):
			make_grid("BAD-2", "楼中楼", "Micro-grid", "TA1CGM")

	def test_node_cannot_move_under_its_own_descendant(self):
		county = frappe.get_doc("Governance Grid", "TA")
		county.parent_governance_grid = "TA1"
		with self.assertRaises((NestedSetRecursionError, GridLevelError)):
			county.save()
		# a same-level cycle, to reach Frappe's own recursion check
		grid = frappe.get_doc("Governance Grid", "TA1CG")
		make_grid("TA1CG-X", "子网格", "Micro-grid", "TA1CG")
		grid.parent_governance_grid = "TA1CG-X"
		self.assertRaises((NestedSetRecursionError, GridLevelError), grid.save)

	def test_node_in_use_cannot_be_deleted(self):
		self.assertRaises(NestedSetChildExistsError, frappe.delete_doc, "Governance Grid", "TA1")
		# TA1C has no child federations' children but a federation sits on it
		frappe.db.delete("Governance Grid", {"parent_governance_grid": "TA1C"})  # leave only the link
		self.assertRaises(frappe.LinkExistsError, frappe.delete_doc, "Governance Grid", "TA1C")
		self.assertTrue(frappe.db.exists("Governance Grid", "TA1C"))

	def test_kind_is_cleared_above_grid_level(self):
		community = make_grid(
			"TA1D", "另一社区", "Community", "TA1", kind="Exclusive Grid", exclusive_host="School"
		)
		self.assertIsNone(community.grid_kind)
		self.assertIsNone(community.exclusive_host)

	def test_lft_and_rgt_are_indexed(self):
		indexed = {
			row.Column_name for row in frappe.db.sql("show index from `tabGovernance Grid`", as_dict=True)
		}
		self.assertTrue({"lft", "rgt"} <= indexed)

	def test_error_is_shown_in_chinese(self):
		frappe.local.lang = "zh"
		try:
			with self.assertRaises(GridLevelError) as caught:
				make_grid("BAD-3", "倒挂", "County", "TA1")
			self.assertIn("层级只能逐级向下", str(caught.exception))
		finally:
			frappe.local.lang = "en"
