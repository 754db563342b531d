frappe.treeview_settings["Women Federation"] = {
	breadcrumb: "Fulian Grid",
	title: __("Women Federation"),
	get_tree_nodes: "fulian_grid.api.tree.get_tree_children",
	// The root is the tree itself, its children the user's top nodes (none for a System Manager
	// without a grid role); every node shows its name, not its code.
	get_tree_root: false,
	root_label: "Women Federation",
	onload: (treeview) => treeview.make_tree(),
	get_label: (node) => (node.is_root ? __("Women Federation") : node.title || node.label),
	ignore_fields: ["parent_women_federation"],
};
