import frappe

from fulian_grid.fulian_grid.doctype.entrepreneurship_loan.entrepreneurship_loan import LoanValidationError
from fulian_grid.fulian_grid.doctype.screening_ledger.test_screening_ledger import VALID_ID
from fulian_grid.tests.factories import assign, make_loan, make_user
from fulian_grid.tests.security.test_identity_privacy import read_as
from fulian_grid.tests.utils import CityTestCase, revealed


class TestEntrepreneurshipLoan(CityTestCase):
	@classmethod
	def setUpClass(cls):
		super().setUpClass()
		cls.worker = make_user("loan_worker@fulian.test")
		assign(cls.worker, "Fulian Grid Worker", "TA1CG")

	def test_zero_or_negative_amount_is_refused_and_nothing_saved(self):
		before = frappe.db.count("Entrepreneurship Loan")
		for amount in (0, -5000):
			self.assertRaises(LoanValidationError, make_loan(loan_amount=amount).insert)
		self.assertEqual(frappe.db.count("Entrepreneurship Loan"), before)

	def test_borrower_is_masked_for_those_who_do_not_handle_it(self):
		loan = make_loan(id_number=VALID_ID, phone="13812345678").insert()
		self.assertEqual((loan.borrower_name, loan.id_number), ("张**", "1101**********002X"))
		self.assertEqual(read_as(self.worker, "Entrepreneurship Loan", loan.name).borrower_name, "张**")
		self.assertIsNone(revealed(self.worker, "Entrepreneurship Loan", loan.name))
		self.assertEqual(
			revealed(self.city.officer_a, "Entrepreneurship Loan", loan.name)["borrower_name"], "张秀英"
		)
