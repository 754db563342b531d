"""The patch moving the old referral rows (Infringement Referral) to Case Referral records, on a
real site: rows of the old table (its outcome sealed in the vault, as the old DocType kept it)
become referrals of their report; the table goes; a second run changes nothing."""

import frappe

from fulian_grid import vault
from fulian_grid.fulian_grid.doctype.infringement_report.test_infringement_report import InfringementCase
from fulian_grid.patches.v15_0 import referral_rows_to_case_referrals as patch

LEGACY = f"tab{patch.LEGACY}"


class TestReferralMigration(InfringementCase):
	def setUp(self):
		super().setUp()
		self.report = self.new_report()
		frappe.set_user("Administrator")
		# the old child table as the removed DocType made it (DDL: this commits)
		frappe.db.sql_ddl(
			f"""create table if not exists `{LEGACY}` (name varchar(140) primary key, creation datetime(6),
			modified datetime(6), owner varchar(140), modified_by varchar(140), docstatus int default 0,
			idx int default 0, parent varchar(140), parentfield varchar(140), parenttype varchar(140),
			agency varchar(140), sent_on date, accepted varchar(140), outcome text)"""
		)
		rows = (
			("oldref1", 1, "Court", "2026-11-01", "Accepted", "******"),
			("oldref2", 2, "Civil Affairs", "2026-11-02", "Declined", None),
			("oldref3", 3, "Police", "2026-11-03", "Awaiting Reply", None),
		)
		for name, idx, agency, sent_on, accepted, outcome in rows:
			frappe.db.sql(
				f"""insert into `{LEGACY}` (name, idx, parent, parentfield, parenttype, agency, sent_on,
				accepted, outcome) values (%s, %s, %s, 'referrals', 'Infringement Report', %s, %s, %s, %s)""",
				(name, idx, self.report.name, agency, sent_on, accepted, outcome),
			)
		frappe.db.sql(
			f"""insert into `{vault.TABLE}` (doctype, name, fieldname, parenttype, parent, value)
			values (%s, 'oldref1', 'outcome', 'Infringement Report', %s, %s)""",
			(patch.LEGACY, self.report.name, vault.encrypt("已指派律师王秘律")),
		)
		frappe.db.commit()  # nosemgrep: the patch commits before it drops the table

	def tearDown(self):
		frappe.set_user("Administrator")
		frappe.db.sql_ddl(f"drop table if exists `{LEGACY}`")
		for name in frappe.get_all("Case Referral", {"infringement_report": self.report.name}, pluck="name"):
			frappe.delete_doc("Case Referral", name, force=True, ignore_permissions=True)
		frappe.delete_doc("Infringement Report", self.report.name, force=True, ignore_permissions=True)
		frappe.db.commit()  # nosemgrep
		super().tearDown()

	def referrals(self):
		return frappe.get_all(
			"Case Referral",
			filters={"infringement_report": self.report.name},
			fields=["name", "agency", "sent_on", "status", "governance_grid", "carries_identities"],
			order_by="sent_on",
		)

	def test_old_rows_become_case_referrals_once(self):
		patch.execute()
		moved = self.referrals()
		self.assertEqual(
			[(r.agency, str(r.sent_on), r.status) for r in moved],
			[
				("Court", "2026-11-01", "Accepted"),
				("Civil Affairs", "2026-11-02", "Declined"),
				("Police", "2026-11-03", "Sent"),
			],
		)
		self.assertEqual({r.governance_grid for r in moved}, {self.report.governance_grid})
		self.assertEqual({r.carries_identities for r in moved}, {0})  # no basis was ever recorded
		court = moved[0].name
		self.assertEqual(
			vault.record_identities("Case Referral", court)["fields"], {"outcome": "已指派律师王秘律"}
		)
		self.assertEqual(frappe.db.get_value("Case Referral", court, "outcome"), "******")  # a masked copy
		self.assertFalse(frappe.db.sql(f"select 1 from `{vault.TABLE}` where doctype = %s", patch.LEGACY))
		self.assertFalse(frappe.db.table_exists(patch.LEGACY))
		self.assertFalse(frappe.db.exists("DocType", patch.LEGACY))

		patch.execute()  # again: nothing to move, nothing doubled
		self.assertEqual(len(self.referrals()), 3)
