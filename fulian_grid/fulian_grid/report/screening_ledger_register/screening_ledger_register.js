// Copyright (c) 2026, fulian_grid developers
// License: MIT. See LICENSE

frappe.query_reports["Screening Ledger Register"] = {
	filters: [
		{ fieldname: "governance_grid", label: __("Governance Grid"), fieldtype: "Link", options: "Governance Grid" },
		{ fieldname: "from_date", label: __("From Date"), fieldtype: "Date" },
		{ fieldname: "to_date", label: __("To Date"), fieldtype: "Date" },
		{
			fieldname: "status",
			label: __("Status"),
			fieldtype: "Select",
			options: ["", "Active", "Resolved", "Moved Away", "Closed"],
		},
	],
	onload(report) {
		report.page.add_inner_button(__("Appendix D (Word)"), () => {
			// a POST in this window: the file downloads, no blank tab, the filters stay out of URLs
			open_url_post("/api/method/fulian_grid.api.ledger.download_screening_ledger", report.get_filter_values());
		});
	},
};
