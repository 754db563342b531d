#!/usr/bin/env python
"""City-scale benchmark of the per-grid access rule (issue 8, ratio 1), against bare SQL and
against Frappe's own User Permission path on the tree.

Run with the bench's Python from the bench's `sites` folder, on a throw-away site with the app:

	cd ~/frappe-bench/sites
	../env/bin/python <repo>/benchmarks/scope.py --site bench.localhost --generate --rows 1000000

`--generate` adds a 12,832-node Dongying-shaped tree and `--rows` ledger entries (bulk inserts);
later runs reuse them. Prints a Markdown table of medians (11 warm runs), the slowest of 20 runs,
the ratios, and the EXPLAIN of the app's query.
"""

import argparse
import random
import statistics
import time

import frappe

BENCH_ROOT = "3705"
COUNTY = "370502"  # 东营区
TOWNSHIP = "370502001"
OFFICER = "bench_officer@fulian.test"
TOWNSHIP_OFFICER = "bench_township@fulian.test"
UP_USER = "bench_user_permission@fulian.test"


def timed(fn, runs=20):
	fn()  # warm
	samples = []
	for _ in range(runs):
		start = time.perf_counter()
		fn()
		samples.append((time.perf_counter() - start) * 1000)
	return statistics.median(samples[:11]), max(samples)


def generate(rows: int):
	from fulian_grid.demo.bulk import insert_ledger_rows, insert_tree
	from fulian_grid.demo.shape import build_tree

	if frappe.db.exists("Governance Grid", BENCH_ROOT):
		print("tree already there")
	else:
		nodes = insert_tree(build_tree(1))
		print(f"tree: {len(nodes)} nodes")
	grids = dict(
		frappe.get_all(
			"Governance Grid", filters={"level": "Micro-grid"}, fields=["name", "tree_path"], as_list=True
		)
	)
	existing = frappe.db.count("Screening Ledger")
	if existing < rows:
		insert_ledger_rows(grids, rows - existing, random.Random(11), prefix=f"SL-BENCH-{existing:08d}-")
	frappe.db.commit()
	frappe.db.sql("analyze table `tabScreening Ledger`, `tabGovernance Grid`")
	print(f"ledger rows: {frappe.db.count('Screening Ledger')}")


def ensure_users():
	from fulian_grid.tests.utils import assign, make_user

	for user, grid in ((OFFICER, COUNTY), (TOWNSHIP_OFFICER, TOWNSHIP)):
		if not frappe.db.exists("Grid Role Assignment", {"user": user, "governance_grid": grid}):
			assign(make_user(user), "Fulian Officer", grid)
	make_user(UP_USER, roles=("Fulian Officer",))
	if not frappe.db.exists("User Permission", {"user": UP_USER, "allow": "Governance Grid"}):
		frappe.get_doc(
			{"doctype": "User Permission", "user": UP_USER, "allow": "Governance Grid", "for_value": COUNTY,
			 "apply_to_all_doctypes": 1}
		).insert(ignore_permissions=True)  # fmt: skip
	frappe.db.commit()


def user_permission_path(user):
	"""Frappe's own User Permission path: the app's rule is set aside for this one user."""
	import fulian_grid.permissions as permissions

	original = permissions.scope_condition

	def without_app_rule(doctype, user_=None, table=None):
		return "" if (user_ or frappe.session.user) == UP_USER else original(doctype, user_, table)

	permissions.scope_condition = without_app_rule
	return lambda: setattr(permissions, "scope_condition", original)


def without_rule(user, fn):
	"""Run `fn` with the app's condition emptied for `user`: what Frappe itself costs that user."""
	import fulian_grid.permissions as permissions

	def run():
		original = permissions.scope_condition
		permissions.scope_condition = lambda doctype, user_=None, table=None: ""
		try:
			return fn()
		finally:
			permissions.scope_condition = original

	return run


def as_user(user, fn):
	def run():
		frappe.set_user(user)
		try:
			return fn()
		finally:
			frappe.set_user("Administrator")

	return run


def main():
	parser = argparse.ArgumentParser()
	parser.add_argument("--site", required=True)
	parser.add_argument("--generate", action="store_true")
	parser.add_argument("--rows", type=int, default=1_000_000)
	args = parser.parse_args()
	frappe.init(site=args.site)
	frappe.connect()
	if args.generate:
		generate(args.rows)
	ensure_users()
	from fulian_grid.permissions import scope_condition

	def page():
		return frappe.get_list(
			"Screening Ledger", fields=["name", "modified"], order_by="modified desc", limit=20
		)

	def count():
		return frappe.get_list("Screening Ledger", fields=["count(*) as total"], as_list=True)[0][0]

	rows = []
	for label, user in (("county", OFFICER), ("township", TOWNSHIP_OFFICER)):
		frappe.set_user(user)
		condition = scope_condition("Screening Ledger")
		frappe.set_user("Administrator")
		bare_page_sql = f"select name, modified from `tabScreening Ledger` where {condition} order by modified desc limit 20"
		bare_count_sql = f"select count(*) from `tabScreening Ledger` where {condition}"
		results = {
			"app rule, get_list page": timed(as_user(user, page)),
			"Administrator, get_list page": timed(page),
			"bare SQL page, same predicate": timed(lambda sql=bare_page_sql: frappe.db.sql(sql)),
			"app rule, count": timed(as_user(user, count)),
			"bare SQL count, same predicate": timed(lambda sql=bare_count_sql: frappe.db.sql(sql)),
		}
		results["same user, app rule set aside (Frappe's per-user floor)"] = timed(
			as_user(user, without_rule(user, page))
		)
		if label == "county":
			restore = user_permission_path(UP_USER)
			try:
				results["Frappe User Permission, get_list page"] = timed(as_user(UP_USER, page))
				results["Frappe User Permission, count"] = timed(as_user(UP_USER, count), runs=5)
			finally:
				restore()
		counted = as_user(user, count)()
		rows.append((label, counted, results))
		print(f"\nEXPLAIN ({label}):")
		for line in frappe.db.sql(f"explain {bare_page_sql}", as_dict=True):
			print("  ", {k: line[k] for k in ("table", "type", "key", "rows", "Extra") if k in line})

	print(
		f"\nledger rows: {frappe.db.count('Screening Ledger')}, grid nodes: {frappe.db.count('Governance Grid')}\n"
	)
	print("| measure (ms) | county median | county max | township median | township max |")
	print("|---|---|---|---|---|")
	measures = list(rows[0][2])
	for measure in measures:
		cells = []
		for _label, _counted, results in rows:
			median, worst = results.get(measure, (None, None))
			cells += [
				f"{median:.1f}" if median is not None else "–",
				f"{worst:.1f}" if worst is not None else "–",
			]
		print(f"| {measure} | " + " | ".join(cells) + " |")
	print()
	for label, counted, r in rows:
		page_rule, page_sql, admin = (
			r["app rule, get_list page"][0],
			r["bare SQL page, same predicate"][0],
			r["Administrator, get_list page"][0],
		)
		floor = r["same user, app rule set aside (Frappe's per-user floor)"][0]
		print(f"- {label} ({counted} rows in scope): page vs bare SQL {page_rule / page_sql:.1f}×, "
			  f"vs the same user's get_list without the rule {page_rule / floor:.1f}×, "
			  f"vs Administrator get_list {page_rule / admin:.1f}×, count vs bare SQL "
			  f"{r['app rule, count'][0] / r['bare SQL count, same predicate'][0]:.1f}×, slowest/median page "
			  f"{r['app rule, get_list page'][1] / page_rule:.1f}×")  # fmt: skip
		if "Frappe User Permission, get_list page" in r:
			print(f"  User Permission path page / app rule page: {r['Frappe User Permission, get_list page'][0] / page_rule:.1f}×; "
				  f"count: {r['Frappe User Permission, count'][0] / r['app rule, count'][0]:.1f}×")  # fmt: skip
	frappe.destroy()


if __name__ == "__main__":
	main()
