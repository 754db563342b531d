frappe.listview_settings["Screening Ledger"] = {
	add_fields: ["next_visit_due", "status", "risk_level"],
	get_indicator(doc) {
		if (doc.status !== "Active") return [__(doc.status), "gray", "status,=," + doc.status];
		if (doc.next_visit_due && doc.next_visit_due < frappe.datetime.get_today()) {
			return [__("Overdue"), "red", "next_visit_due,<,Today"];
		}
		const colors = { High: "red", Medium: "orange", Low: "green" };
		return [__(doc.risk_level), colors[doc.risk_level], "risk_level,=," + doc.risk_level];
	},
	onload(listview) {
		if (!frappe.model.can_import("Screening Ledger")) return;
		// A ledger kept in Excel goes in at once; every row is checked first, nothing is half-imported.
		listview.page.add_inner_button(__("Import Ledger Spreadsheet"), () => {
			new frappe.ui.FileUploader({
				restrictions: { allowed_file_types: [".xlsx", ".csv"] },
				make_attachments_public: false,
				on_success(file) {
					frappe
						.call({
							method: "fulian_grid.api.ledger.import_screening_ledger",
							args: { file_url: file.file_url },
							freeze: true,
							freeze_message: __("Checking and importing the ledger…"),
						})
						.then(({ message }) => {
							if (message.errors.length) {
								frappe.msgprint({
									title: __("Nothing was imported: correct these rows and import again"),
									message: message.errors.map(frappe.utils.escape_html).join("<br>"),
									indicator: "red",
								});
							} else {
								frappe.show_alert({
									message: __("{0} ledger entries imported", [message.imported]),
									indicator: "green",
								});
								listview.refresh();
							}
						});
				},
			});
		});
	},
};
