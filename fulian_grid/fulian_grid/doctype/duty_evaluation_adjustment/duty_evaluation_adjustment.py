# Copyright (c) 2026, fulian_grid developers
# License: MIT. See LICENSE

from frappe.model.document import Document


class DutyEvaluationAdjustment(Document):
	# begin: auto-generated types
	# This code is auto-generated. Do not modify anything in this block.

	from typing import TYPE_CHECKING

	if TYPE_CHECKING:
		from frappe.types import DF

		kind: DF.Literal["Addition", "Deduction"]
		parent: DF.Data
		parentfield: DF.Data
		parenttype: DF.Data
		points: DF.Float
		reason: DF.SmallText
	# end: auto-generated types
	pass
