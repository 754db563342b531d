from datetime import timedelta

import frappe
from frappe.model.workflow import WorkflowTransitionError, apply_workflow
from frappe.utils import add_to_date, get_datetime, now_datetime

from fulian_grid.fulian_grid.doctype.infringement_report.infringement_report import (
	InfringementReportError,
	LockedReportError,
	MandatoryReportError,
	escalate_overdue_reports,
	flag_late_mandatory_reports,
)
from fulian_grid.tests.factories import make_executive, scoped_user
from fulian_grid.tests.utils import CityTestCase, revealed


class InfringementCase(CityTestCase):
	@classmethod
	def setUpClass(cls):
		super().setUpClass()
		cls.worker = scoped_user("ir_worker@fulian.test", "Fulian Grid Worker", "TA1CG")
		cls.worker_exec = make_executive(
			"孙燕", cls.city.federation_a, user=cls.worker, position="Grid Worker"
		)
		cls.other_worker = scoped_user("ir_worker2@fulian.test", "Fulian Grid Worker", "TA1CG")
		cls.chair = scoped_user("ir_chair@fulian.test", "Fulian Grid Chair", "TA1C")
		cls.township_officer = scoped_user("ir_township@fulian.test", "Fulian Officer", "TA1")

	def new_report(self, user=None, **values):
		frappe.set_user(user or self.worker)
		doc = frappe.get_doc(
			{
				"doctype": "Infringement Report",
				"discovered_at": add_to_date(now_datetime(), hours=-1),
				"discovered_by": self.worker_exec,
				"source": "Home Visit",
				"governance_grid": "TA1CGM",
				"urgency": "Normal",
				"description": "邻居反映夫妻经常争吵",
				"concern_items": [{"concern_item": "Marital Dispute"}],
				"victims": [
					{
						"victim_name": "李梅",
						"age": 35,
						"id_number": "11010519491231002X",
						"contact": "13812345678",
					}
				],
				**values,
			}
		).insert()
		return doc

	def act(self, doc, action, user):
		frappe.set_user(user)
		return apply_workflow(frappe.get_doc(doc.doctype, doc.name), action)


class TestInfringementWorkflow(InfringementCase):
	def test_a_report_walks_the_whole_flow_to_closure(self):
		doc = self.new_report()
		self.assertEqual(doc.workflow_state, "Draft")
		doc = self.act(doc, "File Report", self.worker)
		self.assertEqual((doc.workflow_state, doc.status), ("Reported", "Reported"))
		self.assertTrue(doc.reported_at)
		doc = self.act(doc, "Verify Facts", self.chair)
		self.assertTrue(doc.verified_at)
		doc = self.act(doc, "Start Service", self.chair)
		self.assertTrue(doc.first_service_at)
		doc.append("referrals", {"agency": "Court", "sent_on": frappe.utils.today()})
		doc.save()
		doc = self.act(doc, "Refer", self.chair)
		self.assertEqual(doc.workflow_state, "Referred")
		doc.closure_review = "已调解，当事人满意"
		doc.save()
		doc = self.act(doc, "Close", self.chair)
		self.assertEqual(doc.workflow_state, "Closed")
		self.assertTrue(doc.closed_at)

		doc.victim_feedback = "改一下"
		self.assertRaises(LockedReportError, doc.save)  # closed: read-only until reopened
		doc = self.act(doc, "Reopen", self.chair)
		self.assertEqual(doc.workflow_state, "In Service")
		self.assertIsNone(doc.closed_at)

	def test_wrong_role_transition_is_refused(self):
		doc = self.act(self.new_report(), "File Report", self.worker)
		self.assertRaises(WorkflowTransitionError, self.act, doc, "Verify Facts", self.worker)
		frappe.set_user("Administrator")
		self.assertEqual(frappe.db.get_value("Infringement Report", doc.name, "workflow_state"), "Reported")

	def test_rest_edit_of_a_locked_stage_is_refused(self):
		doc = self.act(self.new_report(), "File Report", self.worker)
		frappe.set_user(self.worker)  # a Draft editor, not a Reported one
		self.assertRaises(
			LockedReportError, frappe.client.set_value, "Infringement Report", doc.name, "description", "改写"
		)
		frappe.set_user(self.chair)
		frappe.client.set_value("Infringement Report", doc.name, "urgency", "Urgent")  # the chair may

	def test_closing_needs_a_closure_review(self):
		doc = self.act(
			self.act(self.act(self.new_report(), "File Report", self.worker), "Verify Facts", self.chair),
			"Start Service",
			self.chair,
		)
		self.assertRaises(InfringementReportError, self.act, doc, "Close", self.chair)

	def test_mandatory_police_report_branch(self):
		doc = self.new_report(
			concern_items=[{"concern_item": "Physical Violence"}],
			victims=[{"victim_name": "小红", "age": 12}],
		)
		self.assertEqual(doc.victims[0].is_minor, 1)
		doc = self.act(doc, "File Report", self.worker)
		self.assertRaises(MandatoryReportError, self.act, doc, "Verify Facts", self.chair)
		frappe.set_user(self.chair)
		doc = frappe.get_doc("Infringement Report", doc.name)
		doc.police_report_recorded = 1
		doc.police_report_on = now_datetime()
		doc.save()
		self.assertEqual(self.act(doc, "Verify Facts", self.chair).workflow_state, "Verified")

	def test_adult_marriage_dispute_needs_no_police_report(self):
		doc = self.act(self.new_report(), "File Report", self.worker)
		self.assertEqual(self.act(doc, "Verify Facts", self.chair).workflow_state, "Verified")

	def test_bad_input(self):
		self.assertRaises(
			InfringementReportError, self.new_report, discovered_at=add_to_date(now_datetime(), hours=2)
		)
		doc = self.act(self.new_report(), "File Report", self.worker)
		frappe.set_user(self.chair)
		doc = frappe.get_doc("Infringement Report", doc.name)
		doc.discovered_at = add_to_date(get_datetime(doc.reported_at), minutes=5)
		self.assertRaises(InfringementReportError, doc.save)
		doc.reload()
		doc.append("referrals", {"sent_on": frappe.utils.today()})
		self.assertRaises(frappe.MandatoryError, doc.save)
		self.assertRaises(
			frappe.LinkValidationError, self.new_report, concern_items=[{"concern_item": "不存在的事项"}]
		)
		frappe.set_user("Administrator")
		frappe.db.set_value("Concern Item", "Marital Dispute", "enabled", 0)
		try:
			self.assertRaises(InfringementReportError, self.new_report)  # a disabled item
		finally:
			frappe.set_user("Administrator")
			frappe.db.set_value("Concern Item", "Marital Dispute", "enabled", 1)

	def test_victim_identity_revealed_only_to_those_who_handle_the_case(self):
		"""The reporter entered the victim; once saved, only the chair where it lies sees her."""
		doc = self.new_report()
		for user, sees in ((self.worker, False), (self.chair, True), (self.other_worker, False)):
			frappe.set_user(user)
			if frappe.has_permission("Infringement Report", "read", doc=doc.name):
				loaded = frappe.get_doc("Infringement Report", doc.name)
				loaded.apply_fieldlevel_read_permissions()
				self.assertEqual(
					(loaded.victims[0].victim_name, loaded.victims[0].contact), ("李*", "138****5678")
				)
			values = revealed(user, "Infringement Report", doc.name)
			self.assertEqual(bool(values) and "李梅" in values.values(), sees, user)

	def test_prefilled_report_from_a_visit(self):
		from fulian_grid.api.infringement import make_from_home_visit

		frappe.set_user("Administrator")
		visit = frappe.get_doc(
			{
				"doctype": "Home Visit",
				"federation_executive": self.worker_exec,
				"governance_grid": "TA1CGM",
				"household": "5号楼",
				"findings": "发现疑似家暴",
				"visit_date": frappe.utils.today(),
			}
		).insert()
		report = make_from_home_visit(visit.name)
		self.assertEqual(
			(
				report.home_visit,
				report.governance_grid,
				report.discovered_by,
				report.source,
				report.description,
			),
			(visit.name, "TA1CGM", self.worker_exec, "Home Visit", "发现疑似家暴"),
		)


class TestEscalation(InfringementCase):
	def test_overdue_report_escalates_once_per_level_up_to_the_city(self):
		doc = self.new_report(discovered_at=add_to_date(now_datetime(), hours=-25))  # normal: due after 24 h
		frappe.set_user("Administrator")
		now = now_datetime()

		def levels():
			return [row.level for row in frappe.get_doc("Infringement Report", doc.name).escalations]

		escalate_overdue_reports(now)
		self.assertEqual(levels(), ["Township"])
		escalate_overdue_reports(now)
		self.assertEqual(levels(), ["Township"])  # never twice for the same level and deadline
		escalate_overdue_reports(now + timedelta(hours=24))
		self.assertEqual(levels(), ["Township", "County"])
		escalate_overdue_reports(now + timedelta(days=10))
		self.assertEqual(levels(), ["Township", "County", "City"])
		escalate_overdue_reports(now + timedelta(days=20))
		self.assertEqual(levels(), ["Township", "County", "City"])

		todos = frappe.get_all("ToDo", filters={"reference_name": doc.name}, pluck="allocated_to")
		self.assertIn(self.township_officer, todos)  # township
		self.assertIn(self.city.officer_a, todos)  # county
		self.assertIn(self.city.city_admin, todos)  # city
		self.assertTrue(frappe.db.get_value("Infringement Report", doc.name, "is_overdue"))

	def test_reported_in_time_does_not_escalate(self):
		doc = self.act(self.new_report(), "File Report", self.worker)
		frappe.set_user("Administrator")
		escalate_overdue_reports(add_to_date(now_datetime(), hours=2))
		self.assertEqual(frappe.get_doc("Infringement Report", doc.name).escalations, [])


class TestWorkflowDefinition(InfringementCase):
	def test_workflow_edit_survives_migrate(self):
		from fulian_grid.install import add_workflows, after_migrate

		workflow = frappe.get_doc("Workflow", "Infringement Report Workflow")
		workflow.append(
			"transitions",
			{
				"state": "Draft",
				"action": "Mark Duplicate",
				"next_state": "Duplicate Case",
				"allowed": "Fulian Grid Chair",
			},
		)
		workflow.save()
		add_workflows()
		after_migrate()
		transitions = frappe.get_doc("Workflow", "Infringement Report Workflow").transitions
		self.assertIn(("Draft", "Duplicate Case"), {(t.state, t.next_state) for t in transitions})

	def test_flow_chart_is_drawn_from_the_live_workflow(self):
		from fulian_grid.api.infringement import flow_chart

		frappe.set_user(self.chair)
		svg = flow_chart()
		self.assertTrue(svg.startswith("<svg"))
		for state in ("Draft", "Reported", "Verified", "In Service", "Referred", "Closed"):
			self.assertIn(f">{state}<", svg)


class TestVictimFeedback(InfringementCase):
	def test_confidential_reporter_is_left_out_of_the_feedback(self):
		doc = self.new_report(reporter_confidential=1, victim_feedback="已协调法律援助")
		frappe.set_user(self.chair)
		html = frappe.get_print("Infringement Report", doc.name, print_format="Victim Feedback")
		self.assertIn("报告人：依法保密", html)
		self.assertNotIn("孙燕", html)
		self.assertNotIn("李梅", html)  # the letter names the victim masked
		frappe.set_user("Administrator")
		frappe.db.set_value("Infringement Report", doc.name, "reporter_confidential", 0)
		frappe.set_user(self.chair)
		self.assertIn(
			"孙燕", frappe.get_print("Infringement Report", doc.name, print_format="Victim Feedback")
		)


class TestMandatoryReport(InfringementCase):
	def mandatory(self, **values):
		defaults = {
			"source": "School",
			"mandatory_report": 1,
			"duty_holder_kind": "School",
			"duty_holder": "文汇小学",
			"mandatory_reporter_name": "赵老师",
		}
		return self.new_report(**{**defaults, **values})

	def test_the_clock_from_the_duty_to_the_police(self):
		arose = add_to_date(now_datetime(), hours=-30)
		on_time = self.mandatory(
			duty_arose_on=arose, police_report_recorded=1, police_report_on=add_to_date(arose, hours=3)
		)
		self.assertEqual(on_time.mandatory_report_late, 0)
		self.assertEqual(
			frappe.db.get_value("Infringement Report", on_time.name, "mandatory_reporter_name"), "赵**"
		)
		late = self.mandatory(duty_arose_on=arose)  # 30 hours and not at the police: late (24 h)
		self.assertEqual(late.mandatory_report_late, 1)
		waiting = self.mandatory(duty_arose_on=add_to_date(now_datetime(), hours=-2))
		self.assertEqual(waiting.mandatory_report_late, 0)
		frappe.set_user("Administrator")
		flagged = flag_late_mandatory_reports(add_to_date(now_datetime(), hours=23))
		self.assertGreaterEqual(flagged, 1)
		self.assertEqual(frappe.db.get_value("Infringement Report", waiting.name, "mandatory_report_late"), 1)
		self.assertEqual(frappe.db.get_value("Infringement Report", on_time.name, "mandatory_report_late"), 0)

	def test_bad_input_is_refused_in_chinese_and_nothing_is_saved(self):
		before = frappe.db.count("Infringement Report")
		frappe.local.lang = "zh"
		try:
			with self.assertRaises(InfringementReportError) as refused:
				self.mandatory(duty_arose_on=now_datetime(), mandatory_reporter_name=None)
			self.assertIn("强制报告需填写", str(refused.exception))
			arose = add_to_date(now_datetime(), hours=-3)
			with self.assertRaises(InfringementReportError) as refused:
				self.mandatory(
					duty_arose_on=arose,
					police_report_recorded=1,
					police_report_on=add_to_date(arose, hours=-1),
				)
			self.assertIn("不能早于报告义务产生时间", str(refused.exception))
			self.assertRaises(
				InfringementReportError, self.mandatory, duty_arose_on=add_to_date(now_datetime(), hours=2)
			)
		finally:
			frappe.local.lang = "en"
		frappe.set_user("Administrator")
		self.assertEqual(frappe.db.count("Infringement Report"), before)

	def test_counted_in_work_statistics(self):
		from fulian_grid.fulian_grid.report.work_statistics.work_statistics import execute

		frappe.set_user("Administrator")
		period = {
			"from_date": frappe.utils.add_days(frappe.utils.today(), -1),
			"to_date": frappe.utils.today(),
		}

		def counts():
			rows = {row.governance_grid: row for row in execute({"governance_grid": "TC", **period})[1]}
			return (
				rows["TA"].mandatory_reports,
				rows["TA"].mandatory_reports_late,
				rows["TC"].mandatory_reports,
			)

		before = counts()
		self.mandatory(duty_arose_on=add_to_date(now_datetime(), hours=-30))
		self.mandatory(duty_arose_on=add_to_date(now_datetime(), hours=-1))
		self.new_report()  # not a mandatory report
		frappe.set_user("Administrator")
		self.assertEqual(counts(), (before[0] + 2, before[1] + 1, before[2] + 2))
