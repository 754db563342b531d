// A Group By chart whose group labels are shown translated (Frappe's own Group By shows raw values).
frappe.provide("frappe.dashboards.chart_sources");

frappe.dashboards.chart_sources["Fulian Grouped Count"] = {
	method: "fulian_grid.api.charts.grouped_count",
	filters: [],
};
