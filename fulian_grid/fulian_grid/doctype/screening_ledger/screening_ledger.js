// Copyright (c) 2026, fulian_grid developers
// License: MIT. See LICENSE

frappe.ui.form.on("Screening Ledger", {
	refresh(frm) {
		if (!frm.is_new() && frappe.model.can_create("Home Visit")) {
			frm.add_custom_button(__("Log Home Visit"), () => {
				frappe.new_doc("Home Visit", {
					screening_ledger: frm.doc.name,
					governance_grid: frm.doc.governance_grid,
					federation_executive: frm.doc.responsible_executive,
					visit_date: frappe.datetime.get_today(),
				});
			});
		}
	},
});
