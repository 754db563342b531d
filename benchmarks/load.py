#!/usr/bin/env python
"""Load benchmark (issue 18): the daily mix of many users of different roles and grids, over HTTP,
on a demo-data site served by gunicorn with several workers, while the hourly escalation and the
daily overdue notices run; then a check in the database that nothing was lost, doubled or half done.

Not part of the test command (it runs for minutes). Run with the bench's Python from its `sites`
folder, on a demo site (`bench --site S execute fulian_grid.demo.generate --kwargs "{'scale': 0.2}"`):

	cd ~/frappe-bench/sites
	../env/bin/python <repo>/benchmarks/load.py --site S --minutes 4 --groups 6 --admin-groups 3

What it does, all on 127.0.0.1 and bounded in time and count (it stops by itself):
1. Users: for each group, a community with two grids that have ledger entries: two grid workers
   (one per grid), the community's grid chair and the county's officer (Grid Role Assignments,
   made like an administrator would; kept for later runs). `--admin-groups` groups are played a
   second time by Administrator with the same requests on other entries of the same grids: the
   cost of the per-grid rule under load, measured in the same run.
2. Serves the site with gunicorn (`fulian_grid.wsgi:application`, the production entry point,
   `--workers` 4) on a free loopback port; one thread per virtual user (requests.Session).
3. The mix, with 0.5–1.5 s of thinking between requests. Worker: the ledger list and its count,
   open an entry, a home visit saved and submitted (the desk's savedocs), the report list, every
   other round an infringement report saved and filed (apply_workflow), every third round the
   appendix-D Word file of her grid. Chair: the report list, opens and verifies the reports her
   workers filed, Work Statistics of her community, every other round its Word file, the ledger
   list. Officer: the ledger list and count, Work Statistics of the county and its Word file, the
   report list, opens the verified reports and starts service, then closes them (with a closure
   review). A report moves along one pipeline (worker → chair → officer), as in the office.
4. Meanwhile a process of its own runs the hourly escalation every `--hour-seconds` with the
   clock one more hour ahead each time, and the daily overdue notices every `--day-seconds` with
   the date one more day ahead: the jobs meet the users' writes on the same reports and entries.
5. Afterwards, in the database: every acknowledged write is there exactly once with its child
   rows and vault values (a token per write in a plain field finds it), an unacknowledged one is
   there whole or not at all, each report is in the state of its last acknowledged step with that
   step's time stamped, every escalation happened once per report, stage and level with one ToDo
   per notified user, every overdue notice once per entry and due date.
Prints Markdown: throughput, p50/p95/p99 per request type for the scoped users and for
Administrator, errors (with the first replies), refusals of an outdated copy ("changed since you
opened it": the virtual user opens the report again and retries once, as a person would), the job
runs, and the checks. Exits non-zero on an error or a failed check.

Why threads and `requests` rather than locust or asyncio/httpx: no new dependency (requests is in
every bench's env; Frappe depends on it), each virtual user reads like the user it plays (blocking
calls, one Session with its cookies), exact per-request timings with time.perf_counter, and the
data checks in the same script with the same site connection. A virtual user spends most of its
time thinking or waiting on the server, so 36 threads cost the 2-core machine little CPU (the GIL
is released while waiting on sockets); locust's gevent workers and web UI add a process model and
bucketed percentiles we do not need.
"""

import argparse
import json
import os
import random
import signal
import socket
import subprocess
import sys
import threading
import time
from collections import defaultdict

import frappe

PASSWORD = "Load-Bench-2026!"
DOMAIN = "load.fulian.test"
ESCALATION = (
	"fulian_grid.fulian_grid.doctype.infringement_report.infringement_report.escalate_overdue_reports"
)
OVERDUE = "fulian_grid.fulian_grid.doctype.screening_ledger.screening_ledger.notify_overdue_visits"
HERE = os.path.dirname(os.path.abspath(__file__))


# ---- 1. users and their targets ---------------------------------------------------------------


def plan_groups(groups: int, seed: int = 7) -> list[dict]:
	"""Communities with two grids holding active ledger entries (each with an executive serving
	its grid), spread over the counties; one group each."""
	grids = {
		g.name: g
		for g in frappe.get_all(
			"Governance Grid", fields=["name", "parent_governance_grid", "level", "tree_path"]
		)
	}

	def ancestor(name, level):
		while name and grids[name].level != level:
			name = grids[name].parent_governance_grid
		return name

	serving = defaultdict(list)  # grid -> executives whose area is that grid
	for e in frappe.get_all("Federation Executive", fields=["name", "governance_grid"]):
		serving[e.governance_grid].append(e.name)

	def executive_for(grid):
		while grid:
			if serving.get(grid):
				return sorted(serving[grid])[0]
			grid = grids[grid].parent_governance_grid
		return None

	entries = defaultdict(list)  # Grid-level node -> [(entry, entry grid, executive, screened_on)]
	for row in frappe.get_all(
		"Screening Ledger",
		filters={"status": "Active"},
		fields=["name", "governance_grid", "screened_on"],
		order_by="name",
	):
		grid_node = ancestor(row.governance_grid, "Grid")
		executive = executive_for(row.governance_grid)
		if grid_node and executive:
			entries[grid_node].append((row.name, row.governance_grid, executive, str(row.screened_on)))
	by_community = defaultdict(list)
	for grid_node, rows in entries.items():
		if len(rows) >= 6:
			by_community[ancestor(grid_node, "Community")].append(grid_node)
	candidates = sorted(c for c, g in by_community.items() if c and len(g) >= 2)
	rng = random.Random(seed)
	rng.shuffle(candidates)
	chosen, counties = [], set()
	for community in candidates:  # one community per county first, then any
		county = ancestor(community, "County")
		if county not in counties:
			chosen.append(community)
			counties.add(county)
	chosen += [c for c in candidates if c not in chosen]
	if len(chosen) < groups:
		sys.exit(f"only {len(chosen)} communities qualify; generate more demo data")
	plan = []
	for i, community in enumerate(chosen[:groups], 1):
		grid_a, grid_b = sorted(by_community[community])[:2]
		plan.append(
			{
				"group": i,
				"community": community,
				"county": ancestor(community, "County"),
				"grids": [
					{"grid": g, "entries": entries[g][:12], "executive": entries[g][0][2]}
					for g in (grid_a, grid_b)
				],
			}
		)
	return plan


def ensure_users(plan: list[dict]) -> None:
	from frappe.utils.password import update_password

	from fulian_grid.tests.factories import assign, make_user

	for group in plan:
		g = group["group"]
		people = [
			(f"w{g:02d}a@{DOMAIN}", "Fulian Grid Worker", group["grids"][0]["grid"]),
			(f"w{g:02d}b@{DOMAIN}", "Fulian Grid Worker", group["grids"][1]["grid"]),
			(f"c{g:02d}@{DOMAIN}", "Fulian Grid Chair", group["community"]),
			(f"o{g:02d}@{DOMAIN}", "Fulian Officer", group["county"]),
		]
		for user, role, grid in people:
			make_user(user)
			if not frappe.db.exists(
				"Grid Role Assignment", {"user": user, "role": role, "governance_grid": grid}
			):
				assign(user, role, grid)
			update_password(user, PASSWORD)
			frappe.db.set_value("User", user, "language", "zh")
		for grid, (user, _role, _grid) in zip(group["grids"], people[:2], strict=True):
			# the grid's executive is the worker's own record: the daily overdue notices reach her
			frappe.db.set_value("Federation Executive", grid["executive"], "user", user)
		group["users"] = {
			"worker_a": people[0][0],
			"worker_b": people[1][0],
			"chair": people[2][0],
			"officer": people[3][0],
		}
	frappe.db.commit()


# ---- 2. the server and the clients ----------------------------------------------------------


def free_port() -> int:
	with socket.socket() as s:
		s.bind(("127.0.0.1", 0))
		return s.getsockname()[1]


def start_gunicorn(site: str, workers: int, log: str):
	import requests

	port = free_port()
	gunicorn = os.path.join(os.path.dirname(sys.executable), "gunicorn")
	server = subprocess.Popen(
		[
			gunicorn,
			"-b",
			f"127.0.0.1:{port}",
			"-w",
			str(workers),
			"-t",
			"120",
			"fulian_grid.wsgi:application",
		],
		stdout=open(log, "w"),
		stderr=subprocess.STDOUT,
		start_new_session=True,
	)
	url = f"http://127.0.0.1:{port}"
	for _ in range(90):
		try:
			if requests.get(f"{url}/api/method/ping", headers={"Host": site}, timeout=5).ok:
				return server, url
		except requests.RequestException:
			pass
		time.sleep(1)
	server.terminate()
	sys.exit("gunicorn did not answer")


class Stats:
	def __init__(self):
		self.lock = threading.Lock()
		self.samples = defaultdict(list)  # (side, kind) -> [ms]
		self.errors = defaultdict(list)  # (side, kind) -> [reply text]
		# (side, kind) -> count: refused as "modified after you opened it" (optimistic locking), a
		# person's copy older than the record: she refreshes and tries again
		self.conflicts = defaultdict(int)
		self.writes = []  # acknowledged and unacknowledged writes, for the checks

	def add(self, side, kind, ms, error=None):
		with self.lock:
			self.samples[(side, kind)].append(ms)
			if error is not None and "TimestampMismatchError" in error[:60]:
				self.conflicts[(side, kind)] += 1
			elif error is not None:
				self.errors[(side, kind)].append(error)


class Stop(Exception):
	pass


class Clock:
	"""The site's time (its time zone), readable from the threads (frappe.utils needs frappe.local)."""

	def __init__(self):
		from frappe.utils import get_year_start, now_datetime

		self.base, self.started = now_datetime(), time.monotonic()
		self.today = str(self.base.date())
		self.year_start = str(get_year_start(self.base.date()))

	def now(self, hours: float = 0):
		from datetime import timedelta

		return self.base + timedelta(seconds=time.monotonic() - self.started, hours=hours)


CLOCK: Clock | None = None


class User:
	"""One virtual user: a logged-in session that times each request by its kind."""

	def __init__(self, base, site, login, password, side, stats, deadline, rng, max_requests):
		import requests

		self.base, self.side, self.stats, self.deadline, self.rng = base, side, stats, deadline, rng
		self.left = max_requests
		self.conflict = False  # the last reply was a refusal of an outdated copy
		self.session = requests.Session()
		self.session.headers.update(
			{"Host": site, "Accept": "application/json", "X-Requested-With": "XMLHttpRequest"}
		)
		reply = self.session.post(
			f"{base}/api/method/login", json={"usr": login, "pwd": password}, timeout=60
		)
		reply.raise_for_status()
		self.csrf = None

	def think(self):
		time.sleep(self.rng.uniform(0.5, 1.5))
		if time.monotonic() > self.deadline or self.left <= 0:
			raise Stop

	def call(self, kind, method, *, get=False, binary=False, expect_error=False, **args):
		"""One request; returns the JSON message (or the bytes), None on an error (counted)."""
		import requests

		self.think()
		self.left -= 1
		url = f"{self.base}/api/method/{method}"
		started = time.perf_counter()
		try:
			if get:
				params = {k: v if isinstance(v, str) else json.dumps(v) for k, v in args.items()}
				reply = self.session.get(url, params=params, timeout=120)
			else:
				reply = self.session.post(url, json=args, timeout=120)
			ms = (time.perf_counter() - started) * 1000
		except requests.RequestException as error:
			self.conflict = False
			self.stats.add(self.side, kind, (time.perf_counter() - started) * 1000, f"{type(error).__name__}")
			return None
		if reply.status_code != 200:
			self.stats.add(self.side, kind, ms, f"{reply.status_code}: {reply.text[:300]}")
			self.conflict = "TimestampMismatchError" in reply.text[:60]
			return None
		self.conflict = False
		self.stats.add(self.side, kind, ms)
		if binary:
			return reply.content
		return reply.json()


def desk_list(doctype, fields):
	table = f"`tab{doctype}`"
	return {
		"doctype": doctype,
		"fields": json.dumps([f"{table}.`{f}`" for f in ("name", *fields, "modified")]),
		"filters": "[]",
		"order_by": f"{table}.`modified` desc",
		"start": 0,
		"page_length": 20,
		"view": "List",
		"group_by": "",
		"with_comment_count": 1,
	}


LEDGER_FIELDS = ("subject_name", "risk_level", "governance_grid", "next_visit_due", "status")
REPORT_FIELDS = ("workflow_state", "urgency", "governance_grid", "discovered_at", "victim_count")


class Office:
	"""The shared in-memory trays between the roles of one group (worker → chair → officer)."""

	def __init__(self):
		self.lock = threading.Lock()
		self.to_verify, self.to_serve, self.to_close = [], [], []

	def put(self, tray, name):
		with self.lock:
			getattr(self, tray).append(name)

	def take(self, tray, n=2):
		with self.lock:
			items, rest = getattr(self, tray)[:n], getattr(self, tray)[n:]
			setattr(self, tray, rest)
			return items


def worker_loop(u: User, grid: dict, entries, office: Office, run: str, tag: str):
	i = 0
	while True:
		i += 1
		u.call("ledger list", "frappe.desk.reportview.get", **desk_list("Screening Ledger", LEDGER_FIELDS))
		u.call(
			"ledger count",
			"frappe.desk.reportview.get_count",
			doctype="Screening Ledger",
			filters="[]",
			fields="[]",
			distinct="false",
		)
		entry, entry_grid, executive, _screened = entries[i % len(entries)]
		u.call(
			"ledger open", "frappe.desk.form.load.getdoc", get=True, doctype="Screening Ledger", name=entry
		)
		token = f"LOAD-{run}-{tag}-V{i}"
		visit = {
			"doctype": "Home Visit",
			"name": f"new-home-visit-{tag.lower()}{i}",
			"__islocal": 1,
			"visit_date": CLOCK.today,
			"federation_executive": executive,
			"governance_grid": entry_grid,
			"screening_ledger": entry,
			"findings": f"入户走访，情况稳定（{tag}-{i}）",
			"follow_up": token,
		}
		saved = u.call("visit save", "frappe.desk.form.save.savedocs", doc=json.dumps(visit), action="Save")
		record = {"kind": "visit", "token": token, "name": None, "submitted": False}
		if saved:
			doc = saved["docs"][0]
			record["name"] = doc["name"]
			submitted = u.call(
				"visit submit", "frappe.desk.form.save.savedocs", doc=json.dumps(doc), action="Submit"
			)
			record["submitted"] = bool(submitted)
		u.stats.writes.append(record)
		u.call("report list", "frappe.desk.reportview.get", **desk_list("Infringement Report", REPORT_FIELDS))
		if i % 2 == 1:
			token = f"LOAD-{run}-{tag}-R{i}"
			report = {
				"doctype": "Infringement Report",
				"name": f"new-infringement-report-{tag.lower()}{i}",
				"__islocal": 1,
				"discovered_at": str(CLOCK.now(hours=-2).replace(microsecond=0)),
				"discovered_by": executive,
				"source": "Home Visit",
				"governance_grid": entry_grid,
				"urgency": u.rng.choice(["Immediate Danger", "Urgent", "Normal"]),
				"legal_basis": "Statutory Duty",
				"description": f"走访中发现家庭矛盾（{tag}-{i}）",
				"police_report_reference": token,
				"concern_items": [
					{
						"doctype": "Infringement Concern",
						"concern_item": "Marital Dispute",
						"__islocal": 1,
						"parentfield": "concern_items",
						"idx": 1,
					}
				],
				"victims": [
					{
						"doctype": "Infringement Victim",
						"victim_name": f"李{tag}{i}",
						"age": 35,
						"gender": "Female",
						"__islocal": 1,
						"parentfield": "victims",
						"idx": 1,
					}
				],
			}
			saved = u.call(
				"report save", "frappe.desk.form.save.savedocs", doc=json.dumps(report), action="Save"
			)
			record = {"kind": "report", "token": token, "name": None, "steps": []}
			u.stats.writes.append(record)
			if saved:
				doc = saved["docs"][0]
				record["name"] = doc["name"]
				filed = u.call(
					"report file",
					"frappe.model.workflow.apply_workflow",
					doc=json.dumps(doc),
					action="File Report",
				)
				if not filed and u.conflict:  # escalated while she had it open: open it again, file
					record["steps"].append(("Reported", False))
					opened = u.call(
						"report open",
						"frappe.desk.form.load.getdoc",
						get=True,
						doctype="Infringement Report",
						name=doc["name"],
					)
					filed = opened and u.call(
						"report file",
						"frappe.model.workflow.apply_workflow",
						doc=json.dumps(opened["docs"][0]),
						action="File Report",
					)
				record["steps"].append(("Reported", bool(filed)))
				if filed:
					office.put("to_verify", record)
		if i % 3 == 0:
			u.call(
				"word download",
				"fulian_grid.api.ledger.download_screening_ledger",
				get=True,
				binary=True,
				governance_grid=grid["grid"],
			)


def advance(u: User, record: dict, action: str, state: str, retried: bool = False, **values):
	"""Open the report, fill what the step asks for and save (as on the form), then the step."""
	doc = u.call(
		"report open",
		"frappe.desk.form.load.getdoc",
		get=True,
		doctype="Infringement Report",
		name=record["name"],
	)
	if not doc:
		return False
	loaded = doc["docs"][0]
	if values:
		saved = u.call(
			"report edit",
			"frappe.desk.form.save.savedocs",
			doc=json.dumps({**loaded, **values}),
			action="Save",
		)
		if not saved:
			return False
		loaded = saved["docs"][0]
	done = u.call(
		"report advance", "frappe.model.workflow.apply_workflow", doc=json.dumps(loaded), action=action
	)
	if not done and u.conflict and not retried:  # changed while open (the escalation job): refresh
		record["steps"].append((state, False))
		return advance(u, record, action, state, retried=True, **values)
	record["steps"].append((state, bool(done)))
	return bool(done)


def chair_loop(u: User, group: dict, office: Office):
	i = 0
	while True:
		i += 1
		u.call("report list", "frappe.desk.reportview.get", **desk_list("Infringement Report", REPORT_FIELDS))
		for record in office.take("to_verify"):
			if advance(u, record, "Verify Facts", "Verified"):
				office.put("to_serve", record)
		filters = {
			"governance_grid": group["community"],
			"from_date": CLOCK.year_start,
			"to_date": CLOCK.today,
		}
		u.call(
			"work statistics",
			"frappe.desk.query_report.run",
			report_name="Work Statistics",
			filters=json.dumps(filters),
			ignore_prepared_report=1,
		)
		if i % 2 == 0:
			u.call(
				"word download",
				"fulian_grid.api.statistics.download_work_statistics",
				get=True,
				binary=True,
				**filters,
			)
		u.call("ledger list", "frappe.desk.reportview.get", **desk_list("Screening Ledger", LEDGER_FIELDS))


def officer_loop(u: User, group: dict, office: Office):
	while True:
		u.call("ledger list", "frappe.desk.reportview.get", **desk_list("Screening Ledger", LEDGER_FIELDS))
		u.call(
			"ledger count",
			"frappe.desk.reportview.get_count",
			doctype="Screening Ledger",
			filters="[]",
			fields="[]",
			distinct="false",
		)
		filters = {
			"governance_grid": group["county"],
			"from_date": CLOCK.year_start,
			"to_date": CLOCK.today,
		}
		u.call(
			"work statistics",
			"frappe.desk.query_report.run",
			report_name="Work Statistics",
			filters=json.dumps(filters),
			ignore_prepared_report=1,
		)
		u.call(
			"word download",
			"fulian_grid.api.statistics.download_work_statistics",
			get=True,
			binary=True,
			**filters,
		)
		u.call("report list", "frappe.desk.reportview.get", **desk_list("Infringement Report", REPORT_FIELDS))
		for record in office.take("to_close"):
			advance(u, record, "Close", "Closed", closure_review="已妥善处置，回访确认")
		for record in office.take("to_serve"):
			if advance(u, record, "Start Service", "In Service"):
				office.put("to_close", record)


# ---- 4. the scheduled jobs, in a process of their own ---------------------------------------


def run_jobs(
	site: str, seconds: float, hour_seconds: float, hours_per_run: int, day_seconds: float, out: str
) -> None:
	"""The hourly escalation and the daily overdue notices, as the scheduler's worker runs them
	(one transaction per job run), with a clock running one hour (one day) ahead per run."""
	from frappe.utils import add_days, add_to_date, now_datetime, today

	frappe.init(site=site, sites_path=os.getcwd())
	frappe.connect()
	log, started = [], time.monotonic()
	next_hour, next_day, hours, days = started, started + day_seconds / 2, 0, 0
	while time.monotonic() < started + seconds:
		now = time.monotonic()
		if now >= next_hour:
			hours += 1
			clock = add_to_date(now_datetime(), hours=hours * hours_per_run)
			log.append(_job(ESCALATION, {"now": clock}, f"escalation +{hours * hours_per_run}h"))
			next_hour += hour_seconds
		if now >= next_day:
			days += 1
			log.append(_job(OVERDUE, {"on": add_days(today(), days)}, f"overdue notices +{days}d"))
			next_day += day_seconds
		time.sleep(0.5)
	json.dump({"runs": log, "hours": hours, "days": days}, open(out, "w"), default=str)
	frappe.destroy()


def _job(method: str, kwargs: dict, label: str) -> dict:
	started = time.perf_counter()
	try:
		result = frappe.get_attr(method)(**kwargs)
		frappe.db.commit()
		return {"job": label, "ok": True, "result": result, "s": round(time.perf_counter() - started, 2)}
	except Exception as error:
		frappe.db.rollback()
		return {
			"job": label,
			"ok": False,
			"error": f"{type(error).__name__}: {str(error)[:200]}",
			"s": round(time.perf_counter() - started, 2),
		}


# ---- 5. the checks --------------------------------------------------------------------------


def check(writes: list[dict], run: str) -> tuple[list[str], dict]:
	from fulian_grid import vault

	frappe.db.commit()
	problems, figures = [], defaultdict(int)
	vault_count = lambda doctype, name: frappe.db.sql(  # noqa: E731
		f"select count(*) from `{vault.TABLE}` where parenttype=%s and parent=%s", (doctype, name)
	)[0][0]
	for w in writes:
		if w["kind"] == "visit":
			rows = frappe.get_all(
				"Home Visit", filters={"follow_up": w["token"]}, fields=["name", "docstatus"]
			)
			acked = w["name"] is not None
			figures["visits acknowledged" if acked else "visits not acknowledged"] += 1
			if acked and [r.name for r in rows] != [w["name"]]:
				problems.append(
					f"visit {w['token']}: acknowledged as {w['name']}, stored as {[r.name for r in rows]}"
				)
				continue
			if len(rows) > 1:
				problems.append(f"visit {w['token']} stored {len(rows)} times")
			for r in rows:
				if vault_count("Home Visit", r.name) != 1:
					problems.append(f"visit {r.name} half there: its findings are not in the vault")
				if w["submitted"] and r.docstatus != 1:
					problems.append(f"visit {r.name}: submit acknowledged, docstatus {r.docstatus}")
				figures["visits submitted"] += r.docstatus == 1
			if not acked and rows:
				figures["visits stored without acknowledgement (whole)"] += 1
		else:
			rows = frappe.get_all(
				"Infringement Report",
				filters={"police_report_reference": w["token"]},
				fields=[
					"name",
					"workflow_state",
					"reported_at",
					"verified_at",
					"first_service_at",
					"closed_at",
					"victim_count",
				],
			)
			acked = w["name"] is not None
			figures["reports acknowledged" if acked else "reports not acknowledged"] += 1
			if acked and [r.name for r in rows] != [w["name"]]:
				problems.append(
					f"report {w['token']}: acknowledged as {w['name']}, stored as {[r.name for r in rows]}"
				)
				continue
			if len(rows) > 1:
				problems.append(f"report {w['token']} stored {len(rows)} times")
			for r in rows:
				victims = frappe.db.count(
					"Infringement Victim", {"parent": r.name, "parenttype": "Infringement Report"}
				)
				items = frappe.db.count(
					"Infringement Concern", {"parent": r.name, "parenttype": "Infringement Report"}
				)
				if (victims, items, r.victim_count) != (1, 1, 1) or vault_count(
					"Infringement Report", r.name
				) < 2:
					problems.append(
						f"report {r.name} half there: {victims} victims, {items} items, vault {vault_count('Infringement Report', r.name)}"
					)
				acked_states = [state for state, ok in w["steps"] if ok]
				expected = acked_states[-1] if acked_states else "Draft"
				tried = [state for state, ok in w["steps"] if not ok]
				if r.workflow_state != expected and r.workflow_state not in tried:
					problems.append(
						f"report {r.name}: last acknowledged step {expected}, stored {r.workflow_state}"
					)
				stamps = {
					"Reported": "reported_at",
					"Verified": "verified_at",
					"In Service": "first_service_at",
					"Closed": "closed_at",
				}
				for state in acked_states:
					if not r.get(stamps[state]):
						problems.append(f"report {r.name}: {state} acknowledged but {stamps[state]} empty")
				figures[f"reports now {r.workflow_state}"] += 1
				figures["workflow steps acknowledged"] += len(acked_states)
	duplicates = frappe.db.sql(
		"""select parent, stage, level, count(*) from `tabInfringement Escalation`
		where parenttype='Infringement Report' group by parent, stage, level having count(*) > 1"""
	)
	if duplicates:
		problems.append(f"{len(duplicates)} escalations made twice, e.g. {duplicates[0]}")
	figures["escalations (all reports)"] = frappe.db.count("Infringement Escalation")
	for parent, stage, notified in frappe.db.sql(
		"""select parent, stage, notified from `tabInfringement Escalation` where parenttype='Infringement Report'"""
	):
		for user in filter(None, (notified or "").split(", ")):
			todos = frappe.db.count(
				"ToDo",
				{
					"reference_type": "Infringement Report",
					"reference_name": parent,
					"allocated_to": user,
					"description": ("like", f"%{frappe._(stage)}%"),
				},
			)
			if todos < 1:
				problems.append(f"escalation of {parent} ({stage}) told {user} but no ToDo is there")
	twice = frappe.db.sql(
		"""select reference_type, reference_name, allocated_to, description, count(*) from `tabToDo`
		where reference_type in ('Infringement Report', 'Screening Ledger')
		group by reference_type, reference_name, allocated_to, description having count(*) > 1"""
	)
	if twice:
		problems.append(f"{len(twice)} notices sent twice, e.g. {twice[0][:3]}")
	figures["overdue notices (all entries)"] = frappe.db.count("ToDo", {"reference_type": "Screening Ledger"})
	return problems, dict(figures)


# ---- reporting ------------------------------------------------------------------------------


def pct(samples, q):
	ordered = sorted(samples)
	return ordered[min(len(ordered) - 1, round(q / 100 * (len(ordered) - 1)))]


def report(stats: Stats, seconds: float, jobs: dict, problems, figures, args) -> str:
	out = []
	total = sum(len(v) for v in stats.samples.values())
	errors = sum(len(v) for v in stats.errors.values())
	conflicts = sum(stats.conflicts.values())
	out.append(
		f"{total} requests in {seconds:.0f} s = {total / seconds:.1f} requests/s; errors: {errors}; "
		f"refused as changed since opened: {conflicts}\n"
	)
	out.append(
		"| request | scoped n | p50 | p95 | p99 | errors | Administrator n | p50 | p95 | p99 | errors | p95 scoped / Administrator |"
	)
	out.append("|---|---|---|---|---|---|---|---|---|---|---|---|")
	kinds = sorted({k for _, k in stats.samples})
	all_scoped, all_admin = [], []
	for kind in kinds:
		cells = [kind]
		p95 = {}
		for side in ("scoped", "admin"):
			s = stats.samples.get((side, kind), [])
			(all_scoped if side == "scoped" else all_admin).extend(s)
			if s:
				p95[side] = pct(s, 95)
				cells += [
					str(len(s)),
					f"{pct(s, 50):.0f}",
					f"{p95[side]:.0f}",
					f"{pct(s, 99):.0f}",
					str(len(stats.errors.get((side, kind), []))),
				]
			else:
				cells += ["0", "–", "–", "–", "0"]
		cells.append(f"{p95['scoped'] / p95['admin']:.2f}×" if len(p95) == 2 and p95["admin"] else "–")
		out.append("| " + " | ".join(cells) + " |")
	if all_scoped and all_admin:
		out.append(
			f"| **whole mix** | {len(all_scoped)} | {pct(all_scoped, 50):.0f} | {pct(all_scoped, 95):.0f} | {pct(all_scoped, 99):.0f} | "
			f"{sum(len(v) for (s, _), v in stats.errors.items() if s == 'scoped')} | {len(all_admin)} | {pct(all_admin, 50):.0f} | "
			f"{pct(all_admin, 95):.0f} | {pct(all_admin, 99):.0f} | {sum(len(v) for (s, _), v in stats.errors.items() if s == 'admin')} | "
			f"**{pct(all_scoped, 95) / pct(all_admin, 95):.2f}×** |"
		)
	out.append("\n(ms; p95 scoped / Administrator per request type of the same mix)\n")
	for (side, kind), errs in sorted(stats.errors.items()):
		out.append(f"- errors, {side} {kind}: {len(errs)}; first: {errs[0][:300]}")
	for (side, kind), n in sorted(stats.conflicts.items()):
		out.append(
			f"- refused as changed since opened (TimestampMismatchError, 417), {side} {kind}: {n} "
			"— opened again and retried once"
		)
	runs = jobs.get("runs", [])
	ok = [r for r in runs if r["ok"]]
	out.append(
		f"\nJobs: {len([r for r in runs if r['job'].startswith('escalation')])} escalation runs "
		f"(clock +{args.hours_per_run} h each), "
		f"{len([r for r in runs if r['job'].startswith('overdue')])} overdue-notice runs (date +1 day each); "
		f"{len(ok)} committed, {len(runs) - len(ok)} failed and rolled back"
	)
	for r in runs:
		out.append(
			f"  - {r['job']}: {'ok, ' + str(r['result']) if r['ok'] else 'FAILED ' + r['error']} ({r['s']} s)"
		)
	out.append("\nWrites: " + ", ".join(f"{k} {v}" for k, v in sorted(figures.items())))
	out.append(
		"\nChecks: "
		+ (
			"all passed — every acknowledged write there once and whole, nothing half there, every escalation and notice once"
			if not problems
			else f"{len(problems)} PROBLEMS"
		)
	)
	for p in problems[:30]:
		out.append(f"- {p}")
	return "\n".join(out)


def main():
	parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
	parser.add_argument("--site", required=True)
	parser.add_argument("--minutes", type=float, default=4)
	parser.add_argument("--groups", type=int, default=6, help="groups of 2 workers, a chair and an officer")
	parser.add_argument("--admin-groups", type=int, default=3, help="groups played again by Administrator")
	parser.add_argument("--workers", type=int, default=4, help="gunicorn workers")
	parser.add_argument("--hour-seconds", type=float, default=20)
	parser.add_argument(
		"--hours-per-run", type=int, default=4, help="the escalation's clock moves on so much"
	)
	parser.add_argument("--day-seconds", type=float, default=60)
	parser.add_argument(
		"--max-requests", type=int, default=2000, help="per virtual user, a bound besides time"
	)
	parser.add_argument("--admin-password", default="admin")
	parser.add_argument("--jobs", help=argparse.SUPPRESS)  # internal: run the jobs, write to this file
	args = parser.parse_args()
	seconds = args.minutes * 60
	if args.jobs:
		return run_jobs(
			args.site, seconds, args.hour_seconds, args.hours_per_run, args.day_seconds, args.jobs
		)

	frappe.init(site=args.site, sites_path=os.getcwd())
	frappe.connect()
	global CLOCK
	CLOCK = Clock()
	plan = plan_groups(args.groups)
	ensure_users(plan)
	run = time.strftime("%H%M%S")
	logs = os.path.join(os.getcwd(), "..", "logs")
	server, base = start_gunicorn(
		args.site, args.workers, os.path.join(logs, f"fulian-load-gunicorn-{run}.log")
	)
	stats, threads = Stats(), []
	jobs_out = os.path.join(logs, f"fulian-load-jobs-{run}.json")
	try:
		deadline = time.monotonic() + seconds
		sides = [(group, "scoped") for group in plan] + [
			(group, "admin") for group in plan[: args.admin_groups]
		]
		starters = []
		for n, (group, side) in enumerate(sides):
			office = Office()
			users = group["users"]
			password = PASSWORD if side == "scoped" else args.admin_password
			half = 0 if side == "scoped" else 6  # Administrator visits other entries of the same grids
			for key, loop, extra in (
				(
					"worker_a",
					worker_loop,
					(
						group["grids"][0],
						group["grids"][0]["entries"][half : half + 6] or group["grids"][0]["entries"],
						office,
						run,
						f"G{group['group']}{side[0].upper()}A",
					),
				),
				(
					"worker_b",
					worker_loop,
					(
						group["grids"][1],
						group["grids"][1]["entries"][half : half + 6] or group["grids"][1]["entries"],
						office,
						run,
						f"G{group['group']}{side[0].upper()}B",
					),
				),
				("chair", chair_loop, (group, office)),
				("officer", officer_loop, (group, office)),
			):
				login = users[key] if side == "scoped" else "Administrator"
				starters.append((login, password, side, loop, extra, n))
		job_process = subprocess.Popen(
			[
				sys.executable,
				os.path.abspath(__file__),
				"--site",
				args.site,
				"--minutes",
				str(args.minutes),
				"--jobs",
				jobs_out,
				"--hour-seconds",
				str(args.hour_seconds),
				"--hours-per-run",
				str(args.hours_per_run),
				"--day-seconds",
				str(args.day_seconds),
			],
			cwd=os.getcwd(),
		)

		def play(login, password, side, loop, extra, n):
			rng = random.Random(hash((login, n)))
			time.sleep(rng.uniform(0, 5))  # users arrive over a few seconds
			try:
				user = User(base, args.site, login, password, side, stats, deadline, rng, args.max_requests)
				loop(user, *extra)
			except Stop:
				pass
			except Exception as error:  # a bug of the driver: counted, the run goes on
				stats.add(side, "driver", 0, f"{type(error).__name__}: {error}")

		started = time.monotonic()
		for starter in starters:
			thread = threading.Thread(target=play, args=starter, daemon=True)
			thread.start()
			threads.append(thread)
		print(
			f"{len(threads)} virtual users ({args.groups} groups scoped, {args.admin_groups} as Administrator), "
			f"gunicorn {args.workers} workers on {base}, {args.minutes} min",
			flush=True,
		)
		for thread in threads:
			thread.join(timeout=max(1, deadline + 180 - time.monotonic()))
		elapsed = time.monotonic() - started
		job_process.wait(timeout=300)
	finally:
		os.killpg(server.pid, signal.SIGTERM)
		server.wait(timeout=60)
	jobs = json.load(open(jobs_out)) if os.path.exists(jobs_out) else {}
	problems, figures = check(stats.writes, run)
	print(report(stats, elapsed, jobs, problems, figures, args))
	print(
		f"\n(run {run}; gunicorn log logs/fulian-load-gunicorn-{run}.log, jobs logs/fulian-load-jobs-{run}.json)"
	)
	frappe.destroy()
	return 1 if problems or any(stats.errors.values()) else 0


if __name__ == "__main__":
	sys.exit(main())
