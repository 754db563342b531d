"""What a site holds, for the backup/restore and upgrade checks of scripts/test (issue 18).

Run with the bench's Python from its sites folder; it reads the database directly, so it works
whichever version of the app is installed (the upgrade check fingerprints a site made by an
older commit):

  python scripts/reliability.py fingerprint SITE [--columns-from BEFORE.json]
  python scripts/reliability.py identities SITE   # digest of every vault value, decrypted
  python scripts/reliability.py attach SITE       # a private file on an app record, a public one of the site
  python scripts/reliability.py edit-workflow SITE  # an admin's edit of the casework workflow
  python scripts/reliability.py db-fault SITE URL PIDFILE -- MARIADBD ARGS...
                                                  # writes while MariaDB is killed and restarted

`fingerprint` prints, per table (every app DocType's table, the vault, the File rows of app
records with a hash of each file's bytes, the app's workflows), the row count and a SHA-256 of
all rows in key order; with --columns-from, only the columns that file lists (an upgrade may add
columns). `identities` exits 3 with the vault's own (Chinese) message when they cannot be read.
"""

import hashlib
import json
import os
import sys

import frappe

MODULE = "Fulian Grid"
VAULT = "__fulian_vault"
EDITED_ACTION = "Reject"
EDITED_ROLE = "Fulian Executive"


def connect(site: str) -> None:
	frappe.init(site=site, sites_path=os.getcwd())
	frappe.connect()
	frappe.local.lang = "zh"  # the messages a Chinese-speaking admin would read


def app_doctypes() -> list[str]:
	return frappe.get_all(
		"DocType", filters={"module": MODULE, "issingle": 0, "is_virtual": 0}, pluck="name", order_by="name"
	)


def columns_of(table: str) -> list[str]:
	return [row[0] for row in frappe.db.sql(f"show columns from `{table}`")]


def digest_rows(rows) -> str:
	sha = hashlib.sha256()
	for row in rows:
		sha.update(repr(tuple(row)).encode())
	return sha.hexdigest()


def table_print(table: str, columns: list[str], where: str = "", order: str = "name") -> dict:
	cols = ", ".join(f"`{c}`" for c in columns)
	rows = frappe.db.sql(f"select {cols} from `{table}` {where} order by {order}")
	return {"columns": columns, "rows": len(rows), "sha256": digest_rows(rows)}


def fingerprint(columns_from: dict | None = None) -> dict:
	doctypes = app_doctypes()
	quoted = ", ".join(frappe.db.escape(d) for d in doctypes)
	tables = {f"tab{d}": ("", "name") for d in doctypes}
	tables[VAULT] = ("", "doctype, name, fieldname")
	tables["tabFile"] = (f"where {files_of(quoted)}", "name")
	workflows = frappe.get_all("Workflow", filters={"document_type": ("in", doctypes)}, pluck="name")
	names = ", ".join(frappe.db.escape(w) for w in workflows) or "''"
	tables["tabWorkflow"] = (f"where name in ({names})", "name")
	tables["tabWorkflow Transition"] = (f"where parent in ({names})", "parent, idx")
	tables["tabWorkflow Document State"] = (f"where parent in ({names})", "parent, idx")
	out = {}
	for table, (where, order) in sorted(tables.items()):
		present = columns_of(table)
		wanted = columns_from[table]["columns"] if columns_from and table in columns_from else present
		missing = [c for c in wanted if c not in present]
		if missing:
			out[table] = {"missing columns": missing}
			continue
		out[table] = table_print(table, wanted, where, order)
	out["attachment bytes"] = attachment_bytes(quoted)
	out["patches run twice"] = [
		p
		for (p,) in frappe.db.sql(
			"select patch from `tabPatch Log` where patch like 'fulian_grid.%%' group by patch having count(*) > 1"
		)
	]
	return out


def files_of(quoted_doctypes: str) -> str:
	"""The app records' attachments (private), and the public site file that `attach` plants."""
	return (
		f"(attached_to_doctype in ({quoted_doctypes}) or file_name like 'reliability-%%') and is_folder = 0"
	)


def attachment_bytes(quoted_doctypes: str) -> dict:
	files = {}
	for name, url, private in frappe.db.sql(
		f"select name, file_url, is_private from `tabFile` where {files_of(quoted_doctypes)} order by name"
	):
		path = frappe.get_site_path(("private" if private else "public"), "files", os.path.basename(url))
		files[name] = hashlib.sha256(open(path, "rb").read()).hexdigest() if os.path.exists(path) else None
	return files


def identities() -> dict:
	from fulian_grid import vault

	rows = frappe.db.sql(
		f"select doctype, name, fieldname, value from `{VAULT}` order by doctype, name, fieldname"
	)
	plain = [(d, n, f, vault.decrypt(token)) for d, n, f, token in rows]
	return {"values": len(plain), "sha256": digest_rows(plain)}


def attach() -> dict:
	"""A private scan attached to a ledger entry, and a public file of the site's (attachments of
	app records are private: traces.keep_attachments_private)."""
	entry = frappe.get_all("Screening Ledger", pluck="name", order_by="name", limit=1)[0]
	made = {}
	for private, content, attached_to in (
		(0, "公开附件：活动照片说明😀".encode(), {}),
		(
			1,
			b"\x89PNG private scan \x00\xff" * 512,
			{"attached_to_doctype": "Screening Ledger", "attached_to_name": entry},
		),
	):
		doc = frappe.get_doc(
			{
				"doctype": "File",
				"file_name": f"reliability-{'private' if private else 'public'}.bin",
				"content": content,
				"is_private": private,
				**attached_to,
			}
		).insert(ignore_permissions=True)
		made[doc.file_url] = hashlib.sha256(content).hexdigest()
	frappe.db.commit()
	return made


def edit_workflow() -> dict:
	"""An admin lets executives reject a reported case (a transition the app does not ship)."""
	workflow = frappe.get_doc("Workflow", {"document_type": "Infringement Report"})
	workflow.append(
		"transitions",
		{"state": "Reported", "action": EDITED_ACTION, "next_state": "Rejected", "allowed": EDITED_ROLE},
	)
	workflow.save(ignore_permissions=True)
	frappe.db.commit()
	return {"transitions": len(workflow.transitions)}


def edit_kept() -> dict:
	kept = frappe.get_all(  # frappe.db.exists does not look into child tables
		"Workflow Transition",
		filters={
			"parent": frappe.db.get_value("Workflow", {"document_type": "Infringement Report"}),
			"state": "Reported",
			"action": EDITED_ACTION,
			"allowed": EDITED_ROLE,
		},
		pluck="name",
	)
	if len(kept) != 1:
		raise SystemExit(f"the admin's workflow edit is not there once: {kept}")
	return {"kept": kept[0]}


DATABASE_DOWN = "数据库暂时无法连接"  # fulian_grid/wsgi.py's reply, in Chinese


def _shown(body: str) -> str:
	"""The message a person is shown: Frappe's server messages of a JSON reply, or a page's text."""
	try:
		messages = json.loads(json.loads(body).get("_server_messages") or "[]")
		return " ".join(json.loads(m).get("message", "") for m in messages)
	except (ValueError, AttributeError, TypeError):
		return frappe.utils.strip_html(body).strip()


def _database_down_reply(status: int, body: str) -> bool:
	return status == 503 and DATABASE_DOWN in _shown(body)


def db_fault(site: str, url: str, pidfile: str, start_cmd: list[str]) -> dict:
	"""Four clients write ledger entries (each with a category row, a household member and vault
	values) over HTTP; MariaDB is killed (SIGKILL) under them, left down a few seconds and started
	again, while the web server keeps running. Then: every request that failed was answered with
	the Chinese 503 of fulian_grid/wsgi.py (JSON for the API, a page for the desk), not a bare 500;
	every acknowledged write is there, whole; no entry, child row or vault value is there in part;
	the service came back by itself."""
	import signal
	import subprocess
	import threading
	import time

	import requests

	frappe.destroy()  # the driver talks HTTP only until the end
	session = requests.Session()
	session.headers["Host"] = site
	login = session.post(f"{url}/api/method/login", json={"usr": "Administrator", "pwd": "admin"}, timeout=30)
	login.raise_for_status()
	grid = {"doctype": "Governance Grid", "grid_code": "MDBC", "grid_name": "故障演练市", "level": "City"}
	session.post(f"{url}/api/method/frappe.client.insert", json={"doc": grid}, timeout=30)
	results, lock, stop = [], threading.Lock(), threading.Event()
	counter = iter(range(10**6))

	def client():
		while not stop.is_set():
			with lock:
				i = next(counter)
			entry = {
				"doctype": "Screening Ledger",
				"governance_grid": "MDBC",
				"subject_name": f"故障演练{i}号",
				"phone": f"139{i:08d}",
				"categories": [{"key_group_category": "Left-behind Women"}],
				"household_members": [{"member_name": f"家属{i}", "relation": "Child"}],
				"risk_level": "Low",
				"screened_on": time.strftime("%Y-%m-%d"),
				"legal_basis": "Statutory Duty",
			}
			started = time.monotonic()
			try:
				reply = session.post(
					f"{url}/api/method/frappe.client.insert", json={"doc": entry}, timeout=20
				)
				status, body = reply.status_code, reply.text
			except requests.RequestException as error:
				status, body = 0, type(error).__name__
			name = reply.json()["message"]["name"] if status == 200 else None
			with lock:
				results.append((time.monotonic(), status, name, body[:5000], time.monotonic() - started))

	def browser(path: str) -> tuple[int, str]:
		"""What a person's browser is shown for `path` (a page, not an API call)."""
		try:
			reply = session.get(f"{url}{path}", headers={"Accept": "text/html"}, timeout=20)
			return reply.status_code, reply.text
		except requests.RequestException as error:
			return 0, type(error).__name__

	threads = [threading.Thread(target=client) for _ in range(4)]
	for thread in threads:
		thread.start()
	time.sleep(3)
	killed_at = time.monotonic()
	os.kill(int(open(pidfile).read().strip()), signal.SIGKILL)
	time.sleep(2)
	page_while_down = browser("/app")
	time.sleep(3)
	restarted_at = time.monotonic()
	subprocess.Popen(start_cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True)
	deadline = restarted_at + 90
	while time.monotonic() < deadline:
		time.sleep(1)
		with lock:
			back = [r for r in results if r[0] > restarted_at and r[1] == 200]
		if len(back) >= 8:
			break
	stop.set()
	for thread in threads:
		thread.join()

	frappe.init(site=site, sites_path=os.getcwd())
	frappe.connect()
	acked = [r[2] for r in results if r[1] == 200]
	failed = [r for r in results if r[1] != 200]
	stored = frappe.get_all("Screening Ledger", filters={"governance_grid": "MDBC"}, pluck="name")
	problems = [f"acknowledged {n} is missing" for n in acked if n not in stored]
	for name in stored:  # whole: one category, one member, its four vault values
		doc = frappe.get_doc("Screening Ledger", name)
		vault_rows = frappe.db.count(VAULT, {"parenttype": "Screening Ledger", "parent": name})
		if (len(doc.categories), len(doc.household_members), vault_rows) != (1, 1, 3):
			problems.append(
				f"{name} is half there: {len(doc.categories)}, {len(doc.household_members)}, {vault_rows}"
			)
	orphans = (
		frappe.db.sql(
			f"""select count(*) from `{VAULT}` v where v.parenttype = 'Screening Ledger'
		and not exists (select 1 from `tabScreening Ledger` l where l.name = v.parent)"""
		)[0][0]
		+ frappe.db.sql(
			"""select count(*) from `tabLedger Household Member` m where m.parenttype = 'Screening Ledger'
		and not exists (select 1 from `tabScreening Ledger` l where l.name = m.parent)"""
		)[0][0]
	)
	if orphans:
		problems.append(f"{orphans} child rows or vault values without their entry")
	bad_replies = [r for r in failed if not _database_down_reply(r[1], r[3])]
	if bad_replies:
		problems.append(
			f"{len(bad_replies)} failures were not the Chinese 503: {bad_replies[0][1]} {bad_replies[0][3][:160]}"
		)
	if not failed:
		problems.append("no request failed: MariaDB was not down under them")
	if page_while_down[0] != 503 or DATABASE_DOWN not in page_while_down[1]:
		problems.append(f"the desk page while down: {page_while_down[0]} {page_while_down[1][:160]}")
	page_after = browser("/app")
	if page_after[0] != 200:
		problems.append(f"the desk page after the restart: {page_after[0]} {page_after[1][:160]}")
	first_back = min((r[0] for r in results if r[0] > restarted_at and r[1] == 200), default=None)
	if first_back is None:
		problems.append("the service did not come back")
	replies = sorted({(r[1], _shown(r[3])[:80]) for r in failed})
	return {
		"requests": len(results),
		"acknowledged": len(acked),
		"failed while down": len(failed),
		"stored": len(stored),
		"unacknowledged but stored whole": len(stored) - len(acked),
		"down for (s)": round(restarted_at - killed_at, 1),
		"back after restart (s)": round(first_back - restarted_at, 1) if first_back else None,
		"failure replies": [f"{status}: {text}" for status, text in replies][:6],
		"desk page while down": f"{page_while_down[0]}: {_shown(page_while_down[1])[:80]}",
		"desk page after": page_after[0],
		"problems": problems,
	}


def main(argv: list[str]) -> int:
	command, site = argv[0], argv[1]
	if command == "db-fault":
		result = db_fault(site, argv[2], argv[3], argv[argv.index("--") + 1 :])
		print(json.dumps(result, sort_keys=True, indent=1, ensure_ascii=False))
		return 1 if result["problems"] else 0
	connect(site)
	if command == "fingerprint":
		before = json.load(open(argv[argv.index("--columns-from") + 1])) if "--columns-from" in argv else None
		result = fingerprint(before)
	elif command == "identities":
		try:
			result = identities()
		except frappe.ValidationError as error:
			print(frappe.utils.strip_html(str(error)))
			return 3
	elif command == "attach":
		result = attach()
	elif command == "edit-workflow":
		result = edit_workflow()
	elif command == "workflow-edit-kept":
		result = edit_kept()
	else:
		raise SystemExit(f"unknown command {command}")
	print(json.dumps(result, sort_keys=True, indent=1, ensure_ascii=False, default=str))
	return 0


if __name__ == "__main__":
	sys.exit(main(sys.argv[1:]))
