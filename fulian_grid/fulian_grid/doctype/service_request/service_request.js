// Copyright (c) 2026, fulian_grid developers
// License: MIT. See LICENSE

frappe.ui.form.on("Service Request", {
	refresh(frm) {
		if (frm.is_new()) return;
		if (frm.doc.status === "Awaiting Team") {
			frm.add_custom_button(__("Report for Duty"), () => {
				const told = (frm.doc.notified_teams || []).map((row) => row.volunteer_team);
				frappe.prompt(
					{
						fieldname: "volunteer_team",
						fieldtype: "Link",
						options: "Volunteer Team",
						label: __("Volunteer Team"),
						reqd: 1,
						get_query: () => ({ filters: { name: ["in", told.length ? told : [""]] } }),
					},
					(values) => frm.call("report_for_duty", values).then(() => frm.reload_doc()),
					__("Report for Duty"),
				);
			}).addClass("btn-primary");
		}
		if (frm.doc.status === "Team Reported") {
			frm.add_custom_button(__("Close with Feedback"), () => {
				frappe.prompt(
					{
						fieldname: "feedback",
						fieldtype: "Small Text",
						label: __("Closing Feedback"),
						reqd: 1,
					},
					(values) => frm.call("close_request", values).then(() => frm.reload_doc()),
					__("Close with Feedback"),
				);
			}).addClass("btn-primary");
		}
	},
});
