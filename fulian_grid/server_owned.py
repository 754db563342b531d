"""THE enforcement point for server-owned fields (declared in domain/server_owned.py).

`refuse_client_changes` runs on before_validate (and before_update_after_submit) of every document,
before the controller recomputes anything, and compares what the document holds — the stored
record updated with what the client sent, or for a new record the client's values — with the stored
record (or, for a new one, the field's default). A difference on a server-owned field is refused
with `ServerOwnedFieldError`, naming the fields.

Which writes are a client's: any save during an HTTP request (REST PUT/POST, `frappe.client.*`
including `set_value` and `bulk_update`, the desk's save, `run_doc_method` with client-supplied
docs), and every Data Import row (marked by Frappe with `flags.updater_reference`, run in a
background job). The desk's bulk edit, which Frappe runs in a background job from 20 records up,
is checked before it is queued (`bulk_edit`). The app's own server code is not a client: a scheduler
job or CLI runs outside a request; code that sets a server-owned field during a request marks it
with `set_by_server(doc, field, ...)` (only those fields), or the whole save with
`doc.flags.system_update`. The workflow's state field, and the fields its states update, change
only through a workflow action (`frappe.model.workflow.apply_workflow`, which reloads the record
and sets nothing else).
"""

import frappe
from frappe import _

from fulian_grid.domain.server_owned import declared
from fulian_grid.utils import MODULE

# Frappe's endpoints that apply a workflow action (each reloads the record before the transition)
WORKFLOW_ACTIONS = (
	"frappe.model.workflow.apply_workflow",
	"frappe.model.workflow.bulk_workflow_approval",  # under 20 records it runs in the request
	"frappe.workflow.doctype.workflow_action.workflow_action.confirm_action",  # the e-mailed link
)


class ServerOwnedFieldError(frappe.ValidationError):
	pass


def set_by_server(doc, *fieldnames: str) -> None:
	"""The app's server code sets `fieldnames` on this save (a client's value there is overwritten)."""
	doc.flags.set_by_server = set(doc.flags.set_by_server or ()) | set(fieldnames)


def server_owned_fields(doctype: str) -> tuple[str, ...]:
	"""Declared fields of an app DocType, plus its workflow's state and update fields."""
	meta = frappe.get_meta(doctype)
	if meta.module != MODULE or meta.istable:
		return ()
	return (*declared(doctype, (df.fieldname for df in meta.fields)), *workflow_fields(doctype))


def workflow_fields(doctype: str) -> tuple[str, ...]:
	from frappe.model.workflow import get_workflow_name

	if not (name := get_workflow_name(doctype)):
		return ()
	workflow = frappe.get_cached_doc("Workflow", name)
	return (workflow.workflow_state_field, *{s.update_field for s in workflow.states if s.update_field})


def is_client_write(doc) -> bool:
	if doc.flags.system_update:
		return False
	return bool(doc.flags.updater_reference) or getattr(frappe.local, "request", None) is not None


def refuse_client_changes(doc, method=None):
	"""doc_events before_validate / before_update_after_submit: see the module docstring."""
	if not is_client_write(doc):
		return
	fields = set(server_owned_fields(doc.doctype)) - set(doc.flags.set_by_server or ())
	if not fields:
		return
	if frappe.local.form_dict.get("cmd") in WORKFLOW_ACTIONS:
		fields -= set(workflow_fields(doc.doctype))
	before = None if doc.is_new() else (doc.get_doc_before_save() or _stored(doc))
	changed = [f for f in sorted(fields) if _value(doc, f) != _baseline(doc, before, f)]
	if changed:
		meta = frappe.get_meta(doc.doctype)
		labels = ", ".join(_(meta.get_label(f)) for f in changed)
		frappe.throw(
			_("These fields are kept by the system and cannot be set or changed by hand: {0}").format(labels),
			ServerOwnedFieldError,
		)


def _stored(doc):
	try:
		return frappe.get_doc(doc.doctype, doc.name)
	except frappe.DoesNotExistError:
		frappe.clear_last_message()
		return None


def _baseline(doc, before, fieldname):
	if before is not None:
		return _value(before, fieldname)
	df = doc.meta.get_field(fieldname)
	if df.fieldtype in frappe.model.table_fields:
		return []
	if fieldname in workflow_fields(doc.doctype) and doc.get(fieldname):
		first = _first_state(doc.doctype)
		if doc.get(fieldname) == first.get("state"):
			return doc.get(fieldname)  # a new record starts in the workflow's first state
		if fieldname == first.get("update_field") and doc.get(fieldname) == first.get("update_value"):
			return doc.get(fieldname)
	return _normal(df, df.default if df.default and not str(df.default).startswith(":") else None)


def _first_state(doctype) -> dict:
	from frappe.model.workflow import get_workflow_name

	workflow = frappe.get_cached_doc("Workflow", get_workflow_name(doctype))
	first = workflow.states[0] if workflow.states else None
	return {
		"state": first.state if first else None,
		"update_field": first.update_field if first else None,
		"update_value": first.update_value if first else None,
	}


def _value(doc, fieldname):
	df = doc.meta.get_field(fieldname)
	if df.fieldtype in frappe.model.table_fields:
		columns = [  # what a row holds; fetched values are Frappe's to fill in
			c
			for c in frappe.get_meta(df.options).fields
			if c.fieldtype not in frappe.model.no_value_fields and not c.fetch_from and not c.is_virtual
		]
		return sorted(
			tuple(_normal(c, row.get(c.fieldname)) or "" for c in columns) for row in doc.get(fieldname) or ()
		)
	return _normal(df, doc.get(fieldname))


def _normal(df, value):
	"""One representation per value: '' and None alike, numbers as numbers, dates as text."""
	from frappe.utils import cstr, flt

	if df.fieldtype in ("Int", "Check", "Float", "Currency", "Percent"):
		return flt(value)
	if value in (None, ""):
		return None
	if df.fieldtype in ("Date", "Datetime", "Time"):
		from frappe.utils import get_datetime

		try:
			return str(get_datetime(value))
		except Exception:
			return cstr(value)
	return cstr(value)


@frappe.whitelist()
def bulk_edit(
	doctype: str,
	docnames: str | list,
	action: str = "submit",
	data: str | dict | None = None,
	task_id: str | None = None,
):
	"""The desk's bulk edit (frappe.desk.doctype.bulk_update.bulk_update.submit_cancel_or_update_docs),
	refused up front when it would set a server-owned field: from 20 records Frappe runs it in a
	background job, outside the request."""
	from frappe.desk.doctype.bulk_update.bulk_update import submit_cancel_or_update_docs

	values = frappe.parse_json(data) if data else {}
	if action == "update" and (owned := set(values or ()) & set(server_owned_fields(doctype))):
		meta = frappe.get_meta(doctype)
		frappe.throw(
			_("These fields are kept by the system and cannot be set or changed by hand: {0}").format(
				", ".join(_(meta.get_label(f)) for f in sorted(owned))
			),
			ServerOwnedFieldError,
		)
	return submit_cancel_or_update_docs(doctype, docnames, action, data, task_id)
