# Copyright (c) 2026, fulian_grid developers
# License: MIT. See LICENSE

from frappe.model.document import Document


class ConcernItem(Document):
	# begin: auto-generated types
	# This code is auto-generated. Do not modify anything in this block.

	from typing import TYPE_CHECKING

	if TYPE_CHECKING:
		from frappe.types import DF

		concern_category: DF.Link
		description: DF.SmallText | None
		enabled: DF.Check
		item_name: DF.Data
	# end: auto-generated types
	pass
