// Copyright (c) 2026, fulian_grid developers
// License: MIT. See LICENSE

frappe.ui.form.on("Duty Evaluation", {
	refresh(frm) {
		if (frm.doc.docstatus === 0 && !frm.is_new()) {
			frm.add_custom_button(__("Recompute Indicators"), () => frm.save());
		}
	},
});

frappe.ui.form.on("Duty Evaluation Line", {
	open_evidence(frm, cdt, cdn) {
		const row = locals[cdt][cdn];
		if (!row.evidence_url) {
			frappe.msgprint(
				row.source_available
					? __("No records were counted for this line")
					: __("Source not available"),
			);
			return;
		}
		window.open(row.evidence_url);
	},
});
