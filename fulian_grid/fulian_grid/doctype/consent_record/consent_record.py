# Copyright (c) 2026, fulian_grid developers
# License: MIT. See LICENSE
"""A person's consent to the handling and sharing of her information (PIPL arts. 13, 29, 31): for
what purposes and recipients, by her or — for a child under 14 or a person lacking capacity — by a
guardian, when and how, and its withdrawal, which flags the referrals that relied on it."""

import frappe
from frappe import _
from frappe.utils import getdate, today

from fulian_grid.domain import DomainError
from fulian_grid.domain.casework import BY_GUARDIAN, check_consent
from fulian_grid.privacy import SensitiveDocument
from fulian_grid.utils import throw


class ConsentError(frappe.ValidationError):
	pass


class ConsentRecord(SensitiveDocument):
	# begin: auto-generated types
	# This code is auto-generated. Do not modify anything in this block.

	from typing import TYPE_CHECKING

	if TYPE_CHECKING:
		from frappe.types import DF

		consent_method: DF.Literal["Signed Form", "Recorded Oral Consent", "Electronic"]
		consented_on: DF.Date
		given_by: DF.Literal["The Person", "Guardian"]
		governance_grid: DF.Link
		grid_path: DF.Data | None
		guardian_name: DF.Data | None
		infringement_report: DF.Link | None
		lacks_capacity: DF.Check
		purposes: DF.SmallText
		recipients: DF.SmallText
		sensitive_information: DF.Check
		signed_form: DF.Attach | None
		status: DF.Literal["Valid", "Withdrawn"]
		subject_age: DF.Int
		subject_name: DF.Data
		withdrawal_note: DF.SmallText | None
		withdrawn_on: DF.Date | None

	# end: auto-generated types
	def validate(self):
		self.validate_report()
		self.validate_consent()
		self.status = "Withdrawn" if self.withdrawn_on else "Valid"

	def validate_report(self):
		if self.infringement_report and self.governance_grid != frappe.db.get_value(
			"Infringement Report", self.infringement_report, "governance_grid"
		):
			frappe.throw(_("A consent lies in the grid of its infringement report"), ConsentError)

	def validate_consent(self):
		if self.given_by == BY_GUARDIAN and not self.guardian_name:
			frappe.throw(_("Enter the guardian who consents"), ConsentError)
		try:
			check_consent(
				self.given_by,
				self.subject_age,
				self.lacks_capacity,
				getdate(self.consented_on),
				getdate(self.withdrawn_on) if self.withdrawn_on else None,
				getdate(today()),
			)
		except DomainError as error:
			throw(error, ConsentError)

	def on_update(self):
		self.flag_referrals()

	def flag_referrals(self):
		"""A withdrawn consent flags the referrals that shared identities on it."""
		if not self.withdrawn_on:
			return
		referrals = frappe.get_all(
			"Case Referral", filters={"consent_record": self.name, "consent_withdrawn": 0}, pluck="name"
		)
		for name in referrals:
			frappe.db.set_value("Case Referral", name, "consent_withdrawn", 1)
