// Copyright (c) 2026, fulian_grid developers
// License: MIT. See LICENSE

frappe.ui.form.on("Led Project", {
	refresh(frm) {
		const overdue = (frm.doc.__onload || {}).overdue_milestones || [];
		if (overdue.length) {
			frm.dashboard.set_headline_alert(__("{0} milestone(s) overdue", [overdue.length]), "red");
		}
		// flag each overdue milestone in the grid
		(frm.doc.milestones || []).forEach((row) => {
			const $row = frm.fields_dict.milestones.grid.grid_rows_by_docname[row.name];
			if ($row) $row.row.toggleClass("text-danger", overdue.includes(row.name));
		});
	},
});
