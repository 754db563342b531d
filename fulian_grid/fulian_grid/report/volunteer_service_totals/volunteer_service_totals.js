// Copyright (c) 2026, fulian_grid developers
// License: MIT. See LICENSE

frappe.query_reports["Volunteer Service Totals"] = {
	filters: [
		{
			fieldname: "per",
			label: __("Totals By"),
			fieldtype: "Select",
			options: ["Per Team", "Per Volunteer"],
			default: "Per Team",
		},
		fulian_grid.reports.grid_filter(),
		...fulian_grid.reports.last_twelve_months(),
	],
};
