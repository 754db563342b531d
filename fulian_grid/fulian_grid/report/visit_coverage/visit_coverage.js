// Copyright (c) 2026, fulian_grid developers
// License: MIT. See LICENSE

frappe.query_reports["Visit Coverage"] = {
	filters: [
		{ fieldname: "governance_grid", label: __("Governance Grid"), fieldtype: "Link", options: "Governance Grid" },
		{
			fieldname: "level",
			label: __("Grid Level"),
			fieldtype: "Select",
			options: ["County", "Township", "Community", "Village", "Grid", "Micro-grid"],
			default: "Grid",
		},
		{ fieldname: "from_date", label: __("From Date"), fieldtype: "Date", default: frappe.datetime.month_start() },
		{ fieldname: "to_date", label: __("To Date"), fieldtype: "Date", default: frappe.datetime.month_end() },
	],
};
