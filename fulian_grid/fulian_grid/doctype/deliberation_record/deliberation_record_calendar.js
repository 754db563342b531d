// Copyright (c) 2026, fulian_grid developers
// License: MIT. See LICENSE

frappe.views.calendar["Deliberation Record"] = {
	field_map: {
		start: "start_time",
		end: "end_time",
		id: "name",
		title: "topic",
	},
	filters: [
		{
			fieldtype: "Select",
			fieldname: "deliberation_form",
			options: ["", "Centralized", "On-site", "Door-to-door", "Reception"],
			label: __("Form of Deliberation"),
		},
	],
	get_events_method: "frappe.desk.calendar.get_events",
};
