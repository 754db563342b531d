// Copyright (c) 2026, fulian_grid developers
// License: MIT. See LICENSE

frappe.query_reports["Visit Schedule"] = {
	filters: [
		{ fieldname: "governance_grid", label: __("Governance Grid"), fieldtype: "Link", options: "Governance Grid" },
		{ fieldname: "on", label: __("As On"), fieldtype: "Date", default: frappe.datetime.get_today() },
	],
};
