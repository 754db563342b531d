"""Who may see and change identities (PIPL sensitive personal information), decided per record.

Identity columns hold only masked copies (vault.py), so every role that reads a DocType may read
them and Frappe's generic paths can give away nothing more. The values themselves are revealed,
one record at a time and logged, to a handler (a role of HANDLER_ROLES assigned where the record
lies) or to the person responsible for the record (the executive keeping a ledger entry, an
executive her own identity). Whoever creates a record enters its identities; afterwards only a
handler, the responsible person or the drafter of a draft may change them.
"""

import frappe
from frappe.model.document import Document

from fulian_grid import vault
from fulian_grid.permissions import (
	PATH_FIELD,
	SCOPE_FIELD,
	UNSCOPED_USERS,
	assigned_paths,
	roles_at_path,
	roles_here,
	user_paths,
)
from fulian_grid.roles import HANDLER_ROLES
from fulian_grid.subtree import within
from fulian_grid.utils import is_app_doctype


def has_identities(doctype: str) -> bool:
	"""The DocType or one of its child tables holds identity fields."""
	meta = frappe.get_meta(doctype)
	return bool(vault.identity_fields(doctype)) or any(
		vault.identity_fields(df.options) for df in meta.get_table_fields()
	)


def _responsible(doc, user: str) -> bool:
	responsible = getattr(doc, "responsible_user", None)
	return bool(responsible and responsible() == user)


def may_reveal(doc, user: str | None = None) -> bool:
	"""The user may see this record's identities in full."""
	user = user or frappe.session.user
	if user in UNSCOPED_USERS:
		return True
	if not frappe.has_permission(doc.doctype, "read", doc=doc, user=user):
		return False
	return bool(set(HANDLER_ROLES) & roles_here(doc.get(SCOPE_FIELD), user)) or _responsible(doc, user)


def handles_record(doctype: str, path: str | None, user: str | None = None) -> bool:
	"""The fast half of `may_reveal`, from the record's stamped tree path alone: the user reads
	`doctype` there and holds a handler role there (the responsible person needs the record)."""
	user = user or frappe.session.user
	return bool(
		path
		and within(path, user_paths(user, doctype, "read"))
		and set(HANDLER_ROLES) & roles_at_path(path, user)
	)


def may_change_identities(doc, user: str | None = None) -> bool:
	user = user or frappe.session.user
	if user in UNSCOPED_USERS:
		return True
	if doc.is_new():
		return True  # the one who records it enters the identities (create is checked by Frappe)
	drafted = getattr(doc, "drafted_by", None)
	return (
		bool(set(HANDLER_ROLES) & roles_here(doc.get(SCOPE_FIELD), user))
		or _responsible(doc, user)
		or bool(drafted and drafted(user))
	)


class SensitiveDocument(Document):
	"""Identity fields of this record are writable only as `may_change_identities` says."""

	def responsible_user(self) -> str | None:
		"""The user responsible for this record, who may see and correct its identities."""
		return None

	def get_permlevel_access(self, permission_type="write"):
		levels = super().get_permlevel_access(permission_type)
		if permission_type == "write" and not may_change_identities(self):
			levels = [level for level in levels if level < 1]
		return levels


def set_onload(doc, method=None):
	"""doc_events onload: tell the form whether this user may reveal and change identities here."""
	if doc.is_new() or not has_identities(doc.doctype):
		return
	doc.set_onload(
		"identity",
		{
			"may_reveal": may_reveal(doc),
			"writable": may_change_identities(doc) if isinstance(doc, SensitiveDocument) else None,
		},
	)


def identity_rule(doctype: str, user: str | None = None):
	"""For bulk paths (reports, exports): a test `row -> bool` on rows carrying `grid_path` and
	`responsible_user`, equal to `may_reveal` on each record but with one query in all."""
	user = user or frappe.session.user
	if user in UNSCOPED_USERS:
		return lambda row: True
	prefixes = assigned_paths(user, set(HANDLER_ROLES) & set(frappe.get_roles(user)))
	return lambda row: within(row[PATH_FIELD], prefixes) or row.get("responsible_user") == user


def executive_user(executive: str | None) -> str | None:
	return frappe.db.get_value("Federation Executive", executive, "user") if executive else None


def _insert_log(values: dict) -> None:
	"""One row, straight into the table: a reveal must stay cheap (the log has no controller)."""
	from frappe.utils import now_datetime

	from fulian_grid.permissions import GRID

	now = now_datetime()
	grid = values.get("governance_grid")
	row = {
		**{key: value for key, value in values.items() if key != "doctype"},
		"name": frappe.generate_hash(length=12),
		"creation": now,
		"modified": now,
		"owner": values["user"],
		"modified_by": values["user"],
		"docstatus": 0,
		"grid_path": values.get("grid_path")
		or (frappe.db.get_value(GRID, grid, "tree_path") if grid else None),
		"record_count": values.get("record_count") or 0,  # Int columns are NOT NULL
		"fields": values.get("fields") or "",
	}
	frappe.db.bulk_insert("Identity Access Log", list(row), [tuple(row.values())])


def log_access(
	action: str,
	doctype: str | None,
	name: str | None = None,
	fields=(),
	count: int | None = None,
	grid: str | None = None,
	keep_on_rollback: bool = False,
	grid_path: str | None = None,
) -> None:
	"""One row of the Identity Access Log: who did what to whose identities (never the values).
	A refusal is raised as an error, which rolls the request back: `keep_on_rollback` writes the
	row again after that rollback, so refusals stay on record."""
	values = {
		"doctype": "Identity Access Log",
		"user": frappe.session.user,
		"action": action,
		"reference_doctype": doctype,
		"reference_name": name,
		"fields": ", ".join(fields),
		"record_count": count,
		"governance_grid": grid,
		"ip_address": getattr(frappe.local, "request_ip", None),
		"grid_path": grid_path,
	}
	# on the primary, also inside a read that runs on a replica (replica.py: a register's export)
	frappe.write_only()(_insert_log)(values)
	if keep_on_rollback:

		def again():
			_insert_log(values)
			frappe.db.commit()  # nosemgrep: the request was rolled back; its refusal is kept

		frappe.db.after_rollback.add(again)


def remove_finished_import_files() -> None:
	"""hourly: Frappe's Data Import keeps the uploaded spreadsheet — for a DocType with identities,
	their plaintext — attached to the import, readable by every System Manager. The records took
	their values into the vault when they were saved; once the import has run, its file goes."""
	imports = frappe.get_all(
		"Data Import",
		filters={"status": ("!=", "Pending"), "import_file": ("is", "set")},
		fields=["name", "reference_doctype", "import_file"],
	)
	for data_import in imports:
		if not (
			is_app_doctype(data_import.reference_doctype) and has_identities(data_import.reference_doctype)
		):
			continue
		for file in frappe.get_all(
			"File", {"attached_to_doctype": "Data Import", "attached_to_name": data_import.name}, pluck="name"
		):
			frappe.delete_doc("File", file, ignore_permissions=True, force=True)
		frappe.db.set_value("Data Import", data_import.name, "import_file", None, update_modified=False)
