"""Small glue shared by controllers: turning domain errors into translated Frappe errors."""

import frappe
from frappe import _

from fulian_grid.domain import DomainError, msg

# Frappe's own messages that reach our users and that Frappe's zh lacks: marked here they are in
# the app's catalogue (locale/zh.po), which Frappe reads for every string, its own included.
FRAPPE_MESSAGES = (
	msg("Not allowed via controller permission check"),  # opens a refusal by a has_permission hook
	msg("{0} Not allowed to change {1} after submission from {2} to {3}"),
	# the desk's chrome, seen on every page by the app's users (Frappe's zh leaves them empty)
	msg("Search or type a command ({0})"),
	msg("No new notifications"),
	msg("Mark all as read"),
	msg("Navigate to main content"),
	msg("User Menu"),
	msg("Build"),
	msg("Duplicate Workspace"),
	msg("List View"),
	msg("Edit Filters"),
	msg("Add a Filter"),
	msg("Apply Filters"),
	msg("Save Filter"),
	msg("Clear all filters"),
	msg("Filters {0}"),
	msg("Reload List"),
	msg("Reload Report"),
	msg("Click to sort by {0}"),
	msg("ascending"),
	msg("descending"),
	msg("Liked by me"),
	msg("Clear Link"),
	msg("Previous Document"),
	msg("Next Document"),
	msg("Document is in draft state"),
	msg("This form is not editable due to a Workflow."),
	msg("Toggle Full Width"),
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
