import frappe

from fulian_grid import vault
from fulian_grid.fulian_grid.doctype.federation_executive.federation_executive import InvalidIdentityError
from fulian_grid.tests.factories import scoped_user
from fulian_grid.tests.utils import CityTestCase, revealed
from fulian_grid.vault import IdentityValueError

VALID_ID = "11010519491231002X"


class TestFederationExecutive(CityTestCase):
	def executive(self, **values):
		return frappe.get_doc(
			{
				"doctype": "Federation Executive",
				"full_name": "张丽",
				"women_federation": self.city.federation_a,
				"position": "Executive Member",
				**values,
			}
		)

	def test_valid_identity_is_normalized_and_grid_fetched(self):
		doc = self.executive(
			id_number=VALID_ID.lower(),
			mobile="+86 138-1234-5678",
			posts=[
				{"post": "Grid Worker", "governance_grid": "TA1CG"},
				{"post": "Mediator", "governance_grid": "TA1C"},
			],
		).insert()
		stored = vault.record_identities("Federation Executive", doc.name)["fields"]
		self.assertEqual((stored["id_number"], stored["mobile"]), (VALID_ID, "13812345678"))
		self.assertEqual(stored["birth_date"], "1949-12-31")  # derived from the ID, kept in the vault
		self.assertEqual(
			(doc.id_number, doc.mobile, doc.birth_date), ("1101**********002X", "138****5678", None)
		)
		self.assertEqual(doc.governance_grid, "TA1C")
		self.assertEqual(doc.two_way_post_count, 2)

	def test_wrong_check_digit_is_refused_in_chinese_and_nothing_saved(self):
		before = frappe.db.count("Federation Executive")
		frappe.local.lang = "zh"
		try:
			with self.assertRaises(IdentityValueError) as caught:
				self.executive(id_number="110105194912310021").insert()
		finally:
			frappe.local.lang = "en"
		self.assertIn("校验位错误", str(caught.exception))
		self.assertEqual(frappe.db.count("Federation Executive"), before)

	def test_malformed_mobile_is_refused(self):
		self.assertRaises(IdentityValueError, self.executive(mobile="1381234").insert)

	def test_birth_date_must_match_id(self):
		self.assertRaises(
			InvalidIdentityError, self.executive(id_number=VALID_ID, birth_date="1950-01-01").insert
		)

	def test_reversed_term_is_refused(self):
		self.assertRaises(
			frappe.ValidationError, self.executive(term_start="2026-01-01", term_end="2025-01-01").insert
		)

	def test_identity_levels_follow_scope_and_self(self):

		chair = scoped_user("exec_chair@fulian.test", "Fulian Grid Chair", "TA1C")
		own_user = scoped_user("exec_self@fulian.test", "Fulian Executive", "TA1C")
		doc = self.executive(id_number=VALID_ID, mobile="13812345678", user=own_user).insert()
		cases = {  # user: (may reveal, may change)
			chair: (True, True),  # a chair assigned where the record lies
			self.city.dual: (False, False),  # a chair, but only below this federation's grid
			own_user: (True, False),  # her own identity: she sees it; executives edit no executive
			self.city.officer_b: (False, False),  # elsewhere
		}
		try:
			for user, (reveals, changes) in cases.items():
				self.assertEqual(revealed(user, "Federation Executive", doc.name) is not None, reveals, user)
				frappe.set_user(user)
				self.assertEqual(
					1 in frappe.get_doc("Federation Executive", doc.name).get_permlevel_access("write"),
					changes,
					user,
				)
		finally:
			frappe.set_user("Administrator")
