// Gantt and calendar views of led projects: one bar per project, its progress from milestones.
frappe.views.calendar["Led Project"] = {
	field_map: {
		start: "start_date",
		end: "end_date",
		id: "name",
		title: "project_title",
		allDay: "allDay",
		progress: "progress",
	},
	gantt: true,
	order_by: "start_date",
	filters: [
		{
			fieldtype: "Link",
			fieldname: "project_type",
			options: "Led Project Type",
			label: __("Project Type"),
		},
		{
			fieldtype: "Link",
			fieldname: "lead_executive",
			options: "Federation Executive",
			label: __("Lead Executive"),
		},
	],
	get_events_method: "frappe.desk.calendar.get_events",
};
