// Copyright (c) 2026, fulian_grid developers
// License: MIT. See LICENSE

frappe.ui.form.on("Grid Role Assignment", {
	setup(frm) {
		frm.set_query("role", () => ({ query: "fulian_grid.api.assignment.assignable_roles" }));
		frm.set_query("governance_grid", () => ({ query: "fulian_grid.api.assignment.assignable_grids" }));
	},
});
