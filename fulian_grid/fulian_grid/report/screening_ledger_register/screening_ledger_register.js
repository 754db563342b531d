// Copyright (c) 2026, fulian_grid developers
// License: MIT. See LICENSE

frappe.query_reports["Screening Ledger Register"] = {
	filters: [
		fulian_grid.reports.grid_filter(),
		...fulian_grid.reports.date_filters(),
		{
			fieldname: "status",
			label: __("Status"),
			fieldtype: "Select",
			options: ["", "Active", "Resolved", "Moved Away", "Closed"],
		},
	],
	onload(report) {
		fulian_grid.reports.word_button(
			report,
			__("Appendix D (Word)"),
			"fulian_grid.api.ledger.download_screening_ledger",
		);
	},
};
