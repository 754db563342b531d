import frappe
from frappe.utils import add_days, getdate, today

from fulian_grid.tests.factories import make_ledger, scoped_user
from fulian_grid.tests.utils import CityTestCase

VALID_ID = "11010519491231002X"


class TestScreeningLedger(CityTestCase):
	def test_masks_and_next_visit_due(self):
		entry = make_ledger(
			id_number=VALID_ID, phone="13812345678", address="东营区文汇街道盛园社区3号楼"
		).insert()
		self.assertEqual(entry.id_number, "1101**********002X")
		self.assertEqual(entry.phone, "138****5678")
		self.assertEqual(entry.subject_name, "王*")
		self.assertEqual(getdate(entry.next_visit_due), getdate(add_days(today(), 7)))  # high risk: 7 days

	def test_cadence_comes_from_settings(self):
		frappe.db.set_single_value("Fulian Settings", "low_risk_visit_days", 45)
		frappe.clear_document_cache("Fulian Settings", "Fulian Settings")
		entry = make_ledger(risk_level="Low").insert()
		self.assertEqual(getdate(entry.next_visit_due), getdate(add_days(today(), 45)))

	def test_minor_flag_is_derived(self):
		self.assertEqual(make_ledger(birth_date=add_days(today(), -365 * 10)).insert().is_minor, 1)

	def test_bad_input_is_refused_and_nothing_saved(self):
		before = frappe.db.count("Screening Ledger")
		for values in (
			{"id_number": "110105194912310021"},
			{"phone": "12345"},
			{"birth_date": add_days(today(), 1)},
			{"categories": [{"key_group_category": "No Such Group"}]},
		):
			self.assertRaises(frappe.ValidationError, make_ledger(**values).insert)
		self.assertRaises(frappe.ValidationError, make_ledger(risk_level="Severe").insert)
		self.assertEqual(frappe.db.count("Screening Ledger"), before)

	def test_grid_worker_sees_masked_values_only(self):
		entry = make_ledger(id_number=VALID_ID, phone="13812345678").insert()
		worker = scoped_user("worker_a@fulian.test", "Fulian Grid Worker", "TA1CG")
		frappe.set_user(worker)
		row = frappe.get_list("Screening Ledger", filters={"name": entry.name}, fields=["name", "id_number"])
		self.assertEqual(row[0].id_number, "1101**********002X")
		self.assertNotIn(VALID_ID, frappe.as_json(row))
		doc = frappe.get_doc("Screening Ledger", entry.name)
		doc.apply_fieldlevel_read_permissions()
		self.assertEqual(doc.id_number, "1101**********002X")

	def test_sibling_county_sees_nothing(self):
		entry = make_ledger().insert()
		frappe.set_user(self.city.officer_b)
		self.assertNotIn(entry.name, frappe.get_list("Screening Ledger", pluck="name"))
		self.assertFalse(frappe.get_doc("Screening Ledger", entry.name).has_permission("read"))
