# Copyright (c) 2026, fulian_grid developers
# License: MIT. See LICENSE

from frappe.model.document import Document


class LedgerHouseholdMember(Document):
	# begin: auto-generated types
	# This code is auto-generated. Do not modify anything in this block.

	from typing import TYPE_CHECKING

	if TYPE_CHECKING:
		from frappe.types import DF

		age: DF.Int
		gender: DF.Literal["Female", "Male"]
		member_name: DF.Data
		note: DF.Data | None
		parent: DF.Data
		parentfield: DF.Data
		parenttype: DF.Data
		relation: DF.Literal["Spouse", "Child", "Father or Mother", "Grandparent", "Sibling", "Other"]
	# end: auto-generated types
	pass
