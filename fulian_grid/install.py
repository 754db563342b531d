"""Install and migrate: roles, role profiles and translations. Creates what is missing and never
overwrites what an administrator has since changed, so a second `bench migrate` changes nothing."""

import hashlib
import json

import frappe

from fulian_grid.roles import APP_ROLES, DEFAULT_ROLE_PROFILES


def after_install():
	ensure_roles()
	ensure_role_profiles()
	compile_translations()


def after_migrate():
	ensure_roles()
	ensure_role_profiles()
	compile_translations()


def ensure_roles():
	for role_name in APP_ROLES:
		if not frappe.db.exists("Role", role_name):
			frappe.get_doc({"doctype": "Role", "role_name": role_name, "desk_access": 1}).insert(
				ignore_permissions=True
			)


def ensure_role_profiles():
	for profile, roles in DEFAULT_ROLE_PROFILES.items():
		if frappe.db.exists("Role Profile", profile):
			continue
		frappe.get_doc(
			{"doctype": "Role Profile", "role_profile": profile, "roles": [{"role": role} for role in roles]}
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
