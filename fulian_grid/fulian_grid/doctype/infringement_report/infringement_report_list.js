frappe.listview_settings["Infringement Report"] = {
	add_fields: ["is_overdue", "status", "urgency"],
	has_indicator_for_draft: true,
	get_indicator(doc) {
		if (doc.is_overdue) return [__("Overdue"), "red", "is_overdue,=,1"];
		const colors = {
			Draft: "gray",
			Reported: "orange",
			Verified: "blue",
			"In Service": "purple",
			Referred: "cyan",
			Closed: "green",
			Rejected: "red",
			"Duplicate Case": "darkgrey",
		};
		return [__(doc.status), colors[doc.status] || "gray", "status,=," + doc.status];
	},
};
