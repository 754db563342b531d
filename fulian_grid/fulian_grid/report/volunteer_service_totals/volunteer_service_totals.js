// Copyright (c) 2026, fulian_grid developers
// License: MIT. See LICENSE

frappe.query_reports["Volunteer Service Totals"] = {
	filters: [
		{ fieldname: "per", label: __("Totals By"), fieldtype: "Select", options: ["Per Team", "Per Volunteer"], default: "Per Team" },
		{ fieldname: "governance_grid", label: __("Governance Grid"), fieldtype: "Link", options: "Governance Grid" },
		{ fieldname: "from_date", label: __("From Date"), fieldtype: "Date", default: frappe.datetime.add_months(frappe.datetime.get_today(), -12) },
		{ fieldname: "to_date", label: __("To Date"), fieldtype: "Date", default: frappe.datetime.get_today() },
	],
};
