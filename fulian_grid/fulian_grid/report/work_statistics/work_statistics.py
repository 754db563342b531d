# Copyright (c) 2026, fulian_grid developers
# License: MIT. See LICENSE
"""Work Statistics (工作统计): every figure of the seed's table for a subtree and period, one row
per child node and a total for the whole subtree. The figures and their small-cell rule come from
Service Figures; organization counts (grid federations, women's groups) are added here. Counts
only, scoped like every other path (count_condition)."""

import frappe
from frappe import _

from fulian_grid.domain import msg
from fulian_grid.fulian_grid.report.service_figures.service_figures import FIGURES, figures
from fulian_grid.permissions import count_condition, readable_subtree
from fulian_grid.reporting import column

ORGANIZATION = (  # key, label, DocType, condition
	(
		"grid_federations",
		msg("Grid Federations"),
		"Women Federation",
		"t.federation_type = 'Grid Federation' and t.status = 'Active'",
	),
	("women_groups", msg("Women Groups"), "Women Group", "t.status = 'Active'"),
)


def execute(filters=None):
	filters = frappe._dict(filters or {})
	parent = filters.get("governance_grid") or top_grid()
	if not parent:
		return columns(), []
	children = frappe.get_list(
		"Governance Grid",
		filters={"parent_governance_grid": parent},
		fields=["name", "grid_name"],
		order_by="lft asc",
	)
	data = [row_for(child.name, child.grid_name, filters) for child in children]
	total = row_for(parent, _("Total"), filters)
	total.is_total = 1
	return columns(), [*data, total]


def top_grid() -> str | None:
	"""Without a filter: the first grid the user may read from the top (the city for a city admin)."""
	from fulian_grid.api.tree import get_tree_children

	roots = get_tree_children("Governance Grid")
	return roots[0]["value"] if roots else None


def row_for(grid: str, label: str, filters) -> frappe._dict:
	row = frappe._dict(governance_grid=grid, grid_name=label)
	for figure in figures(frappe._dict(filters, governance_grid=grid)):
		row[figure.figure] = figure.value  # None where a small cell is withheld
	bounds = readable_subtree(grid)
	for key, _label, doctype, condition in ORGANIZATION:  # noqa: B007
		row[key] = frappe.db.sql(
			f"""select count(*) from `tab{doctype}` t join `tabGovernance Grid` g on g.name = t.governance_grid
			where {count_condition(doctype, table="t") or "1=1"} and {condition}
				and g.lft between %(lft)s and %(rgt)s""",
			{"lft": bounds[0], "rgt": bounds[1]},
		)[0][0]
	return row


def columns():
	return [
		column("governance_grid", _("Governance Grid"), "Link", 130, options="Governance Grid"),
		column("grid_name", _("Grid Name"), "Data", 150),
		*(column(key, _(label), width=130) for key, label, _doctype, _condition in ORGANIZATION),
		*(column(figure[0], _(figure[1]), width=150) for figure in FIGURES),
	]
