"""Submit once, and never over a newer version: the field app's two write guarantees.

A phone that queued a draft offline may send it twice (a retry after a lost reply, two tabs). Each
draft carries an idempotency key; the first request that sends it makes the record and every
later one gets that record back. The keys live in `__fulian_submission`, a table that is no DocType
(like the vault's): no generic Frappe path lists, counts or exports it. The key row is written
before the record, in the same transaction, so a second request with the same key waits on its
primary key until the first commits and then finds its record — never a second one.

An update sent with the `modified` the phone last saw is refused when the record changed since:
the phone shows the conflict instead of overwriting someone's newer work.
"""

import re

import frappe
from frappe import _
from frappe.utils import get_datetime

TABLE = "__fulian_submission"
SCHEMA = f"""create table if not exists `{TABLE}` (
	`idempotency_key` varchar(64) not null,
	`user` varchar(140) not null,
	`reference_doctype` varchar(140) not null,
	`reference_name` varchar(140) null,
	`creation` datetime(6) not null,
	primary key (`idempotency_key`)
) engine=InnoDB row_format=dynamic character set utf8mb4 collate utf8mb4_unicode_ci"""
_KEY = re.compile(r"^[A-Za-z0-9_-]{16,64}$")


class StaleRecordError(frappe.TimestampMismatchError):
	pass


def ensure_table() -> None:
	"""Create the table once (DDL commits, so never when it exists)."""
	if not frappe.db.sql("show tables like %s", TABLE):
		frappe.db.sql_ddl(SCHEMA)


def drop_table() -> None:
	frappe.db.sql_ddl(f"drop table if exists `{TABLE}`")


def submit_once(key: str, doctype: str, make) -> tuple[str, bool]:
	"""(name, created): the record made by `make()` for this key, or the one an earlier request
	with the same key made. `make` returns the inserted document."""
	if not isinstance(key, str) or not _KEY.match(key):
		frappe.throw(_("The draft has no valid idempotency key"), frappe.ValidationError)
	user = frappe.session.user
	savepoint = "fulian_submission"
	frappe.db.savepoint(savepoint)
	try:
		frappe.db.sql(
			f"insert into `{TABLE}` (idempotency_key, user, reference_doctype, creation)"
			" values (%s, %s, %s, now(6))",
			(key, user, doctype),
		)
	except Exception as error:
		if not frappe.db.is_duplicate_entry(error):
			raise
		row = frappe.db.sql(
			f"select user, reference_doctype, reference_name from `{TABLE}` where idempotency_key = %s",
			key,
			as_dict=True,
		)[0]
		if row.user != user or row.reference_doctype != doctype or not row.reference_name:
			# someone else's key (or a broken one): say nothing about it
			frappe.throw(_("The draft has no valid idempotency key"), frappe.ValidationError)
		return row.reference_name, False
	try:
		doc = make()
	except Exception:
		frappe.db.rollback(save_point=savepoint)  # no half-made record, and the key free again
		raise
	frappe.db.sql(f"update `{TABLE}` set reference_name = %s where idempotency_key = %s", (doc.name, key))
	return doc.name, True


def check_not_stale(doc, modified: str | None) -> None:
	"""Refuse an update made on an older version of `doc` than the stored one."""
	if not modified or get_datetime(modified) != get_datetime(doc.modified):
		frappe.throw(
			_(
				"This record was changed by someone else after you opened it. Reload it, check the "
				"changes and try again."
			),
			StaleRecordError,
			title=_("Changed meanwhile"),
		)
