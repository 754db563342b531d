"""“My led projects” endpoints and number cards (the query is queries/projects.py)."""

import frappe

from fulian_grid.queries.projects import led_project_names


@frappe.whitelist()
def my_led_projects(overdue_only: bool = False) -> list[str]:
	"""Names of the session user's led and co-led projects that she may read."""
	return led_project_names(frappe.utils.sbool(overdue_only))


@frappe.whitelist()
def my_led_project_count(filters: str | dict | None = None) -> int:
	"""Number card “My Led Projects”."""
	return len(my_led_projects())


@frappe.whitelist()
def my_overdue_project_count(filters: str | dict | None = None) -> int:
	"""Number card “My Projects with Overdue Milestones”."""
	return len(my_led_projects(overdue_only=True))
