// Copyright (c) 2026, fulian_grid developers
// License: MIT. See LICENSE

frappe.listview_settings["Deliberation Record"] = {
	onload(listview) {
		listview.page.add_inner_button(__("Bound Records (.docx)"), () => {
			const dialog = new frappe.ui.Dialog({
				title: __("Bound Records (.docx)"),
				fields: [
					{
						fieldname: "governance_grid",
						fieldtype: "Link",
						options: "Governance Grid",
						label: __("Governance Grid"),
						reqd: 1,
					},
					{ fieldname: "from_date", fieldtype: "Date", label: __("From Date"), reqd: 1 },
					{ fieldname: "to_date", fieldtype: "Date", label: __("To Date"), reqd: 1 },
				],
				primary_action_label: __("Download"),
				primary_action(values) {
					fulian_grid.download("fulian_grid.api.deliberation.download_deliberation_book", values);
					dialog.hide();
				},
			});
			dialog.show();
		});
	},
};
