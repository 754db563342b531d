"""Appendix B: the organization chart of a federation subtree (print format and .docx)."""

from collections import defaultdict

import frappe
from frappe.utils import nowdate

from fulian_grid import replica, settings
from fulian_grid.api.downloads import in_chinese, send_docx
from fulian_grid.docx.org_chart import build_org_chart
from fulian_grid.domain.tree import FEDERATION_PLACEMENT, LEVEL_DEPTH


def org_chart_rows(federation: str) -> list[dict]:
	"""The federations under `federation` that the user may read, in tree order with depth and
	counts of active groups, active executives and executives holding two-way posts."""
	root = frappe.get_doc("Women Federation", federation)
	root.check_permission("read")
	# The federation tree's own nesting (parent federation, not grid subtree): its NestedSet
	# bounds give the chart's order and depth. Grid scoping is the user's, through get_list.
	federations = frappe.get_list(
		"Women Federation",
		filters={"lft": (">=", root.lft), "rgt": ("<=", root.rgt)},
		fields=["name", "federation_type", "governance_grid", "lft", "rgt"],
		order_by="lft asc",
	)
	names = [f.name for f in federations]
	groups = defaultdict(int)
	for row in frappe.get_list(
		"Women Group",
		filters={"women_federation": ("in", names), "status": "Active"},
		fields=["women_federation"],
	):
		groups[row.women_federation] += 1
	executives, two_way = defaultdict(int), defaultdict(int)
	for row in frappe.get_list(
		"Federation Executive",
		filters={"women_federation": ("in", names), "status": "Active"},
		fields=["women_federation", "two_way_post_count"],
	):
		executives[row.women_federation] += 1
		two_way[row.women_federation] += 1 if row.two_way_post_count else 0
	grids = {
		g.name: g
		for g in frappe.get_all(
			"Governance Grid",
			filters={"name": ("in", list({f.governance_grid for f in federations}))},
			fields=["name", "grid_name", "level"],
		)
	}
	rows, open_rgts = [], []
	for f in federations:
		while open_rgts and open_rgts[-1] < f.lft:
			open_rgts.pop()
		grid = grids.get(f.governance_grid, frappe._dict(grid_name=f.governance_grid, level=""))
		rows.append(
			frappe._dict(
				depth=len(open_rgts),
				name=f.name,
				federation_type=f.federation_type,
				grid_name=grid.grid_name,
				level=grid.level,
				groups=groups[f.name],
				executives=executives[f.name],
				two_way=two_way[f.name],
			)
		)
		open_rgts.append(f.rgt)
	return rows


@frappe.whitelist()
@replica.read_only()
def download_org_chart(federation: str) -> None:
	rows = org_chart_rows(federation)
	labels = in_chinese(*FEDERATION_PLACEMENT, *LEVEL_DEPTH)
	brand = settings.brand_name()
	document = build_org_chart(rows, labels, brand=brand, printed_on=nowdate())
	send_docx(document, f"组织架构-{federation}.docx", "Women Federation", federation, "Organization Chart")
