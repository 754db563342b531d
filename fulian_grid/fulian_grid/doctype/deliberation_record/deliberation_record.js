// Copyright (c) 2026, fulian_grid developers
// License: MIT. See LICENSE

frappe.ui.form.on("Deliberation Record", {
	refresh(frm) {
		if (!frm.is_new()) {
			frm.add_custom_button(__("Appendix E Form (.docx)"), () => {
				fulian_grid.download("fulian_grid.api.deliberation.download_deliberation_record", {
					name: frm.doc.name,
				});
			});
		}
	},
});
