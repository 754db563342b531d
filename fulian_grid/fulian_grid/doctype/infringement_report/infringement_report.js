// Copyright (c) 2026, fulian_grid developers
// License: MIT. See LICENSE

frappe.ui.form.on("Infringement Report", {
	refresh(frm) {
		frm.add_custom_button(__("Flow Chart"), () => {
			frappe.call("fulian_grid.api.infringement.flow_chart").then((r) => {
				const dialog = new frappe.ui.Dialog({
					title: __("Discovery and Report Flow"),
					size: "extra-large",
				});
				dialog.$body.html(`<div style="overflow:auto">${r.message}</div>`);
				dialog.show();
			});
		});
		if (!frm.is_new()) add_casework_buttons(frm);
		if (frm.doc.is_overdue) {
			frm.dashboard.set_headline(__("Overdue: a deadline of this report has passed"), "red");
		}
	},
});

// 依法维权: the casework records start from the report; each takes its grid from it on the server
function add_casework_buttons(frm) {
	const start = (doctype) => () =>
		frappe.new_doc(doctype, {
			infringement_report: frm.doc.name,
			governance_grid: frm.doc.governance_grid,
		});
	const group = __("Casework");
	frm.add_custom_button(__("Apply for Protection Order"), start("Protection Order"), group);
	frm.add_custom_button(__("Record Consent"), start("Consent Record"), group);
	frm.add_custom_button(__("Refer the Case"), start("Case Referral"), group);
}
