# Copyright (c) 2026, fulian_grid developers
# License: MIT. See LICENSE

import frappe
from frappe import _
from frappe.model.document import Document

from fulian_grid import subtree
from fulian_grid.domain.tree import GROUP_PARENT_TYPES


class WomenGroupPlacementError(frappe.ValidationError):
	pass


class WomenGroup(Document):
	# begin: auto-generated types
	# This code is auto-generated. Do not modify anything in this block.

	from typing import TYPE_CHECKING

	if TYPE_CHECKING:
		from frappe.types import DF

		from fulian_grid.fulian_grid.doctype.women_group_member.women_group_member import WomenGroupMember

		coverage: DF.SmallText | None
		governance_grid: DF.Link
		grid_path: DF.Data | None
		group_name: DF.Data
		leader: DF.Link | None
		leader_name: DF.Data | None
		member_count: DF.Int
		members: DF.Table[WomenGroupMember]
		status: DF.Literal["Active", "Dissolved"]
		women_federation: DF.Link

	# end: auto-generated types
	def validate(self):
		self.validate_parent_federation()
		self.validate_grid_inside_federation()
		self.member_count = len(self.members)

	def validate_parent_federation(self):
		federation_type = frappe.db.get_value("Women Federation", self.women_federation, "federation_type")
		if federation_type not in GROUP_PARENT_TYPES:
			frappe.throw(
				_(
					"A women's group belongs to a grid, village or exclusive-grid federation, not a {0}"
				).format(_(federation_type)),
				WomenGroupPlacementError,
			)

	def validate_grid_inside_federation(self):
		federation_grid = frappe.db.get_value("Women Federation", self.women_federation, "governance_grid")
		if not subtree.grid_within(self.governance_grid, [federation_grid]):
			frappe.throw(
				_("Grid {0} is outside the area of federation {1}").format(
					self.governance_grid, self.women_federation
				),
				WomenGroupPlacementError,
			)
