# Copyright (c) 2026, fulian_grid developers
# License: MIT. See LICENSE

from frappe.model.document import Document


class DutyEvaluationLine(Document):
	# begin: auto-generated types
	# This code is auto-generated. Do not modify anything in this block.

	from typing import TYPE_CHECKING

	if TYPE_CHECKING:
		from frappe.types import DF

		adjusted: DF.Check
		adjusted_score: DF.Float
		adjustment_reason: DF.SmallText | None
		computed_score: DF.Float
		criterion: DF.Link
		evidence_count: DF.Int
		evidence_doctype: DF.Link | None
		evidence_names: DF.LongText | None
		evidence_url: DF.SmallText | None
		indicator: DF.Data | None
		measured_value: DF.Float
		parent: DF.Data
		parentfield: DF.Data
		parenttype: DF.Data
		score: DF.Float
		source_available: DF.Check
		target: DF.Float
		weight: DF.Float
	# end: auto-generated types
	pass
