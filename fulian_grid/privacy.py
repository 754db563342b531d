"""Who sees identities in full (PIPL sensitive personal information), decided per record.

Frappe grants field levels by role, site-wide. Here a permlevel above 0 (identity fields) is
granted on a record only when the user holds a role with that level *assigned in a subtree that
contains the record*, or is the person responsible for the record (she entered or keeps it).
Everyone else gets the masked copies kept at level 0 (see domain/masking.py).

Controllers of sensitive DocTypes inherit `SensitiveDocument`; list queries are narrowed in
permissions.py so role-based columns cannot show identities outside the handler's subtree.
"""

import frappe
from frappe.model.document import Document

from fulian_grid.domain.tree import within
from fulian_grid.permissions import PATH_FIELD, SCOPE_FIELD, UNSCOPED_USERS, assigned_paths, roles_here

IDENTITY_LEVEL = 1


def roles_with_level(doctype: str, permission_type: str, level: int = IDENTITY_LEVEL) -> set[str]:
	return {
		p.role
		for p in frappe.get_meta(doctype).permissions
		if p.permlevel == level and p.get(permission_type)
	}


def handles_in_scope(doc, permission_type: str = "read", user: str | None = None) -> bool:
	"""The user holds a role granting identity access, assigned where this record lies."""
	return bool(roles_with_level(doc.doctype, permission_type) & roles_here(doc.get(SCOPE_FIELD), user))


def identity_access(doc, permission_type: str = "read", user: str | None = None) -> bool:
	user = user or frappe.session.user
	if user in UNSCOPED_USERS:
		return True
	if handles_in_scope(doc, permission_type, user):
		return True
	if doc.is_new():
		return doc.has_permission("create", user=user)  # the one who records it enters the identity
	return user == doc.responsible_user()


class SensitiveDocument(Document):
	"""Identity fields at permlevel 1 follow `identity_access` on this very record."""

	def responsible_user(self) -> str | None:
		"""The user responsible for this record, who may see and correct its identity fields."""
		return None

	def get_permlevel_access(self, permission_type="write"):
		levels = [level for level in super().get_permlevel_access(permission_type) if level < IDENTITY_LEVEL]
		if identity_access(self, permission_type):
			levels.append(IDENTITY_LEVEL)
		return levels

	def onload(self):
		# The desk decides by role whether to draw level-1 fields; this tells it about this record.
		self.set_onload("identity_access", identity_access(self, "read"))
		self.set_onload("identity_writable", identity_access(self, "write"))


def identity_rule(doctype: str, user: str | None = None):
	"""For bulk paths (reports, exports): a test `row -> bool` on rows carrying `grid_path` and
	`responsible_user`, equal to `identity_access` on each record but with one query in all."""
	user = user or frappe.session.user
	if user in UNSCOPED_USERS:
		return lambda row: True
	prefixes = assigned_paths(user, roles_with_level(doctype, "read") & set(frappe.get_roles(user)))
	return lambda row: within(row[PATH_FIELD], prefixes) or row.responsible_user == user


def executive_user(executive: str | None) -> str | None:
	return frappe.db.get_value("Federation Executive", executive, "user") if executive else None
