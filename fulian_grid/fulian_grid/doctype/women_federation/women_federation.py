# Copyright (c) 2026, fulian_grid developers
# License: MIT. See LICENSE

import frappe
from frappe import _
from frappe.utils.nestedset import NestedSet

from fulian_grid import subtree
from fulian_grid.domain.tree import check_federation_placement
from fulian_grid.utils import check


class FederationPlacementError(frappe.ValidationError):
	pass


class WomenFederation(NestedSet):
	# begin: auto-generated types
	# This code is auto-generated. Do not modify anything in this block.

	from typing import TYPE_CHECKING

	if TYPE_CHECKING:
		from frappe.types import DF

		established_on: DF.Date | None
		federation_name: DF.Data
		federation_type: DF.Literal[
			"City Federation",
			"County Federation",
			"Township Federation",
			"System Federation",
			"Joint Federation",
			"Grid Federation",
			"Village Federation",
			"Exclusive-grid Federation",
		]
		governance_grid: DF.Link
		grid_path: DF.Data | None
		is_group: DF.Check
		lft: DF.Int
		old_parent: DF.Link | None
		parent_women_federation: DF.Link | None
		rgt: DF.Int
		status: DF.Literal["Active", "Dissolved"]
	# end: auto-generated types
	nsm_parent_field = "parent_women_federation"

	def validate(self):
		self.validate_placement()
		self.validate_one_active_per_node()
		self.validate_parent_above()

	def validate_placement(self):
		level, kind = frappe.db.get_value("Governance Grid", self.governance_grid, ["level", "grid_kind"])
		check(check_federation_placement, self.federation_type, level, kind, exc=FederationPlacementError)

	def validate_one_active_per_node(self):
		if self.status != "Active":
			return
		other = frappe.db.exists(
			"Women Federation",
			{
				"governance_grid": self.governance_grid,
				"federation_type": self.federation_type,
				"status": "Active",
				"name": ("!=", self.name),
			},
		)
		if other:
			frappe.throw(
				_("{0} already has an active {1}: {2}").format(
					self.governance_grid, _(self.federation_type), other
				),
				FederationPlacementError,
			)

	def validate_parent_above(self):
		"""The parent federation sits on the same grid node or one of its ancestors."""
		if not self.parent_women_federation:
			return
		parent_grid = frappe.db.get_value("Women Federation", self.parent_women_federation, "governance_grid")
		if not subtree.grid_within(self.governance_grid, [parent_grid]):
			frappe.throw(
				_("The parent federation {0} is not above this federation's grid in the tree").format(
					self.parent_women_federation
				),
				FederationPlacementError,
			)

	def on_trash(self):
		super().on_trash(allow_root_deletion=True)
