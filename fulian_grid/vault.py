"""The identity vault: every identity value of the app, encrypted, out of reach of Frappe's paths.

An identity field is any field at permlevel 1 or above of an app DocType or of its child tables,
custom fields included (domain/identity.py says what kind of value each holds). Its column keeps
only the masked copy; the value itself is encrypted with the site's `encryption_key` (Fernet, as
Frappe encrypts Password fields) into the `__fulian_vault` table. Like Frappe's own `__Auth`, that
table is no DocType: no list, report, search, count, print, share, export or Version reaches it;
only this module reads or writes it. Exact lookups (is this ID number already in the ledger?) go
through keyed blind indexes: an HMAC of the normalised value, keyed with a secret derived from the
same site key, never a bare hash.

A save runs in two steps around the controller's `validate` (hooks.py, doc_events "*"):
`open_identities` (before_validate) reads what the user typed — a value equal to the stored masked
copy is unchanged and is read back from the vault, so controllers validate real values; anything
else is new and is normalised and checked — and `seal_identities` (validate, after the controller)
writes new values to the vault and leaves only masked copies in the document, before anything
(the row itself, Version, global search, notifications) sees it. The vault write is part of the
save's transaction: a failed save leaves no vault row, a failed vault write no record.
"""

from functools import cache

import frappe
from cryptography.fernet import Fernet, InvalidToken
from frappe import _
from frappe.utils import cint

from fulian_grid.domain import DomainError
from fulian_grid.domain import identity as kinds
from fulian_grid.utils import MODULE, translated

TABLE = "__fulian_vault"
SCHEMA = f"""create table if not exists `{TABLE}` (
	`doctype` varchar(140) not null,
	`name` varchar(140) not null,
	`fieldname` varchar(140) not null,
	`parenttype` varchar(140) not null,
	`parent` varchar(140) not null,
	`value` text not null,
	`blind_index` char(64) null,
	primary key (`doctype`, `name`, `fieldname`),
	key `record` (`parenttype`, `parent`),
	key `blind_index` (`blind_index`)
) engine=InnoDB row_format=dynamic character set utf8mb4 collate utf8mb4_unicode_ci"""


class VaultKeyError(frappe.ValidationError):
	pass


class IdentityValueError(frappe.ValidationError):
	pass


def ensure_table() -> None:
	"""Create the vault's table once (DDL commits, so never when it exists)."""
	if not frappe.db.sql("show tables like %s", TABLE):
		frappe.db.sql_ddl(SCHEMA)


# ---- keys ---------------------------------------------------------------------------------------


def _site_key() -> str:
	key = frappe.conf.get("encryption_key")
	if not key:
		frappe.throw(
			_(
				"This site has no encryption key (encryption_key in site_config.json), so identities cannot be read or stored. Restore the site's key from where it was backed up."
			),
			VaultKeyError,
			title=_("Identity vault locked"),
		)
	return key


def _cipher() -> Fernet:
	key = _site_key()
	try:
		return _fernet(key)
	except ValueError:
		frappe.throw(_("The site's encryption key is not a valid key."), VaultKeyError)


@cache
def _fernet(key: str) -> Fernet:
	return Fernet(key.encode())


@cache
def _index_key(key: str) -> bytes:
	return kinds.index_secret(key)


def encrypt(value: str) -> str:
	return _cipher().encrypt(str(value).encode()).decode()


def decrypt(token: str) -> str:
	try:
		return _cipher().decrypt(token.encode()).decode()
	except InvalidToken:
		frappe.throw(
			_(
				"Identities cannot be decrypted with this site's encryption key: the key in site_config.json is not the one they were stored with."
			),
			VaultKeyError,
			title=_("Identity vault locked"),
		)


def blind_index(kind: str, value) -> str | None:
	return kinds.blind_index(_index_key(_site_key()), kind, value)


# ---- which fields ---------------------------------------------------------------------------------


def identity_fields(doctype: str) -> dict[str, str]:
	"""{fieldname: kind} of the identity fields of an app DocType (or its child DocType); {} for
	any other DocType. Read from the meta, so Customize Form's fields count with no code; kept on
	the meta object, so it is worked out again whenever Frappe rebuilds the meta."""
	meta = frappe.get_meta(doctype)
	fields = meta.__dict__.get("_fulian_identity_fields")
	if fields is None:
		fields = (
			{
				df.fieldname: kinds.kind_of(df.fieldname, df.fieldtype)
				for df in meta.fields
				if (df.permlevel or 0) >= 1 and df.fieldtype in kinds.VALUE_TYPES
			}
			if meta.module == MODULE
			else {}
		)
		meta.__dict__["_fulian_identity_fields"] = fields
	return fields


def _rows(doc):
	"""The document itself and its child rows: (row, {fieldname: kind}) for rows with identities."""
	for row in (doc, *doc.get_all_children()):
		if fields := identity_fields(row.doctype):
			yield row, fields


def _record_of(doc) -> tuple[str, str]:
	"""(DocType, name) of the top-level record a row belongs to."""
	if doc.get("parenttype") and doc.get("parent") and frappe.get_meta(doc.doctype).istable:
		return doc.parenttype, doc.parent
	return doc.doctype, doc.name


# ---- a document's save ----------------------------------------------------------------------------


def _is_app_doc(doc) -> bool:
	return frappe.get_meta(doc.doctype).module == MODULE


def _holds_identities(doc) -> bool:
	return _is_app_doc(doc) and any(True for _row in _rows(doc))


def open_identities(doc, method=None) -> None:
	"""before_validate: find out what the user changed; put real values where she did not."""
	if not _holds_identities(doc):
		return
	stored_rows, stored_values = _stored(doc)
	changed: set[tuple[str, str, str]] = set()
	for row, fields in _rows(doc):
		stored = stored_rows.get(_row_key(doc, row, doc.is_new()))
		for fieldname, kind in fields.items():
			value = row.get(fieldname)
			if stored is not None and value == stored.get(fieldname):
				# unchanged: the controller validates the real value; an amendment keeps it
				real = stored_values.get((stored.doctype, stored.name, fieldname))
				row.set(fieldname, real)
				if real is not None and (stored.doctype, stored.name) != (row.doctype, row.name):
					changed.add((row.doctype, row.name, fieldname))
				continue
			value = kinds.normalize(kind, value)
			try:
				kinds.check(kind, value)
			except DomainError as error:
				label = _(frappe.get_meta(row.doctype).get_label(fieldname))
				frappe.throw(f"{label}: {translated(error)}", IdentityValueError, title=_("Invalid input"))
			row.set(fieldname, value)
			changed.add((row.doctype, row.name, fieldname))
	doc.flags.identity_changed = changed
	if doc.flags.ignore_validate:  # validate will not run: seal now
		seal_identities(doc)


def _stored(doc):
	"""The stored rows this save compares with, and their vault values: the record before this
	save, or for an amendment the cancelled record it amends (rows matched by position)."""
	before = doc.get_doc_before_save()
	if before is None and doc.get("amended_from") and frappe.db.exists(doc.doctype, doc.amended_from):
		before = frappe.get_doc(doc.doctype, doc.amended_from)
	if before is None:
		return {}, {}
	rows = {_row_key(before, row, doc.is_new()): row for row in (before, *before.get_all_children())}
	return rows, _stored_values(before)


def _row_key(doc, row, by_position: bool) -> tuple:
	if row is doc:
		return ("record",)
	return (
		(row.parentfield, row.idx) if by_position else (row.doctype, row.name)
	)  # an amendment's rows have new names


def reseal_identities(doc, method=None) -> None:
	"""before_update_after_submit: no validate runs, so open and seal in one step."""
	open_identities(doc)
	seal_identities(doc)


def seal_identities(doc, method=None) -> None:
	"""validate (after the controller): new values into the vault, masked copies into the columns."""
	changed = doc.flags.pop("identity_changed", None)
	if changed is None:
		return
	parenttype, parent = _record_of(doc)
	written, rows_present = [], set()
	for row, fields in _rows(doc):
		rows_present.add((row.doctype, row.name))
		for fieldname, kind in fields.items():
			value = row.get(fieldname)
			if (row.doctype, row.name, fieldname) in changed:
				written.append((row.doctype, row.name, fieldname, kind, value))
			row.set(fieldname, kinds.mask(kind, value))
	_write(parenttype, parent, written)
	if not doc.is_new() and not frappe.get_meta(doc.doctype).istable:
		_forget_rows_not_in(parenttype, parent, rows_present)


def _write(parenttype: str, parent: str, cells) -> None:
	"""Store (doctype, name, fieldname, kind, value) cells; an emptied value is removed."""
	vault = frappe.qb.Table(TABLE)
	for doctype, name, fieldname, kind, value in cells:
		if value in (None, ""):
			frappe.qb.from_(vault).delete().where(
				(vault.doctype == doctype) & (vault.name == name) & (vault.fieldname == fieldname)
			).run()
			continue
		frappe.db.sql(
			f"""insert into `{TABLE}` (doctype, name, fieldname, parenttype, parent, value, blind_index)
			values (%s, %s, %s, %s, %s, %s, %s)
			on duplicate key update value = values(value), blind_index = values(blind_index),
				parenttype = values(parenttype), parent = values(parent)""",
			(doctype, name, fieldname, parenttype, parent, encrypt(str(value)), blind_index(kind, value)),
		)


def _forget_rows_not_in(parenttype: str, parent: str, rows_present: set) -> None:
	"""Child rows removed from the record take their identities with them."""
	for doctype, name in frappe.db.sql(
		f"select distinct doctype, name from `{TABLE}` where parenttype = %s and parent = %s",
		(parenttype, parent),
	):
		if (doctype, name) not in rows_present and doctype != parenttype:
			frappe.db.sql(f"delete from `{TABLE}` where doctype = %s and name = %s", (doctype, name))


def forget_record(doc, method=None) -> None:
	"""on_trash: a deleted record's identities go with it (Deleted Document keeps masked copies)."""
	if _holds_identities(doc):
		frappe.db.sql(f"delete from `{TABLE}` where parenttype = %s and parent = %s", (doc.doctype, doc.name))


def rename_record(doc, method=None, old: str | None = None, new: str | None = None, merge=False) -> None:
	"""after_rename: the vault follows the record's new name."""
	if old and new and _holds_identities(doc):
		frappe.db.sql(
			f"update `{TABLE}` set parent = %s where parenttype = %s and parent = %s", (new, doc.doctype, old)
		)
		frappe.db.sql(
			f"update `{TABLE}` set name = %s where doctype = %s and name = %s", (new, doc.doctype, old)
		)


# ---- reading ----------------------------------------------------------------------------------------


def _stored_values(doc) -> dict[tuple[str, str, str], str]:
	parenttype, parent = _record_of(doc)
	return {
		(doctype, name, fieldname): decrypt(token)
		for doctype, name, fieldname, token in frappe.db.sql(
			f"select doctype, name, fieldname, value from `{TABLE}` where parenttype = %s and parent = %s",
			(parenttype, parent),
		)
	}


def record_identities(doctype: str, name: str) -> dict:
	"""The identities of one record: {"fields": {fieldname: value}, "rows": {row name: {fieldname:
	value}}}. The caller has decided that the user may see them and logs that she did."""
	out = {"fields": {}, "rows": {}}
	for (row_doctype, row_name, fieldname), value in _stored_values(
		frappe._dict(doctype=doctype, name=name)
	).items():
		if row_doctype == doctype and row_name == name:
			out["fields"][fieldname] = value
		else:
			out["rows"].setdefault(row_name, {})[fieldname] = value
	return out


def values_of(doctype: str, names, fieldnames) -> dict[str, dict[str, str]]:
	"""{record name: {fieldname: value}} of top-level records, for exports (the caller decides who
	may see them and logs it)."""
	names = list(names)
	out: dict[str, dict[str, str]] = {}
	for start in range(0, len(names), 1000):
		chunk = names[start : start + 1000]
		if not chunk:
			continue
		for name, fieldname, token in frappe.db.sql(
			f"""select name, fieldname, value from `{TABLE}`
			where doctype = %(doctype)s and name in %(names)s and fieldname in %(fields)s""",
			{"doctype": doctype, "names": chunk, "fields": list(fieldnames)},
		):
			out.setdefault(name, {})[fieldname] = decrypt(token)
	return out


def records_with(kind: str, value) -> list[tuple[str, str]]:
	"""(DocType, name) of the top-level records holding exactly this value in a field of this kind
	family (an ID number, a phone number, a full name), through the blind index."""
	index = blind_index(kind, value)
	if not index:
		return []
	return [
		tuple(row)
		for row in frappe.db.sql(
			f"select distinct parenttype, parent from `{TABLE}` where blind_index = %s", (index,)
		)
	]


# ---- bulk paths -------------------------------------------------------------------------------------


def seal_rows(doctype: str, rows: list[dict], parenttype: str | None = None) -> list[tuple]:
	"""For bulk writers: replace identity values in `rows` (dicts of one DocType, child rows
	carrying parent/parenttype) by masked copies, in place; return the vault rows to insert with
	`insert_sealed` in the same transaction. Values are normalised as a save would."""
	fields = identity_fields(doctype)
	sealed = []
	if not fields:
		return sealed
	cipher = _cipher()
	index_key = _index_key(_site_key())
	for row in rows:
		owner = (row["parenttype"], row["parent"]) if parenttype else (doctype, row["name"])
		for fieldname, kind in fields.items():
			value = kinds.normalize(kind, row.get(fieldname))
			if value in (None, ""):
				continue
			token = cipher.encrypt(str(value).encode()).decode()
			sealed.append(
				(doctype, row["name"], fieldname, *owner, token, kinds.blind_index(index_key, kind, value))
			)
			row[fieldname] = kinds.mask(kind, value)
	return sealed


def insert_sealed(sealed: list[tuple], chunk: int = 5000) -> None:
	frappe.db.bulk_insert(
		TABLE,
		("doctype", "name", "fieldname", "parenttype", "parent", "value", "blind_index"),
		sealed,
		chunk_size=chunk,
	)


def seal_existing() -> int:
	"""Move identity values already in columns (data from before the vault, or from a field just
	raised to permlevel 1 in Customize Form) into the vault; returns how many. Idempotent: a cell
	with a vault row is sealed already. (No DDL here: it would commit the caller's transaction.)"""
	moved = 0
	for doctype in frappe.get_all("DocType", filters={"module": MODULE}, pluck="name"):
		fields = identity_fields(doctype)
		meta = frappe.get_meta(doctype)
		if not fields or meta.issingle or meta.is_virtual:
			continue
		for fieldname, kind in fields.items():
			if not frappe.db.has_column(doctype, fieldname):
				continue
			owner = "t.parenttype, t.parent" if meta.istable else f"{frappe.db.escape(doctype)}, t.name"
			rows = frappe.db.sql(
				f"""select t.name, {owner}, t.`{fieldname}` from `tab{doctype}` t
				left join `{TABLE}` v on v.doctype = %s and v.name = t.name and v.fieldname = %s
				where v.name is null and t.`{fieldname}` is not null and t.`{fieldname}` != ''""",
				(doctype, fieldname),
			)
			for name, owner_doctype, owner_name, value in rows:
				if kinds.looks_masked(kind, value):
					continue  # a masked copy left by an earlier version has nothing to move
				if not owner_doctype:
					continue  # an orphaned child row
				_write(
					owner_doctype,
					owner_name,
					[(doctype, name, fieldname, kind, kinds.normalize(kind, value))],
				)
				frappe.db.sql(
					f"update `tab{doctype}` set `{fieldname}` = %s where name = %s",
					(kinds.mask(kind, kinds.normalize(kind, value)), name),
				)
				moved += 1
	return moved


def _masked_copy(fields: dict[str, str], fieldname: str, value):
	kind = fields.get(fieldname)
	if kind is None or value in (None, "") or kinds.looks_masked(kind, value):
		return value
	return kinds.mask(kind, kinds.normalize(kind, value))


def _mask_row(doctype: str, row: dict) -> dict:
	fields = identity_fields(doctype)
	return {key: _masked_copy(fields, key, value) for key, value in row.items()}


def _scrub_version(doctype: str, data: dict, value=_masked_copy, also=()) -> dict:
	"""A Version's data with each identity value (and each of the fields `also`) passed through
	`value(fields, fieldname, value)`: masked by default."""
	meta = frappe.get_meta(doctype)
	fields = {**identity_fields(doctype), **dict.fromkeys(also, "")}
	tables = {df.fieldname: df.options for df in meta.get_table_fields()}

	def row_of(table: str, row: dict) -> dict:
		row_fields = identity_fields(table)
		return {key: value(row_fields, key, cell) for key, cell in row.items()}

	data["changed"] = [
		[f, value(fields, f, old), value(fields, f, new)] for f, old, new in data.get("changed") or []
	]
	for key in ("added", "removed"):
		data[key] = [
			[table, row_of(tables[table], row) if tables.get(table) else row]
			for table, row in data.get(key) or []
		]
	data["row_changed"] = [
		[
			table,
			idx,
			row_name,
			[
				[
					f,
					value(identity_fields(tables[table]), f, old),
					value(identity_fields(tables[table]), f, new),
				]
				for f, old, new in changes
			],
		]
		if table in tables
		else [table, idx, row_name, changes]
		for table, idx, row_name, changes in data.get("row_changed") or []
	]
	return data


def _scrub_deleted(doctype: str, data: dict) -> dict:
	meta = frappe.get_meta(doctype)
	data = _mask_row(doctype, data)
	for df in meta.get_table_fields():
		data[df.fieldname] = [_mask_row(df.options, row) for row in data.get(df.fieldname) or []]
	return data


def scrub_history() -> int:
	"""Mask identity values in Version and Deleted Document rows of app DocTypes (written before
	the vault); returns how many rows changed. Masking a masked copy leaves it as it is."""
	import json

	doctypes = [
		name
		for name in frappe.get_all("DocType", filters={"module": MODULE, "istable": 0}, pluck="name")
		if identity_fields(name)
		or any(identity_fields(df.options) for df in frappe.get_meta(name).get_table_fields())
	]
	if not doctypes:
		return 0
	changed = 0
	for table, type_column, scrub in (
		("Version", "ref_doctype", _scrub_version),
		("Deleted Document", "deleted_doctype", _scrub_deleted),
	):
		for name, doctype, data in frappe.db.sql(
			f"select name, `{type_column}`, data from `tab{table}` where `{type_column}` in %s", (doctypes,)
		):
			try:
				before = json.loads(data or "{}")
			except ValueError:
				continue
			after = scrub(doctype, json.loads(data or "{}"))
			if after != before:
				frappe.db.sql(
					f"update `tab{table}` set data = %s where name = %s",
					(frappe.as_json(after, indent=None), name),
				)
				changed += 1
	return changed


def _blank(fields: dict[str, str], fieldname: str, value):
	return "" if fieldname in fields and value not in (None, "") else value


def forget_history(doctype: str, name: str, also=()) -> int:
	"""Retention: the record's Version rows keep no identity, masked copy or `also` field value
	(the changes of other fields stay). Returns how many rows changed."""
	import json

	changed = 0
	for version, data in frappe.db.sql(
		"select name, data from `tabVersion` where ref_doctype = %s and docname = %s", (doctype, name)
	):
		try:
			before = json.loads(data or "{}")
		except ValueError:
			continue
		after = _scrub_version(doctype, json.loads(data or "{}"), _blank, also)
		if after != before:
			frappe.db.sql(
				"update `tabVersion` set data = %s where name = %s",
				(frappe.as_json(after, indent=None), version),
			)
			changed += 1
	return changed


def seal_after_customize(doc, method=None) -> None:
	"""Property Setter / Custom Field on_update: a field of an app DocType raised to permlevel 1 or
	above in Customize Form has its stored values moved into the vault, with no code."""
	doctype = doc.get("doc_type") or doc.get("dt")
	if doc.doctype == "Property Setter" and doc.property != "permlevel":
		return
	if doc.doctype == "Custom Field" and not doc.permlevel:
		return
	if not doctype or frappe.get_meta(doctype).module != MODULE:
		return
	_not_copied(doc, doctype)
	frappe.enqueue(seal_existing, queue="long", enqueue_after_commit=True, now=frappe.flags.in_test)


def _not_copied(doc, doctype: str) -> None:
	"""The desk's Duplicate leaves an identity field empty (its masked copy would be refused)."""
	from frappe.custom.doctype.property_setter.property_setter import make_property_setter

	if doc.doctype == "Custom Field":
		if not doc.no_copy:
			doc.db_set("no_copy", 1)
	elif cint(doc.value) >= 1:
		make_property_setter(
			doctype, doc.field_name, "no_copy", 1, "Check", validate_fields_for_doctype=False
		)
