#!/usr/bin/env python
"""The county officer's list page over HTTP (issue 19): `/api/resource` and the desk's
`frappe.desk.reportview.get`, served by gunicorn (several workers, loopback only), as the county
officer (the app's per-grid rule), as Administrator (no rule) and as a user held to the county by
Frappe's own User Permission on the grid tree — in the same run, requests interleaved.

Run with the bench's Python from the bench's `sites` folder, on the site of benchmarks/city.py
(its users are made the same way, by city.ensure_users; its data by `city.py --generate`):

	cd ~/frappe-bench/sites
	../env/bin/python <repo>/benchmarks/http_list.py --site bench.localhost --requests 200

The users log in with a password the script sets for them (they are the benchmark's own users);
Administrator logs in with --admin-password (default: admin). gunicorn serves this file's
`application`: Frappe's, with — in each worker — the app's rule set aside for the User Permission
user only, as city.py does in process (permissions.scope_condition returns no condition for her).
"""

import argparse
import json
import os
import socket
import statistics
import subprocess
import sys
import time
from pathlib import Path

UP_USER_VARIABLE = "FULIAN_BENCH_UP_USER"
_application = None


def application(environ, start_response):
	"""gunicorn's entry: Frappe's WSGI application, the app's rule set aside for one user."""
	global _application
	if _application is None:
		import frappe.app

		import fulian_grid.permissions as permissions

		user_permission_user = os.environ.get(UP_USER_VARIABLE)
		original = permissions.scope_condition

		def without_app_rule(doctype, user_=None, table=None):
			import frappe

			if (user_ or frappe.session.user) == user_permission_user:
				return ""
			return original(doctype, user_, table)

		if user_permission_user:
			permissions.scope_condition = without_app_rule
		_application = frappe.app.application
	return _application(environ, start_response)


PASSWORD = "Bench-Http-Pw-2026!"


def prepare(site: str) -> tuple[list[str], dict]:
	"""city.py's users (county officer, User Permission user), their passwords, the list fields."""
	import frappe
	from frappe.utils.password import update_password

	sys.path.insert(0, str(Path(__file__).parent))
	import city

	frappe.init(site=site)
	frappe.connect()
	city.ensure_users()
	for user in (city.OFFICER, city.UP_USER):
		update_password(user, PASSWORD)
	meta = frappe.get_meta("Screening Ledger")
	# what the desk's list view asks for: name, the list-view columns anyone may read, modified
	fields = [
		"name",
		*[df.fieldname for df in meta.fields if df.in_list_view and not df.permlevel],
		"modified",
	]
	info = {
		"rows": frappe.db.count("Screening Ledger"),
		"county": city.COUNTY,
		"grid_nodes": frappe.db.count("Governance Grid"),
	}
	frappe.db.commit()
	frappe.destroy()
	return fields, {"officer": city.OFFICER, "up_user": city.UP_USER, **info}


def free_port() -> int:
	with socket.socket() as s:
		s.bind(("127.0.0.1", 0))
		return s.getsockname()[1]


def serve(bench: Path, port: int, workers: int, up_user: str) -> subprocess.Popen:
	env = {**os.environ, UP_USER_VARIABLE: up_user}
	process = subprocess.Popen(
		[
			str(bench / "env/bin/gunicorn"),
			"-b",
			f"127.0.0.1:{port}",
			"-w",
			str(workers),
			"-t",
			"120",
			"--pythonpath",
			str(Path(__file__).parent),
			"http_list:application",
		],
		cwd=bench / "sites",
		env=env,
		stdout=subprocess.DEVNULL,
		stderr=open(bench / "logs/fulian-http-bench.log", "w"),
	)
	return process


def login(base: str, host: str, user: str, password: str):
	import requests

	session = requests.Session()
	session.headers["Host"] = host
	response = session.post(f"{base}/api/method/login", data={"usr": user, "pwd": password}, timeout=60)
	if response.status_code != 200:
		raise SystemExit(f"login as {user} failed: {response.status_code} {response.text[:200]}")
	return session


def main():
	parser = argparse.ArgumentParser()
	parser.add_argument("--site", required=True)
	parser.add_argument("--workers", type=int, default=4)
	parser.add_argument("--requests", type=int, default=200, help="timed requests per path and user")
	parser.add_argument("--warm", type=int, default=10, help="untimed requests per path and user first")
	parser.add_argument("--admin-password", default="admin")
	args = parser.parse_args()

	bench = Path.cwd().parent
	fields, info = prepare(args.site)
	port = free_port()
	server = serve(bench, port, args.workers, info["up_user"])
	base = f"http://127.0.0.1:{port}"
	try:
		import requests

		for _ in range(120):
			try:
				if requests.get(f"{base}/api/method/ping", headers={"Host": args.site}, timeout=60).ok:
					break
			except requests.RequestException:  # not listening yet, or a worker still importing
				pass
			time.sleep(0.5)
		sessions = {
			"county officer (app rule)": login(base, args.site, info["officer"], PASSWORD),
			"Administrator (no rule)": login(base, args.site, "Administrator", args.admin_password),
			"Frappe User Permission on the county": login(base, args.site, info["up_user"], PASSWORD),
		}
		resource = {
			"fields": json.dumps(fields),
			"order_by": "modified desc",
			"limit_page_length": 20,
		}
		reportview = {
			"doctype": "Screening Ledger",
			"fields": json.dumps([f"`tabScreening Ledger`.`{f}`" for f in fields]),
			"filters": "[]",
			"order_by": "`tabScreening Ledger`.`modified` desc",
			"start": 0,
			"page_length": 20,
			"view": "List",
			"with_comment_count": 1,
		}
		paths = {
			"/api/resource": lambda s: s.get(
				f"{base}/api/resource/Screening Ledger", params=resource, timeout=120
			),
			"reportview.get": lambda s: s.post(
				f"{base}/api/method/frappe.desk.reportview.get",
				data=reportview,
				headers={"X-Frappe-CSRF-Token": s.cookies.get("csrf_token", "")},
				timeout=120,
			),
		}
		samples = {(p, u): [] for p in paths for u in sessions}
		rows_seen = {}
		for path, call in paths.items():  # warm every worker
			for user, session in sessions.items():
				for _ in range(args.warm):
					response = call(session)
					if response.status_code != 200:
						raise SystemExit(f"{path} as {user}: {response.status_code} {response.text[:300]}")
				data = response.json()["message"] if path == "reportview.get" else response.json()["data"]
				if isinstance(data, dict):  # reportview.get: keys and values
					data = [dict(zip(data["keys"], values, strict=True)) for values in data["values"]]
				rows_seen[path, user] = [row["name"] for row in data]
		for _ in range(args.requests):  # interleaved: the same load on every path and user
			for path, call in paths.items():
				for user, session in sessions.items():
					start = time.perf_counter()
					response = call(session)
					samples[path, user].append((time.perf_counter() - start) * 1000)
					assert response.status_code == 200, response.text[:300]
	finally:
		server.terminate()
		server.wait(timeout=30)

	def p95(values):
		return statistics.quantiles(values, n=20)[-1]

	print(
		f"\nsite {args.site}: {info['rows']:,} ledger entries, {info['grid_nodes']:,} grid nodes; county "
		f"{info['county']}; gunicorn {args.workers} sync workers on 127.0.0.1; {args.requests} timed requests "
		f"per path and user after {args.warm} warm ones, interleaved; one client, keep-alive off (sync workers)\n"
	)
	print("| path | user | median ms | p95 ms | rows on the page |\n|---|---|---|---|---|")
	for (path, user), values in samples.items():
		print(
			f"| {path} | {user} | {statistics.median(values):.1f} | {p95(values):.1f} | "
			f"{len(rows_seen[path, user])} |"
		)
	print()
	for path in paths:  # the officer and the User Permission user see the same county, newest first
		same = (
			rows_seen[path, "county officer (app rule)"]
			== rows_seen[path, "Frappe User Permission on the county"]
		)
		print(
			f"- {path}: the county officer's page and the User Permission user's page hold the same rows: {same}"
		)
	for path in paths:
		officer = statistics.median(samples[path, "county officer (app rule)"])
		admin = statistics.median(samples[path, "Administrator (no rule)"])
		up = statistics.median(samples[path, "Frappe User Permission on the county"])
		print(
			f"- {path}: county officer / Administrator **{officer / admin:.2f}×**; "
			f"User Permission path / county officer **{up / officer:.2f}×** (medians)"
		)


if __name__ == "__main__":
	main()
