import io

import frappe
from docx import Document
from frappe.utils import add_days, today

from fulian_grid.api.ledger import download_screening_ledger
from fulian_grid.fulian_grid.doctype.screening_ledger.test_screening_ledger import VALID_ID
from fulian_grid.fulian_grid.report.screening_ledger_register.screening_ledger_register import execute
from fulian_grid.tests.factories import make_ledger, scoped_user
from fulian_grid.tests.utils import CityTestCase


class TestScreeningLedgerRegister(CityTestCase):
	@classmethod
	def setUpClass(cls):
		super().setUpClass()
		cls.chair = scoped_user("register_chair@fulian.test", "Fulian Grid Chair", "TA1C")
		cls.worker = scoped_user("register_worker@fulian.test", "Fulian Grid Worker", "TA1CG")
		cls.entry_a = (
			make_ledger(id_number=VALID_ID, phone="13812345678", address="盛园社区3号楼2单元").insert().name
		)
		cls.entry_b = make_ledger(governance_grid="TB1CGM", subject_name="赵雪").insert().name
		cls.old = make_ledger(screened_on=add_days(today(), -400), subject_name="钱红").insert().name

	def rows_for(self, user, **filters):
		frappe.set_user(user)
		return {row.name: row for row in execute(filters)[1]}

	def test_chair_sees_her_subtree_in_full(self):
		rows = self.rows_for(self.chair)
		self.assertEqual(set(rows), {self.entry_a, self.old})
		self.assertEqual(rows[self.entry_a].id_number, VALID_ID)
		self.assertEqual(rows[self.entry_a].subject_name, "王芳")

	def test_grid_worker_sees_masked_cells_only(self):
		rows = self.rows_for(self.worker)
		self.assertEqual(rows[self.entry_a].id_number, "1101**********002X")
		self.assertEqual(rows[self.entry_a].phone, "138****5678")
		self.assertNotIn(VALID_ID, frappe.as_json(list(rows.values())))

	def test_period_and_subtree_filters(self):
		rows = self.rows_for(self.city.city_admin, from_date=add_days(today(), -30), governance_grid="TA")
		self.assertEqual(set(rows), {self.entry_a})

	def test_sibling_county_sees_nothing_and_cannot_pick_its_subtree(self):
		self.assertEqual(set(self.rows_for(self.city.officer_b)) & {self.entry_a, self.old}, set())
		self.assertRaises(frappe.PermissionError, execute, {"governance_grid": "TA"})

	def download(self, user, **filters):
		frappe.set_user(user)
		frappe.local.response = frappe._dict()
		download_screening_ledger(**filters)
		return Document(io.BytesIO(frappe.response.filecontent))

	def test_appendix_d_docx_full_for_chair_and_logged(self):
		logged = {"export_from": "Screening Ledger", "file_type": "docx", "user": self.chair}
		before = frappe.db.count("Access Log", logged)
		document = self.download(self.chair, governance_grid="TA1C")
		table = document.tables[0]
		self.assertEqual(table.rows[0].cells[2].text, "姓名")
		cells = {row.cells[2].text: [c.text for c in row.cells] for row in table.rows[1:]}
		self.assertEqual(cells["王芳"][5], VALID_ID)
		self.assertEqual(cells["王芳"][9], "高")  # risk level in Chinese
		self.assertIn("留守妇女", cells["王芳"][8])
		self.assertEqual(frappe.db.count("Access Log", logged), before + 1)

	def test_appendix_d_docx_masked_for_grid_worker(self):
		document = self.download(self.worker, governance_grid="TA1CG")
		body = "\n".join(cell.text for row in document.tables[0].rows for cell in row.cells)
		self.assertIn("1101**********002X", body)
		self.assertNotIn(VALID_ID, body)
		self.assertNotIn("王芳", body)

	def test_appendix_d_docx_refused_for_sibling_subtree(self):
		self.assertRaises(frappe.PermissionError, self.download, self.city.officer_b, governance_grid="TA1C")
