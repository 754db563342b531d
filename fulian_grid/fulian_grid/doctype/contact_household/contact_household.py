# Copyright (c) 2026, fulian_grid developers
# License: MIT. See LICENSE

from frappe.model.document import Document


class ContactHousehold(Document):
	# begin: auto-generated types
	# This code is auto-generated. Do not modify anything in this block.

	from typing import TYPE_CHECKING

	if TYPE_CHECKING:
		from frappe.types import DF

		address: DF.Data | None
		governance_grid: DF.Link | None
		household_head: DF.Data
		parent: DF.Data
		parentfield: DF.Data
		parenttype: DF.Data
		women_count: DF.Int
	# end: auto-generated types
	pass
