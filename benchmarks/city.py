#!/usr/bin/env python
"""City-scale benchmark (issue 8): four ratios measured in one run on one generated data set.

(1) a county user's list page of the Screening Ledger through the app's access rule, vs the bare
    SQL with the same predicate and vs Frappe's own User Permission path on the tree;
(2) Work Statistics for the city vs the bare GROUP BY queries doing the same work;
(3) the appendix-D .docx of 10,000 ledger rows vs a raw python-docx fill of the same table;
(4) importing 100,000 ledger rows through the app's path vs Frappe's Data Import.

Run with the bench's Python from the bench's `sites` folder, on a throw-away site with the app:

	cd ~/frappe-bench/sites
	../env/bin/python <repo>/benchmarks/city.py --site bench.localhost --generate --rows 1000000

`--generate` builds the Dongying demo set (fulian_grid.demo.generate, scale 1: 12,832 grid nodes)
and tops the ledger up to `--rows` entries, each with a home visit (bulk inserts); later runs
reuse them. Prints Markdown tables of medians, the slowest run, the ratios, and EXPLAINs.
"""

import argparse
import csv
import io
import random
import time

import frappe
from timing import timed  # benchmarks/, the script's own folder

CITY = "3705"
COUNTY = "370502"  # 东营区
TOWNSHIP = "370502001"
OFFICER = "bench_officer@fulian.test"
TOWNSHIP_OFFICER = "bench_township@fulian.test"
UP_USER = "bench_user_permission@fulian.test"
CITY_ADMIN = "bench_city_admin@fulian.test"


def generate(rows: int, cities: int = 1):
	from fulian_grid.demo import generate as generate_demo
	from fulian_grid.demo.bulk import insert_ledger_volume

	if not frappe.db.exists("Governance Grid", CITY):
		started = time.perf_counter()
		print(generate_demo(scale=1, cities=cities))
		print(f"demo set ({cities} cities): {time.perf_counter() - started:.0f} s")
	grids = dict(
		frappe.get_all(
			"Governance Grid", filters={"level": "Micro-grid"}, fields=["name", "tree_path"], as_list=True
		)
	)
	executives = frappe.get_all("Federation Executive", pluck="name")
	existing = frappe.db.count("Screening Ledger")
	if existing < rows:
		started = time.perf_counter()
		for done in range(existing, rows, 250_000):  # one transaction per quarter million
			insert_ledger_volume(
				grids,
				executives,
				min(250_000, rows - done),
				random.Random(11 + done),
				prefix=f"SL-BENCH-{done:08d}-",
			)
			frappe.db.commit()
			print(
				f"  {done + min(250_000, rows - done):,} entries, {time.perf_counter() - started:.0f} s",
				flush=True,
			)
		seconds = time.perf_counter() - started
		print(
			f"generated {rows - existing:,} ledger entries with their visits in {seconds:.0f} s "
			f"({(rows - existing) / seconds:,.0f} entries/s)"
		)
	frappe.db.commit()
	frappe.db.sql("analyze table `tabScreening Ledger`, `tabHome Visit`, `tabGovernance Grid`")
	print(f"ledger rows: {frappe.db.count('Screening Ledger')}, visits: {frappe.db.count('Home Visit')}")


def ensure_users():
	from fulian_grid.tests.utils import assign, make_user

	for user, role, grid in (
		(OFFICER, "Fulian Officer", COUNTY),
		(TOWNSHIP_OFFICER, "Fulian Officer", TOWNSHIP),
		(CITY_ADMIN, "Fulian Admin", CITY),
	):
		if not frappe.db.exists("Grid Role Assignment", {"user": user, "governance_grid": grid}):
			assign(make_user(user), role, grid)
	make_user(UP_USER, roles=("Fulian Officer",))
	if not frappe.db.exists("User Permission", {"user": UP_USER, "allow": "Governance Grid"}):
		frappe.get_doc(
			{
				"doctype": "User Permission",
				"user": UP_USER,
				"allow": "Governance Grid",
				"for_value": COUNTY,
				"apply_to_all_doctypes": 1,
			}
		).insert(ignore_permissions=True)
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
	"""`fn` run as `user` once (a request sets its user before any work)."""
	frappe.set_user(user)
	try:
		return fn()
	finally:
		frappe.set_user("Administrator")


def timed_as(user, fn, runs=20):
	"""`timed` as `user`: the user is set once, outside the timed calls, as in a request."""
	return as_user(user, lambda: timed(fn, runs))


def measure_scope():
	"""(1) the list page and count of a county and a township officer."""
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
			"app rule, get_list page": timed_as(user, page),
			"Administrator, get_list page": timed(page),
			"bare SQL page, same predicate": timed(lambda sql=bare_page_sql: frappe.db.sql(sql)),
			"app rule, count": timed_as(user, count),
			"bare SQL count, same predicate": timed(lambda sql=bare_count_sql: frappe.db.sql(sql)),
		}
		results["same user, app rule set aside (Frappe's per-user floor)"] = timed_as(
			user, without_rule(user, page)
		)
		if label == "county":
			restore = user_permission_path(UP_USER)
			try:
				results["Frappe User Permission, get_list page"] = timed_as(UP_USER, page)
				results["Frappe User Permission, count"] = timed_as(UP_USER, count, runs=5)
			finally:
				restore()
		counted = as_user(user, count)
		rows.append((label, counted, results))
		print(f"\nEXPLAIN ({label}):")
		for line in frappe.db.sql(f"explain {bare_page_sql}", as_dict=True):
			print("  ", {k: line[k] for k in ("table", "type", "key", "rows", "Extra") if k in line})

	print("\n### (1) list page and count\n")
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
		print(
			f"- {label} ({counted} rows in scope): page vs bare SQL {page_rule / page_sql:.1f}×, "
			f"vs the same user's get_list without the rule {page_rule / floor:.1f}×, "
			f"vs Administrator get_list {page_rule / admin:.1f}×, count vs bare SQL "
			f"{r['app rule, count'][0] / r['bare SQL count, same predicate'][0]:.1f}×, slowest/median page "
			f"{r['app rule, get_list page'][1] / page_rule:.1f}×"
		)
		if "Frappe User Permission, get_list page" in r:
			print(
				f"  User Permission path page / app rule page: {r['Frappe User Permission, get_list page'][0] / page_rule:.1f}×; "
				f"count: {r['Frappe User Permission, count'][0] / r['app rule, count'][0]:.1f}×"
			)


def ratio_line(label, app, bare, target):
	print(
		f"- {label}: app {app[0]:.1f} ms (max {app[1]:.1f}), bare {bare[0]:.1f} ms (max {bare[1]:.1f}) "
		f"→ **{app[0] / bare[0]:.2f}×** (target {target})"
	)


def measure_statistics():
	"""(2) Work Statistics for the whole city, as a city admin, vs its GROUP BYs run bare."""
	from fulian_grid.fulian_grid.report.work_statistics.work_statistics import execute
	from fulian_grid.queries.statistics import FIGURES, ORGANIZATION, figure_sql, query_values

	today = frappe.utils.getdate()
	filters = frappe._dict(governance_grid=CITY, from_date=today.replace(month=1, day=1), to_date=today)
	path = frappe.db.get_value("Governance Grid", CITY, "tree_path")
	values = query_values(filters)
	queries = [figure_sql(spec, "", path, True) for spec in (*ORGANIZATION, *FIGURES)]

	def bare():
		return [frappe.db.sql(sql, values) for sql in queries]

	app = timed_as(CITY_ADMIN, lambda: execute(filters), runs=10)
	plain = timed(bare, runs=10)
	total = as_user(CITY_ADMIN, lambda: execute(filters))[1][-1]
	print("\n### (2) Work Statistics for the city\n")
	print(
		f"{len(queries)} figures, one row per county; city totals: led projects {total.led_projects}, "
		f"loans {total.loans} ({total.loan_amount:,.0f} yuan), couples {total.counselling_couples}"
	)
	ratio_line("report vs bare GROUP BY queries", app, plain, "≤ 3×")


def measure_docx():
	"""(3) appendix D of 10,000 rows: the app's builder vs a raw python-docx fill of the same cells."""
	from docx import Document

	from fulian_grid.docx.screening_ledger import COLUMNS, HEADERS, build_screening_ledger

	rows = frappe.db.sql(
		"""select g.grid_name, l.subject_name, l.gender, l.birth_year as birth_date,
			l.id_number, l.phone, l.address, l.risk_level, l.findings, l.help_measures, l.screened_on
		from `tabScreening Ledger` l join `tabGovernance Grid` g on g.name = l.governance_grid limit 10000""",
		as_dict=True,
	)
	for row in rows:
		row.update(
			categories="留守妇女",
			follow_up="上次走访 2026-10-01，下次应访 2026-11-01",
			screened_by_name="王芳",
		)

	def app():
		build_screening_ledger(rows, "东营市", "2026-01-01 至 2026-12-31", brand="贴心娘家人").save(
			io.BytesIO()
		)

	def raw():
		document = Document()
		table = document.add_table(rows=1, cols=len(HEADERS))
		for cell, text in zip(table.rows[0].cells, HEADERS, strict=True):
			cell.text = text
		for index, row in enumerate(rows, 1):
			cells = table.add_row().cells
			for cell, value in zip(cells, (index, *(row.get(c) or "" for c in COLUMNS)), strict=True):
				cell.text = str(value)
		document.save(io.BytesIO())

	print("\n### (3) appendix D, 10,000 rows\n")
	ratio_line(
		"app builder (form layout, fonts, widths) vs raw python-docx fill",
		timed(app, runs=3),
		timed(raw, runs=3),
		"≤ 2×",
	)


def ledger_csv(count: int, headers, rng) -> bytes:
	"""`count` ledger rows on random micro-grids of the city, as a spreadsheet office would keep them."""
	from fulian_grid.demo.people import birth_date, id_number, mobile, person_name

	grids = frappe.get_all("Governance Grid", filters={"level": "Micro-grid"}, pluck="name")
	out = io.StringIO()
	writer = csv.writer(out)
	writer.writerow(headers)
	today = frappe.utils.getdate()
	for _ in range(count):
		grid, born = rng.choice(grids), birth_date(rng, today, 20, 70)
		writer.writerow(
			[
				grid,
				person_name(rng),
				"女",
				born.isoformat(),
				id_number(rng, grid[:6], born),
				mobile(rng),
				"留守妇女",
				today.isoformat(),
			]
		)
	return out.getvalue().encode("utf-8")


def attach(content: bytes, name: str) -> str:
	return (
		frappe.get_doc({"doctype": "File", "file_name": name, "is_private": 1, "content": content})
		.insert(ignore_permissions=True)
		.file_url
	)


def measure_import(app_rows: int, data_import_rows: int):
	"""(4) rows per second through the app's import vs Frappe's Data Import, same kind of rows."""
	from frappe.core.doctype.data_import.importer import Importer

	from fulian_grid.api.ledger import import_screening_ledger

	frappe.set_user(CITY_ADMIN)  # her own upload
	app_file = attach(
		ledger_csv(
			app_rows,
			("网格", "姓名", "性别", "出生日期", "身份证号", "联系电话", "重点群体类别", "排查日期"),
			random.Random(5),
		),
		"ledger-app.csv",
	)
	frappe.db.commit()
	start = time.perf_counter()
	result = import_screening_ledger(app_file)
	app_seconds = time.perf_counter() - start
	frappe.set_user("Administrator")
	assert result["imported"] == app_rows, result["errors"][:5]
	frappe.db.rollback()  # keep the data set as it was

	headers = (
		"Governance Grid",
		"Subject Name",
		"Gender",
		"Birth Date",
		"ID Number",
		"Phone",
		"Key Group Category (Key Group Categories)",
		"Screened On",
	)
	content = ledger_csv(data_import_rows, headers, random.Random(6)).decode().replace(",女,", ",Female,")
	content = content.replace(",留守妇女,", ",Left-behind Women,")
	data_import = frappe.get_doc(
		{
			"doctype": "Data Import",
			"reference_doctype": "Screening Ledger",
			"import_type": "Insert New Records",
			"mute_emails": 1,
			"import_file": attach(content.encode(), "ledger-data-import.csv"),
		}
	).insert()
	frappe.db.commit()
	before = frappe.db.count("Screening Ledger")
	start = time.perf_counter()
	Importer("Screening Ledger", data_import=data_import).import_data()
	data_import_seconds = time.perf_counter() - start
	imported = frappe.db.count("Screening Ledger") - before
	assert imported == data_import_rows, f"Data Import inserted {imported} of {data_import_rows}"
	created = frappe.get_all(
		"Screening Ledger", filters={"creation": (">=", data_import.creation)}, pluck="name"
	)
	for chunk in range(0, len(created), 1000):  # Data Import commits as it goes: take its rows out again
		names = created[chunk : chunk + 1000]
		frappe.db.delete("Screening Ledger Category", {"parent": ("in", names)})
		frappe.db.delete("Screening Ledger", {"name": ("in", names)})
	frappe.db.commit()

	app_rate, data_import_rate = app_rows / app_seconds, data_import_rows / data_import_seconds
	print("\n### (4) importing ledger rows\n")
	print(
		f"- app import (read, check every row, bulk insert): {app_rows:,} rows in {app_seconds:.1f} s = "
		f"{app_rate:,.0f} rows/s"
	)
	print(
		f"- Frappe Data Import: {data_import_rows:,} rows in {data_import_seconds:.1f} s = {data_import_rate:,.0f} rows/s "
		f"(100,000 rows at that rate: {100_000 / data_import_rate / 60:.0f} min)"
	)
	print(f"- app vs Data Import: **{app_rate / data_import_rate:.0f}× faster** (target ≥ 10×)")


def measure_vault():
	"""(5) the identity vault and the boundary: a reveal of one ledger entry by a county officer, an
	exact blind-index lookup over every ledger entry, and the boundary's cost on a list request."""
	from fulian_grid import boundary, vault
	from fulian_grid.api.identity import lookup, reveal

	entry, _county_path = frappe.db.sql(
		"""select l.name, g.tree_path from `tabScreening Ledger` l
		join `tabGovernance Grid` g on g.name = %s where l.grid_path like concat(g.tree_path, '%%') limit 1""",
		COUNTY,
	)[0]
	subject = vault.record_identities("Screening Ledger", entry)["fields"]["subject_name"]
	reveal_ms = timed_as(OFFICER, lambda: reveal("Screening Ledger", entry), runs=50)
	lookup_ms = timed_as(OFFICER, lambda: lookup("name", subject), runs=50)
	bare_index_ms = timed(
		lambda: frappe.db.sql(
			f"select parenttype, parent from `{vault.TABLE}` where blind_index = %s",
			vault.blind_index("name", subject),
		),
		runs=50,
	)
	args = {
		"doctype": "Screening Ledger",
		"fields": '["`tabScreening Ledger`.`name`", "`tabScreening Ledger`.`subject_name`"]',
		"filters": "[]",
		"order_by": "`tabScreening Ledger`.`modified` desc",
		"page_length": 20,
	}
	boundary_ms = timed(lambda: boundary.check("frappe.desk.reportview.get", args), runs=200)
	frappe.db.rollback()  # the reveals' log rows
	cells = frappe.db.sql(f"select count(*) from `{vault.TABLE}`")[0][0]
	print(f"\n### (5) Identity vault and boundary ({cells:,} vault cells)\n")
	print("| ms | median | slowest | target |\n|---|---|---|---|")
	print(f"| reveal of one ledger entry (officer, logged) | {reveal_ms[0]:.2f} | {reveal_ms[1]:.2f} | ≤ 5 |")
	print(
		f"| exact lookup by full name (endpoint, scoped, logged) | {lookup_ms[0]:.2f} | {lookup_ms[1]:.2f} | ≤ 5 |"
	)
	print(f"| the same blind-index probe as bare SQL | {bare_index_ms[0]:.2f} | {bare_index_ms[1]:.2f} | |")
	print(f"| boundary check of a list request | {boundary_ms[0]:.3f} | {boundary_ms[1]:.3f} | ≤ 0.2 |")


MEASURES = ("scope", "statistics", "docx", "import", "vault")


def main():
	parser = argparse.ArgumentParser()
	parser.add_argument("--site", required=True)
	parser.add_argument("--generate", action="store_true")
	parser.add_argument("--rows", type=int, default=1_000_000)
	parser.add_argument(
		"--cities",
		type=int,
		default=1,
		help="with --generate on an empty site: a province of this many cities",
	)
	parser.add_argument("--only", choices=MEASURES, action="append", help="run only these measures")
	parser.add_argument("--import-rows", type=int, default=100_000)
	parser.add_argument("--data-import-rows", type=int, default=2_000)
	args = parser.parse_args()
	frappe.init(site=args.site)
	frappe.connect()
	if args.generate:
		generate(args.rows, args.cities)
	ensure_users()
	print(
		f"\nledger rows: {frappe.db.count('Screening Ledger')}, visits: {frappe.db.count('Home Visit')}, "
		f"grid nodes: {frappe.db.count('Governance Grid')}"
	)
	only = args.only or MEASURES
	if "scope" in only:
		measure_scope()
	if "statistics" in only:
		measure_statistics()
	if "docx" in only:
		measure_docx()
	if "import" in only:
		measure_import(args.import_rows, args.data_import_rows)
	if "vault" in only:
		measure_vault()
	frappe.destroy()


if __name__ == "__main__":
	main()
