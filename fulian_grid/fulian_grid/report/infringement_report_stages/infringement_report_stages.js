// Copyright (c) 2026, fulian_grid developers
// License: MIT. See LICENSE

frappe.query_reports["Infringement Report Stages"] = {
	filters: [
		{ fieldname: "governance_grid", label: __("Governance Grid"), fieldtype: "Link", options: "Governance Grid" },
		{
			fieldname: "level",
			label: __("Grid Level"),
			fieldtype: "Select",
			options: ["City", "County", "Township", "Community", "Village", "Grid"],
			default: "County",
		},
		{ fieldname: "from_date", label: __("From Date"), fieldtype: "Date" },
		{ fieldname: "to_date", label: __("To Date"), fieldtype: "Date" },
	],
};
