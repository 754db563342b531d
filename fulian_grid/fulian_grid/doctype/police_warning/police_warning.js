// Copyright (c) 2026, fulian_grid developers
// License: MIT. See LICENSE

frappe.ui.form.on("Police Warning", {
	refresh(frm) {
		if (!frm.is_new() && !frm.doc.infringement_report && frappe.model.can_create("Infringement Report")) {
			frm.add_custom_button(__("Start an Infringement Report"), () => {
				frappe.model.open_mapped_doc({
					method: "fulian_grid.api.infringement.make_from_police_warning",
					frm,
				});
			});
		}
		if (frm.doc.is_overdue) {
			frm.dashboard.set_headline(__("A follow-up visit is overdue"), "red");
		}
	},
});
