# Copyright (c) 2026, fulian_grid developers
# License: MIT. See LICENSE

import frappe
from frappe.utils.nestedset import NestedSet

from fulian_grid.domain.tree import LEAF_LEVELS, check_child_level
from fulian_grid.utils import check


class GridLevelError(frappe.ValidationError):
	pass


class GovernanceGrid(NestedSet):
	nsm_parent_field = "parent_governance_grid"

	def validate(self):
		self.validate_level_under_parent()
		self.validate_level_over_children()
		self.clear_kind_outside_grids()

	def validate_level_under_parent(self):
		parent_level = None
		if self.parent_governance_grid:
			parent_level = frappe.db.get_value("Governance Grid", self.parent_governance_grid, "level")
		check(check_child_level, parent_level, self.level, exc=GridLevelError)
		if self.level in LEAF_LEVELS:
			self.is_group = 0

	def validate_level_over_children(self):
		if self.is_new():
			return
		for child_level in frappe.get_all(
			"Governance Grid", filters={"parent_governance_grid": self.name}, pluck="level", distinct=True
		):
			check(check_child_level, self.level, child_level, exc=GridLevelError)

	def clear_kind_outside_grids(self):
		if self.level not in ("Grid", "Micro-grid"):
			self.grid_kind = None
		if self.grid_kind != "Exclusive Grid":
			self.exclusive_host = self.host_name = None

	def on_trash(self):
		super().on_trash(allow_root_deletion=True)
