// Copyright (c) 2026, fulian_grid developers
// License: MIT. See LICENSE

frappe.ui.form.on("Protection Order", {
	refresh(frm) {
		set_victim_options(frm);
		if (!frm.is_new()) {
			frm.add_custom_button(__("Application (.docx)"), () => {
				fulian_grid.download("fulian_grid.api.casework.download_protection_order_application", {
					name: frm.doc.name,
				});
			});
		}
		if (frm.doc.is_overdue) {
			frm.dashboard.set_headline(__("The court's decision is overdue"), "red");
		} else if (frm.doc.status === "Awaiting Decision" && frm.doc.decision_due) {
			frm.dashboard.set_headline(
				__("Decision due by {0}", [frappe.datetime.str_to_user(frm.doc.decision_due)]),
			);
		}
	},
	infringement_report(frm) {
		frm.set_value("victim", "");
		set_victim_options(frm);
	},
});

// the victims of the report, by their masked names (the report's rows are read with the report)
function set_victim_options(frm) {
	if (!frm.doc.infringement_report) return;
	frappe.model.with_doc("Infringement Report", frm.doc.infringement_report).then((report) => {
		const options = (report.victims || []).map((row) => ({ label: row.victim_name, value: row.name }));
		frm.set_df_property("victim", "options", options);
	});
}
