// Copyright (c) 2026, fulian_grid developers
// License: MIT. See LICENSE

frappe.ui.form.on("Home Visit", {
	onload(frm) {
		if (frm.is_new() && frm.doc.screening_ledger && !frm.doc.governance_grid) {
			frm.trigger("screening_ledger");
		}
	},
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
	// a visit of a ledger entry lies in the entry's grid (the server checks it) and is made, as a
	// rule, by the executive responsible for the entry
	async screening_ledger(frm) {
		if (!frm.doc.screening_ledger) return;
		const { message: entry } = await frappe.db.get_value("Screening Ledger", frm.doc.screening_ledger, [
			"governance_grid",
			"responsible_executive",
		]);
		if (!entry) return;
		await frm.set_value("governance_grid", entry.governance_grid);
		if (!frm.doc.federation_executive && entry.responsible_executive) {
			await frm.set_value("federation_executive", entry.responsible_executive);
		}
	},
});
