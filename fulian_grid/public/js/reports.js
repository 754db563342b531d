// The pieces the app's reports and forms share (hooks.py app_include_js): the filters most reports
// take and the one way a Word export is downloaded. Called by their full names: a report's script runs in the
// page's global scope, where a top-level declaration would clash with the next report's.
frappe.provide("fulian_grid.reports");

fulian_grid.reports.grid_filter = () => ({
	fieldname: "governance_grid",
	label: __("Governance Grid"),
	fieldtype: "Link",
	options: "Governance Grid",
});

fulian_grid.reports.level_filter = (levels, default_level) => ({
	fieldname: "level",
	label: __("Grid Level"),
	fieldtype: "Select",
	options: levels,
	default: default_level,
});

fulian_grid.reports.date_filters = (from_date, to_date) => [
	{ fieldname: "from_date", label: __("From Date"), fieldtype: "Date", default: from_date },
	{ fieldname: "to_date", label: __("To Date"), fieldtype: "Date", default: to_date },
];

fulian_grid.reports.last_twelve_months = () =>
	fulian_grid.reports.date_filters(
		frappe.datetime.add_months(frappe.datetime.get_today(), -12),
		frappe.datetime.get_today(),
	);

// a POST in this window: the file downloads, no blank tab, the arguments stay out of URLs and logs
fulian_grid.download = (method, args) => open_url_post(`/api/method/${method}`, args);

fulian_grid.reports.word_button = (report, label, method) =>
	report.page.add_inner_button(label, () => fulian_grid.download(method, report.get_filter_values()));
