"""Casework documents: the protection order application filed with the court (.docx)."""

import frappe
from frappe.utils import format_datetime

from fulian_grid import settings, subtree, vault
from fulian_grid.api.downloads import send_docx
from fulian_grid.docx.protection_order import MEASURES, build_protection_order_application
from fulian_grid.privacy import log_access, may_reveal


def application_data(order, identities: dict | None, victim_name: str | None) -> dict:
	"""Plain data of the application; `identities` the order's vault values when the reader may
	see them (else the masked copies of the columns stay)."""
	shown = {**order.as_dict(), **(identities or {})}
	federation = nearest_federation(order.grid_path)
	applicant = {
		"Guardian": shown.get("applicant_name"),
		"Federation on Her Behalf": federation or "",
	}.get(order.applicant_kind, victim_name)
	return {
		"name": order.name,
		"court": order.court,
		"applicant_kind": order.applicant_kind,
		"applicant": applicant,
		"victim": victim_name,
		"respondent": shown.get("respondent_name"),
		"facts": shown.get("facts"),
		"other_measures": shown.get("other_measures"),
		"urgent": order.urgent,
		"filed_on": format_datetime(order.filed_on, "yyyy-MM-dd"),
		**{key: order.get(key) for key, _label in MEASURES},
	}


def nearest_federation(path: str | None) -> str | None:
	"""The federation of the grid nearest above a record (its own grid's, or an ancestor's)."""
	ancestors = subtree.ancestor_paths(path) if path else []
	rows = (
		frappe.get_all(
			"Women Federation", filters={"grid_path": ("in", ancestors)}, fields=["name", "grid_path"]
		)
		if ancestors
		else []
	)
	return max(rows, key=lambda row: len(row.grid_path)).name if rows else None


@frappe.whitelist(methods=["POST"])
def download_protection_order_application(name: str) -> None:
	order = frappe.get_doc("Protection Order", name)
	order.check_permission("read")
	victim_name, identities = order.victim_label, None
	if may_reveal(order):  # a handler where it lies files it with the full names
		identities = vault.record_identities("Protection Order", name)["fields"]
		report = vault.record_identities("Infringement Report", order.infringement_report)
		victim_name = report["rows"].get(order.victim, {}).get("victim_name", victim_name)
		log_access(
			"Export",
			"Protection Order",
			name,
			sorted({*identities, "victim_name"}),
			grid=order.governance_grid,
		)
	brand = settings.brand_name()
	send_docx(
		build_protection_order_application(application_data(order, identities, victim_name), brand=brand),
		f"人身安全保护令申请书-{name}.docx",
		"Protection Order",
		name,
		"Protection Order Application",
	)
