"""Class 5 — server-owned fields written by clients (server_owned.py, domain/server_owned.py).

Each write path is called as an HTTP request would call it: a request object in place, the
whitelisted method run through `frappe.handler.execute_cmd` (or the REST handler) with its
arguments in `form_dict`. Each tries to set a server-owned field — a backdated `reported_at` that
would make a late report "on time", nested-set numbers and tree paths that steer dispatch and
escalation, a grid path, a computed total, the workflow state outside a workflow action — and
expects a refusal and the stored value unchanged. The same paths without a server-owned field, and
the workflow action itself, still work."""

import json
from contextlib import contextmanager

import frappe
from frappe.model.workflow import apply_workflow
from frappe.utils import add_to_date, get_datetime, now_datetime
from werkzeug.test import EnvironBuilder

from fulian_grid.server_owned import ServerOwnedFieldError
from fulian_grid.tests.factories import make_executive, make_request, make_team
from fulian_grid.tests.utils import CityTestCase

BACKDATED = "2020-01-01 08:00:00"


@contextmanager
def http(**form):
	"""Run the block as a client's HTTP request with `form` as its arguments."""
	saved = getattr(frappe.local, "request", None), frappe.local.form_dict, frappe.local.response
	frappe.local.request = EnvironBuilder(method="POST").get_request()
	frappe.local.form_dict = frappe._dict(form)
	frappe.local.response = frappe._dict(docs=[])
	try:
		yield
	finally:
		frappe.local.request, frappe.local.form_dict, frappe.local.response = saved


def new_report(reporter: str) -> dict:
	return {
		"doctype": "Infringement Report",
		"discovered_at": str(add_to_date(now_datetime(), hours=-3)),
		"discovered_by": reporter,
		"source": "Home Visit",
		"governance_grid": "TA1CGM",
		"urgency": "Normal",
		"description": "邻居反映夫妻经常争吵",
		"concern_items": [{"concern_item": "Marital Dispute"}],
		"victims": [{"victim_name": "李梅", "age": 35}],
	}


def call(cmd: str, **form):
	from frappe.handler import execute_cmd

	with http(cmd=cmd, **form):
		return execute_cmd(cmd)


class TestServerOwnedFields(CityTestCase):
	@classmethod
	def setUpClass(cls):
		super().setUpClass()
		cls.reporter = make_executive("钱敏", cls.city.federation_a)

	def setUp(self):
		frappe.set_user("Administrator")
		self.report = frappe.get_doc(new_report(self.reporter)).insert()
		self.report = apply_workflow(self.report, "File Report")
		self.reported_at = get_datetime(self.report.reported_at)

	def stored(self, field="reported_at", doctype="Infringement Report", name=None):
		return frappe.db.get_value(doctype, name or self.report.name, field)

	def assert_refused(self, run, field="reported_at", doctype="Infringement Report", name=None):
		before = self.stored(field, doctype, name)
		with self.assertRaises(ServerOwnedFieldError) as caught:
			run()
		self.assertEqual(self.stored(field, doctype, name), before)
		return caught.exception

	# --- the stage timestamps, on every path -------------------------------------------------

	def test_rest_put_refused_with_a_chinese_message(self):
		from frappe.api.v1 import update_doc

		def run():
			with http(data=json.dumps({"reported_at": BACKDATED})):
				update_doc("Infringement Report", self.report.name)

		frappe.local.lang = "zh"
		try:
			error = self.assert_refused(run)
		finally:
			frappe.local.lang = "en"
		self.assertIn("由系统维护", str(error))
		self.assertIn("报告时间", str(error))

	def test_set_value_refused(self):
		self.assert_refused(
			lambda: call(
				"frappe.client.set_value",
				doctype="Infringement Report",
				name=self.report.name,
				fieldname="reported_at",
				value=BACKDATED,
			)
		)

	def test_desk_save_refused_and_an_honest_save_passes(self):
		doc = frappe.get_doc("Infringement Report", self.report.name).as_dict()
		doc.update(reported_at=BACKDATED)
		self.assert_refused(
			lambda: call("frappe.desk.form.save.savedocs", doc=frappe.as_json(doc), action="Save")
		)
		honest = frappe.get_doc("Infringement Report", self.report.name).as_dict()
		honest.update(urgency="Urgent")
		call("frappe.desk.form.save.savedocs", doc=frappe.as_json(honest), action="Save")
		self.assertEqual(self.stored("urgency"), "Urgent")
		self.assertEqual(get_datetime(self.stored()), self.reported_at)

	def test_bulk_update_refused(self):
		result = call(
			"frappe.client.bulk_update",
			docs=json.dumps(
				[{"doctype": "Infringement Report", "docname": self.report.name, "reported_at": BACKDATED}]
			),
		)
		self.assertEqual(len(result["failed_docs"]), 1)
		self.assertIn("ServerOwnedFieldError", result["failed_docs"][0]["exc"])
		self.assertEqual(get_datetime(self.stored()), self.reported_at)

	def test_desk_bulk_edit_refused_before_it_is_queued(self):
		self.assert_refused(
			lambda: call(
				"frappe.desk.doctype.bulk_update.bulk_update.submit_cancel_or_update_docs",
				doctype="Infringement Report",
				docnames=json.dumps([self.report.name] * 25),  # the background-job size
				action="update",
				data=json.dumps({"reported_at": BACKDATED}),
			)
		)

	def test_data_import_refused(self):
		"""Each row as Frappe's importer writes it (Importer.update_record / insert_record: the row's
		values on the record, flagged `updater_reference`, saved in a background job). The whole
		import is not run here: it commits and rolls back the test's transaction row by row."""
		from types import SimpleNamespace

		from frappe.core.doctype.data_import.importer import Importer

		importer = SimpleNamespace(
			doctype="Infringement Report",
			data_import=SimpleNamespace(doctype="Data Import", name="test import", submit_after_import=0),
		)
		self.assert_refused(
			lambda: Importer.update_record(
				importer, frappe._dict(name=self.report.name, reported_at=BACKDATED)
			)
		)
		with self.assertRaises(ServerOwnedFieldError):
			Importer.insert_record(importer, frappe._dict(new_report(self.reporter), reported_at=BACKDATED))

	def test_rest_post_with_a_stage_timestamp_refused(self):
		from frappe.api.v1 import create_doc

		doc = {**new_report(self.reporter), "reported_at": BACKDATED}

		def run():
			with http(data=frappe.as_json(doc)):
				create_doc("Infringement Report")

		with self.assertRaises(ServerOwnedFieldError):
			run()

	# --- the workflow state changes only through a workflow action ---------------------------

	def test_workflow_state_only_through_a_workflow_action(self):
		for values in ({"workflow_state": "Closed"}, {"status": "Closed"}):
			self.assert_refused(
				lambda values=values: call(
					"frappe.client.set_value",
					doctype="Infringement Report",
					name=self.report.name,
					fieldname=json.dumps(values),
				),
				field="workflow_state",
			)
		doc = frappe.get_doc("Infringement Report", self.report.name)
		call("frappe.model.workflow.apply_workflow", doc=frappe.as_json(doc), action="Verify Facts")
		self.assertEqual(self.stored("workflow_state"), "Verified")
		self.assertTrue(self.stored("verified_at"))

	# --- run_doc_method with client-supplied docs ---------------------------------------------

	def test_run_doc_method_with_a_tampered_doc_refused(self):
		"""Frappe's own handler runs the method on the client's document: refused. Over HTTP the
		app serves run_doc_method on the stored record (api/platform.py): the tampered value never
		reaches the record, and the method does its work."""
		from frappe.handler import run_doc_method

		team = make_team("服务一队", grid="TA1CG").name
		request = make_request().insert()
		tampered = request.as_dict()
		tampered.update(closed_on=BACKDATED)
		arguments = {"docs": frappe.as_json(tampered), "method": "report_for_duty"}
		arguments["args"] = json.dumps({"volunteer_team": team})

		def frappes_own_handler():
			with http(cmd="run_doc_method", **arguments):
				run_doc_method(**arguments)

		self.assert_refused(
			frappes_own_handler, field="closed_on", doctype="Service Request", name=request.name
		)
		call("run_doc_method", **arguments)
		self.assertIsNone(self.stored("closed_on", "Service Request", request.name))
		self.assertEqual(self.stored("taken_by_team", "Service Request", request.name), team)

	# --- tree numbers, paths, totals ------------------------------------------------------------

	def test_tree_numbers_and_paths_refused(self):
		for field, value in (("lft", 1), ("rgt", 99999), ("tree_path", "x/"), ("old_parent", "TB")):
			self.assert_refused(
				lambda field=field, value=value: call(
					"frappe.client.set_value",
					doctype="Governance Grid",
					name="TA1CG",
					fieldname=field,
					value=value,
				),
				field=field,
				doctype="Governance Grid",
				name="TA1CG",
			)

	def test_grid_path_and_a_computed_total_refused(self):
		team = make_team("路径一队", grid="TA1CG").name
		for field, value in (("grid_path", "x/"), ("member_count", 500)):
			self.assert_refused(
				lambda field=field, value=value: call(
					"frappe.client.set_value",
					doctype="Volunteer Team",
					name=team,
					fieldname=field,
					value=value,
				),
				field=field,
				doctype="Volunteer Team",
				name=team,
			)
		self.assert_refused(
			lambda: call(
				"frappe.client.set_value",
				doctype="Infringement Report",
				name=self.report.name,
				fieldname="victim_count",
				value=9,
			),
			field="victim_count",
		)

	def test_a_stage_escalation_row_cannot_be_forged(self):
		doc = frappe.get_doc("Infringement Report", self.report.name).as_dict()
		doc.escalations = [
			{
				"doctype": "Infringement Escalation",
				"escalated_at": BACKDATED,
				"stage": "Report",
				"level": "County",
				"deadline": BACKDATED,
			}
		]
		with self.assertRaises(ServerOwnedFieldError):
			call("frappe.desk.form.save.savedocs", doc=frappe.as_json(doc), action="Save")
		self.assertFalse(frappe.get_all("Infringement Escalation", {"parent": self.report.name}))

	def test_the_apps_own_server_code_is_not_a_client(self):
		earlier = add_to_date(self.reported_at, minutes=-30)
		doc = frappe.get_doc("Infringement Report", self.report.name)
		doc.reported_at = earlier  # outside a request (scheduler, CLI): the server's own write
		doc.save()
		self.assertEqual(get_datetime(self.stored()), earlier)
		with http():  # in a request, only with the server's own flag
			doc = frappe.get_doc("Infringement Report", self.report.name)
			doc.reported_at = self.reported_at
			self.assertRaises(ServerOwnedFieldError, doc.save)
			doc = frappe.get_doc("Infringement Report", self.report.name)
			doc.reported_at = self.reported_at
			doc.flags.system_update = True
			doc.save()
		self.assertEqual(get_datetime(self.stored()), self.reported_at)
