// Copyright (c) 2026, fulian_grid developers
// License: MIT. See LICENSE

frappe.ui.form.on("Case Referral", {
	refresh(frm) {
		if (frm.is_new()) return;
		// the server decides what the letter may carry (its consent or legal basis)
		frm.add_custom_button(__("Referral Letter (.docx)"), () => {
			fulian_grid.download("fulian_grid.api.casework.download_referral_letter", {
				name: frm.doc.name,
			});
		});
	},
});
