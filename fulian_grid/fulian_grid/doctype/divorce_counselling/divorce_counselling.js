// Copyright (c) 2026, fulian_grid developers
// License: MIT. See LICENSE

frappe.ui.form.on("Divorce Counselling", {
	refresh(frm) {
		fulian_grid.identity.setup(frm);
	},
});
