# Copyright (c) 2026, fulian_grid developers
# License: MIT. See LICENSE
"""履职评价: score lines measured from the executive's records, additions and deductions, total
and grade. The rules are in domain/scoring.py; what is counted is in indicators.py."""

import frappe
from frappe import _
from frappe.model.document import Document
from frappe.utils import getdate

from fulian_grid import settings
from fulian_grid.domain import DomainError, scoring
from fulian_grid.indicators import measure
from fulian_grid.utils import throw


class EvaluationValidationError(frappe.ValidationError):
	pass


class EvaluationOverlapError(EvaluationValidationError):
	pass


class WeightsError(EvaluationValidationError):
	pass


class SelfEvaluationError(frappe.PermissionError):
	pass


def executive_user(executive: str | None) -> str | None:
	return frappe.db.get_value("Federation Executive", executive, "user") if executive else None


class DutyEvaluation(Document):
	# begin: auto-generated types
	# This code is auto-generated. Do not modify anything in this block.

	from typing import TYPE_CHECKING

	if TYPE_CHECKING:
		from frappe.types import DF

		from fulian_grid.fulian_grid.doctype.duty_evaluation_adjustment.duty_evaluation_adjustment import (
			DutyEvaluationAdjustment,
		)
		from fulian_grid.fulian_grid.doctype.duty_evaluation_line.duty_evaluation_line import (
			DutyEvaluationLine,
		)

		adjustments: DF.Table[DutyEvaluationAdjustment]
		amended_from: DF.Link | None
		base_score: DF.Float
		evaluated_on: DF.Date | None
		evaluator: DF.Link | None
		executive_name: DF.Data | None
		federation_executive: DF.Link
		governance_grid: DF.Link
		grade: DF.Literal["", "Excellent", "Good", "Pass", "Fail"]
		grid_path: DF.Data | None
		lines: DF.Table[DutyEvaluationLine]
		period_end: DF.Date
		period_start: DF.Date
		remarks: DF.SmallText | None
		total_additions: DF.Float
		total_deductions: DF.Float
		total_score: DF.Float
		women_federation: DF.Link | None

	# end: auto-generated types
	def validate(self):
		self.validate_not_own_evaluation()
		self.validate_period()
		self.validate_no_overlap()
		self.set_evaluator()
		self.set_lines_from_criteria()
		self.validate_weights()
		self.measure_lines()
		self.score_lines()
		self.total_up()

	def validate_not_own_evaluation(self):
		if executive_user(self.federation_executive) == frappe.session.user:
			frappe.throw(
				_("An executive cannot evaluate herself or change her own evaluation"), SelfEvaluationError
			)

	def validate_period(self):
		try:
			scoring.validate_period(getdate(self.period_start), getdate(self.period_end))
		except DomainError as error:
			throw(error, EvaluationValidationError)

	def validate_no_overlap(self):
		others = frappe.get_all(
			"Duty Evaluation",
			filters={
				"federation_executive": self.federation_executive,
				"docstatus": ("<", 2),
				"name": ("!=", self.name or ""),
				"period_start": ("<=", self.period_end),
				"period_end": (">=", self.period_start),
			},
			fields=["name", "period_start", "period_end"],
		)
		if others:
			other = others[0]
			frappe.throw(
				_("The period overlaps evaluation {0} of the same executive ({1} to {2})").format(
					other.name, other.period_start, other.period_end
				),
				EvaluationOverlapError,
			)

	def set_evaluator(self):
		self.evaluator = self.evaluator or frappe.session.user

	def set_lines_from_criteria(self):
		"""A new evaluation takes the enabled criteria as they stand; the lines keep their weight
		and target from then on, so recomputing later gives the same scores for the same records."""
		if self.lines:
			return
		for criterion in frappe.get_all(
			"Evaluation Criterion",
			filters={"enabled": 1},
			fields=["name", "indicator", "weight", "target"],
			order_by="creation asc, name asc",
		):
			self.append(
				"lines",
				{
					"criterion": criterion.name,
					"indicator": criterion.indicator,
					"weight": criterion.weight,
					"target": criterion.target,
				},
			)
		if not self.lines:
			frappe.throw(_("There are no enabled evaluation criteria"), WeightsError)

	def validate_weights(self):
		for line in self.lines:
			if not line.indicator:  # a line added by hand takes its criterion's terms
				line.indicator, line.weight, line.target = frappe.db.get_value(
					"Evaluation Criterion", line.criterion, ["indicator", "weight", "target"]
				)
		try:
			scoring.validate_weights(line.weight for line in self.lines)
		except DomainError as error:
			throw(error, WeightsError)

	def measure_lines(self):
		for line in self.lines:
			result = measure(
				line.indicator,
				self.federation_executive,
				self.period_start,
				self.period_end,
				self.governance_grid,
			)
			line.source_available = int(result.available)
			line.measured_value = result.value
			line.evidence_doctype = result.doctype
			line.evidence_count = len(result.names)
			line.evidence_names = "\n".join(result.names)
			line.evidence_url = result.url

	def score_lines(self):
		for line in self.lines:
			try:
				line.computed_score = scoring.line_score(line.weight, line.target, line.measured_value)
			except DomainError as error:
				throw(error, EvaluationValidationError)
			if line.adjusted:
				self.validate_line_adjustment(line)
				line.score = line.adjusted_score
			else:
				line.adjusted_score = 0
				line.adjustment_reason = None
				line.score = line.computed_score

	def validate_line_adjustment(self, line):
		if not (line.adjustment_reason or "").strip():
			frappe.throw(
				_("Row {0}: an adjusted score needs a reason").format(line.idx), EvaluationValidationError
			)
		if not 0 <= (line.adjusted_score or 0) <= line.weight:
			frappe.throw(
				_("Row {0}: an adjusted score must lie between 0 and the weight {1}").format(
					line.idx, line.weight
				),
				EvaluationValidationError,
			)

	def total_up(self):
		try:
			for item in self.adjustments:
				scoring.validate_adjustment(item.kind, item.points, item.reason)
			self.base_score = scoring.base_score(line.score for line in self.lines)
			self.total_additions, self.total_deductions = scoring.adjustments(
				((item.kind, item.points) for item in self.adjustments), settings.max_additions()
			)
			self.total_score = scoring.total_score(
				self.base_score, self.total_additions, self.total_deductions
			)
			self.grade = scoring.grade(self.total_score, settings.grade_bands())
		except DomainError as error:
			throw(error, EvaluationValidationError)
