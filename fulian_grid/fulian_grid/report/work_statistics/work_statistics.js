// Copyright (c) 2026, fulian_grid developers
// License: MIT. See LICENSE

frappe.query_reports["Work Statistics"] = {
	filters: [
		{ fieldname: "governance_grid", label: __("Governance Grid"), fieldtype: "Link", options: "Governance Grid" },
		{ fieldname: "from_date", label: __("From Date"), fieldtype: "Date", default: frappe.datetime.year_start() },
		{ fieldname: "to_date", label: __("To Date"), fieldtype: "Date", default: frappe.datetime.year_end() },
	],
	formatter(value, row, column, data, default_formatter) {
		value = default_formatter(value, row, column, data);
		return data && data.is_total ? `<b>${value}</b>` : value;
	},
	onload(report) {
		report.page.add_inner_button(__("Work Statistics (Word)"), () => {
			// a POST in this window: the file downloads, no blank tab, the filters stay out of URLs
			open_url_post("/api/method/fulian_grid.api.statistics.download_work_statistics", report.get_filter_values());
		});
	},
};
