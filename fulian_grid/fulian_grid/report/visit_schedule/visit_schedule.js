// Copyright (c) 2026, fulian_grid developers
// License: MIT. See LICENSE

frappe.query_reports["Visit Schedule"] = {
	filters: [
		fulian_grid.reports.grid_filter(),
		{ fieldname: "on", label: __("As On"), fieldtype: "Date", default: frappe.datetime.get_today() },
	],
};
