# Copyright (c) 2026, fulian_grid developers
# License: MIT. See LICENSE

from frappe.model.document import Document


class InfringementReferral(Document):
	# begin: auto-generated types
	# This code is auto-generated. Do not modify anything in this block.

	from typing import TYPE_CHECKING

	if TYPE_CHECKING:
		from frappe.types import DF

		accepted: DF.Literal["Awaiting Reply", "Accepted", "Declined"]
		agency: DF.Literal[
			"",
			"Police",
			"Court",
			"Procuratorate",
			"Civil Affairs",
			"Education",
			"Health",
			"Higher Federation",
		]
		outcome: DF.SmallText | None
		parent: DF.Data
		parentfield: DF.Data
		parenttype: DF.Data
		sent_on: DF.Date
	# end: auto-generated types
	pass
