frappe.treeview_settings["Women Federation"] = {
	breadcrumb: "Fulian Grid",
	title: __("Women Federation"),
	get_tree_nodes: "fulian_grid.api.tree.get_tree_children",
	ignore_fields: ["parent_women_federation"],
};
