"""Appendix B: 网格妇联组织架构设置图 — a federation subtree as an indented table."""

from .common import add_signature_lines, add_table, new_document

TITLE = "网格妇联组织架构设置图"
HEADERS = ("组织层级", "妇联组织", "类型", "所在网格", "网格层级", "妇女小组", "执委", "双向任职")
INDENT = "　"  # full-width space: one per tree depth


def build_org_chart(nodes, labels: dict[str, str], brand: str | None = None, printed_on: str = ""):
	"""`nodes`: dicts in tree order with depth, name, federation_type, grid_name, level, groups,
	executives, two_way. `labels` translates types and levels (English key → Chinese)."""
	nodes = list(nodes)
	root = nodes[0]["name"] if nodes else ""
	document = new_document(TITLE, brand, meta=[f"组织：{root}", f"制表日期：{printed_on}"])
	rows = [
		(
			f"第{node['depth'] + 1}级",
			INDENT * node["depth"] + node["name"],
			labels.get(node["federation_type"], node["federation_type"]),
			node["grid_name"],
			labels.get(node["level"], node["level"]),
			node["groups"],
			node["executives"],
			node["two_way"],
		)
		for node in nodes
	]
	totals = (
		"合计",
		f"{len(nodes)} 个组织",
		"",
		"",
		"",
		*(sum(n[k] for n in nodes) for k in ("groups", "executives", "two_way")),
	)
	add_table(document, HEADERS, [*rows, totals], widths_cm=(1.6, 5.0, 2.4, 2.8, 1.6, 1.4, 1.2, 1.6))
	add_signature_lines(document, ("填表人", "审核人"))
	return document
