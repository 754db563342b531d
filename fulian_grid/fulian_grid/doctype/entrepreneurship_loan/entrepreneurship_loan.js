// Copyright (c) 2026, fulian_grid developers
// License: MIT. See LICENSE

frappe.ui.form.on("Entrepreneurship Loan", {
	refresh(frm) {
		fulian_grid.identity.setup(frm);
	},
});
