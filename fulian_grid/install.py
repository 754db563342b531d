"""Install and migrate: roles, role profiles and translations. Creates what is missing and never
overwrites what an administrator has since changed, so a second `bench migrate` changes nothing."""

import hashlib
import json
from pathlib import Path

import frappe

from fulian_grid.domain import msg
from fulian_grid.domain.masters import (
	DEFAULT_CONCERN_CATEGORIES,
	DEFAULT_CONCERN_ITEMS,
	DEFAULT_EVALUATION_CRITERIA,
	DEFAULT_KEY_GROUP_CATEGORIES,
	DEFAULT_LED_PROJECT_TYPES,
	DEFAULT_SERVICE_POINT_KINDS,
	DEFAULT_SIGNAGE_REQUIREMENTS,
	DEFAULT_TRAINING_TOPICS,
	DEFAULT_VOLUNTEER_SERVICE_KINDS,
)
from fulian_grid.roles import APP_ROLES, DEFAULT_ROLE_PROFILES, MODULE_PROFILE, ROLE_PICKING_ROLES
from fulian_grid.utils import MODULE


def after_install():
	ensure_vault()
	apply_first_run_defaults()
	ensure_roles()
	ensure_role_select()
	ensure_role_profiles()
	ensure_module_profile()
	compile_translations()  # the defaults below are stored in Chinese
	add_default_masters()
	add_workflows()
	add_kanban_boards()
	show_kanban_card_fields()
	translate_role_profile_names()
	add_brand_signage_defaults()
	ensure_erpnext_project_link()


def after_migrate():
	ensure_vault()
	ensure_roles()
	ensure_role_select()
	ensure_role_profiles()
	ensure_module_profile()
	ensure_settings_defaults()
	ensure_erpnext_project_link()
	compile_translations()


def ensure_vault():
	"""The vault's table, and the site key it is encrypted with: made once, at install, when no
	identity exists yet. Later a missing key stops identity reads with a clear error instead."""
	from frappe.utils.password import get_encryption_key

	from fulian_grid import submissions, vault

	get_encryption_key()
	vault.ensure_table()
	submissions.ensure_table()  # the field app's idempotency keys, beside the vault


def after_uninstall():
	from fulian_grid import submissions, vault

	frappe.db.sql_ddl(f"drop table if exists `{vault.TABLE}`")
	submissions.drop_table()
	# the app's users see Frappe's sidebar again
	for user in frappe.get_all("User", {"module_profile": MODULE_PROFILE}, pluck="name"):
		frappe.db.set_value("User", user, "module_profile", None)
		frappe.db.delete("Block Module", {"parenttype": "User", "parent": user})
	frappe.delete_doc("Module Profile", MODULE_PROFILE, ignore_missing=True, force=True)


def after_app_install(app_name: str):
	if app_name == "erpnext":
		ensure_erpnext_project_link()


def before_app_uninstall(app_name: str):
	if app_name == "erpnext":
		remove_erpnext_project_link()


# China's conventions, for what a new site has not set yet (Frappe's setup wizard would ask).
FIRST_RUN_SETTINGS = {
	"country": "China",
	"language": "zh",
	"time_zone": "Asia/Shanghai",
	"currency": "CNY",
	"date_format": "yyyy-mm-dd",
	"time_format": "HH:mm:ss",
}
# Apps whose setup wizard asks nothing beyond FIRST_RUN_SETTINGS.
_NO_OWN_WIZARD = {"frappe", "fulian_grid"}


def apply_first_run_defaults():
	"""On a site whose setup is not complete, fill the empty System Settings with China's
	conventions; a value the site already has is kept. With no other app's wizard to run, the
	setup is then complete, so users land in the desk rather than in Frappe's setup wizard."""
	if frappe.db.get_single_value("System Settings", "setup_complete"):
		return
	settings = frappe.get_single("System Settings")
	for field, value in FIRST_RUN_SETTINGS.items():
		if not settings.get(field):
			settings.set(field, value)
	# Frappe sends every user the traceback of a refused save (the server's files and code); a
	# site holding victims' records shows the message only. An administrator may turn it back on.
	settings.allow_error_traceback = 0
	settings.save(ignore_permissions=True)
	frappe.db.set_default("lang", settings.language)
	for user in frappe.STANDARD_USERS:
		if not frappe.db.get_value("User", user, "time_zone"):
			frappe.db.set_value("User", user, "time_zone", settings.time_zone)
	if set(frappe.get_installed_apps()) <= _NO_OWN_WIZARD:
		frappe.db.set_default("desktop:home_page", "workspace")
		frappe.db.set_single_value("System Settings", "setup_complete", 1)


def ensure_roles():
	for role_name in APP_ROLES:
		if not frappe.db.exists("Role", role_name):
			frappe.get_doc({"doctype": "Role", "role_name": role_name, "desk_access": 1}).insert(
				ignore_permissions=True
			)


def ensure_role_select():
	"""Those who give roles per grid pick the role in the assignment's Link field, which Frappe
	validates against Role: the "select" right on Role (role names, not a record to read or edit)."""
	from frappe.permissions import setup_custom_perms

	for role in ROLE_PICKING_ROLES:
		perm = {"parent": "Role", "role": role, "permlevel": 0, "if_owner": 0}
		if frappe.db.exists("Custom DocPerm", perm):
			if not frappe.db.get_value("Custom DocPerm", perm, "select"):
				frappe.db.set_value("Custom DocPerm", perm, "select", 1)
			continue
		setup_custom_perms("Role")
		frappe.get_doc(
			doctype="Custom DocPerm",
			parent="Role",
			parenttype="DocType",
			parentfield="permissions",
			role=role,
			permlevel=0,
			select=1,
			read=0,
		).insert(ignore_permissions=True)
		frappe.clear_cache(doctype="Role")


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


def ensure_module_profile():
	"""Made once, blocking every module but the app's; an administrator's later edits stay."""
	if frappe.db.exists("Module Profile", MODULE_PROFILE):
		return
	others = sorted(m for m in frappe.get_all("Module Def", pluck="name") if m != MODULE)
	frappe.get_doc(
		{
			"doctype": "Module Profile",
			"module_profile_name": MODULE_PROFILE,
			"block_modules": [{"module": module} for module in others],
		}
	).insert(ignore_permissions=True)


def add_default_masters():
	"""Create the shipped master records that are missing (install, and once by patch)."""
	for name, kind, risk_level in DEFAULT_KEY_GROUP_CATEGORIES:
		_insert_missing("Key Group Category", name, kind=kind, default_risk_level=risk_level)
	for name, mandatory_report in DEFAULT_CONCERN_CATEGORIES:
		_insert_missing("Concern Category", name, mandatory_report=mandatory_report)
	for name, category in DEFAULT_CONCERN_ITEMS:
		_insert_missing("Concern Item", name, concern_category=category)
	for (name,) in DEFAULT_TRAINING_TOPICS:
		_insert_missing("Training Topic", name)
	_add_default_criteria()
	add_project_and_service_masters()


def add_project_and_service_masters():
	"""Project types, volunteer service kinds, service point kinds (install, and once by patch)."""
	for (name,) in DEFAULT_LED_PROJECT_TYPES:
		_insert_missing("Led Project Type", name)
	for (name,) in DEFAULT_VOLUNTEER_SERVICE_KINDS:
		_insert_missing("Volunteer Service Kind", name)
	for (name,) in DEFAULT_SERVICE_POINT_KINDS:
		_insert_missing("Service Point Kind", name)


def _insert_missing(doctype: str, name: str, **values):
	if frappe.db.exists(doctype, name):
		return
	name_field = frappe.get_meta(doctype).autoname.removeprefix("field:")
	frappe.get_doc({"doctype": doctype, name_field: name, **values}).insert(ignore_permissions=True)


def add_brand_signage_defaults():
	"""The appendix-A signage checklist, once: an administrator may then change it freely."""
	settings = frappe.get_single("Fulian Settings")
	if settings.signage_requirements:
		return
	for (requirement,) in DEFAULT_SIGNAGE_REQUIREMENTS:
		settings.append("signage_requirements", {"requirement": frappe._(requirement, lang="zh")})
	settings.save(ignore_permissions=True)


ERPNEXT_PROJECT_FIELD = "Led Project-erpnext_project"


def ensure_erpnext_project_link():
	"""With ERPNext on the site, a led project may link to an ERPNext Project. The Link is a Custom
	Field made only then, so the app installs and works without ERPNext."""
	if "erpnext" not in frappe.get_installed_apps() or frappe.db.exists(
		"Custom Field", ERPNEXT_PROJECT_FIELD
	):
		return
	if not frappe.db.exists("DocType", "Project"):
		return
	frappe.get_doc(
		{
			"doctype": "Custom Field",
			"dt": "Led Project",
			"fieldname": "erpnext_project",
			"fieldtype": "Link",
			"options": "Project",
			"label": "ERPNext Project",
			"insert_after": "beneficiaries",
			"description": "Optional: the ERPNext project that carries tasks and costs",
		}
	).insert(ignore_permissions=True)


def remove_erpnext_project_link():
	if frappe.db.exists("Custom Field", ERPNEXT_PROJECT_FIELD):
		frappe.delete_doc("Custom Field", ERPNEXT_PROJECT_FIELD, ignore_permissions=True)


WORKFLOW_DIR = Path(__file__).parent / "setup" / "workflows"


def add_workflows():
	"""Create the shipped workflows once. An administrator's later edits in the Workflow builder
	stay: migrate never touches an existing workflow."""
	for path in sorted(WORKFLOW_DIR.glob("*.json")):
		definition = json.loads(path.read_text(encoding="utf-8"))
		styles = definition.pop("state_styles", {})
		if frappe.db.exists("Workflow", definition["name"]):
			continue
		for state in {row["state"] for row in definition["states"]}:
			_insert_missing("Workflow State", state, style=styles.get(state, ""))
		for action in {row["action"] for row in definition["transitions"]}:
			_insert_missing("Workflow Action Master", action)
		frappe.get_doc(definition).insert(ignore_permissions=True)


def add_kanban_boards():
	"""A Kanban board of infringement reports by stage."""
	name = KANBAN_BOARD
	if frappe.db.exists("Kanban Board", name):
		return
	options = frappe.get_meta("Infringement Report").get_field("status").options.split("\n")
	frappe.get_doc(
		{
			"doctype": "Kanban Board",
			"kanban_board_name": name,
			"reference_doctype": "Infringement Report",
			"field_name": "status",
			"private": 0,
			"columns": [{"column_name": option, "status": "Active"} for option in options],
		}
	).insert(ignore_permissions=True)


KANBAN_BOARD = msg("Infringement Reports by Stage")  # the board's title is translated in the desk
# What a card of the board shows besides the report's text: its number, where, how urgent, when.
KANBAN_CARD_FIELDS = ("name", "governance_grid", "urgency", "discovered_at")


def show_kanban_card_fields():
	"""Cards of the reports board show the fields that tell reports apart (once: a board whose
	cards an administrator has set up keeps them)."""
	if not frappe.db.exists("Kanban Board", KANBAN_BOARD):
		return
	board = frappe.get_doc("Kanban Board", KANBAN_BOARD)
	if json.loads(board.fields or "[]"):
		return
	board.fields = json.dumps(KANBAN_CARD_FIELDS)
	board.show_labels = 1
	board.save(ignore_permissions=True)


def translate_role_profile_names():
	"""The app's role profiles are named by English msgids: the desk shows Role Profile links
	translated, as it does for roles."""
	from frappe.custom.doctype.property_setter.property_setter import make_property_setter

	if frappe.db.exists("Property Setter", {"doc_type": "Role Profile", "property": "translated_doctype"}):
		return
	make_property_setter(
		"Role Profile",
		None,
		"translated_doctype",
		1,
		"Check",
		for_doctype=True,
		validate_fields_for_doctype=False,
	)


def _add_default_criteria():
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
	"Module Profile": {"name": MODULE_PROFILE},
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
