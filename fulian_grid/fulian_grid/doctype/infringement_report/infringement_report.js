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
		if (frm.doc.is_overdue) {
			frm.dashboard.set_headline(__("Overdue: a deadline of this report has passed"), "red");
		}
	},
});
