# Copyright (c) 2026, fulian_grid developers
# License: MIT. See LICENSE

from frappe.model.document import Document


class PoliceWarningFollowup(Document):
	# begin: auto-generated types
	# This code is auto-generated. Do not modify anything in this block.

	from typing import TYPE_CHECKING

	if TYPE_CHECKING:
		from frappe.types import DF

		federation_executive: DF.Link | None
		notes: DF.SmallText | None
		outcome: DF.Literal["Safe", "Conflict Continues", "Violence Again", "Moved Away"]
		parent: DF.Data
		parentfield: DF.Data
		parenttype: DF.Data
		visit_date: DF.Date
	# end: auto-generated types

	pass
