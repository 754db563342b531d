frappe.treeview_settings["Governance Grid"] = {
	breadcrumb: "Fulian Grid",
	title: __("Governance Grid"),
	get_tree_nodes: "fulian_grid.api.tree.get_tree_children",
	// The root is the tree itself, its children the user's top nodes (none for a System Manager
	// without a grid role); every node shows its name, not its code.
	get_tree_root: false,
	root_label: "Governance Grid",
	onload: (treeview) => treeview.make_tree(),
	get_label: (node) => (node.is_root ? __("Governance Grid") : node.title || node.label),
	fields: [
		{ fieldtype: "Data", fieldname: "grid_name", label: __("Grid Name"), reqd: true },
		{ fieldtype: "Data", fieldname: "grid_code", label: __("Grid Code"), reqd: true },
		{
			fieldtype: "Select",
			fieldname: "level",
			label: __("Grid Level"),
			options: ["City", "County", "Township", "Community", "Village", "Grid", "Micro-grid"],
			reqd: true,
		},
		{ fieldtype: "Check", fieldname: "is_group", label: __("Is Group"), default: 1 },
	],
	ignore_fields: ["parent_governance_grid"],
};
