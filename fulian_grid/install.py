"""Install and migrate: roles, role profiles and translations. Creates what is missing and never
overwrites what an administrator has since changed, so a second `bench migrate` changes nothing."""

import hashlib
import json

import frappe

from fulian_grid.roles import APP_ROLES, DEFAULT_ROLE_PROFILES


def after_install():
	ensure_roles()
	ensure_role_profiles()
	add_default_key_group_categories()
	compile_translations()


def after_migrate():
	ensure_roles()
	ensure_role_profiles()
	ensure_settings_defaults()
	compile_translations()


def ensure_roles():
	for role_name in APP_ROLES:
		if not frappe.db.exists("Role", role_name):
			frappe.get_doc({"doctype": "Role", "role_name": role_name, "desk_access": 1}).insert(
				ignore_permissions=True
			)


def ensure_settings_defaults():
	"""Settings fields added by an upgrade start at their declared default, not at nothing."""
	singles = frappe.qb.Table("tabSingles")
	stored = {
		row[0]
		for row in frappe.qb.from_(singles)
		.select(singles.field)
		.where(singles.doctype == "Fulian Settings")
		.run()
	}
	for df in frappe.get_meta("Fulian Settings").fields:
		if df.default and df.fieldname not in stored:
			frappe.db.set_single_value("Fulian Settings", df.fieldname, df.default)


def ensure_role_profiles():
	for profile, roles in DEFAULT_ROLE_PROFILES.items():
		if frappe.db.exists("Role Profile", profile):
			continue
		frappe.get_doc(
			{"doctype": "Role Profile", "role_profile": profile, "roles": [{"role": role} for role in roles]}
		).insert(ignore_permissions=True)


# Defaults only: federations edit, disable or delete them; migrate never brings them back.
DEFAULT_KEY_GROUP_CATEGORIES = (
	("Women in Difficulty", "Key Women Group", "Medium"),
	("Left-behind Women", "Key Women Group", "Medium"),
	("Single Mothers", "Key Women Group", "Medium"),
	("Women with Disabilities", "Key Women Group", "Medium"),
	("Left-behind Children", "Key Children Group", "Medium"),
	("Children in Distress", "Key Children Group", "High"),
	("Families at Risk of Domestic Violence", "High-risk Family", "High"),
	("Families in Marriage Crisis", "High-risk Family", "Medium"),
)


def add_default_key_group_categories():
	for name, kind, risk_level in DEFAULT_KEY_GROUP_CATEGORIES:
		if not frappe.db.exists("Key Group Category", name):
			frappe.get_doc(
				{
					"doctype": "Key Group Category",
					"category_name": name,
					"kind": kind,
					"default_risk_level": risk_level,
				}
			).insert(ignore_permissions=True)


def compile_translations():
	"""Build the .mo catalogue from locale/*.po, so the app shows in Chinese without `bench build`."""
	from frappe.gettext.translate import _compile_translation, get_locales

	for locale in get_locales("fulian_grid"):
		_compile_translation("fulian_grid", locale, force=True)
	frappe.clear_cache()


# Records whose `modified` must not move on a repeated migrate.
_FINGERPRINT_QUERIES = {
	"DocType": {"module": "Fulian Grid"},
	"Report": {"module": "Fulian Grid"},
	"Workspace": {"module": "Fulian Grid"},
	"Number Card": {"module": "Fulian Grid"},
	"Print Format": {"module": "Fulian Grid"},
	"Workflow": {"document_type": ("like", "%")},
	"Role": {"name": ("in", APP_ROLES)},
	"Role Profile": {"name": ("in", list(DEFAULT_ROLE_PROFILES))},
	"Custom Field": {},
	"Property Setter": {},
}


def schema_fingerprint() -> str:
	"""A digest of the app's metadata records and their timestamps (for the migrate-twice check)."""
	state = {
		doctype: frappe.get_all(doctype, filters=filters, fields=["name", "modified"], order_by="name")
		for doctype, filters in _FINGERPRINT_QUERIES.items()
	}
	return hashlib.sha256(json.dumps(state, default=str, sort_keys=True).encode()).hexdigest()
