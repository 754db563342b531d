"""Duty evaluation (履职评价, standard ch. 9): weights, line scores, additions and deductions,
total and grade. Pure rules: the records behind each measured value are counted elsewhere
(fulian_grid/indicators.py); the thresholds in force live in Fulian Settings and the criterion
master, and the constants below are only their defaults."""

from collections.abc import Iterable, Sequence
from datetime import date

from . import DomainError

# Defaults only: the lowest total that earns each grade is held in Fulian Settings.
DEFAULT_GRADE_BANDS = (("Excellent", 90.0), ("Good", 75.0), ("Pass", 60.0), ("Fail", 0.0))
DEFAULT_MAX_ADDITIONS = 10.0
FULL_WEIGHT = 100.0
TOLERANCE = 0.01


def _round(value: float) -> float:
	return round(float(value) + 0.0, 2)


def validate_weight(weight: float) -> None:
	if not 0 <= float(weight or 0) <= FULL_WEIGHT:
		raise DomainError("A criterion's weight must lie between 0 and 100")


def validate_weights(weights: Iterable[float]) -> float:
	"""The criteria's weights are percentages of the base score and must add up to 100."""
	weights = [float(w or 0) for w in weights]
	for weight in weights:
		validate_weight(weight)
	total = _round(sum(weights))
	if abs(total - FULL_WEIGHT) > TOLERANCE:
		raise DomainError(
			"The weights of the evaluation criteria must add up to 100%; they add up to {0}%", total
		)
	return total


def line_score(weight: float, target: float, measured: float) -> float:
	"""Full weight when the measured value reaches the target, pro rata below it."""
	target, measured, weight = float(target or 0), float(measured or 0), float(weight or 0)
	if target <= 0:
		raise DomainError("The target of a criterion must be greater than zero")
	if measured < 0:
		raise DomainError("A measured value cannot be negative")
	return _round(weight * min(measured / target, 1.0))


def base_score(line_scores: Iterable[float]) -> float:
	return _round(sum(float(s or 0) for s in line_scores))


def validate_adjustment(kind: str, points: float, reason: str | None) -> None:
	if kind not in ("Addition", "Deduction"):
		raise DomainError("An adjustment is an addition or a deduction, not {0}", kind)
	if float(points or 0) <= 0:
		raise DomainError("An addition or deduction must be worth more than zero points")
	if not (reason or "").strip():
		raise DomainError("Every addition or deduction needs a reason")


def adjustments(items: Iterable[tuple[str, float]], max_additions: float) -> tuple[float, float]:
	"""(additions, deductions) from (kind, points) items; additions are capped at `max_additions`."""
	additions = deductions = 0.0
	for kind, points in items:
		if kind == "Addition":
			additions += float(points or 0)
		else:
			deductions += float(points or 0)
	return _round(min(additions, float(max_additions))), _round(deductions)


def total_score(base: float, additions: float, deductions: float) -> float:
	"""Base plus additions minus deductions, never below zero."""
	return _round(max(float(base) + float(additions) - float(deductions), 0.0))


def validate_bands(bands: Sequence[tuple[str, float]]) -> None:
	thresholds = [float(threshold) for _grade, threshold in bands]
	if any(t < 0 for t in thresholds) or thresholds != sorted(thresholds, reverse=True):
		raise DomainError("Grade thresholds must fall from Excellent to Fail and not be negative")
	if len(set(thresholds)) != len(thresholds):
		raise DomainError("Two grades cannot start at the same score")


def grade(total: float, bands: Sequence[tuple[str, float]] = DEFAULT_GRADE_BANDS) -> str:
	"""The first band (highest first) whose threshold the total reaches."""
	validate_bands(bands)
	for name, threshold in bands:
		if float(total) >= float(threshold):
			return name
	return bands[-1][0]


def validate_period(start: date, end: date) -> None:
	if end < start:
		raise DomainError("The period cannot end before it starts")


def periods_overlap(start: date, end: date, other_start: date, other_end: date) -> bool:
	return start <= other_end and other_start <= end
