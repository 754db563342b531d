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

	# begin: auto-generated types
	# This code is auto-generated. Do not modify anything in this block.

	from typing import TYPE_CHECKING

	if TYPE_CHECKING:
		from frappe.types import DF

		borrower_name: DF.Data
		business: DF.SmallText | None
		governance_grid: DF.Link
		grid_path: DF.Data | None
		handled_by: DF.Link | None
		id_number: DF.Data | None
		lender: DF.Data
		loan_amount: DF.Currency
		loan_date: DF.Date
		phone: DF.Data | None
	# end: auto-generated types

	def responsible_user(self):
		return executive_user(self.handled_by)

	def validate(self):
		check(check_loan_amount, self.loan_amount, exc=LoanValidationError)
