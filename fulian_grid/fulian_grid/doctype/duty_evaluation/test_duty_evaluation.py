"""履职评价: every score line counted from real records, within the period and the evaluation's
grid subtree, linked to exactly those records; deterministic; never editable by its subject."""

import json
from unittest.mock import patch
from urllib.parse import parse_qs, urlparse

import frappe
from frappe.utils import add_days, today

from fulian_grid.api.evaluation import get_evidence
from fulian_grid.fulian_grid.doctype.duty_evaluation.duty_evaluation import (
	EvaluationOverlapError,
	EvaluationValidationError,
	SelfEvaluationError,
	WeightsError,
)
from fulian_grid.indicators import INDICATORS, Source, measure
from fulian_grid.tests.factories import (
	assign,
	deliberation,
	home_visit,
	make_executive,
	make_ledger,
	make_user,
	meeting,
	training,
)
from fulian_grid.tests.utils import CityTestCase

START, END = add_days(today(), -30), add_days(today(), -2)


def evaluation(executive, start=START, end=END, **values):
	return frappe.get_doc(
		{
			"doctype": "Duty Evaluation",
			"federation_executive": executive,
			"period_start": start,
			"period_end": end,
			**values,
		}
	)


def line(doc, indicator):
	return next(row for row in doc.lines if row.indicator == indicator)


class TestDutyEvaluation(CityTestCase):
	@classmethod
	def setUpClass(cls):
		super().setUpClass()
		fed = cls.city.federation_a
		cls.exec_user = make_user("exec_zhou@fulian.test")
		assign(cls.exec_user, "Fulian Executive", "TA1C")
		cls.zhou = make_executive(
			"周敏", fed, user=cls.exec_user, posts=[{"post": "Grid Worker", "governance_grid": "TB1CG"}]
		)
		cls.wu = make_executive("吴霞", fed)
		cls.chair = make_user("chair_self@fulian.test")
		assign(cls.chair, "Fulian Grid Chair", "TA1C")
		assign(cls.chair, "Fulian Executive", "TA1C")
		cls.chair_executive = make_executive("郑洁", fed, user=cls.chair, position="Chair")

		day = lambda n: add_days(today(), -n)  # noqa: E731
		cls.counted_visits = {
			home_visit(cls.zhou, "TA1CGM", day(20)).name,
			home_visit(cls.zhou, "TA1CG", day(10)).name,
		}
		home_visit(cls.zhou, "TA1CGM", day(15), submit=False)  # draft
		home_visit(cls.zhou, "TA1CGM", day(40))  # before the period
		home_visit(cls.zhou, "TA1CGM", day(1))  # after the period
		cls.other_county_visit = home_visit(cls.zhou, "TB1CGM", day(12)).name  # outside the subtree
		home_visit(cls.wu, "TA1CGM", day(10))  # someone else's
		cls.counted_ledger = {make_ledger(screened_by=cls.zhou, screened_on=day(20)).insert().name}
		make_ledger(screened_by=cls.zhou, screened_on=day(50)).insert()
		cls.counted_deliberations = {
			deliberation(fed, cls.zhou, start_time=f"{day(5)} 09:00:00").insert().name
		}
		deliberation(fed, cls.zhou, start_time=f"{day(45)} 09:00:00").insert()
		deliberation(fed, cls.wu).insert()
		cls.counted_trainings = {training(fed, [cls.zhou, cls.wu]).insert().name}
		training(fed, [cls.wu]).insert()
		cls.counted_meetings = {meeting(fed, {cls.zhou: True, cls.wu: True}).insert().name}
		meeting(fed, {cls.zhou: False, cls.wu: True}).insert()
		meeting(fed, {cls.zhou: True}, status="Planned", meeting_date=day(6)).insert()

	def setUp(self):
		frappe.db.savepoint("duty_evaluation_test")

	def tearDown(self):
		frappe.set_user("Administrator")
		frappe.db.rollback(save_point="duty_evaluation_test")
		frappe.clear_document_cache("Fulian Settings", "Fulian Settings")

	def test_indicators_count_real_records_within_period_and_scope(self):
		doc = evaluation(self.zhou).insert()
		expected = {
			"Visits Made": self.counted_visits,
			"Ledger Entries Screened": self.counted_ledger,
			"Deliberations Convened": self.counted_deliberations,
			"Trainings Attended": self.counted_trainings,
			"Meetings Attended": self.counted_meetings,
		}
		for indicator, names in expected.items():
			row = line(doc, indicator)
			self.assertEqual(row.source_available, 1, indicator)
			self.assertEqual(row.measured_value, len(names), indicator)
			self.assertEqual(set(row.evidence_names.split("\n")), names, indicator)
		self.assertNotIn(self.other_county_visit, line(doc, "Visits Made").evidence_names)
		# 20*2/30 + 15*1/20 + 10*1/4 + 10*1/4 + 5*1/4
		self.assertEqual(line(doc, "Visits Made").score, 1.33)
		self.assertEqual(doc.base_score, 8.33)
		self.assertEqual(doc.total_score, 8.33)
		self.assertEqual(doc.grade, "Fail")
		self.assertEqual(doc.evaluator, "Administrator")

	def test_missing_sources_measure_zero_and_say_so(self):
		doc = evaluation(self.zhou).insert()
		for indicator in ("Reports Raised On Time", "Projects Led", "Projects Completed", "Volunteer Hours"):
			row = line(doc, indicator)
			if frappe.db.exists("DocType", INDICATORS[indicator].doctype):
				continue  # installed by a later issue
			self.assertEqual((row.source_available, row.measured_value, row.score), (0, 0, 0), indicator)
			self.assertFalse(row.evidence_url)

	def test_a_new_source_is_one_entry_in_the_table(self):
		frappe.get_doc(
			{
				"doctype": "Suggestion",
				"women_federation": self.city.federation_a,
				"source_type": "Executive",
				"federation_executive": self.zhou,
				"submitted_on": add_days(today(), -3),
				"topic": "x",
				"content": "y",
			}
		).insert()
		stand_in = Source("Suggestion", "federation_executive", "submitted_on")
		with patch.dict(INDICATORS, {"Reports Raised On Time": stand_in}):
			result = measure("Reports Raised On Time", self.zhou, START, END, "TA1C")
		self.assertTrue(result.available)
		self.assertEqual(result.value, 1)

	def test_each_line_links_to_exactly_its_records(self):
		doc = evaluation(self.zhou).insert()
		for row in doc.lines:
			if not row.evidence_count:
				continue
			evidence = get_evidence(doc.name, row.name)
			self.assertEqual(evidence["doctype"], row.evidence_doctype)
			self.assertEqual(set(evidence["names"]), set(row.evidence_names.split("\n")), row.indicator)
			self.assertEqual(len(evidence["names"]), row.measured_value, row.indicator)
			# the desk link: /app/<doctype>?name=["in", [...]] opens the same list
			url = urlparse(row.evidence_url)
			self.assertEqual(url.path, "/app/" + frappe.scrub(row.evidence_doctype).replace("_", "-"))
			operator, names = json.loads(parse_qs(url.query)["name"][0])
			listed = frappe.get_list(row.evidence_doctype, filters={"name": (operator, names)}, pluck="name")
			self.assertEqual(set(listed), set(evidence["names"]))

	def test_evidence_opens_within_the_viewers_scope_only(self):
		doc = evaluation(self.zhou).insert()
		visits = line(doc, "Visits Made")
		frappe.set_user(self.city.officer_a)
		self.assertEqual(set(get_evidence(doc.name, visits.name)["names"]), self.counted_visits)
		frappe.set_user(self.city.officer_b)
		self.assertRaises(frappe.PermissionError, get_evidence, doc.name, visits.name)
		self.assertNotIn(doc.name, frappe.get_list("Duty Evaluation", pluck="name"))

	def test_recomputing_gives_the_same_result_and_keeps_adjustments(self):
		doc = evaluation(self.zhou).insert()
		snapshot = [(r.criterion, r.measured_value, r.score, r.evidence_names) for r in doc.lines]
		doc.save()
		self.assertEqual(
			[(r.criterion, r.measured_value, r.score, r.evidence_names) for r in doc.lines], snapshot
		)
		row = line(doc, "Visits Made")
		row.adjusted, row.adjusted_score = 1, 15
		self.assertRaises(EvaluationValidationError, doc.save)  # a reason is needed
		doc.reload()
		row = line(doc, "Visits Made")
		row.adjusted, row.adjusted_score = 1, 15
		row.adjustment_reason = "另有12次走访记录在纸质台账中，已核实"
		doc.save()
		doc.reload()
		doc.save()  # recompute
		row = line(doc, "Visits Made")
		self.assertEqual((row.computed_score, row.score), (1.33, 15))
		self.assertEqual(row.adjustment_reason, "另有12次走访记录在纸质台账中，已核实")
		self.assertEqual(doc.base_score, 8.33 - 1.33 + 15)
		row.adjusted_score = 25  # more than the weight
		self.assertRaises(EvaluationValidationError, doc.save)

	def test_additions_deductions_total_and_grade_from_settings(self):
		frappe.db.set_single_value("Fulian Settings", {"grade_pass_from": 5, "max_additions": 4})
		frappe.clear_document_cache("Fulian Settings", "Fulian Settings")
		doc = evaluation(
			self.zhou,
			adjustments=[
				{"kind": "Addition", "points": 3, "reason": "获评优秀网格员"},
				{"kind": "Addition", "points": 3, "reason": "领办项目成效突出"},
				{"kind": "Deduction", "points": 2, "reason": "一次报告超时"},
			],
		).insert()
		self.assertEqual((doc.total_additions, doc.total_deductions), (4, 2))
		self.assertEqual(doc.total_score, 10.33)
		self.assertEqual(doc.grade, "Pass")
		doc.append("adjustments", {"kind": "Deduction", "points": 1, "reason": " "})
		self.assertRaises(frappe.ValidationError, doc.save)

	def test_overlapping_period_for_the_same_executive_is_refused(self):
		evaluation(self.zhou).insert()
		with self.assertRaises(EvaluationOverlapError) as raised:
			evaluation(self.zhou, add_days(END, -1), add_days(END, 60)).insert()
		self.assertIn("overlaps", str(raised.exception))
		evaluation(self.zhou, add_days(END, 1), add_days(END, 60)).insert()  # the next period is fine
		evaluation(self.wu).insert()  # another executive, same period
		self.assertRaises(EvaluationValidationError, evaluation(self.wu, END, START).insert)

	def test_weights_not_adding_up_to_100_are_refused(self):
		frappe.db.set_value("Evaluation Criterion", "Committee Meetings", "enabled", 0)
		with self.assertRaises(WeightsError) as raised:
			evaluation(self.zhou).insert()
		self.assertIn("95", str(raised.exception))
		frappe.local.lang = "zh"
		try:
			with self.assertRaises(WeightsError) as raised:
				evaluation(self.zhou).insert()
			self.assertIn("评价指标的权重合计应为100%，当前合计为95", str(raised.exception))
		finally:
			frappe.local.lang = "en"

	def test_an_executive_cannot_edit_her_own_evaluation(self):
		frappe.set_user(self.chair)
		evaluation(self.wu).insert()  # she evaluates a colleague
		self.assertRaises(
			(SelfEvaluationError, frappe.PermissionError), evaluation(self.chair_executive).insert
		)
		frappe.set_user("Administrator")
		own = evaluation(self.chair_executive).insert()
		frappe.set_user(self.chair)
		own = frappe.get_doc("Duty Evaluation", own.name)
		self.assertTrue(own.has_permission("read"))
		self.assertFalse(own.has_permission("write"))
		own.remarks = "自评优秀"
		self.assertRaises(frappe.PermissionError, own.save)
		self.assertRaises(frappe.PermissionError, own.submit)

	def test_executive_reads_her_evaluation_but_cannot_change_it(self):
		doc = evaluation(self.zhou).insert()
		frappe.set_user(self.exec_user)
		doc = frappe.get_doc("Duty Evaluation", doc.name)
		self.assertTrue(doc.has_permission("read"))
		self.assertFalse(doc.has_permission("write"))
		self.assertRaises(frappe.PermissionError, evaluation(self.wu).insert)

	def test_submitted_evaluation_is_frozen(self):
		doc = evaluation(self.zhou).insert()
		doc.submit()
		home_visit(self.zhou, "TA1CGM", add_days(today(), -8))
		doc.reload()
		self.assertEqual(line(doc, "Visits Made").measured_value, 2)

	def test_reports_raised_on_time_count_only_timely_ones(self):
		from frappe.model.workflow import apply_workflow
		from frappe.utils import add_to_date, now_datetime

		def raised(discovered_days_ago, reported_hours_later):
			discovered = add_to_date(now_datetime(), days=-discovered_days_ago)
			doc = frappe.get_doc(
				{
					"doctype": "Infringement Report",
					"discovered_at": discovered,
					"discovered_by": self.zhou,
					"governance_grid": "TA1CGM",
					"urgency": "Normal",
					"description": "x",
					"concern_items": [{"concern_item": "Marital Dispute"}],
					"victims": [{"victim_name": "某某", "age": 40}],
				}
			).insert()
			apply_workflow(doc, "File Report")
			# back-date the report into the evaluation period: normal cases are due within 24 h
			frappe.db.set_value(
				"Infringement Report",
				doc.name,
				"reported_at",
				add_to_date(discovered, hours=reported_hours_later),
			)
			doc.reload()
			doc.save()
			return doc

		on_time, late = raised(10, 3), raised(10, 30)
		self.assertEqual((on_time.reported_on_time, late.reported_on_time), (1, 0))
		result = measure("Reports Raised On Time", self.zhou, START, END, "TA1C")
		self.assertEqual(result.names, [on_time.name])

	def test_projects_and_volunteer_hours_count_from_their_records(self):
		from fulian_grid.tests.factories import make_project, make_service, make_team, make_volunteer

		led = make_project(
			self.zhou, status="Completed", start_date=add_days(today(), -20), end_date=add_days(today(), -5)
		).insert()
		volunteer = make_volunteer("周执委", federation_executive=self.zhou)
		team = make_team("周执委志愿队", members=[volunteer]).name
		make_service(
			team, [{"volunteer": volunteer, "service_date": add_days(today(), -10), "hours": 3}]
		).insert()

		self.assertEqual(measure("Projects Led", self.zhou, START, END, "TA1C").names, [led.name])
		self.assertEqual(measure("Projects Completed", self.zhou, START, END, "TA1C").names, [led.name])
		self.assertEqual(measure("Volunteer Hours", self.zhou, START, END, "TA1C").value, 3)
