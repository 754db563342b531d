"""Every generic read carries masked copies only; identities come from the vault by an explicit, logged reveal."""

import os

import frappe

from fulian_grid.fulian_grid.doctype.screening_ledger.test_screening_ledger import VALID_ID
from fulian_grid.tests.factories import make_ledger, scoped_user
from fulian_grid.tests.utils import CityTestCase


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
			.name
		)
		cls.entry_a = make_ledger(id_number=VALID_ID, responsible_executive=cls.keeper_exec).insert().name
		cls.entry_b = make_ledger(governance_grid="TB1CGM", id_number=VALID_ID).insert().name

	def test_every_reader_gets_the_masked_copy_the_chair_too(self):
		"""Reads never carry identities (they are not in the row); a handler reveals explicitly."""
		for user in (self.chair_a, self.worker_a, self.keeper):
			doc = read_as(user, "Screening Ledger", self.entry_a)
			self.assertEqual(doc.get("id_number"), "1101**********002X")
			self.assertEqual(doc.get("subject_name"), "王*")

	def test_lists_carry_masked_copies_only(self):
		frappe.set_user(self.keeper)
		rows = frappe.get_list(
			"Screening Ledger", filters={"name": self.entry_a}, fields=["id_number", "name"]
		)
		self.assertEqual(rows[0].id_number, "1101**********002X")
		self.assertNotIn(VALID_ID, frappe.as_json(rows))

	def test_form_is_told_whether_this_record_reveals(self):
		frappe.set_user(self.city.dual)
		doc = frappe.get_doc("Screening Ledger", self.entry_b)
		doc.run_method("onload")
		self.assertFalse(doc.get_onload().identity["may_reveal"])
		self.assertFalse(doc.get_onload().identity["writable"])
		doc = frappe.get_doc("Screening Ledger", self.entry_a)
		doc.run_method("onload")
		self.assertTrue(doc.get_onload().identity["may_reveal"])

	def test_creator_enters_the_identity_then_sees_it_masked(self):
		from fulian_grid import vault

		frappe.set_user(self.worker_a)
		entry = make_ledger(subject_name="孙丽", id_number=VALID_ID).insert()
		self.assertEqual(entry.subject_name, "孙*")
		frappe.set_user("Administrator")
		self.assertEqual(
			vault.record_identities("Screening Ledger", entry.name)["fields"]["subject_name"], "孙丽"
		)
		self.assertEqual(read_as(self.worker_a, "Screening Ledger", entry.name).get("subject_name"), "孙*")

	def test_household_members_are_identities_too(self):
		entry = make_ledger(household_members=[{"member_name": "张伟", "relation": "Spouse"}]).insert()
		member = read_as(self.worker_a, "Screening Ledger", entry.name).household_members[0]
		self.assertEqual(member.member_name, "张*")

	def test_report_view_export_never_carries_a_full_id_for_a_grid_worker(self):
		import csv
		import io

		from frappe.desk.reportview import export_query

		frappe.set_user(self.worker_a)
		frappe.local.form_dict = frappe._dict(
			doctype="Screening Ledger",
			fields=frappe.as_json(["`tabScreening Ledger`.`name`", "`tabScreening Ledger`.`id_number`"]),
			file_format_type="CSV",
		)
		export_query()
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


class TestImportFilesAreRemoved(CityTestCase):
	"""Frappe's Data Import keeps the uploaded spreadsheet; for a DocType with identities it holds
	their plaintext, readable by every System Manager, until the hourly job removes it."""

	def attached_import(self, doctype: str, status: str, text: str):
		data_import = frappe.get_doc(
			{"doctype": "Data Import", "reference_doctype": doctype, "import_type": "Insert New Records"}
		).insert(ignore_permissions=True)
		file = frappe.get_doc(
			{
				"doctype": "File",
				"file_name": f"{data_import.name}.csv",
				"content": text,
				"is_private": 1,
				"attached_to_doctype": "Data Import",
				"attached_to_name": data_import.name,
				"attached_to_field": "import_file",
			}
		).insert(ignore_permissions=True)
		data_import.db_set({"import_file": file.file_url, "status": status})
		return data_import.name, file

	def test_a_finished_import_of_identities_loses_its_file_and_no_other(self):
		from fulian_grid.privacy import remove_finished_import_files

		done, identities = self.attached_import("Screening Ledger", "Success", f"身份证号\n{VALID_ID}\n")
		_, pending = self.attached_import(
			"Screening Ledger", "Pending", f"身份证号,备注\n{VALID_ID},待导入\n"
		)
		_, plain = self.attached_import("Key Group Category", "Success", "名称\n留守妇女\n")
		on_disk = identities.get_full_path()
		self.assertTrue(os.path.exists(on_disk))

		remove_finished_import_files()

		self.assertFalse(frappe.db.exists("File", identities.name))
		self.assertFalse(os.path.exists(on_disk))
		self.assertIsNone(frappe.db.get_value("Data Import", done, "import_file"))
		self.assertTrue(frappe.db.exists("File", pending.name))  # still being imported
		self.assertTrue(frappe.db.exists("File", plain.name))  # nothing to protect in it
