"""Identities in full only for handlers in scope and the responsible person; masked elsewhere."""

import frappe

from fulian_grid.fulian_grid.doctype.screening_ledger.test_screening_ledger import VALID_ID, make_ledger
from fulian_grid.tests.utils import CityTestCase, scoped_user


def read_as(user, doctype, name):
	"""What the form (and REST get) sends to `user`."""
	frappe.set_user(user)
	doc = frappe.get_doc(doctype, name)
	doc.check_permission("read")
	doc.apply_fieldlevel_read_permissions()
	return doc


class TestIdentityPrivacy(CityTestCase):
	@classmethod
	def setUpClass(cls):
		super().setUpClass()
		cls.chair_a = scoped_user("chair_a@fulian.test", "Fulian Grid Chair", "TA1C")
		cls.worker_a = scoped_user("worker_a2@fulian.test", "Fulian Grid Worker", "TA1CG")
		cls.keeper = scoped_user("keeper@fulian.test", "Fulian Executive", "TA1CG")
		cls.keeper_exec = (
			frappe.get_doc(
				{
					"doctype": "Federation Executive",
					"full_name": "刘静",
					"position": "Executive Member",
					"women_federation": cls.city.federation_a,
					"user": cls.keeper,
				}
			)
			.insert()
			.name  # fmt: skip
		)
		cls.entry_a = make_ledger(id_number=VALID_ID, responsible_executive=cls.keeper_exec).insert().name
		cls.entry_b = make_ledger(governance_grid="TB1CGM", id_number=VALID_ID).insert().name

	def test_chair_in_scope_reads_in_full(self):
		self.assertEqual(read_as(self.chair_a, "Screening Ledger", self.entry_a).get("id_number"), VALID_ID)

	def test_grid_worker_in_scope_reads_masked(self):
		doc = read_as(self.worker_a, "Screening Ledger", self.entry_a)
		self.assertIsNone(doc.get("id_number"))
		self.assertIsNone(doc.get("subject_name"))
		self.assertEqual(doc.subject_name_masked, "王*")

	def test_responsible_executive_reads_in_full_but_lists_stay_masked(self):
		self.assertEqual(read_as(self.keeper, "Screening Ledger", self.entry_a).get("id_number"), VALID_ID)
		rows = frappe.get_list(
			"Screening Ledger", filters={"name": self.entry_a}, fields=["id_number", "name"]
		)
		self.assertNotIn(VALID_ID, frappe.as_json(rows))

	def test_a_handler_role_does_not_reveal_identities_outside_its_subtree(self):
		"""Chair in grid A1, executive in grid B1: B1's identities stay masked for her."""
		doc = read_as(self.city.dual, "Screening Ledger", self.entry_b)
		self.assertIsNone(doc.get("id_number"))
		self.assertEqual(read_as(self.city.dual, "Screening Ledger", self.entry_a).get("id_number"), VALID_ID)
		listed = frappe.get_list("Screening Ledger", fields=["name", "id_number"])
		self.assertNotIn(self.entry_b, {row.name for row in listed})

	def test_non_handler_cannot_overwrite_an_identity(self):
		"""The dual user may edit B1's entry as its executive, but not its identity fields."""
		from fulian_grid.domain.ids import id_check_char

		other_id = "37050219900101123" + id_check_char("37050219900101123")
		frappe.set_user(self.city.dual)
		doc = frappe.get_doc("Screening Ledger", self.entry_b)
		doc.findings = "复访"
		doc.id_number = other_id
		doc.save()
		frappe.set_user("Administrator")
		stored = frappe.db.get_value(
			"Screening Ledger", self.entry_b, ["findings", "id_number", "id_number_masked"], as_dict=True
		)
		self.assertEqual(stored.findings, "复访")
		self.assertEqual(stored.id_number, VALID_ID)
		self.assertEqual(stored.id_number_masked, "1101**********002X")

	def test_creator_enters_the_identity_then_sees_it_masked(self):
		frappe.set_user(self.worker_a)
		entry = make_ledger(subject_name="孙丽", id_number=VALID_ID).insert()
		frappe.set_user("Administrator")
		self.assertEqual(frappe.db.get_value("Screening Ledger", entry.name, "subject_name"), "孙丽")
		self.assertIsNone(read_as(self.worker_a, "Screening Ledger", entry.name).get("subject_name"))

	def test_form_is_told_whether_this_record_grants_identity(self):
		frappe.set_user(self.city.dual)
		doc = frappe.get_doc("Screening Ledger", self.entry_b)
		doc.run_method("onload")
		self.assertFalse(doc.get_onload().identity_access)

	def test_household_members_are_identities_too(self):
		entry = make_ledger(household_members=[{"member_name": "张伟", "relation": "Spouse"}]).insert()
		self.assertEqual(entry.household_members[0].member_name_masked, "张*")
		member = read_as(self.worker_a, "Screening Ledger", entry.name).household_members[0]
		self.assertIsNone(member.get("member_name"))
		self.assertEqual(member.member_name_masked, "张*")
		self.assertEqual(
			read_as(self.chair_a, "Screening Ledger", entry.name).household_members[0].member_name, "张伟"
		)

	def test_report_view_export_never_carries_a_full_id_for_a_grid_worker(self):
		import csv
		import io

		from frappe.desk.reportview import export_query

		frappe.set_user(self.worker_a)
		frappe.local.form_dict = frappe._dict(
			doctype="Screening Ledger",
			fields=frappe.as_json(["`tabScreening Ledger`.`name`", "`tabScreening Ledger`.`id_number_masked`",
								   "`tabScreening Ledger`.`id_number`"]),
			file_format_type="CSV",
		)  # fmt: skip
		try:
			export_query()
		except frappe.PermissionError:
			return  # refusing the column outright is as good as masking it
		content = frappe.safe_decode(frappe.response.filecontent)
		rows = list(csv.reader(io.StringIO(content)))
		self.assertIn("1101**********002X", content)
		self.assertNotIn(VALID_ID, content)
		self.assertTrue(any(self.entry_a in row for row in rows))

	def test_standard_print_never_carries_a_full_id_for_a_grid_worker(self):
		frappe.set_user(self.worker_a)
		html = frappe.get_print("Screening Ledger", self.entry_a)
		self.assertIn("1101**********002X", html)
		self.assertNotIn(VALID_ID, html)
		self.assertNotIn("王芳", html)

	def test_sensitive_records_cannot_be_shared_out_of_scope(self):
		"""Frappe's document sharing would open a record to anyone; sensitive DocTypes grant no share."""
		import frappe.share

		frappe.set_user(self.chair_a)
		self.assertRaises(
			frappe.PermissionError,
			frappe.share.add,
			"Screening Ledger",
			self.entry_a,
			self.city.officer_b,
			read=1,
		)
