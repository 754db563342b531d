// Identity fields (permlevel 1) of sensitive records. The desk draws them by role; the server
// grants them per record (fulian_grid/privacy.py). This reconciles the two on the form.
frappe.provide("fulian_grid.identity");

fulian_grid.identity.fields = (frm) =>
	frm.meta.fields.filter(
		(df) => df.permlevel === 1 && !frappe.model.no_value_type.includes(df.fieldtype)
	);

fulian_grid.identity.setup = (frm) => {
	const onload = frm.doc.__onload || {};
	const drawn_by_role = frappe.perm.has_perm(frm.doctype, 1, "read");
	const granted = frm.is_new() || onload.identity_access;
	if (drawn_by_role) {
		// A handler elsewhere: the server withheld this record's identity; do not draw empty fields.
		fulian_grid.identity.fields(frm).forEach((df) =>
			frm.toggle_display(df.fieldname, Boolean(granted))
		);
		return;
	}
	if (granted) {
		frm.add_custom_button(__("Identity"), () => fulian_grid.identity.dialog(frm));
	}
};

fulian_grid.identity.dialog = (frm) => {
	const writable = frm.is_new() || (frm.doc.__onload || {}).identity_writable;
	const dialog = new frappe.ui.Dialog({
		title: __("Identity"),
		fields: fulian_grid.identity.fields(frm).map((df) => ({
			fieldname: df.fieldname,
			fieldtype: df.fieldtype,
			label: __(df.label),
			options: df.options,
			reqd: df.reqd,
			read_only: !writable,
			default: frm.doc[df.fieldname],
		})),
		primary_action_label: writable ? __("Apply") : __("Close"),
		primary_action(values) {
			if (writable) {
				Object.entries(values).forEach(([fieldname, value]) =>
					frappe.model.set_value(frm.doctype, frm.doc.name, fieldname, value)
				);
				frm.dirty();
			}
			dialog.hide();
		},
	});
	dialog.show();
};
