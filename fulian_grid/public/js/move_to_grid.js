// 移至其他网格: a record of the app changes grid only through this action (handlers of both
// grids, with a reason; fulian_grid/api/records.py). A plain save that changes the grid is refused.
$(document).on("form-refresh", (e, frm) => {
	if (frm.is_new() || !frm.meta.fields.some((df) => df.fieldname === "grid_path")) return;
	if (!frm.perm[0] || !frm.perm[0].write) return;
	frm.set_df_property("governance_grid", "read_only", 1);
	frm.page.add_menu_item(__("Move to Another Grid"), () => {
		const dialog = new frappe.ui.Dialog({
			title: __("Move to Another Grid"),
			fields: [
				{
					fieldname: "governance_grid",
					fieldtype: "Link",
					options: "Governance Grid",
					label: __("Governance Grid"),
					reqd: 1,
				},
				{ fieldname: "reason", fieldtype: "Small Text", label: __("Reason"), reqd: 1 },
			],
			primary_action_label: __("Move"),
			primary_action(values) {
				frappe
					.call({
						method: "fulian_grid.api.records.move_to_grid",
						type: "POST",
						args: { doctype: frm.doctype, name: frm.doc.name, ...values },
					})
					.then(() => {
						dialog.hide();
						frm.reload_doc();
					});
			},
		});
		dialog.show();
	});
});
