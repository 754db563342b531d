frappe.listview_settings["Led Project"] = {
	add_fields: ["start_date", "end_date", "progress", "status", "next_milestone_due", "lead_user"],
	get_indicator(doc) {
		if (["Completed", "Suspended"].includes(doc.status)) {
			return [__(doc.status), doc.status === "Completed" ? "green" : "gray", "status,=," + doc.status];
		}
		if (doc.next_milestone_due && doc.next_milestone_due < frappe.datetime.get_today()) {
			return [__("Milestone Overdue"), "red", "next_milestone_due,<,Today"];
		}
		return [__(doc.status), doc.status === "Planned" ? "orange" : "blue", "status,=," + doc.status];
	},
	onload(listview) {
		listview.page.add_inner_button(__("My Led Projects"), () => fulian_grid.my_led_projects(listview));
		if (frappe.route_options && frappe.route_options.my_led_projects) {
			delete frappe.route_options.my_led_projects;
			fulian_grid.my_led_projects(listview);
		}
	},
};

frappe.provide("fulian_grid");
// The projects she leads or co-leads (through her executive record), as a list filter.
fulian_grid.my_led_projects = (listview) =>
	frappe.xcall("fulian_grid.api.projects.my_led_projects").then((names) => {
		listview.filter_area.clear(false).then(() => {
			listview.filter_area.add([["Led Project", "name", "in", names.length ? names : [""]]]);
		});
	});
