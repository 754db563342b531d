// Copyright (c) 2026, fulian_grid developers
// License: MIT. See LICENSE

frappe.query_reports["Infringement Report Stages"] = {
	filters: [
		fulian_grid.reports.grid_filter(),
		fulian_grid.reports.level_filter(
			["City", "County", "Township", "Community", "Village", "Grid"],
			"County",
		),
		...fulian_grid.reports.date_filters(),
	],
};
