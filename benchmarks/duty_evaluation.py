#!/usr/bin/env python
"""Duty Evaluation of a county (issue 17): the time to measure and score a county executive's
evaluation over the year on the demo data, against the bare SQL that selects the same records.

Each of the nine indicators counts the executive's records in the evaluation's grid subtree (the
whole county: 1,833 grid nodes at scale 1). The bare side is one statement per indicator with the
same predicate on the record's indexed `grid_path`, no permission work, no ORM.

Run with the bench's Python from the bench's `sites` folder, on a throw-away site with the app:

	cd ~/frappe-bench/sites
	../env/bin/python <repo>/benchmarks/duty_evaluation.py --site bench.localhost --generate

`--generate` builds the Dongying demo set (fulian_grid.demo.generate, scale 1) when it is not
there yet; later runs reuse it. Prints a Markdown table of medians, the slowest run and the ratio.
"""

import argparse

import frappe
from timing import timed  # benchmarks/, the script's own folder

COUNTY = "370502"  # 东营区


def county_executive() -> str:
	"""The executive with the most home visits in the county (ties by name). The county's own
	executives hold no records in the demo set, so hers are evaluated over the whole county
	subtree: the same nine queries a county evaluation runs, with real records to count."""
	from fulian_grid.domain.tree import subtree_bounds

	low, high = subtree_bounds(frappe.db.get_value("Governance Grid", COUNTY, "tree_path"))
	rows = frappe.db.sql(
		"""select federation_executive from `tabHome Visit` where grid_path >= %s and grid_path < %s
		group by federation_executive order by count(*) desc, federation_executive limit 1""",
		(low, high),
	)
	if not rows:
		raise SystemExit(f"no visits under grid {COUNTY}: run with --generate on a site with demo data")
	return rows[0][0]


def bare_statement(source) -> str:
	"""The records of one indicator, as plain SQL with the same predicate as the app's count."""
	meta = frappe.get_meta(source.doctype)
	executive_table = "c" if source.child_doctype else "t"
	conditions = [
		f"t.`{source.date_field}` between %(start)s and %(end)s",
		"t.grid_path >= %(low)s and t.grid_path < %(high)s",
		f"{executive_table}.`{source.executive_field}` = %(executive)s",
		"t.docstatus = 1" if meta.is_submittable else "t.docstatus < 2",
	]
	conditions += [
		f"t.`{field}` {operator} {frappe.db.escape(value)}" for field, operator, value in source.filters
	]
	conditions += [
		f"c.`{field}` {operator} {frappe.db.escape(value)}" for field, operator, value in source.child_filters
	]
	join = (
		f"join `tab{source.child_doctype}` c on c.parent = t.name and c.parenttype = '{source.doctype}'"
		if source.child_doctype
		else ""
	)
	value = f"sum(`{executive_table}`.`{source.sum_field}`)" if source.sum_field else "count(distinct t.name)"
	return f"select {value}, group_concat(distinct t.name order by t.name) from `tab{source.doctype}` t {join} where {' and '.join(conditions)}"


def measure_evaluation():
	from fulian_grid.domain.tree import subtree_bounds
	from fulian_grid.indicators import INDICATORS, measure_all, source_available

	executive = county_executive()
	today = frappe.utils.getdate()
	start, end = today.replace(month=1, day=1), today
	path = frappe.db.get_value("Governance Grid", COUNTY, "tree_path")
	low, high = subtree_bounds(path)
	values = {"start": start, "end": end, "low": low, "high": high, "executive": executive}
	statements = [bare_statement(s) for s in INDICATORS.values() if source_available(s)]

	def evaluation():
		doc = frappe.get_doc(
			{
				"doctype": "Duty Evaluation",
				"federation_executive": executive,
				"period_start": start,
				"period_end": end,
			}
		)
		doc.governance_grid = COUNTY  # the evaluation's subtree (never saved here)
		doc.validate()
		return doc

	def indicators():
		return measure_all(executive, start, end, COUNTY)

	def bare():
		return [frappe.db.sql(sql, values) for sql in statements]

	doc = evaluation()
	nodes = frappe.db.sql(
		"select count(*) from `tabGovernance Grid` where tree_path >= %s and tree_path < %s", (low, high)
	)[0][0]
	counted = {line.indicator: line.measured_value for line in doc.lines}
	app, only_indicators, plain = timed(evaluation), timed(indicators), timed(bare)
	print(f"\n### Duty Evaluation of a county ({COUNTY}, {nodes:,} grid nodes)\n")
	print(
		f"executive {executive}, {start} to {end}, total {doc.total_score} ({doc.grade}); measured: {counted}\n"
	)
	print("| ms | median | slowest of 20 |\n|---|---|---|")
	print(f"| evaluation validate (criteria, 9 indicators, scores) | {app[0]:.1f} | {app[1]:.1f} |")
	print(
		f"| the indicators alone (`measure_all`, as Duty Report) | {only_indicators[0]:.1f} | {only_indicators[1]:.1f} |"
	)
	print(f"| bare SQL, same records ({len(statements)} statements) | {plain[0]:.1f} | {plain[1]:.1f} |")
	print(
		f"\n- evaluation vs bare SQL: **{app[0] / plain[0]:.1f}×**;"
		f" indicators vs bare SQL: **{only_indicators[0] / plain[0]:.1f}×**"
	)


def main():
	parser = argparse.ArgumentParser()
	parser.add_argument("--site", required=True)
	parser.add_argument("--generate", action="store_true")
	args = parser.parse_args()
	frappe.init(site=args.site)
	frappe.connect()
	if args.generate and not frappe.db.exists("Governance Grid", "3705"):
		from fulian_grid.demo import generate

		print(generate(scale=1))
	measure_evaluation()
	frappe.db.rollback()
	frappe.destroy()


if __name__ == "__main__":
	main()
