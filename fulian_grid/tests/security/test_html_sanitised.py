"""Class 6 — HTML stored where Frappe's sanitiser is skipped (sanitize.py).

Markup that runs script is planted on each path Frappe's own sanitiser does not cover — the bulk
writer (the ledger import, bulk.insert_rows), a record inserted already submitted, a draft
submitted with changed values, identity values the vault takes before Frappe cleans them — and
every stored copy (the column, the vault) must come back without it. The detector is first run on
the raw payload, so a pass means something."""

import frappe
from frappe.utils import add_days, today

from fulian_grid import vault
from fulian_grid.api.ledger import import_screening_ledger
from fulian_grid.bulk import insert_rows, reserve_names
from fulian_grid.tests.factories import assign, make_ledger, make_user
from fulian_grid.tests.test_ledger_import import GOOD, HEADER
from fulian_grid.tests.utils import CityTestCase

IMG = "<img src=x onerror=alert(1)>"
SCRIPT = "<script>alert(document.cookie)</script>"
PAYLOAD = f"入户发现夫妻争吵{IMG}{SCRIPT}"


def dangerous(value) -> bool:
	text = str(value or "").lower()
	return "onerror" in text or "<script" in text


class TestHtmlSanitised(CityTestCase):
	@classmethod
	def setUpClass(cls):
		super().setUpClass()
		cls.county_admin = make_user("sanitise_admin_a@fulian.test")
		assign(cls.county_admin, "Fulian Admin", "TA")
		cls.executive = (
			frappe.get_doc(
				{
					"doctype": "Federation Executive",
					"full_name": "钱丽",
					"position": "Grid Worker",
					"women_federation": cls.city.federation_a,
				}
			)
			.insert()
			.name
		)
		cls.entry = make_ledger(screened_on=add_days(today(), -20)).insert().name

	def test_the_detector_fires_on_the_payload(self):
		self.assertTrue(dangerous(PAYLOAD) and dangerous(IMG) and dangerous(SCRIPT))

	def stored_everywhere(self, doctype, name, fields):
		"""The columns and the vault's values of `fields` of one record."""
		columns = frappe.db.get_value(doctype, name, fields, as_dict=True)
		sealed = vault.record_identities(doctype, name)["fields"]
		return {
			**{f"column {k}": v for k, v in columns.items()},
			**{f"vault {k}": v for k, v in sealed.items()},
		}

	def assert_clean(self, doctype, name, fields):
		stored = self.stored_everywhere(doctype, name, fields)
		self.assertTrue(stored)
		for where, value in stored.items():
			self.assertFalse(dangerous(value), (where, value))

	def test_ledger_import_cleans_every_text_cell(self):
		frappe.set_user(self.county_admin)
		header = [*HEADER, "排查发现", "帮扶措施"]
		row = [*GOOD[:6], f"A社区3号楼{IMG}", GOOD[7], GOOD[8], PAYLOAD, SCRIPT + "联系妇联跟进"]
		row[1], row[4] = "孔丹", ""  # no ID number: the row may be imported again by other tests
		file_url = upload_with(header, [row])
		self.assertEqual(import_screening_ledger(file_url)["imported"], 1)
		frappe.set_user("Administrator")
		name = frappe.get_all(
			"Screening Ledger",
			{"subject_name": "孔*"},
			order_by="creation desc",
			limit=1,
			pluck="name",
		)[0]
		self.assert_clean("Screening Ledger", name, ["findings", "help_measures", "address"])
		self.assertIn(
			"联系妇联跟进", str(self.stored_everywhere("Screening Ledger", name, ["help_measures"]))
		)

	def test_bulk_writer_cleans_rows_and_child_rows(self):
		name = reserve_names("SP-SAN-", 1)[0]
		insert_rows(
			"Service Point",
			[
				{
					"name": name,
					"point_name": f"聊聊吧{IMG}",
					"point_kind": "Caring Chat Room",
					"governance_grid": "TA1CG",
					"grid_path": frappe.db.get_value("Governance Grid", "TA1CG", "tree_path"),
					"opening_hours": SCRIPT + "周一至周五",
				}
			],
		)
		self.assert_clean("Service Point", name, ["point_name", "opening_hours"])

	def visit(self, **values):
		return frappe.get_doc(
			{
				"doctype": "Home Visit",
				"federation_executive": self.executive,
				"governance_grid": "TA1CGM",
				"screening_ledger": self.entry,
				"visit_date": add_days(today(), -2),
				**values,
			}
		)

	def test_a_record_inserted_already_submitted_is_cleaned(self):
		doc = self.visit(findings=PAYLOAD, follow_up=SCRIPT + "两周后回访", follow_up_needed=1, docstatus=1)
		doc.insert()
		self.assertEqual(frappe.db.get_value("Home Visit", doc.name, "docstatus"), 1)
		self.assert_clean("Home Visit", doc.name, ["findings", "follow_up", "address"])

	def test_a_draft_submitted_with_changed_values_is_cleaned(self):
		from frappe.desk.form.save import savedocs

		draft = self.visit(findings="入户了解情况").insert()
		doc = draft.as_dict()
		doc.update(findings=PAYLOAD, follow_up=IMG)
		saved = frappe.local.response
		frappe.local.response = frappe._dict(docs=[])  # as in a request
		try:
			savedocs(frappe.as_json(doc), "Submit")
		finally:
			frappe.local.response = saved
		self.assert_clean("Home Visit", draft.name, ["findings", "follow_up"])

	def test_identity_values_reach_the_vault_clean_on_an_ordinary_save(self):
		entry = make_ledger(screened_on=add_days(today(), -5), address=f"A社区5号楼{IMG}").insert()
		self.assert_clean("Screening Ledger", entry.name, ["address"])


def upload_with(header, rows) -> str:
	content = "\n".join(",".join(row) for row in [header, *rows]).encode("utf-8")
	return (
		frappe.get_doc({"doctype": "File", "file_name": "ledger.csv", "is_private": 1, "content": content})
		.insert(ignore_permissions=True)
		.file_url
	)
