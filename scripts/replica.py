"""Where reads and writes go when a site has a replica (issue 19), for scripts/replica.sh.

Run with the bench's Python from its sites folder, against a site served over HTTP whose database
is a primary with a replica, both MariaDB servers of the check's own under DIR (sockets
DIR/primary.sock and DIR/replica.sock, general query logs DIR/primary-general.log and
DIR/replica-general.log):

  python scripts/replica.py reads SITE URL DIR      # statistics, registers, Word, charts: on the replica
  python scripts/replica.py writes SITE URL DIR     # a write goes to the primary and replicates
  python scripts/replica.py own-write SITE URL DIR  # a user's reads right after her write: the primary
  python scripts/replica.py stale SITE URL DIR      # replication stopped: the primary, with a notice
  python scripts/replica.py resumed SITE URL DIR    # replication started again: the replica
  python scripts/replica.py measure SITE URL DIR    # the benchmark figures (JSON)

Each check reads the new part of both servers' general query logs: a statement that only the
read in question runs (Work Statistics' GROUP BY on `tabLed Project`, the register's join on the
screener) must be in one log and not in the other. The replica's Com_select counter is printed
beside it. Exit status 1 with the reason when a check fails.
"""

import json
import os
import statistics
import subprocess
import sys
import time

import requests

PASSWORD = "Fulian@2026"  # fulian_grid.demo.users.DEMO_PASSWORD
ADMIN = "admin@dongying.example"  # Fulian Admin of the city
WORKER = "worker@dongying.example"  # grid worker of one micro-grid
WORKER_GRID = "37050200100101"
CITY = "3705"
WORK_STATISTICS_SQL = "from `tabLed Project` t"
REGISTER_SQL = "left join `tabFederation Executive` screener"
CHART_SQL = "`risk_level` as label"
NOTICE = "副本数据库"  # the stale notice, in Chinese (replica.stale_notice)
WINDOW = 2 + 5 + 1  # fulian_replica_max_lag (set by replica.sh) + replica.STATUS_SECONDS + 1


class Failed(Exception):
	pass


class Check:
	def __init__(self, site: str, url: str, folder: str):
		self.site, self.url, self.folder = site, url.rstrip("/"), folder
		self.sessions: dict[str, requests.Session] = {}
		self.marks: dict[str, int] = {}

	# --- the two servers ------------------------------------------------------------------
	def sql(self, server: str, statement: str) -> list[list[str]]:
		out = subprocess.run(
			["mariadb", f"--socket={self.folder}/{server}.sock", "-u", "root", "-N", "-B", "-e", statement],
			capture_output=True,
			text=True,
			check=True,
		).stdout
		return [line.split("\t") for line in out.splitlines()]

	def counter(self, server: str, name: str) -> int:
		return int(self.sql(server, f"show global status like '{name}'")[0][1])

	def db_name(self) -> str:
		return json.load(open(os.path.join(self.site, "site_config.json")))["db_name"]

	def mark(self) -> None:
		"""Remember where both general logs end now."""
		for server in ("primary", "replica"):
			self.marks[server] = os.path.getsize(self.log_path(server))
		self.selects = self.counter("replica", "Com_select")

	def log_path(self, server: str) -> str:
		return os.path.join(self.folder, f"{server}-general.log")

	def since_mark(self, server: str) -> str:
		with open(self.log_path(server), "rb") as log:
			log.seek(self.marks[server])
			return log.read().decode("utf-8", "replace")

	def where(self, fragment: str) -> str:
		"""Which server ran a statement containing `fragment` since the mark."""
		time.sleep(0.3)  # the general log is written as the statement runs; let it reach the file
		on = [s for s in ("primary", "replica") if fragment.lower() in self.since_mark(s).lower()]
		return "+".join(on) or "neither"

	def replica_selects(self) -> int:
		return self.counter("replica", "Com_select") - self.selects

	def caught_up(self, timeout: float = 60) -> float:
		started = time.monotonic()
		while time.monotonic() - started < timeout:
			want = self.sql("primary", "select @@gtid_binlog_pos")[0][0]
			have = self.sql("replica", "select @@gtid_slave_pos")[0][0]
			if want == have:
				return time.monotonic() - started
			time.sleep(0.05)
		raise Failed("the replica did not catch up")

	# --- HTTP, as the desk calls it ---------------------------------------------------------
	def session(self, user: str) -> requests.Session:
		if user not in self.sessions:
			session = requests.Session()
			session.headers["Host"] = self.site
			reply = session.post(
				f"{self.url}/api/method/login", json={"usr": user, "pwd": PASSWORD}, timeout=60
			)
			reply.raise_for_status()
			self.sessions[user] = session
		return self.sessions[user]

	def call(self, user: str, method: str, **params) -> dict:
		reply = self.session(user).post(f"{self.url}/api/method/{method}", json=params, timeout=120)
		if reply.status_code != 200:
			raise Failed(f"{method} as {user}: HTTP {reply.status_code}: {reply.text[:400]}")
		return reply.json() if reply.headers.get("content-type", "").startswith("application/json") else {}

	def download(self, user: str, method: str, **params) -> bytes:
		reply = self.session(user).get(f"{self.url}/api/method/{method}", params=params, timeout=120)
		if reply.status_code != 200:
			raise Failed(f"{method} as {user}: HTTP {reply.status_code}: {reply.text[:400]}")
		return reply.content

	def report(self, user: str, name: str, **filters) -> dict:
		return self.call(user, "frappe.desk.query_report.run", report_name=name, filters=json.dumps(filters))

	def work_statistics(self, user: str = ADMIN) -> dict:
		year = time.strftime("%Y")
		return self.report(
			user,
			"Work Statistics",
			governance_grid=CITY,
			from_date=f"{year}-01-01",
			to_date=time.strftime("%Y-%m-%d"),
		)

	def new_entry(self, user: str, grid: str = WORKER_GRID) -> str:
		entry = {
			"doctype": "Screening Ledger",
			"governance_grid": grid,
			"subject_name": "副本检查对象",
			"categories": [{"key_group_category": "Left-behind Women"}],
			"risk_level": "Low",
			"screened_on": time.strftime("%Y-%m-%d"),
			"legal_basis": "Statutory Duty",
		}
		return self.call(user, "frappe.client.insert", doc=entry)["message"]["name"]

	@staticmethod
	def messages(reply: dict) -> str:
		return " ".join(
			json.loads(m).get("message", "") for m in json.loads(reply.get("_server_messages") or "[]")
		)

	# --- the checks ---------------------------------------------------------------------------
	def expect(self, what: str, got, want) -> None:
		print(f"  {what}: {got}" + ("" if got == want else f"  (expected {want})"))
		if got != want:
			raise Failed(what)

	def reads(self) -> None:
		time.sleep(WINDOW)  # the demo users were made by a bench command, not by these sessions
		self.session(ADMIN)
		self.mark()
		reply = self.work_statistics()
		self.expect("Work Statistics (report run) read on", self.where(WORK_STATISTICS_SQL), "replica")
		print(f"  replica Com_select +{self.replica_selects()}; total row: {reply['message']['result'][-1]}")
		self.expect("notice", self.messages(reply), "")
		self.mark()
		self.report(ADMIN, "Screening Ledger Register", governance_grid=CITY)
		self.expect("Screening Ledger Register read on", self.where(REGISTER_SQL), "replica")
		self.mark()
		logs = int(self.sql("primary", f"select count(*) from `{self.db_name()}`.`tabAccess Log`")[0][0])
		year = time.strftime("%Y")
		body = self.download(
			ADMIN,
			"fulian_grid.api.statistics.download_work_statistics",
			governance_grid=CITY,
			from_date=f"{year}-01-01",
			to_date=time.strftime("%Y-%m-%d"),
		)
		self.expect("Work Statistics Word file is a .docx", body[:2], b"PK")
		self.expect("Work Statistics Word export read on", self.where(WORK_STATISTICS_SQL), "replica")
		self.expect("its Access Log row written on", self.where("insert into `tabAccess Log`"), "primary")
		after = int(self.sql("primary", f"select count(*) from `{self.db_name()}`.`tabAccess Log`")[0][0])
		self.expect("Access Log rows added on the primary", after - logs, 1)
		self.mark()
		self.call(
			ADMIN, "fulian_grid.api.charts.grouped_count", chart_name="Active Ledger Entries by Risk Level"
		)
		self.expect("workspace chart (ledger by risk level) read on", self.where(CHART_SQL), "replica")

	def writes(self) -> None:
		self.mark()
		name = self.new_entry(WORKER)
		self.expect(
			"the worker's new ledger entry inserted on",
			self.where("insert into `tabScreening Ledger`"),
			"primary",
		)
		print(f"  replicated after {self.caught_up() * 1000:.0f} ms")
		on_replica = self.sql(
			"replica", f"select count(*) from `{self.db_name()}`.`tabScreening Ledger` where name = '{name}'"
		)
		self.expect("the entry on the replica", on_replica[0][0], "1")
		config = json.load(open(os.path.join(self.site, "site_config.json")))
		refused = subprocess.run(
			[
				"mariadb",
				"-h127.0.0.1",
				f"-P{config['replica_db_port']}",
				f"-u{config['db_name']}",
				f"-p{config['db_password']}",
				config["db_name"],
				"-e",
				"update `tabScreening Ledger` set modified = now() where 1 = 0",
			],
			capture_output=True,
			text=True,
		)
		self.expect(
			"the site's login writing on the replica refused (read-only)", "read-only" in refused.stderr, True
		)

	def own_write(self) -> None:
		name = self.new_entry(ADMIN)  # the city admin records an entry herself …
		self.mark()
		reply = self.report(
			ADMIN, "Screening Ledger Register", governance_grid=CITY
		)  # … and opens the register
		self.expect("the register right after her own write read on", self.where(REGISTER_SQL), "primary")
		names = {row.get("name") for row in reply["message"]["result"] if isinstance(row, dict)}
		self.expect("her new entry in it", name in names, True)
		time.sleep(WINDOW)
		self.mark()
		self.report(ADMIN, "Screening Ledger Register", governance_grid=CITY)
		self.expect(f"the register {WINDOW} s later read on", self.where(REGISTER_SQL), "replica")

	def stale(self) -> None:
		self.sql("replica", "stop slave")
		status = dict(zip(*self._slave_status(), strict=False))
		print(
			f"  replica: Slave_IO_Running {status.get('Slave_IO_Running')}, Slave_SQL_Running {status.get('Slave_SQL_Running')}"
		)
		name = self.new_entry(WORKER)  # written while the replica is stopped: it never gets there
		time.sleep(WINDOW)  # the cached replica state expires
		self.mark()
		reply = self.work_statistics()
		self.expect(
			"Work Statistics with replication stopped read on", self.where(WORK_STATISTICS_SQL), "primary"
		)
		notice = self.messages(reply)
		print(f"  notice: {notice}")
		self.expect("the notice says the replica stopped", NOTICE in notice, True)
		self.mark()
		reply = self.report(ADMIN, "Screening Ledger Register", governance_grid=CITY)
		self.expect("the register read on", self.where(REGISTER_SQL), "primary")
		names = {row.get("name") for row in reply["message"]["result"] if isinstance(row, dict)}
		self.expect("the entry written after the stop is in it (fresh)", name in names, True)
		missing = self.sql(
			"replica", f"select count(*) from `{self.db_name()}`.`tabScreening Ledger` where name = '{name}'"
		)
		self.expect("that entry is not on the stopped replica", missing[0][0], "0")

	def _slave_status(self):
		out = subprocess.run(
			[
				"mariadb",
				f"--socket={self.folder}/replica.sock",
				"-u",
				"root",
				"-B",
				"-e",
				"show slave status",
			],
			capture_output=True,
			text=True,
			check=True,
		).stdout.splitlines()
		return out[0].split("\t"), out[1].split("\t")

	def resumed(self) -> None:
		self.sql("replica", "start slave")
		print(f"  caught up after {self.caught_up() * 1000:.0f} ms")
		time.sleep(WINDOW)
		self.mark()
		reply = self.work_statistics()
		self.expect("Work Statistics read on", self.where(WORK_STATISTICS_SQL), "replica")
		self.expect("notice", self.messages(reply), "")

	def measure(self) -> dict:
		"""Work Statistics for the city over HTTP, alternately with the replica and without it (the
		same requests, site config switched), the replica state probe, and replication delay."""
		path = os.path.join(self.site, "site_config.json")

		def set_replica(on: int) -> None:
			config = json.load(open(path))
			config["read_from_replica"] = on
			json.dump(config, open(path, "w"), indent=1)

		def timed_run() -> float:
			started = time.perf_counter()
			self.work_statistics()
			return (time.perf_counter() - started) * 1000

		time.sleep(WINDOW)
		samples = {1: [], 0: []}
		for _ in range(11):
			for on in (1, 0):
				set_replica(on)
				samples[on].append(timed_run())
		set_replica(1)
		delays = []
		for _ in range(10):
			self.new_entry(WORKER)
			delays.append(self.caught_up() * 1000)
		probe = subprocess.run(
			[sys.executable, "-c", PROBE, self.site],
			capture_output=True,
			text=True,
			check=True,
			cwd=os.getcwd(),
		).stdout
		result = {
			"Work Statistics (city, HTTP) on the replica, median ms": round(statistics.median(samples[1]), 1),
			"Work Statistics (city, HTTP) on the primary, median ms": round(statistics.median(samples[0]), 1),
			"slowest on the replica, ms": round(max(samples[1]), 1),
			"slowest on the primary, ms": round(max(samples[0]), 1),
			"replication delay of one ledger entry (GTID applied on the replica), median ms": round(
				statistics.median(delays), 1
			),
			"replication delay, slowest of 10, ms": round(max(delays), 1),
			**json.loads(probe),
		}
		return result


PROBE = """
import json, sys, time, frappe
frappe.init(site=sys.argv[1]); frappe.connect()
from fulian_grid import replica
samples = []
for _ in range(20):
	started = time.perf_counter(); state = replica.status(cached=False); samples.append((time.perf_counter() - started) * 1000)
cached = []
for _ in range(200):
	started = time.perf_counter(); replica.status(); cached.append((time.perf_counter() - started) * 1000)
samples.sort(); cached.sort()
print(json.dumps({"replica state probe (SHOW SLAVE STATUS on a new connection), median ms": round(samples[10], 2),
	"replica state, cached (once per request), median ms": round(cached[100], 3), "replica state": state}))
"""


def main(argv: list[str]) -> int:
	command, site, url, folder = argv[:4]
	check = Check(site, url, folder)
	try:
		if command == "measure":
			print(json.dumps(check.measure(), ensure_ascii=False, indent=1))
		else:
			getattr(check, command.replace("-", "_"))()
	except Failed as failure:
		print(f"FAILED: {failure}")
		return 1
	return 0


if __name__ == "__main__":
	sys.exit(main(sys.argv[1:]))
