from fulian_grid.template_guard import TEMPLATE_FIELDS

app_name = "fulian_grid"
app_title = "Fulian Grid"
app_publisher = "fulian_grid developers"
app_description = "妇联网格 — Women's Federation grid-based social governance"
app_email = "dev@fulian-grid.example"
app_license = "mit"
app_logo_url = "/assets/fulian_grid/images/logo.svg"

app_include_js = [
	"/assets/fulian_grid/js/identity.js",
	"/assets/fulian_grid/js/move_to_grid.js",
	"/assets/fulian_grid/js/desk.js",
	"/assets/fulian_grid/js/reports.js",
]
app_include_css = "/assets/fulian_grid/css/desk.css"

boot_session = "fulian_grid.boot.boot_session"

export_python_type_annotations = True
require_type_annotated_api_methods = True

after_install = "fulian_grid.install.after_install"
after_migrate = "fulian_grid.install.after_migrate"
# ERPNext is optional: a led project links to an ERPNext Project only where ERPNext is installed.
after_app_install = "fulian_grid.install.after_app_install"
before_app_uninstall = "fulian_grid.install.before_app_uninstall"
after_uninstall = "fulian_grid.install.after_uninstall"  # the vault's table is no DocType

# Every DocType whose records live somewhere in the governance grid. Each carries a
# `governance_grid` link (the tree itself is placed by its own position) and is filtered by the
# one rule in permissions.py on every path: lists, counts, link search, exports, get, print.
_GRID_SCOPED_DOCTYPES = (
	"Governance Grid",
	"Women Federation",
	"Women Group",
	"Federation Executive",
	"Screening Ledger",
	"Home Visit",
	"Infringement Report",
	"Protection Order",
	"Police Warning",
	"Consent Record",
	"Case Referral",
	"Impact Assessment",
	"Data Subject Request",
	"Deliberation Record",
	"Executive Committee Meeting",
	"Suggestion",
	"Training Session",
	"Duty Report",
	"Duty Evaluation",
	"Talent Pool Entry",
	"Commendation",
	"Led Project",
	"Fulian Volunteer",
	"Volunteer Team",
	"Volunteer Project",
	"Service Point",
	"Service Request",
	"Service Session",
	"Family Selection",
	"Entrepreneurship Loan",
	"Divorce Counselling",
	"Distress Relief",
	"Identity Access Log",
)

# Frappe's own records about app records follow the record (traces.py)
_TRACE_DOCTYPES = (
	"Version",
	"Comment",
	"ToDo",
	"File",
	"Tag Link",
	"DocShare",
	"Access Log",
	"View Log",
	"Activity Log",
	"Notification Log",
	"Communication",
	"Deleted Document",
	"Document Follow",
)

permission_query_conditions = {
	**{doctype: "fulian_grid.permissions.query_conditions" for doctype in _GRID_SCOPED_DOCTYPES},
	**{doctype: "fulian_grid.traces.query_conditions" for doctype in _TRACE_DOCTYPES},
	"Grid Role Assignment": "fulian_grid.permissions.assignment_query_conditions",
	"Retention Run": "fulian_grid.permissions.retention_query_conditions",
}

has_permission = {
	**{doctype: "fulian_grid.permissions.has_permission" for doctype in _GRID_SCOPED_DOCTYPES},
	**{doctype: "fulian_grid.traces.has_permission" for doctype in _TRACE_DOCTYPES},
	"Grid Role Assignment": "fulian_grid.permissions.assignment_has_permission",
	"Fulian Settings": "fulian_grid.permissions.settings_has_permission",
	"Retention Run": "fulian_grid.permissions.retention_has_permission",
	# the grid rule plus: an executive never changes her own evaluation
	"Duty Evaluation": "fulian_grid.permissions.evaluation_has_permission",
}

# Frappe methods served by the app's scoped implementation (boundary.json, "scoped")
override_whitelisted_methods = {
	"frappe.client.get_count": "fulian_grid.api.platform.get_count",
	"frappe.client.validate_link": "fulian_grid.api.platform.validate_link",
	"frappe.desk.search.get_link_title": "fulian_grid.api.platform.get_link_title",
	"frappe.desk.doctype.number_card.number_card.get_result": "fulian_grid.api.platform.number_card_result",
	"frappe.desk.listview.get_group_by_count": "fulian_grid.api.platform.get_group_by_count",
	"run_doc_method": "fulian_grid.api.platform.run_doc_method",
	"frappe.www.printview.get_html_and_style": "fulian_grid.api.platform.print_html_and_style",
	"frappe.utils.print_format.download_pdf": "fulian_grid.api.platform.download_pdf",
	"frappe.model.workflow.get_transitions": "fulian_grid.api.platform.get_transitions",
	"frappe.desk.search.search_link": "fulian_grid.api.search.search_link",
	"frappe.desk.like.toggle_like": "fulian_grid.api.platform.toggle_like",
	"frappe.desk.form.document_follow.follow_document": "fulian_grid.api.platform.follow_document",
	"frappe.desk.form.document_follow.update_follow": "fulian_grid.api.platform.update_follow",
	"frappe.desk.form.document_follow.unfollow_document": "fulian_grid.api.platform.unfollow_document",
	"frappe.desk.doctype.tag.tag.add_tag": "fulian_grid.api.platform.add_tag",
	"frappe.desk.doctype.tag.tag.add_tags": "fulian_grid.api.platform.add_tags",
	"frappe.desk.doctype.tag.tag.remove_tag": "fulian_grid.api.platform.remove_tag",
	"frappe.desk.doctype.dashboard_chart.dashboard_chart.get": "fulian_grid.api.platform.dashboard_chart",
	"frappe.desk.query_report.run": "fulian_grid.api.platform.run_report",
	"frappe.desk.form.load.getdoc": "fulian_grid.api.platform.getdoc",
	"frappe.workflow.doctype.workflow.workflow.get_workflow_state_count": (
		"fulian_grid.api.platform.get_workflow_state_count"
	),
}

# The field app (frontend/, served at /fulian like frappe/hrms serves /hrms): its routes and its
# service worker (pwa.py)
website_route_rules = [{"from_route": "/fulian/<path:app_path>", "to_route": "fulian"}]
page_renderer = ["fulian_grid.pwa.ServiceWorkerPage"]

# THE boundary: every HTTP call is classified before it runs (boundary.py, deny by default)
before_request = ["fulian_grid.boundary.before_request", "fulian_grid.replica.before_request"]
# a table sent as text (or anything but a list of rows) refused before Frappe builds the document
before_request.append("fulian_grid.input_guard.before_request")

jinja = {
	"methods": ["fulian_grid.api.org_chart.org_chart_rows", "fulian_grid.template_guard.readable_value"],
}

doc_events = {
	# every scoped record carries its grid's tree path, which list queries filter on
	**{
		doctype: {
			"validate": [
				"fulian_grid.permissions.stamp_grid_path",
				# workflow steps by the roles held where the record lies, not site-wide
				"fulian_grid.permissions.check_workflow_transition",
			]
		}
		for doctype in (*_GRID_SCOPED_DOCTYPES, "Grid Role Assignment")
		if doctype != "Governance Grid"
	},
	# identity fields of every app DocType (custom fields too): values into the vault, masked
	# copies in the columns (vault.py); "*" runs after the DocType's own hooks
	"*": {
		"before_validate": "fulian_grid.vault.open_identities",
		"validate": "fulian_grid.vault.seal_identities",
		"before_update_after_submit": "fulian_grid.vault.reseal_identities",
		"on_trash": "fulian_grid.vault.forget_record",
		"after_rename": "fulian_grid.vault.rename_record",
		"onload": "fulian_grid.privacy.set_onload",
	},
	"File": {"validate": "fulian_grid.traces.keep_attachments_private"},
	"Document Share Key": {"validate": "fulian_grid.traces.refuse_share_keys"},
	# templates are code: none reads records past the per-grid rule (template_guard.py)
	**{doctype: {"validate": "fulian_grid.template_guard.check_template"} for doctype in TEMPLATE_FIELDS},
	"Property Setter": {
		"validate": "fulian_grid.traces.refuse_foreign_links",
		"on_update": "fulian_grid.vault.seal_after_customize",
	},
	"Custom Field": {
		"validate": "fulian_grid.traces.refuse_foreign_links",
		"on_update": "fulian_grid.vault.seal_after_customize",
	},
}

# Server-owned fields (server_owned.py): a client's change is refused before the controllers
# recompute them, on every write path; the desk's bulk edit is checked before it is queued.
doc_events["*"]["before_validate"] = [
	doc_events["*"]["before_validate"],
	"fulian_grid.server_owned.refuse_client_changes",
]
doc_events["*"]["before_update_after_submit"] = [
	doc_events["*"]["before_update_after_submit"],
	"fulian_grid.server_owned.refuse_client_changes",
]
# HTML sanitised on every write path, before the vault takes identity values (sanitize.py).
doc_events["*"]["before_validate"].append("fulian_grid.sanitize.sanitize_document")
# Values that cannot fit their field refused before anything else reads them (input_guard.py).
doc_events["*"]["before_validate"].insert(0, "fulian_grid.input_guard.guard_document")
doc_events["*"]["before_update_after_submit"].insert(0, "fulian_grid.sanitize.sanitize_document")
doc_events["*"]["before_update_after_submit"].insert(0, "fulian_grid.input_guard.guard_document")
# A table row stays in the record it belongs to: a saved document naming another record's row would
# have Frappe update that row where it lies and move it here (permissions.keep_rows_in_their_record).
doc_events["*"]["before_validate"].insert(0, "fulian_grid.permissions.keep_rows_in_their_record")
doc_events["*"]["before_update_after_submit"].insert(0, "fulian_grid.permissions.keep_rows_in_their_record")
doc_events["*"]["before_cancel"] = "fulian_grid.permissions.keep_rows_in_their_record"
# A user who has just written reads from the primary, not from a replica that may not have it yet.
doc_events["*"]["on_change"] = "fulian_grid.replica.note_write"
doc_events["*"]["on_trash"] = [doc_events["*"]["on_trash"], "fulian_grid.replica.note_write"]
override_whitelisted_methods["frappe.desk.doctype.bulk_update.bulk_update.submit_cancel_or_update_docs"] = (
	"fulian_grid.server_owned.bulk_edit"
)

scheduler_events = {
	"hourly": [
		"fulian_grid.fulian_grid.doctype.infringement_report.infringement_report.escalate_overdue_reports",
		"fulian_grid.privacy.remove_finished_import_files",
	],
	"daily": [
		"fulian_grid.fulian_grid.doctype.screening_ledger.screening_ledger.notify_overdue_visits",
		"fulian_grid.fulian_grid.doctype.protection_order.protection_order.alert_protection_orders",
		"fulian_grid.fulian_grid.doctype.police_warning.police_warning.notify_overdue_follow_ups",
		"fulian_grid.fulian_grid.doctype.infringement_report.infringement_report.flag_late_mandatory_reports",
		"fulian_grid.fulian_grid.doctype.impact_assessment.impact_assessment.remind_reviews",
		"fulian_grid.fulian_grid.doctype.data_subject_request.data_subject_request.remind_overdue_requests",
	],
}

fixtures = []

# access logs outlive the records they are about: deleting a record never waits on its log
ignore_links_on_delete = ["Identity Access Log"]
