# Copyright (c) 2026, fulian_grid developers
# License: MIT. See LICENSE
"""A personal safety protection order (人身安全保护令, Anti-Domestic Violence Law ch. 4) applied for
on behalf of a victim of an infringement report: the court's clock, the decision, the measures,
the validity with its extensions, and breaches forwarded to the police and the court.

The order lies where its report lies and is scoped like it (permissions.py); the clocks are
domain/casework.py."""

import frappe
from frappe import _
from frappe.utils import get_datetime, getdate, now_datetime, today

from fulian_grid.domain import DomainError
from fulian_grid.domain.casework import (
	GRANTED,
	MEASURES,
	PENDING,
	check_decision,
	check_validity,
	decision_due,
	expiry_notice_due,
	order_status,
)
from fulian_grid.permissions import has_permission
from fulian_grid.privacy import SensitiveDocument
from fulian_grid.utils import throw


class ProtectionOrderError(frappe.ValidationError):
	pass


class ProtectionOrder(SensitiveDocument):
	# begin: auto-generated types
	# This code is auto-generated. Do not modify anything in this block.

	from typing import TYPE_CHECKING

	if TYPE_CHECKING:
		from frappe.types import DF

		from fulian_grid.fulian_grid.doctype.protection_order_breach.protection_order_breach import (
			ProtectionOrderBreach,
		)
		from fulian_grid.fulian_grid.doctype.protection_order_extension.protection_order_extension import (
			ProtectionOrderExtension,
		)

		applicant_kind: DF.Literal["Federation on Her Behalf", "Victim", "Guardian"]
		applicant_name: DF.Data | None
		breaches: DF.Table[ProtectionOrderBreach]
		court: DF.Data
		court_reference: DF.Data | None
		decided_on: DF.Datetime | None
		decision: DF.Literal["Undecided", "Granted", "Dismissed", "Withdrawn"]
		decision_due: DF.Datetime | None
		decision_overdue_notified: DF.Check
		expires_on: DF.Date | None
		expiry_notified_for: DF.Date | None
		extensions: DF.Table[ProtectionOrderExtension]
		facts: DF.Text
		filed_on: DF.Datetime
		governance_grid: DF.Link
		grid_path: DF.Data | None
		infringement_report: DF.Link
		is_overdue: DF.Check
		measure_move_out: DF.Check
		measure_no_contact: DF.Check
		measure_no_violence: DF.Check
		measure_other: DF.Check
		other_measures: DF.SmallText | None
		respondent_name: DF.Data
		status: DF.Literal["Awaiting Decision", "In Force", "Expired", "Dismissed", "Withdrawn"]
		urgent: DF.Check
		valid_until: DF.Date | None
		victim: DF.Autocomplete
		victim_label: DF.Data | None

	# end: auto-generated types
	def validate(self):
		self.take_grid_from_report()
		self.validate_victim()
		self.validate_decision()
		self.validate_measures()
		self.set_validity()
		self.validate_breaches()
		self.set_clock()

	def take_grid_from_report(self):
		"""The order lies where its report lies; only someone who may write there files it."""
		self.governance_grid = frappe.db.get_value(
			"Infringement Report", self.infringement_report, "governance_grid"
		)
		if not has_permission(self, "create" if self.is_new() else "write"):
			frappe.throw(_("You may not file a protection order for this report"), frappe.PermissionError)

	def validate_victim(self):
		row = frappe.db.get_value(
			"Infringement Victim",
			{"name": self.victim, "parent": self.infringement_report, "parenttype": "Infringement Report"},
			"victim_name",
		)
		if not row:
			frappe.throw(
				_("Choose a victim of infringement report {0}").format(self.infringement_report),
				ProtectionOrderError,
			)
		self.victim_label = row  # the report's column holds the masked copy only

	def validate_decision(self):
		try:
			check_decision(
				get_datetime(self.filed_on),
				self.decision,
				get_datetime(self.decided_on) if self.decided_on else None,
				now_datetime(),
			)
		except DomainError as error:
			throw(error, ProtectionOrderError)

	def validate_measures(self):
		if self.applicant_kind == "Guardian" and not self.applicant_name:
			frappe.throw(_("Enter the guardian who applies"), ProtectionOrderError)
		if self.measure_other and not self.other_measures:
			frappe.throw(_("Describe the other measures"), ProtectionOrderError)
		if self.decision == GRANTED and not any(self.get(field) for field in MEASURES):
			frappe.throw(_("Tick the measures the court granted"), ProtectionOrderError)

	def set_validity(self):
		if self.decision != GRANTED:
			if self.valid_until or self.extensions:
				frappe.throw(_("Only a granted order has a validity and extensions"), ProtectionOrderError)
			self.expires_on = None
			return
		extensions = sorted(self.extensions, key=lambda row: getdate(row.granted_on))
		try:
			self.expires_on = check_validity(
				getdate(self.decided_on),
				getdate(self.valid_until) if self.valid_until else None,
				[(getdate(row.granted_on), getdate(row.extended_until)) for row in extensions],
			)
		except DomainError as error:
			throw(error, ProtectionOrderError)

	def validate_breaches(self):
		if self.breaches and self.decision != GRANTED:
			frappe.throw(_("Breaches are recorded on a granted order"), ProtectionOrderError)
		for row in self.breaches:
			occurred = get_datetime(row.occurred_at)
			if occurred < get_datetime(self.decided_on) or occurred > now_datetime():
				frappe.throw(
					_("Row {0}: a breach happens after the decision and not in the future").format(row.idx),
					ProtectionOrderError,
				)
			if (row.forwarded_to_police or row.forwarded_to_court) and not row.forwarded_on:
				frappe.throw(
					_("Row {0}: enter the date the breach was forwarded").format(row.idx),
					ProtectionOrderError,
				)
			if row.forwarded_on and getdate(row.forwarded_on) < getdate(occurred):
				frappe.throw(
					_("Row {0}: a breach is forwarded after it happened").format(row.idx),
					ProtectionOrderError,
				)

	def set_clock(self):
		self.decision_due = decision_due(get_datetime(self.filed_on), self.urgent)
		self.is_overdue = int(self.decision == PENDING and now_datetime() > get_datetime(self.decision_due))
		self.status = order_status(
			self.decision, getdate(self.expires_on) if self.expires_on else None, getdate(today())
		)


ALERT_ROLES = ("Fulian Grid Chair", "Fulian Officer")


def alert_protection_orders(now=None) -> int:
	"""Daily: tell the one who filed an order and the grid chairs and officers where it lies when
	a decision is overdue (once) and when an order in force lapses within a week (once per end
	date); mark orders past their end Expired. Returns how many alerts were sent."""
	now = get_datetime(now or now_datetime())
	on = now.date()
	sent = 0
	pending = frappe.get_all(
		"Protection Order",
		filters={"decision": PENDING, "decision_due": ("<", now), "decision_overdue_notified": 0},
		fields=["name", "owner", "grid_path", "decision_due"],
	)
	for order in pending:
		sent += _tell(
			order,
			_("The court's decision on protection order {0} is overdue (due {1})").format(
				order.name, order.decision_due
			),
		)
		frappe.db.set_value(
			"Protection Order",
			order.name,
			{"decision_overdue_notified": 1, "is_overdue": 1},
			update_modified=False,
		)
	in_force = frappe.get_all(
		"Protection Order",
		filters={"decision": GRANTED, "expires_on": ("is", "set")},
		fields=["name", "owner", "grid_path", "expires_on", "expiry_notified_for", "status"],
	)
	for order in in_force:
		status = order_status(GRANTED, getdate(order.expires_on), on)
		if status != order.status:
			frappe.db.set_value("Protection Order", order.name, "status", status, update_modified=False)
		if expiry_notice_due(getdate(order.expires_on), on) and order.expiry_notified_for != getdate(
			order.expires_on
		):
			sent += _tell(
				order,
				_("Protection order {0} expires on {1}: apply for an extension if she still needs it").format(
					order.name, order.expires_on
				),
			)
			frappe.db.set_value(
				"Protection Order", order.name, "expiry_notified_for", order.expires_on, update_modified=False
			)
	return sent


def _tell(order, description: str) -> int:
	from fulian_grid.permissions import users_covering

	users = sorted({order.owner, *users_covering(order.grid_path, ALERT_ROLES)} - {"Administrator", "Guest"})
	for user in users:
		frappe.get_doc(
			{
				"doctype": "ToDo",
				"allocated_to": user,
				"reference_type": "Protection Order",
				"reference_name": order.name,
				"priority": "High",
				"description": description,
			}
		).insert(ignore_permissions=True)
	return 1
