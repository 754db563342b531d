// Copyright (c) 2026, fulian_grid developers
// License: MIT. See LICENSE

frappe.query_reports["Visit Coverage"] = {
	filters: [
		fulian_grid.reports.grid_filter(),
		fulian_grid.reports.level_filter(
			["County", "Township", "Community", "Village", "Grid", "Micro-grid"],
			"Grid",
		),
		...fulian_grid.reports.date_filters(frappe.datetime.month_start(), frappe.datetime.month_end()),
	],
};
