"""Reading the app's trees (the grid and the federations) where the user's scope begins."""

import frappe

from fulian_grid.permissions import scope_condition

TREE_DOCTYPES = {
	"Governance Grid": ("parent_governance_grid", "grid_name"),
	"Women Federation": ("parent_women_federation", "federation_name"),
}


def top_nodes(doctype: str) -> list[dict]:
	"""The user's top nodes of `doctype`'s tree: readable nodes whose own parent she cannot read
	(the city root for a city admin, her county for a county officer), in tree order."""
	parent_field, title_field = TREE_DOCTYPES[doctype]
	node_scope = scope_condition(doctype, table="node") or "1=1"
	parent_scope = scope_condition(doctype, table="up") or "1=1"
	return frappe.db.sql(
		f"""select node.name as value, node.`{title_field}` as title, node.is_group as expandable
		from `tab{doctype}` node
		where {node_scope}
			and not exists (
				select 1 from `tab{doctype}` up where up.name = node.`{parent_field}` and {parent_scope}
			)
		order by node.lft""",
		as_dict=True,
	)
