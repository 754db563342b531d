# Copyright (c) 2026, fulian_grid developers
# License: MIT. See LICENSE

import frappe
from frappe.utils.nestedset import NestedSet

from fulian_grid.domain.tree import LEAF_LEVELS, check_child_level
from fulian_grid.tree_paths import path_for, restamp
from fulian_grid.utils import check


class GridLevelError(frappe.ValidationError):
	pass


class GovernanceGrid(NestedSet):
	# begin: auto-generated types
	# This code is auto-generated. Do not modify anything in this block.

	from typing import TYPE_CHECKING

	if TYPE_CHECKING:
		from frappe.types import DF

		children_count: DF.Int
		exclusive_host: DF.Literal[
			"", "Industrial Park", "Enterprise", "School", "Market", "Hospital", "Other"
		]
		grid_code: DF.Data
		grid_kind: DF.Literal["", "Community Grid", "Village Grid", "Exclusive Grid"]
		grid_name: DF.Data
		host_name: DF.Data | None
		households: DF.Int
		is_group: DF.Check
		latitude: DF.Float
		level: DF.Literal[
			"Province", "City", "County", "Township", "Community", "Village", "Grid", "Micro-grid"
		]
		lft: DF.Int
		longitude: DF.Float
		old_parent: DF.Link | None
		parent_governance_grid: DF.Link | None
		rgt: DF.Int
		tree_path: DF.Data | None
		women_count: DF.Int
	# end: auto-generated types
	nsm_parent_field = "parent_governance_grid"

	def validate(self):
		self.validate_level_under_parent()
		self.validate_level_over_children()
		self.clear_kind_outside_grids()
		self.set_tree_path()

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

	def set_tree_path(self):
		self.flags.previous_tree_path = self.tree_path
		self.tree_path = path_for(self)

	def on_update(self):
		super().on_update()  # nested set first: a move into its own subtree is refused there
		if self.flags.previous_tree_path:
			restamp(self.flags.previous_tree_path, self.tree_path)

	def on_trash(self):
		super().on_trash(allow_root_deletion=True)
