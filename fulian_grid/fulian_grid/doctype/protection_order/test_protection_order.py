import io

import frappe
from docx import Document
from frappe.utils import add_days, add_months, add_to_date, get_datetime, getdate, now_datetime, today

from fulian_grid import vault
from fulian_grid.fulian_grid.doctype.infringement_report.test_infringement_report import InfringementCase
from fulian_grid.fulian_grid.doctype.protection_order.protection_order import (
	ProtectionOrderError,
	alert_protection_orders,
)
from fulian_grid.server_owned import ServerOwnedFieldError
from fulian_grid.tests.factories import scoped_user


class ProtectionOrderCase(InfringementCase):
	@classmethod
	def setUpClass(cls):
		super().setUpClass()
		cls.officer_b = scoped_user("po_officer_b@fulian.test", "Fulian Officer", "TB")

	def setUp(self):
		super().setUp()
		self.report = self.new_report()
		frappe.set_user("Administrator")

	def order(self, user=None, **values):
		frappe.set_user(user or self.chair)
		return frappe.get_doc(
			{
				"doctype": "Protection Order",
				"infringement_report": self.report.name,
				"victim": self.report.victims[0].name,
				"applicant_kind": "Federation on Her Behalf",
				"respondent_name": "王强",
				"court": "东营区人民法院",
				"filed_on": add_to_date(now_datetime(), hours=-2),
				"facts": "被申请人多次殴打申请人",
				"measure_no_violence": 1,
				**values,
			}
		)

	def granted(self, **values):
		decided = add_to_date(now_datetime(), hours=-1)
		values = {
			"decision": "Granted",
			"decided_on": decided,
			"valid_until": add_months(getdate(decided), 6),
			**values,
		}
		return self.order(**values).insert()

	def orders(self):
		return frappe.db.count("Protection Order", {"infringement_report": self.report.name})


class TestProtectionOrder(ProtectionOrderCase):
	def test_an_order_lies_with_its_report_and_runs_the_courts_clock(self):
		order = self.order().insert()
		self.assertEqual(
			(order.governance_grid, order.grid_path), (self.report.governance_grid, self.report.grid_path)
		)
		self.assertEqual(order.victim_label, "李*")
		self.assertEqual(
			get_datetime(order.decision_due), add_to_date(get_datetime(order.filed_on), hours=72)
		)
		self.assertEqual((order.status, order.is_overdue), ("Awaiting Decision", 0))
		urgent = self.order(urgent=1).insert()
		self.assertEqual(
			get_datetime(urgent.decision_due), add_to_date(get_datetime(urgent.filed_on), hours=24)
		)

		order.decision, order.decided_on = "Granted", now_datetime()
		order.measure_no_contact = 1
		order.valid_until = add_months(today(), 6)
		order.save()
		self.assertEqual(
			(order.status, getdate(order.expires_on)), ("In Force", getdate(add_months(today(), 6)))
		)

		order.append("extensions", {"granted_on": today(), "extended_until": add_months(today(), 9)})
		order.append(
			"breaches",
			{
				"occurred_at": now_datetime(),
				"what_happened": "被申请人到申请人单位纠缠",
				"forwarded_to_police": 1,
				"forwarded_on": today(),
			},
		)
		order.save()
		self.assertEqual(getdate(order.expires_on), getdate(add_months(today(), 9)))
		row = frappe.db.get_value("Protection Order Breach", {"parent": order.name}, "what_happened")
		self.assertEqual(row, "******")  # the breach's account is in the vault

	def test_identities_are_in_the_vault_and_the_columns_masked(self):
		order = self.order(applicant_kind="Guardian", applicant_name="李建国").insert()
		stored = frappe.db.get_value(
			"Protection Order", order.name, ["respondent_name", "applicant_name", "facts"]
		)
		self.assertEqual(stored, ("王*", "李**", "******"))
		values = vault.record_identities("Protection Order", order.name)["fields"]
		self.assertEqual((values["respondent_name"], values["applicant_name"]), ("王强", "李建国"))

	def test_bad_input_is_refused_in_chinese_and_nothing_is_saved(self):
		filed = add_to_date(now_datetime(), hours=-2)
		frappe.local.lang = "zh"
		try:
			with self.assertRaises(ProtectionOrderError) as refused:
				self.order(
					filed_on=filed,
					decision="Granted",
					decided_on=add_to_date(filed, hours=-1),
					valid_until=add_months(today(), 1),
				).insert()
			self.assertIn("裁定时间不能早于申请时间", str(refused.exception))
			with self.assertRaises(ProtectionOrderError) as refused:
				self.granted(valid_until=add_days(add_months(today(), 6), 1))
			self.assertIn("不超过六个月", str(refused.exception))
		finally:
			frappe.local.lang = "en"
		self.assertRaises(ProtectionOrderError, self.granted, measure_no_violence=0)
		self.assertRaises(ProtectionOrderError, self.order(victim="no-such-row").insert)
		self.assertRaises(
			ProtectionOrderError,
			self.granted,
			extensions=[{"granted_on": add_months(today(), 7), "extended_until": add_months(today(), 8)}],
		)
		self.assertRaises(
			ProtectionOrderError,
			self.granted,
			breaches=[{"occurred_at": add_to_date(now_datetime(), hours=-5), "what_happened": "纠缠"}],
		)  # before the decision
		self.assertRaises(ProtectionOrderError, self.order(valid_until=today()).insert)  # not granted
		frappe.set_user("Administrator")
		self.assertEqual(self.orders(), 0)

	def test_an_extension_must_be_recorded_to_go_past_six_months(self):
		order = self.granted()
		order.valid_until = add_months(getdate(order.decided_on), 8)
		self.assertRaises(ProtectionOrderError, order.save)
		order.reload()
		order.append(
			"extensions", {"granted_on": today(), "extended_until": add_months(getdate(order.valid_until), 7)}
		)
		self.assertRaises(ProtectionOrderError, order.save)  # an extension runs six months at most
		frappe.set_user("Administrator")
		self.assertEqual(frappe.db.count("Protection Order Extension", {"parent": order.name}), 0)

	def test_the_clock_is_the_servers(self):
		order = self.order().insert()
		order.decision_due = add_to_date(now_datetime(), days=30)
		frappe.local.request = frappe._dict(method="POST")  # as a client's save
		try:
			self.assertRaises(ServerOwnedFieldError, order.save)
		finally:
			del frappe.local.request


class TestProtectionOrderScope(ProtectionOrderCase):
	def test_only_someone_who_may_write_where_the_report_lies_files_an_order(self):
		self.assertRaises(frappe.PermissionError, self.order(user=self.officer_b).insert)
		self.assertRaises(
			frappe.PermissionError, self.order(user=self.worker).insert
		)  # a worker reads reports only
		frappe.set_user("Administrator")
		self.assertEqual(self.orders(), 0)

	def test_another_countys_officer_sees_nothing_of_it(self):
		order = self.order().insert()
		frappe.set_user(self.officer_b)
		self.assertNotIn(order.name, frappe.get_list("Protection Order", pluck="name"))
		self.assertFalse(frappe.has_permission("Protection Order", "read", doc=order.name))
		frappe.set_user(self.township_officer)
		self.assertIn(order.name, frappe.get_list("Protection Order", pluck="name"))

	def test_the_application_carries_full_names_for_a_handler_only(self):
		from fulian_grid.api.casework import download_protection_order_application

		order = self.order(measure_move_out=1).insert()
		download_protection_order_application(order.name)
		document = Document(io.BytesIO(frappe.response.filecontent))
		text = "\n".join(
			[p.text for p in document.paragraphs]
			+ [c.text for t in document.tables for r in t.rows for c in r.cells]
		)
		for expected in (
			"人身安全保护令申请书",
			"李梅",
			"王强",
			"东营区人民法院",
			"责令被申请人迁出申请人住所",
			"A社区网格妇联",
		):
			self.assertIn(expected, text)
		frappe.set_user("Administrator")
		self.assertTrue(
			frappe.db.exists("Identity Access Log", {"reference_name": order.name, "action": "Export"})
		)
		frappe.set_user(self.officer_b)
		self.assertRaises(frappe.PermissionError, download_protection_order_application, order.name)


class TestProtectionOrderAlerts(ProtectionOrderCase):
	def todos(self, order):
		return frappe.get_all(
			"ToDo",
			filters={"reference_type": "Protection Order", "reference_name": order},
			pluck="allocated_to",
		)

	def test_an_overdue_decision_is_told_once(self):
		order = self.order(filed_on=add_to_date(now_datetime(), hours=-80)).insert()
		self.assertEqual(order.is_overdue, 1)
		frappe.set_user("Administrator")
		alert_protection_orders()
		alert_protection_orders()
		told = self.todos(order.name)
		self.assertIn(self.chair, told)
		self.assertIn(self.township_officer, told)
		self.assertEqual(len(told), len(set(told)))  # once each

	def test_an_order_about_to_lapse_is_told_and_then_expires(self):
		order = self.granted(valid_until=add_days(today(), 5))
		frappe.set_user("Administrator")
		alert_protection_orders()
		alert_protection_orders()
		self.assertEqual(self.todos(order.name).count(self.chair), 1)
		alert_protection_orders(now=add_days(now_datetime(), 6))
		self.assertEqual(frappe.db.get_value("Protection Order", order.name, "status"), "Expired")
