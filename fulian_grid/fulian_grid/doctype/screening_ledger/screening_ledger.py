# Copyright (c) 2026, fulian_grid developers
# License: MIT. See LICENSE

import frappe
from frappe import _
from frappe.utils import getdate, today

from fulian_grid import settings
from fulian_grid.domain import DomainError
from fulian_grid.domain.cadence import is_minor, next_visit_due
from fulian_grid.privacy import SensitiveDocument, executive_user
from fulian_grid.utils import throw


class LedgerValidationError(frappe.ValidationError):
	pass


class ScreeningLedger(SensitiveDocument):
	# begin: auto-generated types
	# This code is auto-generated. Do not modify anything in this block.

	from typing import TYPE_CHECKING

	if TYPE_CHECKING:
		from frappe.types import DF

		from fulian_grid.fulian_grid.doctype.ledger_household_member.ledger_household_member import (
			LedgerHouseholdMember,
		)
		from fulian_grid.fulian_grid.doctype.screening_ledger_category.screening_ledger_category import (
			ScreeningLedgerCategory,
		)

		address: DF.SmallText | None
		birth_date: DF.Date | None
		birth_year: DF.Int
		categories: DF.TableMultiSelect[ScreeningLedgerCategory]
		consent_given_by: DF.Data | None
		consent_on: DF.Date | None
		findings: DF.SmallText | None
		gender: DF.Literal["Female", "Male"]
		governance_grid: DF.Link
		grid_path: DF.Data | None
		help_measures: DF.SmallText | None
		household_members: DF.Table[LedgerHouseholdMember]
		id_number: DF.Data | None
		is_minor: DF.Check
		last_visit_on: DF.Date | None
		legal_basis: DF.Literal["Statutory Duty", "Consent", "Emergency"]
		next_visit_due: DF.Date | None
		overdue_notified_for: DF.Date | None
		phone: DF.Data | None
		responsible_executive: DF.Link | None
		risk_level: DF.Literal["Low", "Medium", "High"]
		screened_by: DF.Link | None
		screened_on: DF.Date
		status: DF.Literal["Active", "Resolved", "Moved Away", "Closed"]
		status_reason: DF.SmallText | None
		subject_name: DF.Data
		women_federation: DF.Link | None

	# end: auto-generated types
	def responsible_user(self):
		return executive_user(self.responsible_executive)

	def validate(self):
		self.validate_birth_date()
		self.validate_screening_date()
		self.validate_categories()
		self.set_next_visit_due()

	def validate_birth_date(self):
		if self.birth_date and getdate(self.birth_date) > getdate(today()):
			frappe.throw(_("The birth date cannot be in the future"), LedgerValidationError)
		born = getdate(self.birth_date) if self.birth_date else None
		self.is_minor = int(is_minor(born, getdate(today())))
		self.birth_year = born.year if born else None  # the birth date itself stays in the vault

	def validate_screening_date(self):
		if getdate(self.screened_on) > getdate(today()):
			frappe.throw(_("The screening date cannot be in the future"), LedgerValidationError)

	def validate_categories(self):
		names = [row.key_group_category for row in self.categories]
		enabled = set(
			frappe.get_all("Key Group Category", filters={"name": ("in", names), "enabled": 1}, pluck="name")
		)
		if unknown := [name for name in names if name not in enabled]:
			frappe.throw(
				_("Unknown or disabled key group category: {0}").format(", ".join(unknown)),
				LedgerValidationError,
			)

	def set_next_visit_due(self):
		start = getdate(self.last_visit_on or self.screened_on)
		try:
			self.next_visit_due = next_visit_due(start, self.risk_level, settings.cadence_days())
		except DomainError as error:
			throw(error, LedgerValidationError)

	def record_visit(self, visit_date):
		"""A submitted home visit moves the next due date on (never backwards)."""
		record_visit(self.name, visit_date)


def record_visit(entry: str, visit_date) -> None:
	"""A submitted home visit moves the entry's next due date on (never backwards).

	One locked update of the fields a visit owns, not a load and save of the whole entry: two visits
	to one household submitted at the same moment both count (a save would refuse the second as
	"modified after you opened it"), and an edit of the entry made meanwhile is never written over
	with the older copy a load would have read (the load sees the request's snapshot)."""
	stored = frappe.db.sql(
		"select last_visit_on, risk_level from `tabScreening Ledger` where name = %s for update",
		entry,
		as_dict=True,
	)
	if not stored or (stored[0].last_visit_on and getdate(stored[0].last_visit_on) >= getdate(visit_date)):
		return
	try:
		due = next_visit_due(getdate(visit_date), stored[0].risk_level, settings.cadence_days())
	except DomainError as error:
		throw(error, LedgerValidationError)
	frappe.db.set_value(
		"Screening Ledger",
		entry,
		{"last_visit_on": visit_date, "next_visit_due": due, "overdue_notified_for": None},
	)


def notify_overdue_visits(on=None) -> int:
	"""Daily: tell each responsible executive, once per due date, that a visit is overdue.

	`overdue_notified_for` remembers the due date already told; a new visit moves the due date and
	clears it, so the next lapse is told again. Returns how many notices were sent."""
	on = getdate(on or today())
	ledger = frappe.qb.DocType("Screening Ledger")
	keeper = frappe.qb.DocType("Federation Executive")
	overdue = (
		frappe.qb.from_(ledger)
		.join(keeper)
		.on(keeper.name == ledger.responsible_executive)
		.select(ledger.name, ledger.next_visit_due, ledger.subject_name, keeper.user)
		.where(
			(ledger.status == "Active")
			& (ledger.next_visit_due < on)
			& keeper.user.isnotnull()
			& (ledger.overdue_notified_for.isnull() | (ledger.overdue_notified_for != ledger.next_visit_due))
		)
	).run(as_dict=True)
	for row in overdue:
		frappe.get_doc(
			{
				"doctype": "ToDo",
				"allocated_to": row.user,
				"reference_type": "Screening Ledger",
				"reference_name": row.name,
				"priority": "High",
				"date": on,
				"description": _("Home visit overdue since {0}: {1}").format(
					row.next_visit_due, row.subject_name
				),
			}
		).insert(ignore_permissions=True)
		frappe.db.set_value(
			"Screening Ledger", row.name, "overdue_notified_for", row.next_visit_due, update_modified=False
		)
	return len(overdue)


def on_doctype_update():
	"""Indexes for a province's ledger (benchmarks/RESULTS.md §8). A scoped list page walks entries
	newest first and keeps those of the reader's subtree: with `grid_path` beside `modified` in one
	index (and `name` in every index) that walk reads no row. The workspace chart counts a subtree's
	active entries by risk level from the index alone."""
	frappe.db.add_index("Screening Ledger", ["modified", "grid_path"], "modified_grid_path")
	frappe.db.add_index("Screening Ledger", ["grid_path", "status", "risk_level"], "grid_path_status_risk")
