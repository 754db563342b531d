app_name = "fulian_grid"
app_title = "Fulian Grid"
app_publisher = "fulian_grid developers"
app_description = "妇联网格 — Women's Federation grid-based social governance"
app_email = "dev@fulian-grid.example"
app_license = "mit"
app_logo_url = "/assets/fulian_grid/images/logo.svg"

app_include_js = ["/assets/fulian_grid/js/identity.js", "/assets/fulian_grid/js/desk.js"]
app_include_css = "/assets/fulian_grid/css/desk.css"

boot_session = "fulian_grid.boot.boot_session"

export_python_type_annotations = True
require_type_annotated_api_methods = True

after_install = "fulian_grid.install.after_install"
after_migrate = "fulian_grid.install.after_migrate"
# ERPNext is optional: a led project links to an ERPNext Project only where ERPNext is installed.
after_app_install = "fulian_grid.install.after_app_install"
before_app_uninstall = "fulian_grid.install.before_app_uninstall"

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
)

permission_query_conditions = {
	**{doctype: "fulian_grid.permissions.query_conditions" for doctype in _GRID_SCOPED_DOCTYPES},
	"Grid Role Assignment": "fulian_grid.permissions.assignment_query_conditions",
}

has_permission = {
	**{doctype: "fulian_grid.permissions.has_permission" for doctype in _GRID_SCOPED_DOCTYPES},
	"Grid Role Assignment": "fulian_grid.permissions.assignment_has_permission",
	"Fulian Settings": "fulian_grid.permissions.settings_has_permission",
	# the grid rule plus: an executive never changes her own evaluation
	"Duty Evaluation": "fulian_grid.permissions.evaluation_has_permission",
}

override_whitelisted_methods = {
	"frappe.client.get_count": "fulian_grid.api.platform.get_count",
	"frappe.desk.search.search_link": "fulian_grid.api.search.search_link",
}

jinja = {
	"methods": ["fulian_grid.api.org_chart.org_chart_rows"],
}

doc_events = {
	# every scoped record carries its grid's tree path, which list queries filter on
	doctype: {"validate": "fulian_grid.permissions.stamp_grid_path"}
	for doctype in (*_GRID_SCOPED_DOCTYPES, "Grid Role Assignment")
	if doctype != "Governance Grid"
}

scheduler_events = {
	"hourly": [
		"fulian_grid.fulian_grid.doctype.infringement_report.infringement_report.escalate_overdue_reports"
	],
	"daily": ["fulian_grid.fulian_grid.doctype.screening_ledger.screening_ledger.notify_overdue_visits"],
}

fixtures = []
