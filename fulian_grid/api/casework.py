"""Casework documents: the protection order application filed with the court, the referral letter
sent with a case to another agency (.docx)."""

import frappe
from frappe import _
from frappe.utils import format_datetime, getdate, today

from fulian_grid import settings, subtree, vault
from fulian_grid.api.downloads import in_chinese, send_docx
from fulian_grid.docx.protection_order import MEASURES, build_protection_order_application
from fulian_grid.docx.referral_letter import build_referral_letter
from fulian_grid.domain.casework import letter_may_name
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


def letter_names_people(referral) -> bool:
	"""The referral's consent or legal basis lets its letter name the people (domain rule)."""
	consent = (
		frappe.db.get_value(
			"Consent Record",
			referral.consent_record,
			[
				"consented_on",
				"withdrawn_on",
				"purposes",
				"recipients",
				"governance_grid",
				"infringement_report",
			],
			as_dict=True,
		)
		if referral.consent_record
		else None
	)
	if consent and (
		consent.governance_grid != referral.governance_grid
		or consent.infringement_report not in (None, "", referral.infringement_report)
	):
		consent = None  # a consent of another case covers nothing here
	if consent:
		consent.consented_on = getdate(consent.consented_on)
		consent.withdrawn_on = getdate(consent.withdrawn_on) if consent.withdrawn_on else None
	return letter_may_name(
		referral.carries_identities,
		referral.legal_basis,
		referral.basis_note,
		consent,
		agency_names(referral),
		getdate(referral.sent_on),
		getdate(today()),
	)


def agency_names(referral) -> list[str]:
	"""The names a consent's recipients may give the agency: its own, its kind in Chinese and English."""
	kind = referral.agency or ""
	return [name for name in (referral.agency_name, in_chinese(kind)[kind] if kind else "", kind) if name]


def letter_data(referral, report, identities: dict | None) -> dict:
	"""Plain data of the letter; `identities` the report's vault values when the letter names the
	people, else None (and no name, number, contact or facts leave the server)."""
	concerns = [row.concern_item for row in report.concern_items]
	labels = in_chinese(*concerns, referral.agency or "")
	rows = (identities or {}).get("rows", {})
	fields = (identities or {}).get("fields", {})
	victims = [
		{"age": row.age, "minor": row.is_minor}
		| (
			{
				"name": rows.get(row.name, {}).get("victim_name"),
				"id_number": rows.get(row.name, {}).get("id_number"),
				"contact": rows.get(row.name, {}).get("contact"),
			}
			if identities
			else {}
		)
		for row in report.victims
	]
	return {
		"name": referral.name,
		"report": report.name,
		"agency": referral.agency_name or labels.get(referral.agency or "", referral.agency),
		"sent_on": format_datetime(referral.sent_on, "yyyy-MM-dd"),
		"follow_up_due": format_datetime(referral.follow_up_due, "yyyy-MM-dd")
		if referral.follow_up_due
		else "",
		"concerns": [labels[c] for c in concerns],
		"named": bool(identities),
		"legal_basis": referral.legal_basis,
		"basis_note": referral.basis_note if identities else None,
		"victims": victims,
		"facts": fields.get("description") if identities else None,
		"suspect": fields.get("suspect") if identities else None,
		"federation": nearest_federation(referral.grid_path) or "",
	}


@frappe.whitelist(methods=["POST"])
def download_referral_letter(name: str) -> None:
	"""The referral letter: the people named only when the referral's basis allows it, and only
	to a handler where the case lies (a reveal, logged as an export); otherwise withheld."""
	referral = frappe.get_doc("Case Referral", name)
	referral.check_permission("read")
	report = frappe.get_doc("Infringement Report", referral.infringement_report)
	identities = None
	if letter_names_people(referral):
		if not may_reveal(report):
			frappe.throw(
				_("This referral shares identities: only a handler of its grid issues its letter"),
				frappe.PermissionError,
			)
		identities = vault.record_identities("Infringement Report", report.name)
		log_access(
			"Export",
			"Case Referral",
			name,
			["victim_name", "id_number", "contact", "description", "suspect"],
			grid=referral.governance_grid,
		)
	send_docx(
		build_referral_letter(letter_data(referral, report, identities), brand=settings.brand_name()),
		f"转介函-{name}.docx",
		"Case Referral",
		name,
		"Referral Letter",
	)
