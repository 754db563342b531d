"""The casework records (protection orders…) over HTTP, as an officer of another county would try
them: list, count, report view, get, REST, their child tables. Secrets planted in county B's
records must appear in no reply; the same calls as the city's handler prove the detector fires.
Requests run in their own threads and connections, so the planted records are committed."""

import json

import frappe
from frappe.utils import add_to_date, now_datetime
from frappe.utils.password import update_password

from fulian_grid.tests.factories import assign, make_grid, make_user
from fulian_grid.tests.security.test_boundary import PASSWORD, Caller
from fulian_grid.tests.utils import FulianTestCase

SECRET_VICTIM = "司马秘兰"
SECRET_RESPONDENT = "欧阳秘强"
SECRET_FACTS = "秘密事实：在东湖小区七号楼被殴打"
GRIDS = ("CWAG", "CWBG", "CWA", "CWB", "CWC")


def plant_report(grid: str) -> str:
	return (
		frappe.get_doc(
			{
				"doctype": "Infringement Report",
				"discovered_at": add_to_date(now_datetime(), hours=-3),
				"source": "Police",
				"governance_grid": grid,
				"urgency": "Urgent",
				"description": SECRET_FACTS,
				"concern_items": [{"concern_item": "Physical Violence"}],
				"victims": [{"victim_name": SECRET_VICTIM, "age": 30, "contact": "13912345678"}],
			}
		)
		.insert(ignore_permissions=True)
		.name
	)


def plant_order(report: str) -> str:
	victim = frappe.get_doc("Infringement Report", report).victims[0].name
	decided = add_to_date(now_datetime(), hours=-1)
	return (
		frappe.get_doc(
			{
				"doctype": "Protection Order",
				"infringement_report": report,
				"victim": victim,
				"applicant_kind": "Federation on Her Behalf",
				"respondent_name": SECRET_RESPONDENT,
				"court": "边界法院",
				"filed_on": add_to_date(now_datetime(), hours=-2),
				"facts": SECRET_FACTS,
				"decision": "Granted",
				"decided_on": decided,
				"valid_until": frappe.utils.add_months(decided, 3),
				"measure_no_violence": 1,
				"breaches": [{"occurred_at": now_datetime(), "what_happened": SECRET_FACTS}],
			}
		)
		.insert(ignore_permissions=True)
		.name
	)


def plant_warning(report: str) -> str:
	return (
		frappe.get_doc(
			{
				"doctype": "Police Warning",
				"warning_number": "边界告字17号",
				"issued_on": frappe.utils.today(),
				"police_station": "边界派出所",
				"infringement_report": report,
				"governance_grid": frappe.db.get_value("Infringement Report", report, "governance_grid"),
				"respondent_name": SECRET_RESPONDENT,
				"victim_name": SECRET_VICTIM,
				"warning_content": SECRET_FACTS,
				"follow_ups": [{"visit_date": frappe.utils.today(), "outcome": "Safe", "notes": "回访"}],
			}
		)
		.insert(ignore_permissions=True)
		.name
	)


def plant_consent(report: str) -> str:
	return (
		frappe.get_doc(
			{
				"doctype": "Consent Record",
				"infringement_report": report,
				"subject_name": SECRET_RESPONDENT,
				"governance_grid": frappe.db.get_value("Infringement Report", report, "governance_grid"),
				"given_by": "The Person",
				"consented_on": frappe.utils.today(),
				"purposes": "转介",
				"recipients": "法律援助中心",
			}
		)
		.insert(ignore_permissions=True)
		.name
	)


def plant_referral(report: str) -> str:
	return (
		frappe.get_doc(
			{
				"doctype": "Case Referral",
				"infringement_report": report,
				"agency": "Court",
				"sent_on": frappe.utils.today(),
				"carries_identities": 1,
				"legal_basis": "Emergency",
				"basis_note": "紧急情况",
				"outcome": SECRET_RESPONDENT,
			}
		)
		.insert(ignore_permissions=True)
		.name
	)


def plant_assessment(report: str) -> str:
	return (
		frappe.get_doc(
			{
				"doctype": "Impact Assessment",
				"purpose": "边界评估",
				"assessed_on": frappe.utils.today(),
				"governance_grid": frappe.db.get_value("Infringement Report", report, "governance_grid"),
				"lawful_and_necessary": SECRET_FACTS,
				"impact_on_rights": "影响",
				"measures": "措施",
			}
		)
		.insert(ignore_permissions=True)
		.name
	)


def plant_request(report: str) -> str:
	return (
		frappe.get_doc(
			{
				"doctype": "Data Subject Request",
				"request_kind": "Access",
				"requester_name": SECRET_RESPONDENT,
				"received_on": frappe.utils.today(),
				"details": SECRET_FACTS,
				"infringement_report": report,
				"governance_grid": frappe.db.get_value("Infringement Report", report, "governance_grid"),
			}
		)
		.insert(ignore_permissions=True)
		.name
	)


# DocType → (child DocTypes, how a record of county B is planted from its report)
PLANTED = {
	"Protection Order": (("Protection Order Breach", "Protection Order Extension"), plant_order),
	"Police Warning": (("Police Warning Follow-up",), plant_warning),
	"Consent Record": ((), plant_consent),
	"Case Referral": ((), plant_referral),
	"Impact Assessment": ((), plant_assessment),
	"Data Subject Request": ((), plant_request),
}
WITHOUT_IDENTITIES = ("Impact Assessment",)


class TestCaseworkScopeOverHttp(FulianTestCase):
	@classmethod
	def setUpClass(cls):
		super().setUpClass()
		make_grid("CWC", "案件市", "City")
		for county in ("A", "B"):
			make_grid(f"CW{county}", f"案件{county}县", "County", "CWC")
			make_grid(f"CW{county}G", f"案件{county}网格", "Grid", f"CW{county}", kind="Community Grid")
		cls.officer_a = make_user("cw_officer_a@fulian.test")
		assign(cls.officer_a, "Fulian Officer", "CWA")
		cls.handler = make_user("cw_city_admin@fulian.test")
		assign(cls.handler, "Fulian Admin", "CWC")
		for user in (cls.officer_a, cls.handler):
			update_password(user, PASSWORD)
		cls.report_b = plant_report("CWBG")
		cls.report_a = plant_report("CWAG")
		cls.planted = {
			doctype: (plant(cls.report_b), plant(cls.report_a)) for doctype, (_c, plant) in PLANTED.items()
		}
		frappe.db.commit()  # nosemgrep: the requests read committed data
		cls.attacker = Caller(cls.officer_a)

	@classmethod
	def tearDownClass(cls):
		frappe.set_user("Administrator")
		for doctype, names in cls.planted.items():
			for name in names:
				if doctype == "Impact Assessment":  # kept three years, but this one was planted
					frappe.db.set_value(doctype, name, "keep_until", "2000-01-01")
				frappe.delete_doc(doctype, name, force=True, ignore_permissions=True)
		for name in (cls.report_a, cls.report_b):
			frappe.delete_doc("Infringement Report", name, force=True, ignore_permissions=True)
		for grid in GRIDS:
			frappe.db.delete("Grid Role Assignment", {"governance_grid": grid})
			frappe.delete_doc("Governance Grid", grid, force=True, ignore_permissions=True)
		frappe.db.commit()  # nosemgrep
		super().tearDownClass()

	def assertLeaksNothing(self, response, *names):
		text = response.get_data(as_text=True)
		for secret in (SECRET_VICTIM, SECRET_RESPONDENT, SECRET_FACTS, self.report_b, *names):
			self.assertNotIn(secret, text)
			self.assertNotIn(json.dumps(secret)[1:-1], text)

	def paths(self, caller, doctype, name):
		return {
			"get_list": caller.method(
				"frappe.client.get_list",
				doctype=doctype,
				fields=["name", "governance_grid"],
				limit_page_length=0,
			),
			"get_count": caller.method(
				"frappe.client.get_count", doctype=doctype, filters={"governance_grid": "CWBG"}
			),
			"report view": caller.method(
				"frappe.desk.reportview.get",
				doctype=doctype,
				fields=[f"`tab{doctype}`.`name`", f"`tab{doctype}`.`governance_grid`"],
			),
			"getdoc": caller.method("frappe.desk.form.load.getdoc", doctype=doctype, name=name),
			"get": caller.method("frappe.client.get", doctype=doctype, name=name),
			"REST": caller.get(f"/api/resource/{doctype}", fields=["name", "governance_grid"]),
		}

	def test_the_detector_fires_for_the_handler(self):
		handler = Caller(self.handler)
		for doctype, (in_b, _in_a) in self.planted.items():
			replies = self.paths(handler, doctype, in_b)
			with self.subTest(doctype=doctype):
				self.assertIn(in_b, replies["get_list"].get_data(as_text=True))
				self.assertEqual(replies["get_count"].json["message"], 1)
				self.assertIn(in_b, replies["getdoc"].get_data(as_text=True))
				if doctype in WITHOUT_IDENTITIES:
					continue
				revealed = handler.method("fulian_grid.api.identity.reveal", doctype=doctype, name=in_b)
				self.assertIn(json.dumps(SECRET_RESPONDENT)[1:-1], revealed.get_data(as_text=True))

	def test_an_officer_of_another_county_reads_nothing_of_it(self):
		for doctype, (in_b, in_a) in self.planted.items():
			replies = self.paths(self.attacker, doctype, in_b)
			for path, response in replies.items():
				with self.subTest(doctype=doctype, path=path):
					if path in ("getdoc", "get"):
						self.assertIn(response.status_code, (403, 404))
					else:
						self.assertEqual(response.status_code, 200, response.get_data(as_text=True)[:300])
					# the record's name only where she named it herself
					self.assertLeaksNothing(response, *(() if path in ("getdoc", "get") else (in_b,)))
			self.assertEqual(replies["get_count"].json["message"], 0)
			self.assertIn(in_a, replies["get_list"].get_data(as_text=True))  # her own county's she sees
			reveal = self.attacker.method("fulian_grid.api.identity.reveal", doctype=doctype, name=in_b)
			self.assertEqual(reveal.status_code, 403)
			self.assertLeaksNothing(reveal)

	def test_child_tables_are_refused_outright(self):
		for doctype, (children, _plant) in PLANTED.items():
			for child in children:
				for response in (
					self.attacker.method(
						"frappe.client.get_list", doctype=child, fields=["parent"], parent=doctype
					),
					self.attacker.get(f"/api/resource/{child}", fields=["parent"]),
				):
					with self.subTest(child=child, path=response.request.path):
						self.assertIn(response.status_code, (403, 417))
						self.assertLeaksNothing(response)
