// Copyright (c) 2026, fulian_grid developers
// License: MIT. See LICENSE

frappe.query_reports["My Led Projects"] = {
	filters: [],
	formatter(value, row, column, data, default_formatter) {
		value = default_formatter(value, row, column, data);
		if (data && data.milestone_overdue && column.fieldname === "next_milestone_due") {
			value = `<span class="text-danger">${value}</span>`;
		}
		return value;
	},
};
