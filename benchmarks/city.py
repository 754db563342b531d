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
import json
import os
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


def generate(rows: int, cities: int = 1, clone: bool = False, visits: bool = True):
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
	if clone and existing < rows:
		clone_ledger_volume(rows, visits)
	elif existing < rows:
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


CLONE_CHUNK = 250_000


def clone_ledger_volume(rows: int, visits: bool = True) -> None:
	"""Top the ledger up to `rows` entries in SQL, for the growth curve (`--generate --clone`): each
	new entry copies one of the demo's entries that has a home visit (the template: subject, risk
	level, category, executive, and the sealed vault cells of the subject's name and of the
	visit's household — ciphertexts the site's key opens, blind indexes that match), is placed on a
	micro-grid of the whole tree spread by a multiplicative hash, gets one submitted home visit and
	a `modified` spread over two years. INSERT … SELECT over MariaDB's sequence engine, a quarter
	million entries a transaction: the database server does the work, not one Python loop a row
	(the Python path, --generate without --clone, seals each row: about 100 rows/s on this shared
	2-vCPU machine). `visits=False` leaves out the visits and their vault cells (no measure of §9
	reads them), for about a third less work a row."""
	sql = frappe.db.sql
	sql(
		"create table if not exists `__bench_micro` (n int primary key, name varchar(140), tree_path varchar(140))"
	)
	sql(
		"create table if not exists `__bench_template` (n int primary key, entry varchar(140), visit varchar(140))"
	)
	if not sql("select count(*) from `__bench_micro`")[0][0]:
		sql("""insert into `__bench_micro` select row_number() over (order by name) - 1, name, tree_path
			from `tabGovernance Grid` where level = 'Micro-grid'""")
		sql("""insert into `__bench_template` select row_number() over (order by l.name) - 1, l.name, min(v.name)
			from `tabScreening Ledger` l join `tabHome Visit` v on v.screening_ledger = l.name
			where l.name like 'SL-D%%' group by l.name""")
		frappe.db.commit()
	micro = sql("select count(*) from `__bench_micro`")[0][0]
	templates = sql("select count(*) from `__bench_template`")[0][0]
	existing = frappe.db.count("Screening Ledger")
	started = time.perf_counter()
	for base in range(existing, rows, CLONE_CHUNK):
		size = min(CLONE_CHUNK, rows - base)
		source = f"""from seq_1_to_{size} s
			join `__bench_micro` g on g.n = ((%(base)s + s.seq) * 7919) %% {micro}
			join `__bench_template` t on t.n = (%(base)s + s.seq) %% {templates}
			join `tabScreening Ledger` src on src.name = t.entry"""
		entry = "concat('SL-G', lpad(%(base)s + s.seq, 9, '0'))"
		stamp = "now() - interval (((%(base)s + s.seq) * 104729) %% 1051200) minute"
		values = {"base": base}
		sql(
			f"""insert into `tabScreening Ledger` (name, creation, modified, modified_by, owner, docstatus,
			idx, governance_grid, grid_path, responsible_executive, status, gender, is_minor, subject_name,
			birth_year, risk_level, screened_on, screened_by, last_visit_on, next_visit_due, legal_basis)
			select {entry}, {stamp}, {stamp}, 'Administrator', 'Administrator', 0, 0, g.name, g.tree_path,
			src.responsible_executive, 'Active', src.gender, src.is_minor, src.subject_name, src.birth_year,
			src.risk_level, date({stamp}), src.screened_by, date({stamp}), date({stamp}) + interval 30 day,
			src.legal_basis {source}""",
			values,
		)
		sql(
			f"""insert into `tabScreening Ledger Category` (name, creation, modified, modified_by, owner,
			docstatus, idx, key_group_category, parent, parentfield, parenttype)
			select concat('SLC-G', lpad(%(base)s + s.seq, 9, '0')), {stamp}, {stamp}, 'Administrator',
			'Administrator', 0, 1, c.key_group_category, {entry}, 'categories', 'Screening Ledger'
			{source} join `tabScreening Ledger Category` c on c.parent = t.entry and c.idx = 1""",
			values,
		)
		if visits:
			sql(
				f"""insert into `tabHome Visit` (name, creation, modified, modified_by, owner, docstatus, idx,
			visit_date, federation_executive, governance_grid, grid_path, screening_ledger, household,
			follow_up_needed)
			select concat('HV-G', lpad(%(base)s + s.seq, 9, '0')), {stamp}, {stamp}, 'Administrator',
			'Administrator', 1, 0, date({stamp}), v.federation_executive, g.name, g.tree_path, {entry},
			v.household, 0 {source} join `tabHome Visit` v on v.name = t.visit""",
				values,
			)
		sql(
			f"""insert into `__fulian_vault` (doctype, name, fieldname, parenttype, parent, value, blind_index)
			select 'Screening Ledger', {entry}, 'subject_name', 'Screening Ledger', {entry}, c.value,
			c.blind_index {source} join `__fulian_vault` c on c.doctype = 'Screening Ledger'
			and c.name = t.entry and c.fieldname = 'subject_name'""",
			values,
		)
		if visits:
			sql(
				f"""insert into `__fulian_vault` (doctype, name, fieldname, parenttype, parent, value, blind_index)
			select 'Home Visit', concat('HV-G', lpad(%(base)s + s.seq, 9, '0')), 'household', 'Home Visit',
			concat('HV-G', lpad(%(base)s + s.seq, 9, '0')), c.value, c.blind_index {source}
			join `__fulian_vault` c on c.doctype = 'Home Visit' and c.name = t.visit and c.fieldname = 'household'""",
				values,
			)
		frappe.db.commit()
		done = base + size - existing
		seconds = time.perf_counter() - started
		print(
			f"  {base + size:,} entries; {done:,} cloned in {seconds:.0f} s ({done / seconds:,.0f}/s)",
			flush=True,
		)


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


PROVINCE = "37"
PROVINCE_ADMIN = "bench_province_admin@fulian.test"
GROWTH_FILE = os.path.join(os.path.dirname(os.path.abspath(__file__)), "growth.json")


def measure_growth(runs: int):
	"""(8) the growth curve (issue 19): at the current number of ledger rows of a province data set
	(`--generate --cities 16`), the county officer's list page and count, Work Statistics for a county
	and for the whole province (and the province's bare GROUP BYs), the ledger's GROUP BY by risk
	level (the workspace chart) for the county and the province, a reveal and a blind-index lookup.
	Appends the row to benchmarks/growth.json; `--plot` draws them."""
	from fulian_grid import vault
	from fulian_grid.api.charts import grouped_count
	from fulian_grid.api.identity import lookup, reveal
	from fulian_grid.fulian_grid.report.work_statistics.work_statistics import execute
	from fulian_grid.permissions import scope_condition
	from fulian_grid.queries.statistics import FIGURES, ORGANIZATION, figure_sql, query_values
	from fulian_grid.tests.factories import assign, make_user

	if not frappe.db.exists("Governance Grid", PROVINCE):
		raise SystemExit("no province on this site: generate it with --generate --cities 16")
	if not frappe.db.exists("Grid Role Assignment", {"user": PROVINCE_ADMIN, "governance_grid": PROVINCE}):
		assign(make_user(PROVINCE_ADMIN), "Fulian Admin", PROVINCE)
		frappe.db.commit()
	today = frappe.utils.getdate()

	def statistics_of(grid):
		return frappe._dict(governance_grid=grid, from_date=today.replace(month=1, day=1), to_date=today)

	def page():
		return frappe.get_list(
			"Screening Ledger", fields=["name", "modified"], order_by="modified desc", limit=20
		)

	def count():
		return frappe.get_list("Screening Ledger", fields=["count(*) as total"], as_list=True)[0][0]

	def chart():
		return grouped_count(chart_name="Active Ledger Entries by Risk Level")

	path = frappe.db.get_value("Governance Grid", PROVINCE, "tree_path")
	bare_queries = [figure_sql(spec, "", path, True) for spec in (*ORGANIZATION, *FIGURES)]
	bare_values = query_values(statistics_of(PROVINCE))
	frappe.set_user(OFFICER)
	condition = scope_condition("Screening Ledger")
	frappe.set_user("Administrator")
	entry = frappe.db.sql(
		f"select name from `tabScreening Ledger` where {condition} order by name desc limit 1"
	)[0][0]
	subject = vault.record_identities("Screening Ledger", entry)["fields"]["subject_name"]
	id_entry = frappe.db.sql(  # a demo entry of the county: its ID number is in the vault
		f"select name from `tabScreening Ledger` where {condition} and name like 'SL-D%%' limit 1"
	)[0][0]
	id_number = vault.record_identities("Screening Ledger", id_entry)["fields"]["id_number"]
	rows = frappe.db.count("Screening Ledger")
	in_county = as_user(OFFICER, count)
	lookup_matches = frappe.db.sql(
		f"select count(*) from `{vault.TABLE}` where blind_index = %s", vault.blind_index("name", subject)
	)[0][0]
	fast, slow = runs, max(3, runs // 3)
	results = {
		"county list page": timed_as(OFFICER, page, fast),
		"county count": timed_as(OFFICER, count, fast),
		"Work Statistics, county (county officer)": timed_as(
			OFFICER, lambda: execute(statistics_of(COUNTY)), slow
		),
		"Work Statistics, province (province admin)": timed_as(
			PROVINCE_ADMIN, lambda: execute(statistics_of(PROVINCE)), slow
		),
		"province bare GROUP BYs": timed(lambda: [frappe.db.sql(q, bare_values) for q in bare_queries], slow),
		"ledger by risk level, county": timed_as(OFFICER, chart, slow),
		"ledger by risk level, province": timed_as(PROVINCE_ADMIN, chart, slow),
		"reveal": timed_as(OFFICER, lambda: reveal("Screening Ledger", entry), fast),
		"blind-index lookup by full name": timed_as(OFFICER, lambda: lookup("name", subject), fast),
		"blind-index lookup by ID number": timed_as(OFFICER, lambda: lookup("id_number", id_number), fast),
	}
	# the same statements as bare SQL, with and without the indexes of Screening Ledger's
	# on_doctype_update (the plan before them: the `modified` index, a row read per entry walked)
	page_sql = f"""select name, modified from `tabScreening Ledger` {{hint}} where {condition}
		order by modified desc limit 20"""
	chart_sql = f"""select risk_level, count(*) from `tabScreening Ledger` {{hint}}
		where status = 'Active' and {condition} group by risk_level"""
	for label, sql, index in (
		("county page, bare SQL", page_sql, "modified_grid_path"),
		("county ledger by risk level, bare SQL", chart_sql, "grid_path_status_risk"),
	):
		results[label] = timed(lambda sql=sql: frappe.db.sql(sql.format(hint="")), fast)
		if frappe.db.has_index("tabScreening Ledger", index):
			results[f"{label}, without index {index}"] = timed(
				lambda sql=sql, index=index: frappe.db.sql(sql.format(hint=f"ignore index ({index})")), slow
			)
	frappe.db.rollback()  # the reveals' and lookups' log rows
	row = {
		"rows": rows,
		"county rows": in_county,
		"lookup matches": lookup_matches,
		"ms": {k: round(v[0], 2) for k, v in results.items()},
		"slowest ms": {k: round(v[1], 2) for k, v in results.items()},
	}
	print(f"\n### (8) growth: {rows:,} ledger rows ({in_county:,} in the county)\n")
	print("| ms | median | slowest |\n|---|---|---|")
	for key, (median, worst) in results.items():
		print(f"| {key} | {median:.2f} | {worst:.2f} |")
	print(f"\nlookup matched {lookup_matches} vault cells with that name")
	print("\nEXPLAIN (county page):")
	for line in frappe.db.sql(
		f"explain select name, modified from `tabScreening Ledger` where {condition} order by modified desc limit 20",
		as_dict=True,
	):
		print("  ", {k: line[k] for k in ("table", "type", "key", "rows", "Extra") if k in line})
	saved = json.load(open(GROWTH_FILE)) if os.path.exists(GROWTH_FILE) else []
	saved = [r for r in saved if r["rows"] != rows] + [row]
	json.dump(sorted(saved, key=lambda r: r["rows"]), open(GROWTH_FILE, "w"), indent=1, ensure_ascii=False)


def indexed(row) -> bool:
	"""Whether a growth row was measured with Screening Ledger's on_doctype_update indexes."""
	return any("without index" in key for key in row["ms"])


def plot_growth():
	"""benchmarks/growth.png and a Markdown table from benchmarks/growth.json (matplotlib)."""
	import matplotlib

	matplotlib.use("Agg")
	import matplotlib.pyplot as plt

	saved = json.load(open(GROWTH_FILE))
	keys = list(dict.fromkeys(key for r in saved for key in r["ms"]))
	print("| ms (median) | " + " | ".join(f"{r['rows']:,} rows" for r in saved) + " | last / first |")
	print("|---|" + "---|" * (len(saved) + 1))
	for key in keys:
		cells = [f"{r['ms'][key]:.1f}" if key in r["ms"] else "–" for r in saved]
		have = [r["ms"][key] for r in saved if key in r["ms"]]
		print(f"| {key} | " + " | ".join(cells) + f" | {have[-1] / have[0]:.2f}× |")
	figure, axis = plt.subplots(figsize=(13, 6.5))
	for key in keys:
		points = [(r["rows"], r["ms"][key], indexed(r)) for r in saved if key in r["ms"]]
		if len(points) < 2:
			continue  # measured at one size only: in the table, not a curve
		(line,) = axis.plot([p[0] for p in points], [p[1] for p in points], label=key)
		for x, y, filled in points:  # hollow: measured before Screening Ledger's two indexes
			axis.plot(
				x, y, "o", color=line.get_color(), markerfacecolor=line.get_color() if filled else "white"
			)
	axis.set_xscale("log")
	axis.set_yscale("log")
	axis.set_xlabel("Screening Ledger rows (province of 16 cities)")
	axis.set_ylabel("median ms (in process)")
	axis.set_title("fulian_grid: time against ledger rows")
	axis.grid(True, which="both", alpha=0.3)
	axis.legend(fontsize=8, loc="upper left", bbox_to_anchor=(1.01, 1))
	axis.text(
		0.01,
		-0.12,
		"hollow markers: measured before Screening Ledger's (modified, grid_path) and "
		"(grid_path, status, risk_level) indexes",
		transform=axis.transAxes,
		fontsize=8,
	)
	figure.tight_layout()
	figure.savefig(os.path.join(os.path.dirname(GROWTH_FILE), "growth.png"), dpi=110)


MEASURES = ("scope", "statistics", "docx", "import", "vault", "growth")


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
	parser.add_argument(
		"--clone", action="store_true", help="with --generate: top up in SQL (clone_ledger_volume)"
	)
	parser.add_argument("--no-visits", action="store_true", help="with --clone: entries without home visits")
	parser.add_argument("--runs", type=int, default=11, help="timed runs of each growth measure")
	parser.add_argument("--plot", action="store_true", help="draw benchmarks/growth.png from growth.json")
	parser.add_argument("--data-import-rows", type=int, default=2_000)
	args = parser.parse_args()
	if args.plot:
		return plot_growth()
	frappe.init(site=args.site)
	frappe.connect()
	if args.generate:
		generate(args.rows, args.cities, args.clone, not args.no_visits)
	ensure_users()
	print(
		f"\nledger rows: {frappe.db.count('Screening Ledger')}, visits: {frappe.db.count('Home Visit')}, "
		f"grid nodes: {frappe.db.count('Governance Grid')}"
	)
	only = args.only or [m for m in MEASURES if m != "growth"]
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
	if "growth" in (args.only or ()):
		measure_growth(args.runs)
	frappe.destroy()


if __name__ == "__main__":
	main()
