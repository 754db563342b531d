"""Faults (issue 18), over HTTP where a person would meet them: the cache flushed, an assignment
revoked or run out, a worker killed in the middle of the hourly escalation.

The requests run in their own threads and connections (test_boundary's Caller), so the records are
committed, and removed at the end. The escalation runs in a process of its own, killed with
SIGKILL as an out-of-memory killer or a restart would."""

import os
import signal
import subprocess
import sys
import time
from unittest.mock import patch

import frappe
from frappe.utils import add_days, add_to_date, get_bench_path, now_datetime, today
from frappe.utils.password import update_password

from fulian_grid.tests.factories import (
	assign,
	make_executive,
	make_federation,
	make_grid,
	make_user,
	scoped_user,
)
from fulian_grid.tests.security.test_boundary import PASSWORD, Caller
from fulian_grid.tests.utils import FulianTestCase

GRIDS = ("RFAG", "RFBG", "RFT", "RFA", "RFB", "RFC")  # leaves first, for the clean-up


def escalate_then_hang():
	"""`bench execute` target: the hourly escalation, held for good right after it saved its first
	report — inside the job's one transaction — so the parent can kill it there."""
	from fulian_grid.fulian_grid.doctype.infringement_report import infringement_report as module

	original = module.InfringementReport.save

	def save(self, *args, **kwargs):
		result = original(self, *args, **kwargs)
		print("SAVED", self.name, flush=True)
		time.sleep(600)
		return result

	with patch.object(module.InfringementReport, "save", save):
		module.escalate_overdue_reports()


class TestFaults(FulianTestCase):
	@classmethod
	def setUpClass(cls):
		super().setUpClass()
		make_grid("RFC", "故障市", "City")
		make_grid("RFA", "故障A县", "County", "RFC")
		make_grid("RFT", "故障A街道", "Township", "RFA")
		make_grid("RFAG", "故障A网格", "Grid", "RFT", kind="Community Grid", households=50)
		make_grid("RFB", "故障B县", "County", "RFC")
		make_grid("RFBG", "故障B网格", "Grid", "RFB", kind="Community Grid", households=50)
		cls.federation = make_federation("故障A妇联", "Grid Federation", "RFAG").name
		cls.worker_a = make_user("rf_worker_a@fulian.test")
		cls.assignment = assign(cls.worker_a, "Fulian Grid Worker", "RFAG").name
		cls.worker_b = scoped_user("rf_worker_b@fulian.test", "Fulian Grid Worker", "RFBG")
		cls.officer = scoped_user("rf_officer@fulian.test", "Fulian Officer", "RFT")
		cls.admin = scoped_user("rf_admin@fulian.test", "Fulian Admin", "RFC")
		cls.executive = make_executive("故障干事", cls.federation, user=cls.worker_a, position="Grid Worker")
		for user in (cls.worker_a, cls.worker_b, cls.admin):
			update_password(user, PASSWORD)
		cls.entry = (
			frappe.get_doc(
				{
					"doctype": "Screening Ledger",
					"governance_grid": "RFAG",
					"subject_name": "钱芳",
					"categories": [{"key_group_category": "Left-behind Women"}],
					"risk_level": "Low",
					"screened_on": today(),
				}
			)
			.insert(ignore_permissions=True)
			.name
		)
		cls.reports = []
		frappe.db.commit()  # nosemgrep: the requests read committed data

	@classmethod
	def tearDownClass(cls):
		frappe.set_user("Administrator")
		frappe.db.rollback()
		for name in cls.reports:
			frappe.db.delete("ToDo", {"reference_name": name})
			frappe.delete_doc("Infringement Report", name, force=True, ignore_permissions=True)
		frappe.delete_doc("Screening Ledger", cls.entry, force=True, ignore_permissions=True)
		frappe.delete_doc("Federation Executive", cls.executive, force=True, ignore_permissions=True)
		frappe.delete_doc("Women Federation", cls.federation, force=True, ignore_permissions=True)
		for grid in GRIDS:
			frappe.db.delete("Grid Role Assignment", {"governance_grid": grid})
			frappe.delete_doc("Governance Grid", grid, force=True, ignore_permissions=True)
		frappe.db.delete("Deleted Document", {"deleted_name": ("in", [cls.entry, *cls.reports])})
		frappe.db.commit()  # nosemgrep
		super().tearDownClass()

	def reads(self, caller: Caller) -> tuple[int, list[str]]:
		"""(status of opening A's entry, names the user's ledger list holds)."""
		opened = caller.get(f"/api/resource/Screening Ledger/{self.entry}")
		listed = caller.method(
			"frappe.client.get_list", doctype="Screening Ledger", fields=["name"], limit_page_length=0
		)
		names = [row["name"] for row in (listed.json or {}).get("message") or []]
		return opened.status_code, names

	def assertSeesA(self, caller):
		status, names = self.reads(caller)
		self.assertEqual(status, 200)
		self.assertIn(self.entry, names)

	def assertBlind(self, caller):
		status, names = self.reads(caller)
		self.assertIn(status, (403, 404))
		self.assertNotIn(self.entry, names)

	def test_scope_holds_when_redis_is_flushed(self):
		worker_a, worker_b = Caller(self.worker_a), Caller(self.worker_b)
		self.assertSeesA(worker_a)  # the caches are warm
		self.assertBlind(worker_b)
		# this bench's own cache database only (common_site_config's redis_cache), never FLUSHALL
		frappe.cache.flushdb()
		self.assertBlind(worker_b)  # nothing cached said yes, nothing rebuilt says yes
		self.assertSeesA(worker_a)
		frappe.cache.flushdb()
		self.assertBlind(worker_b)
		# the sessions live in Redis too: a flushed session is logged out, not let in as someone else
		self.assertSeesA(Caller(self.worker_a))

	def test_revoked_assignment_loses_access_on_the_next_request(self):
		worker, admin = Caller(self.worker_a), Caller(self.admin)
		self.assertSeesA(worker)
		try:
			revoked = admin.method(
				"frappe.client.set_value",
				doctype="Grid Role Assignment",
				name=self.assignment,
				fieldname="enabled",
				value=0,
			)
			self.assertEqual(revoked.status_code, 200, revoked.get_data(as_text=True))
			self.assertBlind(worker)  # the same session, the next request
		finally:
			frappe.db.commit()  # nosemgrep: a fresh snapshot
			frappe.get_doc("Grid Role Assignment", self.assignment).update({"enabled": 1}).save(
				ignore_permissions=True
			)
			frappe.db.commit()  # nosemgrep
		self.assertSeesA(worker)

	def test_assignment_running_out_loses_access_the_next_day(self):
		"""Valid through today: readable today; tomorrow nothing (no save, no job clears a cache)."""
		frappe.db.set_value("Grid Role Assignment", self.assignment, "valid_to", today())
		frappe.db.commit()  # nosemgrep
		worker = Caller(self.worker_a)
		try:
			self.assertSeesA(worker)
			with patch("fulian_grid.permissions.nowdate", return_value=add_days(today(), 1)):
				self.assertBlind(worker)
		finally:
			frappe.db.set_value("Grid Role Assignment", self.assignment, "valid_to", None)
			frappe.db.commit()  # nosemgrep

	def escalations(self) -> dict[str, list[str]]:
		frappe.db.commit()  # nosemgrep: a fresh snapshot
		return {
			name: frappe.get_all(
				"Infringement Escalation", filters={"parent": name}, pluck="level", order_by="idx"
			)
			for name in self.reports
		}

	def todos(self) -> int:
		return frappe.db.count(
			"ToDo", {"reference_type": "Infringement Report", "reference_name": ("in", self.reports)}
		)

	def test_report_changed_while_the_escalation_runs(self):
		"""A user saves a report between the job's read of it and its save: Frappe refuses the job's
		older copy; that report is left whole (no rows, no ToDos) for the next run, and the other
		reports are escalated in the same run (before, the whole run was rolled back)."""
		from fulian_grid.fulian_grid.doctype.infringement_report import infringement_report as module

		names = []
		for victim in ("周一", "周二", "周三"):  # each 25 hours unreported: due at the township
			names.append(
				frappe.get_doc(
					{
						"doctype": "Infringement Report",
						"discovered_at": add_to_date(now_datetime(), hours=-25),
						"discovered_by": self.executive,
						"source": "Walk-in",
						"governance_grid": "RFAG",
						"urgency": "Normal",
						"legal_basis": "Statutory Duty",
						"description": "来访反映家庭矛盾",
						"concern_items": [{"concern_item": "Marital Dispute"}],
						"victims": [{"victim_name": victim, "age": 40}],
					}
				)
				.insert(ignore_permissions=True)
				.name
			)
		changed = names[1]
		original = module.InfringementReport.save

		def save(doc, *args, **kwargs):
			if doc.name == changed:  # her save lands between the job's read and its save
				frappe.db.sql(
					"update `tabInfringement Report` set modified = %s where name = %s",
					(add_to_date(now_datetime(), seconds=1), changed),
				)
			return original(doc, *args, **kwargs)

		def levels():
			return {
				name: frappe.get_all("Infringement Escalation", filters={"parent": name}, pluck="level")
				for name in names
			}

		def todos():
			return frappe.db.count(
				"ToDo", {"reference_type": "Infringement Report", "reference_name": ("in", names)}
			)

		try:
			with patch.object(module.InfringementReport, "save", save):
				self.assertEqual(module.escalate_overdue_reports(), 2)
			self.assertEqual(levels(), {name: [] if name == changed else ["Township"] for name in names})
			self.assertEqual(todos(), 2)  # the township's one officer, for the two escalated
			self.assertEqual(module.escalate_overdue_reports(), 1)  # the next run: the one left
			self.assertEqual(levels(), {name: ["Township"] for name in names})
			self.assertEqual(todos(), 3)
			self.assertEqual(module.escalate_overdue_reports(), 0)
		finally:
			frappe.db.rollback()

	def test_worker_killed_in_the_middle_of_escalation(self):
		for victim in ("陈一", "陈二", "陈三"):  # each 25 hours unreported: due at the township
			report = frappe.get_doc(
				{
					"doctype": "Infringement Report",
					"discovered_at": add_to_date(now_datetime(), hours=-25),
					"discovered_by": self.executive,
					"source": "Walk-in",
					"governance_grid": "RFAG",
					"urgency": "Normal",
					"legal_basis": "Statutory Duty",
					"description": "来访反映家庭矛盾",
					"concern_items": [{"concern_item": "Marital Dispute"}],
					"victims": [{"victim_name": victim, "age": 40}],
				}
			).insert(ignore_permissions=True)
			self.reports.append(report.name)
		frappe.db.commit()  # nosemgrep: the job's process reads committed data

		bench_python = [
			sys.executable,
			"-m",
			"frappe.utils.bench_helper",
			"frappe",
			"--site",
			frappe.local.site,
		]
		job = subprocess.Popen(
			[*bench_python, "execute", "fulian_grid.tests.reliability.test_faults.escalate_then_hang"],
			cwd=os.path.join(get_bench_path(), "sites"),
			stdout=subprocess.PIPE,
			stderr=subprocess.STDOUT,
			text=True,
		)
		try:
			seen = []
			for line in job.stdout:  # until the job has saved a report inside its transaction
				seen.append(line)
				if line.startswith("SAVED"):
					break
			self.assertTrue(seen and seen[-1].startswith("SAVED"), "".join(seen[-20:]))
		finally:
			job.send_signal(signal.SIGKILL)
			job.wait(timeout=30)
		self.assertEqual(job.returncode, -signal.SIGKILL)

		self.assertEqual(self.escalations(), {name: [] for name in self.reports})  # nothing half there
		self.assertEqual(self.todos(), 0)
		from fulian_grid.fulian_grid.doctype.infringement_report.infringement_report import (
			escalate_overdue_reports,
		)

		escalate_overdue_reports()  # the next hourly run
		frappe.db.commit()  # nosemgrep
		self.assertEqual(self.escalations(), {name: ["Township"] for name in self.reports})
		self.assertEqual(self.todos(), 3)  # the township's one officer, once per report
		escalate_overdue_reports()  # and the run after it: nothing more is due
		frappe.db.commit()  # nosemgrep
		self.assertEqual(self.escalations(), {name: ["Township"] for name in self.reports})
		self.assertEqual(self.todos(), 3)
