# Copyright (c) 2026, fulian_grid developers
# License: MIT. See LICENSE
"""身份信息访问记录: one row per reveal, refusal, export or lookup of identities (privacy.log_access).
Nobody creates, changes or deletes a row through Frappe; Fulian Admins read those of their grids."""

from frappe.model.document import Document


class IdentityAccessLog(Document):
	pass
