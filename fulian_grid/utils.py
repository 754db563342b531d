"""Small glue shared by controllers: turning domain errors into translated Frappe errors."""

import frappe
from frappe import _

from fulian_grid.domain import DomainError, msg

# Frappe's own messages that reach our users and that Frappe's zh lacks: marked here they are in
# the app's catalogue (locale/zh.po), which Frappe reads for every string, its own included.
FRAPPE_MESSAGES = (
	msg("Not allowed via controller permission check"),  # opens a refusal by a has_permission hook
	msg("{0} Not allowed to change {1} after submission from {2} to {3}"),
)


# the module of every DocType, report and card of the app (and of a federation's own DocTypes in it)
MODULE = "Fulian Grid"


def is_app_doctype(doctype) -> bool:
	"""Whether `doctype` names a DocType of this app (custom ones in its module included)."""
	return (
		isinstance(doctype, str)
		and bool(doctype)
		and bool(frappe.db.exists("DocType", doctype))
		and frappe.get_meta(doctype).module == MODULE
	)


def translated(error: DomainError) -> str:
	"""A domain rule's message in the user's language (placeholders translated too)."""
	return _(error.message).format(*(_(str(arg)) for arg in error.args_))


def throw(error: DomainError, exc: type[Exception] = frappe.ValidationError) -> None:
	frappe.throw(translated(error), exc, title=_("Invalid input"))


def check(rule, *args, exc: type[Exception] = frappe.ValidationError) -> None:
	"""Run a domain rule that raises DomainError, as a translated ValidationError."""
	try:
		rule(*args)
	except DomainError as error:
		throw(error, exc)
