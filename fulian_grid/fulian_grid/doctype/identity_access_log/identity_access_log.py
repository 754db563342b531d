# Copyright (c) 2026, fulian_grid developers
# License: MIT. See LICENSE
"""身份信息访问记录: one row per reveal, refusal, export or lookup of identities (privacy.log_access).
Nobody creates, changes or deletes a row through Frappe; Fulian Admins read those of their grids."""

from frappe.model.document import Document


class IdentityAccessLog(Document):
	# begin: auto-generated types
	# This code is auto-generated. Do not modify anything in this block.

	from typing import TYPE_CHECKING

	if TYPE_CHECKING:
		from frappe.types import DF

		action: DF.Literal["Reveal", "Refused", "Export", "Lookup"]
		fields: DF.SmallText | None
		governance_grid: DF.Link | None
		grid_path: DF.Data | None
		ip_address: DF.Data | None
		record_count: DF.Int
		reference_doctype: DF.Link | None
		reference_name: DF.DynamicLink | None
		user: DF.Link | None
	# end: auto-generated types
	pass
