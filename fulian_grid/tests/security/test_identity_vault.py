"""The identity vault on a real site: no plaintext identity anywhere in the database, reveal per
record for handlers in scope (logged), refusals for everyone else (logged), reporters enter
identities through the desk's own save path, blind-index lookups, low-code fields, the migration.

Planted values are distinctive strings; a detector that searches the whole database (a full
mysqldump of the site's database) must find them while they are stored in plaintext — proven by
planting one on purpose — and must not find any of them after the app's own saves."""

import json
import subprocess

import frappe
from frappe.desk.form.save import savedocs

from fulian_grid import vault
from fulian_grid.api import identity as identity_api
from fulian_grid.domain.ids import id_check_char
from fulian_grid.tests.factories import make_executive, make_grid, make_ledger, make_user, scoped_user
from fulian_grid.tests.utils import CityTestCase, FulianTestCase, TestCity


def valid_id(first17: str) -> str:
	return first17 + id_check_char(first17)


SECRET_ID = valid_id("37052319870615452")
SECRET_PHONE = "13905469876"
SECRET_NAME = "轩辕秘芳"
SECRET_ADDRESS = "垦利区秘密街道七号院九单元"
SECRET_NOTE = "秘密记录：丈夫长期殴打，左臂骨折"


def database_dump() -> str:
	"""Every table of the site's database, as text (committed data)."""
	conf = frappe.conf
	result = subprocess.run(
		[
			"mysqldump",
			"--single-transaction",
			"--skip-extended-insert",
			f"--host={conf.db_host or '127.0.0.1'}",
			f"--port={conf.db_port or 3306}",
			f"--user={conf.db_name}",
			f"--password={conf.db_password}",
			conf.db_name,
		],
		capture_output=True,
		check=True,
	)
	return result.stdout.decode("utf-8", errors="replace")


def unicode_escaped(text: str) -> str:
	return json.dumps(text)[1:-1]  # how a JSON column (Version, Deleted Document) may hold it


def found_in(dump: str, secrets) -> list[str]:
	return [s for s in secrets if s in dump or unicode_escaped(s) in dump]


class TestIdentityVault(CityTestCase):
	@classmethod
	def setUpClass(cls):
		super().setUpClass()
		cls.chair_a = scoped_user("vault_chair_a@fulian.test", "Fulian Grid Chair", "TA1C")
		cls.worker_a = scoped_user("vault_worker_a@fulian.test", "Fulian Grid Worker", "TA1CG")
		cls.worker_b = scoped_user("vault_worker_b@fulian.test", "Fulian Grid Worker", "TB1CG")
		cls.viewer = scoped_user("vault_viewer@fulian.test", "Fulian Viewer", "TC")
		cls.sysman = make_user("vault_sysman@fulian.test", roles=("System Manager",))
		cls.nobody = make_user("vault_nobody@fulian.test")
		cls.keeper = scoped_user("vault_keeper@fulian.test", "Fulian Executive", "TA1CG")
		cls.keeper_exec = make_executive("刘静", cls.city.federation_a, user=cls.keeper)

	def plant_ledger(self, **values):
		planted = {
			"subject_name": SECRET_NAME,
			"id_number": SECRET_ID,
			"phone": SECRET_PHONE,
			"address": SECRET_ADDRESS,
			"findings": SECRET_NOTE,
			"birth_date": "1987-06-15",
			"responsible_executive": self.keeper_exec,
			"household_members": [{"member_name": "轩辕秘儿", "relation": "Child"}],
		}
		return make_ledger(**{**planted, **values}).insert()

	# ---- storage ---------------------------------------------------------------------------------

	def test_columns_keep_masked_copies_and_the_vault_the_values(self):
		entry = self.plant_ledger()
		stored = frappe.db.get_value(
			"Screening Ledger",
			entry.name,
			["subject_name", "id_number", "phone", "address", "findings", "birth_date", "birth_year"],
			as_dict=True,
		)
		self.assertEqual(stored.subject_name, "轩***")
		self.assertEqual(stored.id_number, SECRET_ID[:4] + "*" * 10 + SECRET_ID[-4:])
		self.assertEqual(stored.phone, "139****9876")
		self.assertNotIn("七号院", stored.address)
		self.assertEqual(stored.findings, "******")
		self.assertIsNone(stored.birth_date)
		self.assertEqual(stored.birth_year, 1987)
		self.assertEqual(entry.is_minor, 0)  # derived from the real birth date before it was sealed
		values = vault.record_identities("Screening Ledger", entry.name)
		self.assertEqual(values["fields"]["id_number"], SECRET_ID)
		self.assertEqual(values["fields"]["birth_date"], "1987-06-15")
		self.assertEqual(list(values["rows"].values()), [{"member_name": "轩辕秘儿"}])
		tokens = frappe.db.sql(f"select value from `{vault.TABLE}` where parent = %s", entry.name, pluck=True)
		self.assertFalse(any(SECRET_NAME in token or SECRET_ID in token for token in tokens))

	def test_a_failed_save_leaves_no_vault_row(self):
		before = frappe.db.sql(f"select count(*) from `{vault.TABLE}`")[0][0]
		doc = make_ledger(subject_name=SECRET_NAME, categories=[{"key_group_category": "No Such Group"}])
		self.assertRaises(frappe.ValidationError, doc.insert)
		self.assertEqual(frappe.db.sql(f"select count(*) from `{vault.TABLE}`")[0][0], before)

	def test_bad_identities_are_refused_in_chinese_and_nothing_saved(self):
		frappe.local.lang = "zh"
		try:
			for values in (
				{"id_number": "370523198706154521"},
				{"phone": "12345"},
				{"id_number": "3705**********4521"},
			):
				with self.assertRaises(vault.IdentityValueError) as raised:
					make_ledger(**values).insert()
				self.assertRegex(str(raised.exception), "[\u4e00-\u9fff]")
		finally:
			frappe.local.lang = "en"

	def test_unchanged_masked_values_keep_the_stored_identity(self):
		"""A save that sends back the masked copies (what the form shows) changes nothing."""
		entry = self.plant_ledger()
		entry.reload()
		entry.help_measures = "每周走访"
		entry.save()
		self.assertEqual(
			vault.record_identities("Screening Ledger", entry.name)["fields"]["id_number"], SECRET_ID
		)

	def test_amendment_keeps_identities(self):
		visit = self.make_visit()
		visit.cancel()
		amended = frappe.copy_doc(visit)
		amended.amended_from = visit.name
		amended.docstatus = 0
		amended.insert()
		self.assertEqual(
			vault.record_identities("Home Visit", amended.name)["fields"].get("address"), SECRET_ADDRESS
		)

	def make_visit(self):
		entry = self.plant_ledger()
		return frappe.get_doc(
			{
				"doctype": "Home Visit",
				"governance_grid": "TA1CGM",
				"federation_executive": self.keeper_exec,
				"screening_ledger": entry.name,
				"visit_date": frappe.utils.today(),
				"household": SECRET_NAME + "家",
				"address": SECRET_ADDRESS,
				"findings": SECRET_NOTE,
			}
		).submit()

	# ---- reveal ------------------------------------------------------------------------------------

	def reveal_as(self, user, doctype, name):
		frappe.set_user(user)
		return identity_api.reveal(doctype, name)

	def log_count(self, action, name):
		return frappe.db.count("Identity Access Log", {"action": action, "reference_name": name})

	def test_handler_in_scope_reveals_and_it_is_logged(self):
		entry = self.plant_ledger()
		values = self.reveal_as(self.chair_a, "Screening Ledger", entry.name)
		self.assertEqual(values["fields"]["subject_name"], SECRET_NAME)
		frappe.set_user("Administrator")
		log = frappe.get_last_doc("Identity Access Log", {"reference_name": entry.name, "action": "Reveal"})
		self.assertEqual(log.user, self.chair_a)
		self.assertIn("id_number", log.fields)
		self.assertNotIn(SECRET_ID, frappe.as_json(log.as_dict()))

	def test_responsible_executive_reveals_her_household(self):
		entry = self.plant_ledger()
		self.assertEqual(
			self.reveal_as(self.keeper, "Screening Ledger", entry.name)["fields"]["id_number"], SECRET_ID
		)

	def test_reveal_refused_and_logged_for_everyone_else(self):
		entry = self.plant_ledger()
		for user in (
			self.worker_a,
			self.worker_b,
			self.city.officer_b,
			self.viewer,
			self.sysman,
			self.nobody,
		):
			with self.subTest(user=user):
				with self.assertRaises(frappe.PermissionError) as raised:
					self.reveal_as(user, "Screening Ledger", entry.name)
				self.assertNotIn(SECRET_NAME, str(raised.exception))
				frappe.set_user("Administrator")
		self.assertEqual(self.log_count("Refused", entry.name), 6)

	def test_a_refusal_is_logged_again_after_its_request_rolls_back(self):
		entry = self.plant_ledger()
		before = len(frappe.db.after_rollback._functions)
		frappe.set_user(self.worker_b)
		self.assertRaises(frappe.PermissionError, identity_api.reveal, "Screening Ledger", entry.name)
		frappe.set_user("Administrator")
		added = list(frappe.db.after_rollback._functions)[before:]
		self.assertTrue(any("log_access" in fn.__qualname__ for fn in added))  # run by the request's rollback

	def test_refusal_reads_the_same_for_a_record_that_does_not_exist(self):
		entry = self.plant_ledger()
		answers = []
		for name in (entry.name, "SL-NO-SUCH"):
			with self.assertRaises(frappe.PermissionError) as raised:
				self.reveal_as(self.worker_b, "Screening Ledger", name)
			answers.append((type(raised.exception), str(raised.exception)))
		self.assertEqual(answers[0], answers[1])

	def test_reveal_of_a_child_doctype_or_a_foreign_doctype_is_refused(self):
		frappe.set_user(self.chair_a)
		for doctype in ("Infringement Victim", "User", "No Such DocType"):
			with self.subTest(doctype=doctype):
				self.assertRaises(frappe.PermissionError, identity_api.reveal, doctype, "x")

	def test_key_missing_refuses_with_a_clear_error(self):
		entry = self.plant_ledger()
		key = frappe.local.conf.pop("encryption_key")
		try:
			with self.assertRaises(vault.VaultKeyError):
				vault.record_identities("Screening Ledger", entry.name)
		finally:
			frappe.local.conf["encryption_key"] = key

	def test_wrong_key_refuses_instead_of_garbage(self):
		from cryptography.fernet import Fernet

		entry = self.plant_ledger()
		key = frappe.local.conf["encryption_key"]
		frappe.local.conf["encryption_key"] = Fernet.generate_key().decode()
		try:
			self.assertRaises(vault.VaultKeyError, vault.record_identities, "Screening Ledger", entry.name)
		finally:
			frappe.local.conf["encryption_key"] = key

	# ---- reporters -------------------------------------------------------------------------------

	def test_grid_worker_files_a_report_with_victims_through_the_desk_save(self):
		"""The worker enters victims (a minor among them) and the suspect in the desk's save path;
		afterwards she sees masked copies and cannot reveal them; the chair can."""
		frappe.set_user(self.worker_a)
		doc = {
			"doctype": "Infringement Report",
			"__islocal": 1,
			"name": "new-infringement-report-1",
			"governance_grid": "TA1CGM",
			"discovered_at": frappe.utils.now_datetime().strftime("%Y-%m-%d %H:%M:%S"),
			"source": "Home Visit",
			"urgency": "Urgent",
			"legal_basis": "Statutory Duty",
			"concern_items": [{"concern_item": frappe.get_all("Concern Item", pluck="name", limit=1)[0]}],
			"description": SECRET_NOTE,
			"suspect": "嫌疑人秘名",
			"victims": [
				{"victim_name": SECRET_NAME, "id_number": SECRET_ID, "contact": SECRET_PHONE},
				{"victim_name": "轩辕秘儿", "age": 9},
			],
		}
		frappe.response.docs = []
		savedocs(json.dumps(doc), "Save")
		saved = frappe.response.docs[0]
		self.assertEqual(saved["victims"][0]["victim_name"], "轩***")
		self.assertEqual(saved["victims"][1]["is_minor"], 1)
		self.assertEqual(saved["suspect"], "******")
		self.assertRaises(frappe.PermissionError, identity_api.reveal, "Infringement Report", saved["name"])
		values = self.reveal_as(self.chair_a, "Infringement Report", saved["name"])
		self.assertEqual(values["fields"]["suspect"], "嫌疑人秘名")
		self.assertEqual(
			sorted(row["victim_name"] for row in values["rows"].values()), sorted([SECRET_NAME, "轩辕秘儿"])
		)

	def test_a_handler_role_elsewhere_neither_reveals_nor_overwrites(self):
		"""The dual user (chair in A, executive in B) edits B's entry as its executive: she may not
		reveal its identities there, and an identity she types is not taken."""
		entry = self.plant_ledger(governance_grid="TB1CGM", responsible_executive=None)
		self.assertRaises(
			frappe.PermissionError, self.reveal_as, self.city.dual, "Screening Ledger", entry.name
		)
		frappe.set_user(self.city.dual)
		doc = frappe.get_doc("Screening Ledger", entry.name)
		doc.id_number = valid_id("37052319900101123")
		doc.risk_level = "Medium"
		doc.save()
		frappe.set_user("Administrator")
		self.assertEqual(
			vault.record_identities("Screening Ledger", entry.name)["fields"]["id_number"], SECRET_ID
		)
		self.assertEqual(frappe.db.get_value("Screening Ledger", entry.name, "risk_level"), "Medium")

	# ---- lookups ----------------------------------------------------------------------------------

	def test_lookup_finds_in_scope_and_says_only_elsewhere_of_the_rest(self):
		lonely_id = valid_id("37052319790101882")
		entry = self.plant_ledger(governance_grid="TB1CGM", id_number=lonely_id, phone="13905461111")
		frappe.set_user(self.worker_a)
		answer = identity_api.lookup("id_number", lonely_id.lower())
		self.assertEqual(answer["records"], [])
		self.assertTrue(answer["elsewhere"])
		self.assertNotIn(entry.name, frappe.as_json(answer))
		self.assertNotIn("TB", frappe.as_json(answer))
		frappe.set_user(self.worker_b)
		answer = identity_api.lookup("phone", "139-0546-1111")
		self.assertIn(entry.name, [r["name"] for r in answer["records"]])
		self.assertFalse(identity_api.lookup("name", "从未用过的名字")["elsewhere"])

	def test_lookup_needs_a_role_in_a_grid(self):
		frappe.set_user(self.nobody)
		self.assertRaises(frappe.PermissionError, identity_api.lookup, "id_number", SECRET_ID)

	# ---- exports -----------------------------------------------------------------------------------

	def test_register_unmasks_for_handlers_only_and_logs_the_export(self):
		from fulian_grid.fulian_grid.report.screening_ledger_register.screening_ledger_register import execute

		entry = self.plant_ledger()
		frappe.set_user(self.chair_a)
		rows = {row.name: row for row in execute({})[1]}
		self.assertEqual(rows[entry.name].id_number, SECRET_ID)
		frappe.set_user(self.worker_a)
		rows = {row.name: row for row in execute({})[1]}
		self.assertNotIn(SECRET_ID, frappe.as_json(rows))
		frappe.set_user("Administrator")
		self.assertTrue(frappe.db.exists("Identity Access Log", {"action": "Export", "user": self.chair_a}))

	# ---- low code and migration ---------------------------------------------------------------------

	def test_migration_moves_plaintext_into_the_vault_and_scrubs_history_once(self):
		entry = self.plant_ledger()
		frappe.db.sql(
			"update `tabScreening Ledger` set subject_name = %s, id_number = %s where name = %s",
			(SECRET_NAME, SECRET_ID, entry.name),
		)
		frappe.db.sql(
			f"delete from `{vault.TABLE}` where parent = %s and fieldname in ('subject_name', 'id_number')",
			entry.name,
		)
		version = frappe.get_doc(
			{
				"doctype": "Version",
				"ref_doctype": "Screening Ledger",
				"docname": entry.name,
				"data": frappe.as_json(
					{
						"changed": [["id_number", SECRET_ID, "370523198706150000"]],
						"added": [],
						"removed": [],
						"row_changed": [
							["household_members", 1, "x", [["member_name", "轩辕秘儿", "轩辕秘二"]]]
						],
					}
				),
			}
		).insert(ignore_permissions=True)
		self.assertGreaterEqual(vault.seal_existing(), 2)
		self.assertGreaterEqual(vault.scrub_history(), 1)
		stored = frappe.db.get_value(
			"Screening Ledger", entry.name, ["subject_name", "id_number"], as_dict=True
		)
		self.assertEqual(stored.subject_name, "轩***")
		self.assertEqual(
			vault.record_identities("Screening Ledger", entry.name)["fields"]["id_number"], SECRET_ID
		)
		data = frappe.db.get_value("Version", version.name, "data")
		self.assertEqual(found_in(data, [SECRET_ID, "轩辕秘儿", "轩辕秘二"]), [])
		self.assertEqual((vault.seal_existing(), vault.scrub_history()), (0, 0))  # twice changes nothing


class TestNoPlaintextInTheDatabase(FulianTestCase):
	"""A full mysqldump of the site's database after the app's own saves: saves, an edit (Version),
	a child row removed, a deletion (Deleted Document). Needs committed data, so this class makes
	its own grid and removes all it made."""

	def test_no_plaintext_anywhere_in_the_database(self):
		grid = make_grid("VDUMP", "密文测试网格", "City")
		made = [("Governance Grid", grid.name)]
		try:
			entry = make_ledger(
				governance_grid=grid.name,
				subject_name=SECRET_NAME,
				id_number=SECRET_ID,
				phone=SECRET_PHONE,
				address=SECRET_ADDRESS,
				findings=SECRET_NOTE,
				birth_date="1987-06-15",
				household_members=[{"member_name": "轩辕秘儿", "relation": "Child"}],
			).insert()
			made.insert(0, ("Screening Ledger", entry.name))
			entry.reload()
			entry.phone = "13905460000"
			entry.household_members = []
			entry.save()
			loan = frappe.get_doc(
				{
					"doctype": "Entrepreneurship Loan",
					"governance_grid": grid.name,
					"borrower_name": SECRET_NAME,
					"id_number": SECRET_ID,
					"phone": SECRET_PHONE,
					"loan_amount": 50000,
					"lender": "东营农商银行",
					"loan_date": frappe.utils.today(),
				}
			).insert()
			loan.delete()
			canary = "明文探针" + frappe.generate_hash(length=6)
			frappe.get_doc({"doctype": "ToDo", "description": canary}).insert(ignore_permissions=True)
			frappe.db.commit()  # nosemgrep: mysqldump reads committed data
			dump = database_dump()
			self.assertEqual(found_in(dump, [canary]), [canary], "the detector must see plaintext")
			secrets = [SECRET_NAME, SECRET_ID, SECRET_PHONE, "13905460000", "七号院", "左臂骨折", "轩辕秘儿"]
			self.assertEqual(found_in(dump, secrets), [])
			versions = frappe.get_all("Version", filters={"docname": entry.name}, pluck="data")
			deleted = frappe.get_all("Deleted Document", filters={"deleted_name": loan.name}, pluck="data")
			self.assertTrue(deleted, "the deletion left a Deleted Document to search")
			self.assertEqual(found_in(frappe.as_json([versions, deleted]), secrets), [])
		finally:
			frappe.db.rollback()
			for doctype, name in made:
				frappe.delete_doc(doctype, name, force=True, ignore_permissions=True)
			frappe.db.delete("ToDo", {"description": ("like", "明文探针%")})
			frappe.db.delete(
				"Deleted Document",
				{
					"deleted_doctype": (
						"in",
						["Entrepreneurship Loan", "Screening Ledger", "Governance Grid"],
					),
					"deleted_name": (
						"in",
						[n for _d, n in made] + [locals().get("loan").name if locals().get("loan") else ""],
					),
				},
			)
			frappe.db.commit()  # nosemgrep


class TestCustomizeFormFieldsAreSealed(FulianTestCase):
	"""A field a federation adds at permlevel 1 is protected with no code. Adding a column is DDL,
	which commits: the field is made before any test data and dropped after it is rolled back."""

	@classmethod
	def setUpClass(cls):
		from frappe.custom.doctype.custom_field.custom_field import create_custom_field

		super().setUpClass()
		create_custom_field(
			"Women Group",
			{"fieldname": "guardian_phone", "label": "Guardian Phone", "fieldtype": "Data", "permlevel": 1},
		)
		cls.city = TestCity()

	@classmethod
	def tearDownClass(cls):
		frappe.db.rollback()
		frappe.delete_doc("Custom Field", "Women Group-guardian_phone", force=True, ignore_permissions=True)
		frappe.db.commit()  # nosemgrep: the column is gone again
		super().tearDownClass()

	def test_a_customize_form_field_at_level_one_is_sealed_with_no_code(self):
		group = frappe.get_doc(
			{
				"doctype": "Women Group",
				"group_name": "秘密小组",
				"women_federation": self.city.federation_a,
				"governance_grid": "TA1CGM",
				"guardian_phone": SECRET_PHONE,
			}
		).insert()
		self.assertEqual(frappe.db.get_value("Women Group", group.name, "guardian_phone"), "139****9876")
		self.assertEqual(
			vault.record_identities("Women Group", group.name)["fields"]["guardian_phone"], SECRET_PHONE
		)
		# the desk's Duplicate leaves it empty rather than carry the masked copy
		self.assertTrue(frappe.get_meta("Women Group").get_field("guardian_phone").no_copy)


class TestMigrationOfADemoSet(FulianTestCase):
	"""The patch on a data set from before the vault: the demo at a small scale, its identities put
	back into the columns in plaintext (as an older version stored them)."""

	def test_patch_seals_a_demo_set_and_twice_changes_nothing(self):
		from fulian_grid.demo import generate
		from fulian_grid.patches.v15_0 import move_identities_into_vault

		generate(scale=0.02)
		cells = frappe.db.sql(f"select doctype, name, fieldname, value from `{vault.TABLE}`")
		self.assertGreater(len(cells), 500)
		plain = {
			(doctype, name, field): vault.decrypt(token)
			for doctype, name, field, token in cells
			if field in vault.identity_fields(doctype)
		}
		for (doctype, name, field), value in plain.items():
			frappe.db.sql(f"update `tab{doctype}` set `{field}` = %s where name = %s", (value, name))
		frappe.db.sql(f"delete from `{vault.TABLE}`")

		move_identities_into_vault.execute()
		resealed = {
			(doctype, name, field): vault.decrypt(token)
			for doctype, name, field, token in frappe.db.sql(
				f"select doctype, name, fieldname, value from `{vault.TABLE}`"
			)
		}
		self.assertEqual({cell: resealed.get(cell) for cell in plain}, plain)
		for (doctype, name, field), value in list(plain.items())[:: max(len(plain) // 200, 1)]:
			self.assertNotEqual(frappe.db.get_value(doctype, name, field), value, (doctype, field))
		self.assertEqual(vault.seal_existing(), 0)  # twice changes nothing

	def test_a_failed_vault_write_leaves_no_record(self):
		before = frappe.db.count("Screening Ledger")
		key = frappe.local.conf.pop("encryption_key")
		try:
			self.assertRaises(vault.VaultKeyError, make_ledger(governance_grid=None).insert)
		finally:
			frappe.local.conf["encryption_key"] = key
		self.assertEqual(frappe.db.count("Screening Ledger"), before)
