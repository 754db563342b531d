"""“My led projects”: the projects an executive leads or co-leads, through her Federation Executive
record's user (read there, so linking a user to an executive reaches every project she already
leads). Lists go through frappe.get_list, so the per-grid scope applies as everywhere."""

import frappe
from frappe.utils import today

LED_PROJECT = "Led Project"


def _my_project_names(user: str) -> list[str]:
	project, co_lead = frappe.qb.DocType(LED_PROJECT), frappe.qb.DocType("Led Project Co-lead")
	executive = frappe.qb.DocType("Federation Executive")
	hers = frappe.qb.from_(executive).select(executive.name).where(executive.user == user)
	led = frappe.qb.from_(project).select(project.name).where(project.lead_executive.isin(hers))
	co_led = (
		frappe.qb.from_(co_lead)
		.select(co_lead.parent)
		.where(co_lead.federation_executive.isin(hers) & (co_lead.parenttype == LED_PROJECT))
	)
	return sorted(set(led.run(pluck=True)) | set(co_led.run(pluck=True)))


def led_project_names(overdue_only: bool = False) -> list[str]:
	"""Names of the session user's led and co-led projects that she may read."""
	frappe.has_permission(LED_PROJECT, "read", throw=True)
	names = _my_project_names(frappe.session.user)
	if not names:
		return []
	filters = {"name": ("in", names)}
	if overdue_only:
		filters["next_milestone_due"] = ("<", today())
	return frappe.get_list(LED_PROJECT, filters=filters, pluck="name", order_by="start_date asc")
