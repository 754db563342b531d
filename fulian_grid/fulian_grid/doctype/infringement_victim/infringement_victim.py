# Copyright (c) 2026, fulian_grid developers
# License: MIT. See LICENSE

from frappe.model.document import Document


class InfringementVictim(Document):
	# begin: auto-generated types
	# This code is auto-generated. Do not modify anything in this block.

	from typing import TYPE_CHECKING

	if TYPE_CHECKING:
		from frappe.types import DF

		age: DF.Int
		contact: DF.Data | None
		gender: DF.Literal["Female", "Male"]
		has_disability: DF.Check
		id_number: DF.Data | None
		is_minor: DF.Check
		lacks_capacity: DF.Check
		parent: DF.Data
		parentfield: DF.Data
		parenttype: DF.Data
		victim_name: DF.Data
	# end: auto-generated types
	pass
