# Copyright (c) 2026, fulian_grid developers
# License: MIT. See LICENSE

from frappe.model.document import Document


class ServicePointSignage(Document):
	# begin: auto-generated types
	# This code is auto-generated. Do not modify anything in this block.

	from typing import TYPE_CHECKING

	if TYPE_CHECKING:
		from frappe.types import DF

		checked_on: DF.Date | None
		in_place: DF.Check
		parent: DF.Data
		parentfield: DF.Data
		parenttype: DF.Data
		photo: DF.AttachImage | None
		requirement: DF.Data
	# end: auto-generated types
	pass
