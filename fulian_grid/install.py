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
	add_default_duty_masters()
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


# The six areas of executives' training (standard ch. 9). Defaults only, as above.
DEFAULT_TRAINING_TOPICS = (
	("Policy and Law Publicity",),
	("Basic Information Collection",),
	("Public Opinion Collection",),
	("Safety-hazard Screening",),
	("Dispute Screening and Resolution",),
	("Livelihood Services",),
)

# Duty evaluation criteria: (name, indicator, weight %, target per period, how it is measured).
# Weights add up to 100. Defaults only, as above.
DEFAULT_EVALUATION_CRITERIA = (
	("Home Visits", "Visits Made", 20, 30, "Submitted home visits she made in the period"),
	("Risk Screening", "Ledger Entries Screened", 15, 20, "Screening ledger entries she screened"),
	("Timely Reporting", "Reports Raised On Time", 10, 2, "Infringement reports she raised on time"),
	("Grid Deliberation", "Deliberations Convened", 10, 4, "Women's deliberations she convened"),
	("Projects Led", "Projects Led", 10, 1, "Projects she started leading in the period"),
	("Projects Completed", "Projects Completed", 10, 1, "Projects she led to completion"),
	("Volunteer Service", "Volunteer Hours", 10, 20, "Hours of volunteer service"),
	("Training", "Trainings Attended", 10, 4, "Duty-capacity trainings she attended"),
	("Committee Meetings", "Meetings Attended", 5, 4, "Executive committee meetings she attended"),
)


def add_default_duty_masters():
	for (name,) in DEFAULT_TRAINING_TOPICS:
		if not frappe.db.exists("Training Topic", name):
			frappe.get_doc({"doctype": "Training Topic", "topic_name": name}).insert(ignore_permissions=True)
	if frappe.db.count("Evaluation Criterion"):
		return  # the criteria are a set whose weights add up to 100: never top up an edited set
	for name, indicator, weight, target, measurement in DEFAULT_EVALUATION_CRITERIA:
		criterion = frappe.get_doc(
			{
				"doctype": "Evaluation Criterion",
				"criterion_name": name,
				"indicator": indicator,
				"weight": weight,
				"target": target,
				"measurement": measurement,
			}
		)
		criterion.flags.ignore_total_weight_warning = True
		criterion.insert(ignore_permissions=True)


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
