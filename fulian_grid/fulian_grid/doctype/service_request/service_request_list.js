frappe.listview_settings["Service Request"] = {
	add_fields: ["status", "needed_by"],
	get_indicator(doc) {
		if (doc.status === "Awaiting Team" && doc.needed_by && doc.needed_by < frappe.datetime.get_today()) {
			return [__("Need Overdue"), "red", "needed_by,<,Today"];
		}
		const colors = { "Awaiting Team": "orange", "Team Reported": "blue", "Request Closed": "green" };
		return [__(doc.status), colors[doc.status], "status,=," + doc.status];
	},
};
