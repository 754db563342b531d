// Copyright (c) 2026, fulian_grid developers
// License: MIT. See LICENSE

frappe.ui.form.on("Home Visit", {
	refresh(frm) {
		if (!frm.is_new()) {
			frm.add_custom_button(__("Report Infringement"), () => {
				frappe.model.open_mapped_doc({
					method: "fulian_grid.api.infringement.make_from_home_visit",
					frm,
				});
			});
		}
	},
});
