// Identity fields (permlevel ≥ 1) of app records hold masked copies; the values live in the
// encrypted vault (fulian_grid/vault.py). On every app form that has them: a handler may reveal
// them (logged on the server), and fields the user may not change are drawn read-only.
frappe.provide("fulian_grid.identity");

fulian_grid.identity.fields = (doctype) =>
	frappe
		.get_meta(doctype)
		.fields.filter((df) => df.permlevel >= 1 && !frappe.model.no_value_type.includes(df.fieldtype));

fulian_grid.identity.tables = (frm) =>
	frm.meta.fields.filter(
		(df) =>
			frappe.model.table_fields.includes(df.fieldtype) &&
			fulian_grid.identity.fields(df.options).length,
	);

fulian_grid.identity.setup = (frm) => {
	const info = (frm.doc.__onload || {}).identity;
	if (frm.is_new() || !info) return;
	if (info.writable === false) {
		fulian_grid.identity
			.fields(frm.doctype)
			.forEach((df) => frm.set_df_property(df.fieldname, "read_only", 1));
		fulian_grid.identity
			.tables(frm)
			.forEach((table) =>
				fulian_grid.identity
					.fields(table.options)
					.forEach((df) =>
						frm.fields_dict[table.fieldname].grid.update_docfield_property(
							df.fieldname,
							"read_only",
							1,
						),
					),
			);
	}
	if (info.may_reveal && !frm.fulian_revealed) {
		frm.add_custom_button(__("Show Identities"), () => fulian_grid.identity.reveal(frm));
	}
};

fulian_grid.identity.reveal = (frm) =>
	frappe
		.call({
			method: "fulian_grid.api.identity.reveal",
			type: "POST",
			args: { doctype: frm.doctype, name: frm.doc.name },
			freeze: true,
		})
		.then(({ message }) => {
			// Put the values in place without marking the form dirty: nothing changed yet.
			Object.assign(frm.doc, message.fields);
			(frm.doc.__onload || {}).identity && (frm.doc.__onload.identity.may_reveal = false);
			fulian_grid.identity
				.tables(frm)
				.forEach((table) =>
					(frm.doc[table.fieldname] || []).forEach((row) =>
						Object.assign(row, message.rows[row.name] || {}),
					),
				);
			frm.fulian_revealed = true;
			frm.remove_custom_button(__("Show Identities"));
			frm.refresh_fields();
			frappe.show_alert({ message: __("Identities shown; this view is logged"), indicator: "orange" });
		});

$(document).on("form-refresh", (e, frm) => {
	frm.fulian_revealed = false;
	fulian_grid.identity.setup(frm);
});
