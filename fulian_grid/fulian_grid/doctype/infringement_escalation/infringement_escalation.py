# Copyright (c) 2026, fulian_grid developers
# License: MIT. See LICENSE

from frappe.model.document import Document


class InfringementEscalation(Document):
	# begin: auto-generated types
	# This code is auto-generated. Do not modify anything in this block.

	from typing import TYPE_CHECKING

	if TYPE_CHECKING:
		from frappe.types import DF

		deadline: DF.Datetime | None
		escalated_at: DF.Datetime | None
		governance_grid: DF.Link | None
		level: DF.Literal["Township", "County", "City"]
		notified: DF.SmallText | None
		parent: DF.Data
		parentfield: DF.Data
		parenttype: DF.Data
		stage: DF.Literal["Report", "Verification", "Service"]
	# end: auto-generated types
	pass
