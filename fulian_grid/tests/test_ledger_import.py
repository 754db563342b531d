"""The screening-ledger spreadsheet import: one bulk insert, every row checked, scope and
permissions enforced, nothing inserted while any row is wrong."""

import frappe
from frappe.utils.xlsxutils import make_xlsx

from fulian_grid.api.ledger import import_screening_ledger
from fulian_grid.tests.factories import assign, make_user
from fulian_grid.tests.utils import CityTestCase

HEADER = ["网格", "姓名", "性别", "出生日期", "身份证号", "联系电话", "住址", "重点群体类别", "排查日期"]
GOOD = [
	"TA1CGM",
	"王芳",
	"女",
	"1990-05-17",
	"370502199005170020",
	"13812345678",
	"A社区3号楼",
	"留守妇女",
	"2026-11-20",
]


def upload(rows, name="ledger.csv") -> str:
	if name.endswith(".xlsx"):
		content = make_xlsx([HEADER, *rows], "台账").getvalue()
	else:
		content = "\n".join(",".join(row) for row in [HEADER, *rows]).encode("utf-8")
	return (
		frappe.get_doc({"doctype": "File", "file_name": name, "is_private": 1, "content": content})
		.insert(ignore_permissions=True)
		.file_url
	)


class TestLedgerImport(CityTestCase):
	@classmethod
	def setUpClass(cls):
		super().setUpClass()
		cls.county_admin = make_user("import_admin_a@fulian.test")
		assign(cls.county_admin, "Fulian Admin", "TA")

	def ledger_count(self):
		return frappe.db.count("Screening Ledger")

	def test_a_county_admin_imports_her_grids_in_one_go(self):
		frappe.set_user(self.county_admin)
		second = ["TA1CG", "李娜", "女", "2012-01-09", "", "", "", "困境儿童、留守妇女", ""]
		file_url = upload([GOOD, second])
		result = import_screening_ledger(file_url)
		self.assertEqual(result, {"imported": 2, "errors": []})
		self.assertFalse(frappe.db.exists("File", {"file_url": file_url}))  # its plaintext is not kept
		names = frappe.get_all(
			"Screening Ledger",
			filters={"subject_name": ("in", ["王*", "李*"])},
			pluck="name",
			order_by="name",
		)
		self.assertEqual(len(names), 2)
		entry = frappe.get_doc("Screening Ledger", names[0])
		self.assertEqual(
			(entry.governance_grid, entry.phone, entry.risk_level), ("TA1CGM", "138****5678", "Medium")
		)
		self.assertEqual(entry.grid_path, frappe.db.get_value("Governance Grid", "TA1CGM", "tree_path"))
		self.assertEqual(str(entry.next_visit_due), "2026-12-20")  # medium risk: 30 days after screening
		child = frappe.get_doc("Screening Ledger", names[1])
		self.assertEqual(child.is_minor, 1)
		self.assertEqual(child.risk_level, "High")  # the highest of its categories
		self.assertEqual(
			{c.key_group_category for c in child.categories}, {"Children in Distress", "Left-behind Women"}
		)
		self.assertTrue(entry.name.startswith("SL-"))
		entry.save()  # an imported entry passes the controller's own checks

	def test_a_spreadsheet_file_too(self):
		frappe.set_user(self.county_admin)
		self.assertEqual(import_screening_ledger(upload([GOOD], "ledger.xlsx"))["imported"], 1)

	def test_any_bad_row_imports_nothing_and_says_which_rows(self):
		frappe.set_user(self.county_admin)
		before = self.ledger_count()
		rows = [GOOD, ["TB1CGM", "张敏", "女", "", "", "", "", "留守妇女", ""], [*GOOD[:7], "无此类别", ""]]
		result = import_screening_ledger(upload(rows))
		self.assertEqual(result["imported"], 0)
		self.assertEqual(len(result["errors"]), 2)
		self.assertIn("3", result["errors"][0])
		self.assertIn("TB1CGM", result["errors"][0])  # county B is not hers
		self.assertIn("无此类别", result["errors"][1])
		self.assertEqual(self.ledger_count(), before)

	def test_without_import_permission_or_the_file_the_import_is_refused(self):
		frappe.set_user(self.city.officer_a)  # an officer may add entries one by one, not import
		file_url = upload([GOOD])
		self.assertRaises(frappe.PermissionError, import_screening_ledger, file_url)
		frappe.set_user(self.city.city_admin)  # may import, but not someone else's private file
		self.assertRaises(frappe.PermissionError, import_screening_ledger, file_url)
