// Copyright (c) 2026, fulian_grid developers
// License: MIT. See LICENSE

frappe.query_reports["Work Statistics"] = {
	filters: [
		fulian_grid.reports.grid_filter(),
		...fulian_grid.reports.date_filters(frappe.datetime.year_start(), frappe.datetime.year_end()),
	],
	formatter(value, row, column, data, default_formatter) {
		value = default_formatter(value, row, column, data);
		return data && data.is_total ? `<b>${value}</b>` : value;
	},
	onload(report) {
		fulian_grid.reports.word_button(
			report,
			__("Work Statistics (Word)"),
			"fulian_grid.api.statistics.download_work_statistics",
		);
	},
};
