import frappe
from frappe.utils import add_days, today

from fulian_grid.fulian_grid.doctype.service_request.service_request import ServiceRequestError
from fulian_grid.tests.factories import assign, make_request, make_team, make_user, make_volunteer
from fulian_grid.tests.utils import CityTestCase


class TestServiceRequest(CityTestCase):
	@classmethod
	def setUpClass(cls):
		super().setUpClass()
		cls.leader_user = make_user("duty_leader@fulian.test")
		assign(cls.leader_user, "Fulian Grid Worker", "TA1CG")
		cls.team_in = make_team(
			"网格一队", grid="TA1CG", leader=make_volunteer("郑队长", user=cls.leader_user)
		).name
		cls.team_micro = make_team("微网格队", grid="TA1CGM").name
		cls.team_other = make_team("B县队", grid="TB1CG").name
		cls.team_above = make_team("街道队", grid="TA1").name
		cls.chair = make_user("request_chair@fulian.test")
		assign(cls.chair, "Fulian Grid Chair", "TA1C")

	def test_teams_of_the_subtree_and_no_other_are_told(self):
		request = make_request().insert()
		told = {row.volunteer_team for row in request.notified_teams}
		self.assertTrue({self.team_in, self.team_micro} <= told)
		self.assertFalse({self.team_other, self.team_above} & told)
		logs = frappe.get_all("Notification Log", filters={"document_name": request.name}, pluck="for_user")
		self.assertIn(self.leader_user, logs)

	def test_a_team_takes_the_request_and_closes_it_with_feedback(self):
		request = make_request().insert()
		frappe.set_user(self.leader_user)  # a grid worker leading the team: no write on requests needed
		request = frappe.get_doc("Service Request", request.name)
		request.report_for_duty(self.team_in)
		self.assertEqual((request.status, request.taken_by), ("Team Reported", self.leader_user))
		self.assertRaises(ServiceRequestError, request.report_for_duty, self.team_micro)  # already taken
		request.close_request("已上门照护三次，联系社区长期跟进")
		frappe.set_user("Administrator")
		stored = frappe.get_doc("Service Request", request.name)
		self.assertEqual(stored.status, "Request Closed")
		self.assertTrue(stored.closed_on)

	def test_team_outside_the_subtree_is_refused_and_nothing_saved(self):
		request = make_request().insert()
		frappe.set_user(self.city.officer_a)  # she may read the township team, which is above the request
		doc = frappe.get_doc("Service Request", request.name)
		self.assertRaises(ServiceRequestError, doc.report_for_duty, self.team_above)
		frappe.set_user(self.chair)  # a team of another county is not even visible to her
		doc = frappe.get_doc("Service Request", request.name)
		self.assertRaises(frappe.PermissionError, doc.report_for_duty, self.team_other)
		frappe.set_user("Administrator")
		self.assertEqual(frappe.db.get_value("Service Request", request.name, "status"), "Awaiting Team")
		self.assertFalse(frappe.db.get_value("Service Request", request.name, "taken_by_team"))
		# the grid rule in the controller, whoever saves
		doc = frappe.get_doc("Service Request", request.name)
		doc.taken_by_team = self.team_other
		self.assertRaises(ServiceRequestError, doc.save)

	def test_closing_without_feedback_is_refused_and_nothing_saved(self):
		request = make_request().insert()
		request.report_for_duty(self.team_in)
		self.assertRaises(
			ServiceRequestError, frappe.get_doc("Service Request", request.name).close_request, " "
		)
		self.assertEqual(frappe.db.get_value("Service Request", request.name, "status"), "Team Reported")
		self.assertFalse(frappe.db.get_value("Service Request", request.name, "closed_on"))

	def test_stranger_may_not_report_for_duty(self):
		request = make_request().insert()
		stranger = make_user("not_on_team@fulian.test")
		assign(stranger, "Fulian Grid Worker", "TA1CG")
		frappe.set_user(stranger)
		doc = frappe.get_doc("Service Request", request.name)
		self.assertRaises(frappe.PermissionError, doc.report_for_duty, self.team_in)

	def test_open_requests_per_grid_are_visible_in_scope(self):
		request_a = make_request().insert().name
		request_b = make_request(grid="TB1C").insert().name
		frappe.set_user(self.city.officer_a)
		open_here = frappe.get_list(
			"Service Request",
			filters={"status": "Awaiting Team"},
			fields=["governance_grid", "count(name) as requests"],
			group_by="governance_grid",
		)
		self.assertIn("TA1C", {row.governance_grid for row in open_here})
		self.assertNotIn("TB1C", {row.governance_grid for row in open_here})
		names = frappe.get_list("Service Request", pluck="name")
		self.assertIn(request_a, names)
		self.assertNotIn(request_b, names)

	def test_a_need_cannot_fall_due_before_it_was_posted(self):
		self.assertRaises(ServiceRequestError, make_request(needed_by=add_days(today(), -1)).insert)
