# Copyright (c) 2026, fulian_grid developers
# License: MIT. See LICENSE

from frappe.model.document import Document


class InfringementServiceAction(Document):
	# begin: auto-generated types
	# This code is auto-generated. Do not modify anything in this block.

	from typing import TYPE_CHECKING

	if TYPE_CHECKING:
		from frappe.types import DF

		action_date: DF.Date
		kind: DF.Literal["Legal Aid", "Counselling", "Shelter", "Mediation", "Medical", "Relief", "Other"]
		parent: DF.Data
		parentfield: DF.Data
		parenttype: DF.Data
		provider: DF.Data | None
		result: DF.SmallText | None
	# end: auto-generated types
	pass
