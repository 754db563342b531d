# Copyright (c) 2026, fulian_grid developers
# License: MIT. See LICENSE

from frappe.model.document import Document


class VolunteerParticipation(Document):
	# begin: auto-generated types
	# This code is auto-generated. Do not modify anything in this block.

	from typing import TYPE_CHECKING

	if TYPE_CHECKING:
		from frappe.types import DF

		federation_executive: DF.Link | None
		hours: DF.Float
		parent: DF.Data
		parentfield: DF.Data
		parenttype: DF.Data
		service_date: DF.Date
		volunteer: DF.Link
		volunteer_name: DF.Data | None
	# end: auto-generated types
	pass
