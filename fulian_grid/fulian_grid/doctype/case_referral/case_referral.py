# Copyright (c) 2026, fulian_grid developers
# License: MIT. See LICENSE
"""A referral of a case to another agency, with its own lifecycle: sent, then accepted or declined
(with the reason), revoked; the outcome and a follow-up date. A referral that shares identities
needs a consent valid on the day it is sent, or another legal basis recorded (PIPL art. 13)."""

import frappe
from frappe import _
from frappe.utils import getdate

from fulian_grid.domain import DomainError
from fulian_grid.domain.casework import CONSENT, check_referral_basis, check_referral_step, consent_valid_on
from fulian_grid.permissions import has_permission
from fulian_grid.privacy import SensitiveDocument
from fulian_grid.utils import throw


class ReferralError(frappe.ValidationError):
	pass


# a change to any of these checks the basis again (a later withdrawal only flags the referral)
BASIS_FIELDS = ("carries_identities", "legal_basis", "consent_record", "basis_note", "sent_on")


class CaseReferral(SensitiveDocument):
	# begin: auto-generated types
	# This code is auto-generated. Do not modify anything in this block.

	from typing import TYPE_CHECKING

	if TYPE_CHECKING:
		from frappe.types import DF

		agency: DF.Literal[
			"",
			"Police",
			"Court",
			"Procuratorate",
			"Civil Affairs",
			"Education",
			"Health",
			"Higher Federation",
		]
		agency_name: DF.Data | None
		basis_note: DF.SmallText | None
		carries_identities: DF.Check
		consent_record: DF.Link | None
		consent_withdrawn: DF.Check
		decline_reason: DF.SmallText | None
		follow_up_due: DF.Date | None
		governance_grid: DF.Link
		grid_path: DF.Data | None
		infringement_report: DF.Link
		legal_basis: DF.Literal["", "Consent", "Statutory Duty", "Emergency"]
		outcome: DF.SmallText | None
		responded_on: DF.Date | None
		revoke_reason: DF.SmallText | None
		sent_on: DF.Date
		status: DF.Literal["Sent", "Accepted", "Declined", "Revoked"]

	# end: auto-generated types
	def validate(self):
		self.take_grid_from_report()
		self.validate_step()
		self.validate_basis()

	def take_grid_from_report(self):
		self.governance_grid = frappe.db.get_value(
			"Infringement Report", self.infringement_report, "governance_grid"
		)
		if not has_permission(self, "create" if self.is_new() else "write"):
			frappe.throw(_("You may not refer this report"), frappe.PermissionError)

	def validate_step(self):
		before = self.get_doc_before_save()
		try:
			check_referral_step(before.status if before else None, self.status)
		except DomainError as error:
			throw(error, ReferralError)
		if self.status == "Declined" and not self.decline_reason:
			frappe.throw(_("Give the reason the agency declined"), ReferralError)
		if self.status == "Revoked" and not self.revoke_reason:
			frappe.throw(_("Give the reason the referral is revoked"), ReferralError)
		if self.responded_on and getdate(self.responded_on) < getdate(self.sent_on):
			frappe.throw(_("A reply cannot be dated before the referral was sent"), ReferralError)

	def validate_basis(self):
		consent = None
		if self.legal_basis == CONSENT and self.consent_record:
			consent = frappe.db.get_value(
				"Consent Record",
				self.consent_record,
				["consented_on", "withdrawn_on", "governance_grid", "infringement_report"],
				as_dict=True,
			)
			if consent.governance_grid != self.governance_grid or consent.infringement_report not in (
				None,
				"",
				self.infringement_report,
			):
				frappe.throw(_("The consent must be one given in this case"), ReferralError)
		valid = bool(
			consent
			and consent_valid_on(
				getdate(consent.consented_on),
				getdate(consent.withdrawn_on) if consent.withdrawn_on else None,
				getdate(self.sent_on),
			)
		)
		if self.is_new() or any(self.has_value_changed(field) for field in BASIS_FIELDS):
			try:
				check_referral_basis(self.carries_identities, self.legal_basis, valid, self.basis_note)
			except DomainError as error:
				throw(error, ReferralError)
