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
};
