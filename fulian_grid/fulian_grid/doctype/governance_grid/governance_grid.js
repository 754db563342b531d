// Copyright (c) 2026, fulian_grid developers
// License: MIT. See LICENSE

frappe.ui.form.on("Governance Grid", {
	refresh(frm) {
		if (!frm.is_new() && frm.doc.is_group) {
			frm.add_custom_button(__("Add Child Node"), () => {
				frappe.new_doc("Governance Grid", { parent_governance_grid: frm.doc.name });
			});
		}
	},
});
