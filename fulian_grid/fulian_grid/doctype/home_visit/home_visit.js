// Copyright (c) 2026, fulian_grid developers
// License: MIT. See LICENSE

frappe.ui.form.on("Home Visit", {
	refresh(frm) {
		fulian_grid.identity.setup(frm);
	},
});
