// Copyright (c) 2026, fulian_grid developers
// License: MIT. See LICENSE

frappe.ui.form.on("Retention Run", {
	refresh(frm) {
		if (frm.is_new()) {
			frm.disable_save();
			frm.add_custom_button(__("Preview"), () => {
				frappe.call({
					method: "fulian_grid.fulian_grid.doctype.retention_run.retention_run.preview_retention",
					callback: (r) => frappe.set_route("Form", "Retention Run", r.message),
				});
			});
		} else if (frm.doc.status === "Previewed") {
			frm.add_custom_button(__("De-identify These Records"), () => {
				frappe.confirm(
					__("Remove the identities of the {0} records listed? This cannot be undone.", [
						frm.doc.record_count,
					]),
					() =>
						frappe.call({
							method: "fulian_grid.fulian_grid.doctype.retention_run.retention_run.run_retention",
							args: { run: frm.doc.name },
							callback: () => frm.reload_doc(),
						}),
				);
			});
		}
	},
});
