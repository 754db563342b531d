# Copyright (c) 2026, fulian_grid developers
# License: MIT. See LICENSE
"""Appendix B coverage: per level of a subtree, grids with and without a federation, groups,
executives and how many of them hold two-way posts. Applies the per-grid scope itself, since
Frappe does not apply permission_query_conditions to Script Reports."""

import frappe
from frappe import _

from fulian_grid import subtree
from fulian_grid.domain.tree import LEVEL_DEPTH
from fulian_grid.permissions import scope_condition
from fulian_grid.reporting import column

COUNTED = {
	# column: (table alias, DocType, SQL expression counted per grid level)
	"federations": ("f", "Women Federation", "count(*)"),
	"grid_federations": ("f", "Women Federation", "sum(f.federation_type = 'Grid Federation')"),
	"groups": ("w", "Women Group", "count(*)"),
	"executives": ("e", "Federation Executive", "count(*)"),
	"two_way": ("e", "Federation Executive", "sum(e.two_way_post_count > 0)"),
}


def execute(filters=None):
	filters = frappe._dict(filters or {})
	path = subtree.readable_path(filters.get("governance_grid"))
	by_level = {level: frappe._dict(level=level, nodes=0, covered=0) for level in LEVEL_DEPTH}
	for level, nodes, covered in grid_counts(path):
		by_level[level].update(nodes=nodes, covered=covered)
	for fieldname, (alias, doctype, expression) in COUNTED.items():
		for level, value in member_counts(path, alias, doctype, expression):
			by_level[level][fieldname] = int(value or 0)
	data = []
	for row in by_level.values():
		if not row.nodes:
			continue
		row.uncovered = row.nodes - row.covered
		for fieldname in COUNTED:
			row.setdefault(fieldname, 0)
		row.level_label = _(row.level)
		data.append(row)
	return columns(), data, None, None, summary(data)


def _where(path: str | None, doctype: str, table: str) -> str:
	"""The reader's scope on `table`, and the subtree of the chosen grid when there is one."""
	parts = [scope_condition(doctype, table=table) or "1=1"]
	if path:
		parts.append(subtree.condition(doctype, [path], table))
	return " and ".join(parts)


def grid_counts(path: str | None):
	return frappe.db.sql(
		f"""select g.level, count(*),
			sum(exists(select 1 from `tabWomen Federation` af
				where af.governance_grid = g.name and af.status = 'Active'))
		from `tabGovernance Grid` g
		where {_where(path, "Governance Grid", "g")}
		group by g.level"""
	)


def member_counts(path: str | None, alias: str, doctype: str, expression: str):
	return frappe.db.sql(
		f"""select g.level, {expression}
		from `tab{doctype}` {alias}
		join `tabGovernance Grid` g on g.name = {alias}.governance_grid
		where {alias}.status = 'Active'
			and {_where(path, doctype, alias)}
		group by g.level"""
	)


def columns():
	return [
		column("level_label", _("Grid Level"), "Data", 110),
		column("nodes", _("Grid Nodes"), width=120),
		column("covered", _("With a Federation"), width=140),
		column("uncovered", _("Without a Federation"), width=150),
		column("federations", _("Federations"), width=120),
		column("grid_federations", _("Grid Federations"), width=130),
		column("groups", _("Women Groups"), width=120),
		column("executives", _("Executives"), width=120),
		column("two_way", _("Executives with Two-way Posts"), width=200),
	]


def summary(data):
	grid_federations = sum(row.grid_federations for row in data)
	groups = sum(row.groups for row in data)
	return [
		{"label": _("Grid Federations"), "value": grid_federations, "datatype": "Int"},
		{"label": _("Women Groups"), "value": groups, "datatype": "Int"},
		{
			"label": _("Groups per Grid Federation"),
			"value": round(groups / grid_federations, 2) if grid_federations else 0,
			"datatype": "Float",
		},
		{"label": _("Executives"), "value": sum(row.executives for row in data), "datatype": "Int"},
	]
