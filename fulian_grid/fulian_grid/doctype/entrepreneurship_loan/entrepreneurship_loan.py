# Copyright (c) 2026, fulian_grid developers
# License: MIT. See LICENSE

import frappe

from fulian_grid.domain import DomainError
from fulian_grid.domain.ids import id_number_error, mobile_error, normalize_id_number, normalize_mobile
from fulian_grid.domain.masking import mask_id_number, mask_name, mask_phone
from fulian_grid.domain.projects import check_loan_amount
from fulian_grid.privacy import SensitiveDocument, executive_user
from fulian_grid.utils import check, throw


class LoanValidationError(frappe.ValidationError):
	pass


class EntrepreneurshipLoan(SensitiveDocument):
	"""A loan arranged for a woman entrepreneur; the borrower's identity is seen by handlers only."""

	def responsible_user(self):
		return executive_user(self.handled_by)

	def validate(self):
		check(check_loan_amount, self.loan_amount, exc=LoanValidationError)
		self.validate_identity()
		self.set_masked_values()

	def validate_identity(self):
		if self.id_number:
			self.id_number = normalize_id_number(self.id_number)
			if error := id_number_error(self.id_number):
				throw(DomainError(error), LoanValidationError)
		if self.phone:
			self.phone = normalize_mobile(self.phone)
			if error := mobile_error(self.phone):
				throw(DomainError(error), LoanValidationError)

	def set_masked_values(self):
		self.borrower_name_masked = mask_name(self.borrower_name)
		self.id_number_masked = mask_id_number(self.id_number)
		self.phone_masked = mask_phone(self.phone)
