# Copyright (c) 2026, fulian_grid developers
# License: MIT. See LICENSE

import frappe

from fulian_grid.domain.projects import check_loan_amount
from fulian_grid.privacy import SensitiveDocument, executive_user
from fulian_grid.utils import check


class LoanValidationError(frappe.ValidationError):
	pass


class EntrepreneurshipLoan(SensitiveDocument):
	"""A loan arranged for a woman entrepreneur; the borrower's identity is seen by handlers only."""

	def responsible_user(self):
		return executive_user(self.handled_by)

	def validate(self):
		check(check_loan_amount, self.loan_amount, exc=LoanValidationError)
