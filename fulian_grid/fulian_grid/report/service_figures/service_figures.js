// Copyright (c) 2026, fulian_grid developers
// License: MIT. See LICENSE

frappe.query_reports["Service Figures"] = {
	filters: [fulian_grid.reports.grid_filter(), ...fulian_grid.reports.last_twelve_months()],
};
