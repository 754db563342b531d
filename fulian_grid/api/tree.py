"""Tree views of the grid and the federations, rooted where the user's scope begins."""

import frappe

from fulian_grid.queries.tree import TREE_DOCTYPES, top_nodes

# The tree view's "Expand All" asks for the children of every node, one call each, in one request.
EXPAND_ALL = "frappe.desk.treeview.get_all_nodes"


def _all_children(doctype: str) -> dict[str, list[dict]]:
	"""Every readable node of the tree by parent, read once per request (one query, not one per node)."""
	cache = frappe.flags.setdefault("fulian_tree_children", {})
	if doctype not in cache:
		parent_field, title_field = TREE_DOCTYPES[doctype]
		children = cache[doctype] = {}
		for row in frappe.get_list(
			doctype,
			fields=[
				"name as value",
				f"{title_field} as title",
				"is_group as expandable",
				f"{parent_field} as parent",
			],
			order_by="lft asc",
			limit_page_length=0,
		):
			children.setdefault(row.pop("parent"), []).append(row)
	return cache[doctype]


@frappe.whitelist()
def get_tree_children(
	doctype: str, parent: str | None = None, is_root: bool = False, **filters
) -> list[dict]:
	"""Children of `parent`; without a parent, the user's top nodes: readable nodes whose own
	parent she cannot read (the city root for a city admin, her county for a county officer)."""
	if doctype not in TREE_DOCTYPES:
		frappe.throw(frappe._("Not a tree of this app: {0}").format(doctype), frappe.PermissionError)
	parent_field, title_field = TREE_DOCTYPES[doctype]
	if parent and parent != doctype:
		if frappe.form_dict.get("cmd") == EXPAND_ALL:
			return _all_children(doctype).get(parent, [])
		return frappe.get_list(
			doctype,
			filters={parent_field: parent},
			fields=["name as value", f"{title_field} as title", "is_group as expandable"],
			order_by="lft asc",
		)
	return top_nodes(doctype)
