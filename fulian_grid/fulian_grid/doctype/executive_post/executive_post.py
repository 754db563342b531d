# Copyright (c) 2026, fulian_grid developers
# License: MIT. See LICENSE

from frappe.model.document import Document


class ExecutivePost(Document):
	# begin: auto-generated types
	# This code is auto-generated. Do not modify anything in this block.

	from typing import TYPE_CHECKING

	if TYPE_CHECKING:
		from frappe.types import DF

		governance_grid: DF.Link
		note: DF.Data | None
		parent: DF.Data
		parentfield: DF.Data
		parenttype: DF.Data
		post: DF.Literal["Grid Worker", "Mediator", "Building Head", "Community Committee Member", "Other"]
		since: DF.Date | None
	# end: auto-generated types
	pass
