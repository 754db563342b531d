"""Bad input over HTTP (issue 18): garbage sent to the app's DocTypes and endpoints as the users of
the right roles would send it, through Frappe's WSGI application.

Each bad input must be refused with a clear Chinese message (no traceback, no 500, no English
sentence) and leave every app table and the vault exactly as they were; each valid one (emoji and
rare CJK characters in names, SQL-looking and HTML text) is accepted and kept intact. The requests
run in their own threads and database connections (test_boundary's Caller), so what they write is
committed; the records made are removed at the end. With FULIAN_BAD_INPUT_TABLE set, the table
input → answer is written there (benchmarks/RESULTS.md holds one)."""

import json
import os
import re

import frappe
from frappe.utils import add_days, add_to_date, now_datetime, today
from frappe.utils.password import update_password

from fulian_grid import vault
from fulian_grid.tests.factories import make_executive, make_federation, make_grid, scoped_user
from fulian_grid.tests.security.test_boundary import PASSWORD, Caller, _request
from fulian_grid.tests.utils import FulianTestCase

VALID_ID = "11010519491231002X"
BAD_CHECK_ID = "110105194912310021"
MB_TEXT = "长" * (1024 * 1024 // 3 + 1)  # 1 MB of UTF-8
CJK = re.compile(r"[\u4e00-\u9fff]")
ENGLISH = re.compile(r"[A-Za-z]{2,}(?:[ ,:]+[A-Za-z]{2,}){2,}")  # three English words in a row
TAGS = re.compile(r"<[^>]+>")
EMOJI_NAME = "王芳😀🌸"
RARE_NAME = "𠮷野𪚥𰻞"  # characters outside the Basic Multilingual Plane
SQL_NAME = "李'); DROP TABLE `tabScreening Ledger`; -- 娜"
RESULTS: list[tuple[str, str, str, str]] = []  # (target, input, answer, message)


def app_tables() -> list[str]:
	return frappe.get_all("DocType", filters={"module": vault.MODULE, "issingle": 0}, pluck="name")


def message_of(response) -> str:
	"""The text a person is shown: Frappe's server messages (or the exception line), without HTML."""
	data = response.json if response.is_json else {}
	data = data or {}
	texts = [json.loads(m).get("message", "") for m in json.loads(data.get("_server_messages") or "[]")]
	texts += [error.get("message", "") for error in data.get("errors") or []]  # /api/v2
	text = " ".join(str(t) for t in texts) or str(data.get("exception") or "")
	return TAGS.sub("", text).strip()


class TestBadInputOverHttp(FulianTestCase):
	@classmethod
	def setUpClass(cls):
		super().setUpClass()
		make_grid("RLC", "可靠市", "City")
		make_grid("RLA", "可靠县", "County", "RLC")
		make_grid("RLAG", "可靠网格", "Grid", "RLA", kind="Community Grid", households=100)
		make_grid("RLB", "别县", "County", "RLC")
		make_grid("RLBG", "别县网格", "Grid", "RLB", kind="Community Grid", households=100)
		cls.federation = make_federation("可靠社区妇联", "Grid Federation", "RLAG").name
		cls.worker = scoped_user("rl_worker@fulian.test", "Fulian Grid Worker", "RLAG")
		cls.chair = scoped_user("rl_chair@fulian.test", "Fulian Grid Chair", "RLA")
		cls.admin = scoped_user("rl_admin@fulian.test", "Fulian Admin", "RLC")
		cls.executive = make_executive("可靠干事", cls.federation, user=cls.worker, position="Grid Worker")
		for user in (cls.worker, cls.chair, cls.admin):
			update_password(user, PASSWORD)
			frappe.db.set_value("User", user, "language", "zh")
		cls.traceback_setting = frappe.db.get_single_value("System Settings", "allow_error_traceback")
		frappe.db.set_single_value("System Settings", "allow_error_traceback", 0)  # as in production
		frappe.db.commit()  # nosemgrep: the requests read committed data
		cls.as_worker, cls.as_chair, cls.as_admin = Caller(cls.worker), Caller(cls.chair), Caller(cls.admin)
		cls.tables = app_tables()
		cls.made: list[tuple[str, str]] = []

	@classmethod
	def tearDownClass(cls):
		frappe.set_user("Administrator")
		for doctype, name in reversed(cls.made):
			if frappe.db.exists(doctype, name):
				doc = frappe.get_doc(doctype, name)
				if doc.docstatus == 1:
					doc.flags.ignore_permissions = True
					doc.cancel()
				frappe.delete_doc(doctype, name, force=True, ignore_permissions=True)
		frappe.delete_doc("Federation Executive", cls.executive, force=True, ignore_permissions=True)
		frappe.delete_doc("Women Federation", cls.federation, force=True, ignore_permissions=True)
		for grid in ("RLAG", "RLBG", "RLA", "RLB", "RLC"):
			frappe.db.delete("Grid Role Assignment", {"governance_grid": grid})
			frappe.delete_doc("Governance Grid", grid, force=True, ignore_permissions=True)
		frappe.db.set_single_value("System Settings", "allow_error_traceback", cls.traceback_setting)
		frappe.db.commit()  # nosemgrep
		if path := os.environ.get("FULIAN_BAD_INPUT_TABLE"):
			with open(path, "w") as out:
				out.write("| # | target | input | answer | message shown |\n|---|---|---|---|---|\n")
				for i, (target, given, answer, message) in enumerate(RESULTS, 1):
					shown = message.replace("|", "\\|").replace("\n", " ")[:120]
					out.write(f"| {i} | {target} | {given} | {answer} | {shown} |\n")
		super().tearDownClass()

	# ---- what the database holds ---------------------------------------------------------------

	def counts(self) -> dict[str, int]:
		frappe.db.commit()  # nosemgrep: a fresh snapshot sees what the requests committed
		rows = {dt: frappe.db.count(dt) for dt in self.tables}
		rows[vault.TABLE] = frappe.db.sql(f"select count(*) from `{vault.TABLE}`")[0][0]
		return rows

	def changes(self, before: dict[str, int]) -> dict[str, int]:
		after = self.counts()
		return {t: after[t] - before[t] for t in after if after[t] != before[t]}

	# ---- the two answers -------------------------------------------------------------------------

	def refused(self, target: str, given: str, send, *, status=(403, 404, 409, 417), logged=False):
		"""`send()` must be refused with a Chinese message and write nothing (but the access log
		line of a refused reveal, when `logged`)."""
		before = self.counts()
		response = send()
		text = message_of(response)
		RESULTS.append((target, given, f"refused ({response.status_code})", text))
		with self.subTest(target=target, given=given):
			self.assertIn(response.status_code, status, f"{given}: {response.status_code} {text}")
			self.assertNotIn("Traceback", response.get_data(as_text=True))
			self.assertRegex(text, CJK, f"{given}: no Chinese message: {text!r}")
			self.assertIsNone(ENGLISH.search(text), f"{given}: English in the message: {text!r}")
			self.assertEqual(
				self.changes(before), {"Identity Access Log": 1} if logged else {}, f"{given}: rows changed"
			)
		return text

	def accepted(self, target: str, given: str, send, *, rows: dict[str, int] | None = None) -> dict:
		"""`send()` must succeed and write exactly `rows` (table → added rows), if given."""
		before = self.counts()
		response = send()
		RESULTS.append((target, given, f"accepted ({response.status_code})", ""))
		self.assertEqual(response.status_code, 200, f"{given}: {message_of(response)}")
		data = response.json.get("data") or response.json.get("message")
		if isinstance(data, dict) and data.get("doctype") and data.get("name"):
			self.made.append((data["doctype"], data["name"]))
		changed = self.changes(before)  # also a fresh snapshot for the reads that follow
		if rows is not None:
			self.assertEqual(changed, rows, given)
		return data

	# ---- requests ------------------------------------------------------------------------------

	@staticmethod
	def insert(caller, doctype: str, values: dict):
		return lambda: caller.method("frappe.client.insert", doc={"doctype": doctype, **values})

	@staticmethod
	def put(caller, doctype: str, name: str, values: dict):
		return lambda: caller.method(
			"frappe.client.save",
			doc={**frappe.get_doc(doctype, name).as_dict(convert_dates_to_str=True), **values},
		)

	def ledger(self, **values) -> dict:
		return {
			"governance_grid": "RLAG",
			"subject_name": "王芳",
			"gender": "Female",
			"categories": [{"key_group_category": "Left-behind Women"}],
			"risk_level": "Medium",
			"screened_on": today(),
			"legal_basis": "Statutory Duty",
			**values,
		}

	def visit(self, **values) -> dict:
		return {
			"visit_date": today(),
			"federation_executive": self.executive,
			"governance_grid": "RLAG",
			"findings": "家中一切正常",
			**values,
		}

	def report(self, **values) -> dict:
		return {
			"discovered_at": str(add_to_date(now_datetime(), hours=-1)),
			"discovered_by": self.executive,
			"source": "Home Visit",
			"governance_grid": "RLAG",
			"urgency": "Normal",
			"legal_basis": "Statutory Duty",
			"description": "邻居反映夫妻经常争吵",
			"concern_items": [{"concern_item": "Marital Dispute"}],
			"victims": [{"victim_name": "李梅", "age": 35, "id_number": VALID_ID, "contact": "13812345678"}],
			**values,
		}

	def loan(self, **values) -> dict:
		return {
			"loan_amount": 50000,
			"lender": "东营农商银行",
			"loan_date": today(),
			"governance_grid": "RLAG",
			"borrower_name": "赵敏",
			"id_number": VALID_ID,
			"phone": "13912345678",
			**values,
		}

	def executive_values(self, **values) -> dict:
		return {
			"full_name": "周婷",
			"women_federation": self.federation,
			"governance_grid": "RLAG",
			"position": "Executive Member",
			**values,
		}

	def project(self, **values) -> dict:
		return {
			"project_title": "巾帼志愿服务",
			"project_type": "Volunteer Service",
			"lead_executive": self.executive,
			"women_federation": self.federation,
			"governance_grid": "RLAG",
			"start_date": today(),
			"end_date": add_days(today(), 30),
			**values,
		}

	# ---- the inputs ----------------------------------------------------------------------------

	def test_screening_ledger(self):
		w, dt = self.as_worker, "Screening Ledger"
		bad = {
			"ID with a wrong check digit": {"id_number": BAD_CHECK_ID},
			"ID of 17 digits": {"id_number": VALID_ID[:17]},
			"ID of letters": {"id_number": "ABCDEFGHIJKLMNOPQR"},
			"ID with an impossible birth date": {"id_number": "110105194913310028"},
			"phone of 5 digits": {"phone": "12345"},
			"phone with a letter": {"phone": "1381234567a"},
			"phone starting 12": {"phone": "12812345678"},
			"phone of 20 digits": {"phone": "13812345678901234567"},
			"birth date in the future": {"birth_date": "2099-01-01"},
			"birth date not a date": {"birth_date": "去年春天"},
			"birth date 30 February": {"birth_date": "2000-02-30"},
			"screening date in the future": {"screened_on": add_days(today(), 30)},
			"screening date not a date": {"screened_on": "not-a-date"},
			"unknown risk level": {"risk_level": "Extreme"},
			"risk level as a number": {"risk_level": 5},
			"unknown key group category": {"categories": [{"key_group_category": "不存在的类别"}]},
			"no key group category": {"categories": []},
			"no name": {"subject_name": ""},
			"name of 1 MB": {"subject_name": MB_TEXT},
			"findings of 1 MB": {"findings": MB_TEXT},
			"address of 1 MB": {"address": MB_TEXT},
			"unknown grid": {"governance_grid": "NO-SUCH-GRID"},
			"household member of unknown relation": {
				"household_members": [{"member_name": "王小", "relation": "Alien"}]
			},
			"unknown status": {"status": "Deleted"},
			"server-owned next visit due": {"next_visit_due": "2030-01-01"},
			"server-owned last visit": {"last_visit_on": today()},
		}
		for given, values in bad.items():
			self.refused(dt, given, self.insert(w, dt, self.ledger(**values)))
		self.refused(
			dt,
			"a grid outside her scope",
			self.insert(w, dt, self.ledger(governance_grid="RLBG")),
			status=(403,),
		)
		for given, name in (
			("emoji in the name", EMOJI_NAME),
			("rare CJK name", RARE_NAME),
			("SQL-looking name", SQL_NAME),
		):
			entry = self.accepted(dt, given, self.insert(w, dt, self.ledger(subject_name=name)))
			self.assertEqual(vault.record_identities(dt, entry["name"])["fields"]["subject_name"], name)
		entry = self.accepted(
			dt,
			"lower-case x ID, spaced +86 phone, emoji in findings",
			self.insert(
				w,
				dt,
				self.ledger(id_number=VALID_ID.lower(), phone="+86 138-1234-5678", findings="情绪稳定🙂"),
			),
			rows={dt: 1, "Screening Ledger Category": 1, vault.TABLE: 4},  # name, ID, phone, findings
		)
		kept = vault.record_identities(dt, entry["name"])["fields"]
		self.assertEqual(
			(kept["subject_name"], kept["id_number"], kept["phone"], kept["findings"]),
			("王芳", VALID_ID, "13812345678", "情绪稳定🙂"),
		)
		entry = self.accepted(
			dt,
			"script in the findings",
			self.insert(w, dt, self.ledger(findings="<script>alert(1)</script>需帮扶")),
		)
		stored = vault.record_identities(dt, entry["name"])["fields"]["findings"]
		self.assertNotIn("<script", stored)
		self.assertIn("需帮扶", stored)

	def test_concurrent_edits_of_one_entry(self):
		dt = "Screening Ledger"
		entry = self.accepted(dt, "a valid entry", self.insert(self.as_admin, dt, self.ledger()))
		loaded = frappe.get_doc(dt, entry["name"]).as_dict(convert_dates_to_str=True)
		first = self.as_admin.method("frappe.client.save", doc={**loaded, "risk_level": "High"})
		self.assertEqual(first.status_code, 200, message_of(first))
		RESULTS.append((dt, "first of two edits from one loaded copy", "accepted (200)", ""))
		text = self.refused(
			dt,
			"second edit from the same (now stale) copy",
			lambda: self.as_admin.method("frappe.client.save", doc={**loaded, "risk_level": "Low"}),
		)
		self.assertEqual(frappe.db.get_value(dt, entry["name"], "risk_level"), "High", text)

	def test_home_visit(self):
		w, dt = self.as_worker, "Home Visit"
		bad = {
			"visit in the future": {"visit_date": add_days(today(), 3)},
			"visit date as words": {"visit_date": "昨天"},
			"unknown executive": {"federation_executive": "NO-SUCH-EXEC"},
			"unknown ledger entry": {"screening_ledger": "NO-SUCH-ENTRY"},
			"no grid": {"governance_grid": None},
			"findings of 1 MB": {"findings": MB_TEXT},
			"follow-up as a dict": {"follow_up_needed": {"yes": 1}},
		}
		for given, values in bad.items():
			self.refused(dt, given, self.insert(w, dt, self.visit(**values)))
		visit = self.accepted(dt, "a valid visit", self.insert(w, dt, self.visit(findings="一切正常👍")))
		self.assertEqual(vault.record_identities(dt, visit["name"])["fields"]["findings"], "一切正常👍")
		doc = frappe.get_doc(dt, visit["name"]).as_dict(convert_dates_to_str=True)
		submitted = w.method("frappe.client.submit", doc=doc)
		self.assertEqual(submitted.status_code, 200, message_of(submitted))
		RESULTS.append((dt, "submit", "accepted (200)", ""))
		self.refused(
			dt, "the same submit again (double submit)", lambda: w.method("frappe.client.submit", doc=doc)
		)
		self.refused(
			dt,
			"edit of the submitted (closed) visit",
			self.put(w, dt, visit["name"], {"visit_date": add_days(today(), -1)}),
		)

	def test_infringement_report(self):
		w, dt = self.as_worker, "Infringement Report"
		victim = self.report()["victims"][0]
		bad = {
			"discovered in the future": {"discovered_at": str(add_to_date(now_datetime(), hours=5))},
			"discovered at as words": {"discovered_at": "前天晚上"},
			"unknown urgency": {"urgency": "Whenever"},
			"unknown source": {"source": "Rumour"},
			"unknown concern item": {"concern_items": [{"concern_item": "不存在的事项"}]},
			"no victim": {"victims": []},
			"victim ID with a wrong check digit": {"victims": [{**victim, "id_number": BAD_CHECK_ID}]},
			"victim contact of 1 MB": {"victims": [{**victim, "contact": MB_TEXT}]},
			"victim age -5": {"victims": [{**victim, "age": -5}]},
			"victim age 300": {"victims": [{**victim, "age": 300}]},
			"victim age as words": {"victims": [{**victim, "age": "十二"}]},
			"description of 1 MB": {"description": MB_TEXT},
			"no description": {"description": ""},
			"server-owned workflow state": {"workflow_state": "Closed"},
			"server-owned reported at": {"reported_at": str(now_datetime())},
			"unknown home visit": {"home_visit": "NO-SUCH-VISIT"},
		}
		for given, values in bad.items():
			self.refused(dt, given, self.insert(w, dt, self.report(**values)))
		report = self.accepted(
			dt,
			"a valid report, victim with a rare CJK name",
			self.insert(w, dt, self.report(victims=[{**victim, "victim_name": RARE_NAME}])),
		)
		rows = vault.record_identities(dt, report["name"])["rows"]
		self.assertIn(RARE_NAME, [row.get("victim_name") for row in rows.values()])

		def act(caller, action, name=report["name"]):
			doc = frappe.get_doc(dt, name).as_dict(convert_dates_to_str=True)
			return lambda: caller.method("frappe.model.workflow.apply_workflow", doc=doc, action=action)

		self.refused(dt, "Verify Facts by a grid worker (wrong role)", act(w, "Verify Facts"))
		self.refused(dt, "an action that does not exist", act(w, "Explode"))
		filed = act(w, "File Report")
		self.assertEqual(filed().status_code, 200)
		RESULTS.append((dt, "File Report by the worker", "accepted (200)", ""))
		stale = act(w, "File Report")  # the Reported copy is fresh; filing again is a double submit
		self.refused(dt, "File Report again (double submit)", stale)
		self.refused(
			dt, "worker edits the filed report", self.put(w, dt, report["name"], {"urgency": "Urgent"})
		)
		self.refused(dt, "Close without a closure review", act(self.as_chair, "Close"))

	def test_entrepreneurship_loan(self):
		a, dt = self.as_admin, "Entrepreneurship Loan"
		bad = {
			"negative amount": {"loan_amount": -1000},
			"zero amount": {"loan_amount": 0},
			"absurd amount (10^15 yuan)": {"loan_amount": 10**15},
			"amount as words": {"loan_amount": "五万"},
			"loan date in the future": {"loan_date": add_days(today(), 60)},
			"borrower ID with a wrong check digit": {"id_number": BAD_CHECK_ID},
			"borrower phone malformed": {"phone": "0546-1234567"},
			"lender of 1 MB": {"lender": MB_TEXT},
			"no borrower": {"borrower_name": None},
		}
		for given, values in bad.items():
			self.refused(dt, given, self.insert(a, dt, self.loan(**values)))
		loan = self.accepted(
			dt, "emoji borrower name", self.insert(a, dt, self.loan(borrower_name=EMOJI_NAME))
		)
		self.assertEqual(vault.record_identities(dt, loan["name"])["fields"]["borrower_name"], EMOJI_NAME)

	def test_federation_executive(self):
		a, dt = self.as_admin, "Federation Executive"
		bad = {
			"mobile malformed": {"mobile": "1391234"},
			"ID with a wrong check digit": {"id_number": BAD_CHECK_ID},
			"term ending before it starts": {"term_start": today(), "term_end": add_days(today(), -1)},
			"birth date in the future": {"birth_date": "2090-05-05"},
			"unknown federation": {"women_federation": "不存在的妇联"},
			"unknown position": {"position": "Emperor"},
			"unknown user": {"user": "nobody@nowhere.test"},
		}
		for given, values in bad.items():
			self.refused(dt, given, self.insert(a, dt, self.executive_values(**values)))
		made = self.accepted(
			dt, "rare CJK name", self.insert(a, dt, self.executive_values(full_name=RARE_NAME))
		)
		self.assertEqual(frappe.db.get_value(dt, made["name"], "full_name"), RARE_NAME)

	def test_led_project_and_service_request(self):
		a, dt = self.as_admin, "Led Project"
		bad = {
			"ending before it starts": {"end_date": add_days(today(), -5)},
			"progress 150 %": {"progress": 150},
			"progress -10 %": {"progress": -10},
			"negative beneficiaries": {"beneficiaries": -5},
			"unknown project type": {"project_type": "不存在的类型"},
			"title of 1 MB": {"project_title": MB_TEXT},
		}
		for given, values in bad.items():
			self.refused(dt, given, self.insert(a, dt, self.project(**values)))
		made = self.accepted(dt, "emoji title", self.insert(a, dt, self.project(project_title="巾帼🌸行动")))
		self.assertEqual(frappe.db.get_value(dt, made["name"], "project_title"), "巾帼🌸行动")
		dt = "Service Request"
		need = {
			"request_title": "需要陪伴老人",
			"governance_grid": "RLAG",
			"need_kind": "Caring Visits",
			"urgency": "Normal",
			"posted_on": today(),
			"needed_by": add_days(today(), 7),
		}
		for given, values in {
			"needed before it was posted": {"needed_by": add_days(today(), -7)},
			"unknown service kind": {"need_kind": "不存在的服务"},
			"unknown urgency": {"urgency": "Yesterday"},
		}.items():
			self.refused(dt, given, self.insert(a, dt, {**need, **values}))

	def test_tables_sent_as_anything_but_rows(self):
		"""A table sent as text, an object or a list of words: Frappe would fail building the
		document (a 500) before any hook; the request guard refuses it first (input_guard)."""
		w = self.as_worker
		entry = self.accepted(
			"Screening Ledger",
			"a valid entry (its tables sent wrong below)",
			self.insert(w, "Screening Ledger", self.ledger()),
		)

		def resource(verb, path, body):
			return lambda: _request(w.client, verb, path, json=body)

		cases = {
			("Infringement Report", "victims as text (frappe.client.insert)"): self.insert(
				w, "Infringement Report", self.report(victims="abc")
			),
			("Infringement Report", "victims as one object, not a list"): self.insert(
				w, "Infringement Report", self.report(victims={"victim_name": "李梅", "age": 35})
			),
			("Infringement Report", "victims as text (POST /api/resource)"): resource(
				"post", "/api/resource/Infringement Report", self.report(victims="abc")
			),
			("Infringement Report", "concern items as a list of words (POST /api/v2/document)"): resource(
				"post", "/api/v2/document/Infringement Report", self.report(concern_items=["Marital Dispute"])
			),
			("Screening Ledger", "household members as text (frappe.client.insert)"): self.insert(
				w, "Screening Ledger", self.ledger(household_members="一家三口")
			),
			("Screening Ledger", "categories as a number"): self.insert(
				w, "Screening Ledger", self.ledger(categories=5)
			),
			("Screening Ledger", "household members as text (frappe.client.save)"): self.put(
				w, "Screening Ledger", entry["name"], {"household_members": "一家三口"}
			),
			("Screening Ledger", "household members as text (PUT /api/resource)"): resource(
				"put", f"/api/resource/Screening Ledger/{entry['name']}", {"household_members": "一家三口"}
			),
			("Screening Ledger", "household members as text (frappe.client.set_value)"): lambda: w.method(
				"frappe.client.set_value",
				doctype="Screening Ledger",
				name=entry["name"],
				fieldname="household_members",
				value="一家三口",
			),
			("Screening Ledger", "categories as text inside a JSON string doc"): lambda: w.method(
				"frappe.client.insert",
				doc=json.dumps({"doctype": "Screening Ledger", **self.ledger(categories="abc")}),
			),
		}
		for (target, given), send in cases.items():
			text = self.refused(target, given, send, status=(417,))
			self.assertRegex(text, "表格", f"{given}: the message does not say a table is expected: {text}")
		kept = frappe.get_doc("Screening Ledger", entry["name"])
		self.assertEqual((len(kept.categories), len(kept.household_members)), (1, 0))

	def test_grid_role_assignment(self):
		a, dt = self.as_admin, "Grid Role Assignment"
		base = {"user": self.worker, "role": "Fulian Executive", "governance_grid": "RLAG"}
		for given, values in {
			"valid to before valid from": {"valid_from": today(), "valid_to": add_days(today(), -1)},
			"a role that is not the app's": {"role": "System Manager"},
			"unknown user": {"user": "ghost@nowhere.test"},
			"unknown grid": {"governance_grid": "NO-SUCH-GRID"},
			"role as an object naming System Manager": {"role": {"name": "System Manager"}},
		}.items():
			self.refused(dt, given, self.insert(a, dt, {**base, **values}))

	def test_endpoints(self):
		w, a = self.as_worker, self.as_admin
		calls = {
			"identity lookup by an unknown kind": (
				w,
				"fulian_grid.api.identity.lookup",
				{"kind": "shoe_size", "value": "38"},
			),
			"reveal of a Frappe DocType": (
				a,
				"fulian_grid.api.identity.reveal",
				{"doctype": "User", "name": "Administrator"},
			),
			"reveal of a record that does not exist": (
				a,
				"fulian_grid.api.identity.reveal",
				{"doctype": "Screening Ledger", "name": "NO-SUCH"},
			),
			"move to an unknown grid": (
				a,
				"fulian_grid.api.records.move_to_grid",
				{
					"doctype": "Federation Executive",
					"name": self.executive,
					"governance_grid": "NOPE",
					"reason": "调整",
				},
			),
			"move without a reason": (
				a,
				"fulian_grid.api.records.move_to_grid",
				{
					"doctype": "Federation Executive",
					"name": self.executive,
					"governance_grid": "RLBG",
					"reason": " ",
				},
			),
			"Work Statistics Word file, dates reversed": (
				a,
				"fulian_grid.api.statistics.download_work_statistics",
				{"governance_grid": "RLC", "from_date": today(), "to_date": add_days(today(), -30)},
			),
			"Work Statistics Word file, date as words": (
				a,
				"fulian_grid.api.statistics.download_work_statistics",
				{"governance_grid": "RLC", "from_date": "上个月", "to_date": today()},
			),
			"deliberation book, dates reversed": (
				a,
				"fulian_grid.api.deliberation.download_deliberation_book",
				{"governance_grid": "RLAG", "from_date": today(), "to_date": add_days(today(), -30)},
			),
			"ledger import of a file that does not exist": (
				a,
				"fulian_grid.api.ledger.import_screening_ledger",
				{"file_url": "/private/files/no-such.xlsx"},
			),
			"org chart of an unknown federation": (
				a,
				"fulian_grid.api.org_chart.download_org_chart",
				{"federation": "不存在的妇联"},
			),
			"chart of an unknown Dashboard Chart": (
				a,
				"fulian_grid.api.charts.grouped_count",
				{"chart_name": "NOPE"},
			),
		}
		for given, (caller, method, args) in calls.items():
			self.refused(
				method.rsplit(".", 1)[-1],
				given,
				lambda c=caller, m=method, k=args: c.method(m, **k),
				logged=method.endswith(".reveal"),  # a refused reveal is logged too
			)
		found = w.method("fulian_grid.api.identity.lookup", kind="name", value=SQL_NAME)
		self.assertEqual(found.status_code, 200, message_of(found))
		RESULTS.append(("lookup", "SQL-looking name", "accepted (200)", ""))
