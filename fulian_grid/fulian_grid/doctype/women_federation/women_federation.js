// Copyright (c) 2026, fulian_grid developers
// License: MIT. See LICENSE

frappe.ui.form.on("Women Federation", {
	refresh(frm) {
		if (frm.is_new()) return;
		frm.add_custom_button(
			__("Organization Chart (Word)"),
			() => {
				fulian_grid.download("fulian_grid.api.org_chart.download_org_chart", {
					federation: frm.doc.name,
				});
			},
			__("Download"),
		);
	},
});
