# Copyright (c) 2026, fulian_grid developers
# License: MIT. See LICENSE

from frappe.model.document import Document


class VolunteerSession(Document):
	# begin: auto-generated types
	# This code is auto-generated. Do not modify anything in this block.

	from typing import TYPE_CHECKING

	if TYPE_CHECKING:
		from frappe.types import DF

		beneficiaries: DF.Int
		parent: DF.Data
		parentfield: DF.Data
		parenttype: DF.Data
		place: DF.Data | None
		session_date: DF.Date
		topic: DF.Data | None
	# end: auto-generated types
	pass
