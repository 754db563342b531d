# Copyright (c) 2026, fulian_grid developers
# License: MIT. See LICENSE

from frappe.model.document import Document


class ProtectionOrderBreach(Document):
	# begin: auto-generated types
	# This code is auto-generated. Do not modify anything in this block.

	from typing import TYPE_CHECKING

	if TYPE_CHECKING:
		from frappe.types import DF

		forwarded_on: DF.Date | None
		forwarded_to_court: DF.Check
		forwarded_to_police: DF.Check
		occurred_at: DF.Datetime
		parent: DF.Data
		parentfield: DF.Data
		parenttype: DF.Data
		what_happened: DF.SmallText
	# end: auto-generated types
	pass
