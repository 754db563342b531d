# Copyright (c) 2026, fulian_grid developers
# License: MIT. See LICENSE

from frappe.model.document import Document


class KeyGroupCategory(Document):
	# begin: auto-generated types
	# This code is auto-generated. Do not modify anything in this block.

	from typing import TYPE_CHECKING

	if TYPE_CHECKING:
		from frappe.types import DF

		category_name: DF.Data
		default_risk_level: DF.Literal["Low", "Medium", "High"]
		description: DF.SmallText | None
		enabled: DF.Check
		kind: DF.Literal["Key Women Group", "Key Children Group", "High-risk Family"]
	# end: auto-generated types
	pass
