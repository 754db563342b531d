"""Rows straight into the tables, in large batches, for paths that must be fast at city scale
(the ledger import, the demo data): the caller has already applied the controller's rules.
Text is cleaned of markup as Frappe's save would (sanitize.py); identity values go to the vault
in the same transaction, masked copies into the columns."""

from datetime import datetime

import frappe

from fulian_grid import vault
from fulian_grid.sanitize import clean_rows


def meta_values(now: datetime, user: str = "Administrator") -> dict:
	return {"creation": now, "modified": now, "owner": user, "modified_by": user, "docstatus": 0}


STATIC_DEFAULT_SKIPPED = ("Today", "now", "__user")  # defaults worked out at save time, not literals


def insert_rows(doctype: str, rows: list[dict], chunk: int = 5000) -> None:
	"""Insert `rows` (dicts, child tables as lists under their table field) without controllers:
	literal defaults from the DocType filled in, standard columns added, child rows numbered."""
	meta = frappe.get_meta(doctype)
	tables = {df.fieldname: df.options for df in meta.get_table_fields()}
	stamp = meta_values(datetime.now(), frappe.session.user or "Administrator")
	children: dict[str, list[dict]] = {}
	for row in rows:
		for fieldname, child_doctype in tables.items():
			for idx, child in enumerate(row.get(fieldname) or (), start=1):
				children.setdefault(child_doctype, []).append(
					{
						"name": f"{row['name']}-{fieldname[:4]}{idx}",
						"parent": row["name"],
						"parenttype": doctype,
						"parentfield": fieldname,
						"idx": idx,
						**child,
					}
				)
	clean_rows(doctype, rows)  # Frappe's sanitiser never sees these rows
	for child_doctype, child_rows in children.items():
		clean_rows(child_doctype, child_rows)
	sealed = vault.seal_rows(doctype, rows)
	for child_doctype, child_rows in children.items():
		sealed += vault.seal_rows(child_doctype, child_rows, parenttype=doctype)
	_insert_flat(doctype, meta, rows, set(tables), stamp, chunk)
	for child_doctype, child_rows in children.items():
		_insert_flat(child_doctype, frappe.get_meta(child_doctype), child_rows, set(), stamp, chunk)
	vault.insert_sealed(sealed, chunk)


def _insert_flat(doctype, meta, rows, skipped: set, stamp: dict, chunk: int) -> None:
	if not rows:
		return
	defaults = {
		df.fieldname: df.default
		for df in meta.fields
		if df.default
		and df.fieldname not in skipped
		and df.default not in STATIC_DEFAULT_SKIPPED
		and not str(df.default).startswith((":", "eval:"))
	}
	columns = list(dict.fromkeys([*stamp, *defaults, *(key for row in rows for key in row)]))
	columns = [c for c in columns if c not in skipped]
	values = [tuple(row.get(c, stamp.get(c, defaults.get(c))) for c in columns) for row in rows]
	frappe.db.bulk_insert(doctype, columns, values, chunk_size=chunk)


def reserve_names(prefix: str, count: int, digits: int = 5) -> list[str]:
	"""`count` names of a naming series (`prefix` + number), reserved in one update as
	frappe.model.naming.getseries reserves one."""
	series = frappe.qb.DocType("Series")
	current = frappe.qb.from_(series).select(series.current).where(series.name == prefix).for_update().run()
	if not current:
		frappe.qb.into(series).insert(prefix, 0).run()
	start = current[0][0] if current else 0
	frappe.qb.update(series).set(series.current, start + count).where(series.name == prefix).run()
	return [f"{prefix}{number:0{digits}d}" for number in range(start + 1, start + count + 1)]
