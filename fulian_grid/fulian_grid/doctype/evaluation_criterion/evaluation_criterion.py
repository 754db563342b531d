# Copyright (c) 2026, fulian_grid developers
# License: MIT. See LICENSE

import frappe
from frappe import _
from frappe.model.document import Document

from fulian_grid.domain import DomainError, scoring
from fulian_grid.indicators import INDICATORS, source_available
from fulian_grid.utils import throw


class CriterionValidationError(frappe.ValidationError):
	pass


class EvaluationCriterion(Document):
	# begin: auto-generated types
	# This code is auto-generated. Do not modify anything in this block.

	from typing import TYPE_CHECKING

	if TYPE_CHECKING:
		from frappe.types import DF

		criterion_name: DF.Data
		enabled: DF.Check
		indicator: DF.Literal[
			"Visits Made",
			"Ledger Entries Screened",
			"Reports Raised On Time",
			"Deliberations Convened",
			"Projects Led",
			"Projects Completed",
			"Volunteer Hours",
			"Trainings Attended",
			"Meetings Attended",
		]
		measurement: DF.SmallText | None
		target: DF.Float
		weight: DF.Percent

	# end: auto-generated types
	def validate(self):
		self.validate_weight_and_target()
		self.warn_about_total_weight()
		self.warn_about_missing_source()

	def validate_weight_and_target(self):
		try:
			scoring.validate_weight(self.weight)
			scoring.line_score(self.weight, self.target, 0)
		except DomainError as error:
			throw(error, CriterionValidationError)

	def warn_about_total_weight(self):
		"""Criteria are edited one at a time, so the 100% rule is enforced when an evaluation is
		made; here the administrator is told where the total stands."""
		if not self.enabled or self.flags.ignore_total_weight_warning:
			return
		others = frappe.get_all(
			"Evaluation Criterion", filters={"enabled": 1, "name": ("!=", self.name or "")}, pluck="weight"
		)
		total = scoring.base_score([*others, self.weight])
		if abs(total - scoring.FULL_WEIGHT) > scoring.TOLERANCE:
			frappe.msgprint(
				_("The weights of the enabled criteria now add up to {0}%; evaluations need 100%").format(
					total
				),
				indicator="orange",
				alert=True,
			)

	def warn_about_missing_source(self):
		source = INDICATORS.get(self.indicator)
		if source and not source_available(source):
			frappe.msgprint(
				_("The records for {0} are not available yet; it measures 0 until they are").format(
					_(self.indicator)
				),
				indicator="orange",
				alert=True,
			)
