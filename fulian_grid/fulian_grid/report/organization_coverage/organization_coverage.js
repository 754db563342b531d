// Copyright (c) 2026, fulian_grid developers
// License: MIT. See LICENSE

frappe.query_reports["Organization Coverage"] = {
	filters: [
		{
			fieldname: "governance_grid",
			label: __("Governance Grid"),
			fieldtype: "Link",
			options: "Governance Grid",
		},
	],
};
