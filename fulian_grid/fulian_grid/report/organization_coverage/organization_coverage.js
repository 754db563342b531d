// Copyright (c) 2026, fulian_grid developers
// License: MIT. See LICENSE

frappe.query_reports["Organization Coverage"] = {
	filters: [fulian_grid.reports.grid_filter()],
};
