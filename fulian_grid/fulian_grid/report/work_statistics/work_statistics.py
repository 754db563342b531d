# Copyright (c) 2026, fulian_grid developers
# License: MIT. See LICENSE
"""Work Statistics (工作统计): every figure of the seed's table for a subtree and period, one row
per child node and a total for the whole subtree. The figures and their small-cell rule come from
Service Figures; organization counts (grid federations, women's groups) are added here. Counts
only, scoped like every other path (count_condition)."""

import frappe
from frappe import _

from fulian_grid.domain import msg
from fulian_grid.fulian_grid.report.service_figures.service_figures import (
	FIGURES,
	TOTAL,
	grouped_values,
	readable_path,
	withheld_paths,
)
from fulian_grid.reporting import column

# Organization counts, in the shape of FIGURES: key, label, DocType, period, condition, value, …
ORGANIZATION = (
	("grid_federations", msg("Grid Federations"), "Women Federation", None,
	 "t.federation_type = 'Grid Federation' and t.status = 'Active'", "count(*)", None, None, False),
	("women_groups", msg("Women Groups"), "Women Group", None, "t.status = 'Active'", "count(*)", None, None,
	 False),
)  # fmt: skip
# Mandatory reports (强制报告) by when the duty arose: sensitive (they are about minors), so small
# counts are withheld like counselling figures.
CASEWORK = (
	("mandatory_reports", msg("Mandatory Reports"), "Infringement Report",
	 "t.duty_arose_on >= %(from)s and t.duty_arose_on < %(to)s + interval 1 day", "t.mandatory_report = 1",
	 "count(*)", None, None, True),
	("mandatory_reports_late", msg("Of Which Reached the Police Late"), "Infringement Report",
	 "t.duty_arose_on >= %(from)s and t.duty_arose_on < %(to)s + interval 1 day",
	 "t.mandatory_report = 1 and t.mandatory_report_late = 1", "count(*)", None, None, True),
)  # fmt: skip


def execute(filters=None):
	filters = frappe._dict(filters or {})
	parent = filters.get("governance_grid") or top_grid()
	if not parent:
		return columns(), []
	parent_path = readable_path(parent)
	children = frappe.get_list(
		"Governance Grid",
		filters={"parent_governance_grid": parent},
		fields=["name", "grid_name", "tree_path"],
		order_by="lft asc",
	)
	specs = (*ORGANIZATION, *FIGURES, *CASEWORK)
	values = grouped_values(specs, filters, parent_path, by_child=True)
	withheld = withheld_paths(specs, filters)
	data = [
		row_for(child.name, child.grid_name, values, child.tree_path, withheld, child.tree_path)
		for child in children
	]
	total = row_for(parent, _("Total"), values, TOTAL, withheld, parent_path)
	total.is_total = 1
	return columns(), [*data, total]


def top_grid() -> str | None:
	"""Without a filter: the first grid the user may read from the top (the city for a city admin)."""
	from fulian_grid.api.tree import get_tree_children

	roots = get_tree_children("Governance Grid")
	return roots[0]["value"] if roots else None


def row_for(grid: str, label: str, values: dict, group, withheld: dict, path: str | None) -> frappe._dict:
	"""A row of figure values; a withheld sensitive figure (small, or its complement) is None."""
	row = frappe._dict(governance_grid=grid, grid_name=label)
	for key, *_middle in (*ORGANIZATION, *FIGURES, *CASEWORK):
		value, detail = values[key].get(group, (0, None))
		hidden = (path or "") in withheld.get(key, ())
		row[key] = None if hidden else value
		if key in DETAIL_COLUMNS:
			row[DETAIL_COLUMNS[key][0]] = None if hidden else detail or 0
	return row


# Figures whose detail (a sum) is a figure of the seed's table too: the loans' amount.
DETAIL_COLUMNS = {"loans": ("loan_amount", msg("Loan Amount (Yuan)"))}


def figure_columns(figures, width: int) -> list[dict]:
	result = []
	for key, label, *_rest in figures:
		result.append(column(key, _(label), width=width))
		if key in DETAIL_COLUMNS:
			fieldname, detail_label = DETAIL_COLUMNS[key]
			result.append(column(fieldname, _(detail_label), "Float", width, precision=0))
	return result


def columns():
	return [
		column("governance_grid", _("Governance Grid"), "Link", 130, options="Governance Grid"),
		column("grid_name", _("Grid Name"), "Data", 150),
		*figure_columns(ORGANIZATION, 130),
		*figure_columns(FIGURES, 150),
		*figure_columns(CASEWORK, 150),
	]
