"""Duty evaluation rules (履职评价): weights, line scores, additions and deductions, grade bands."""

from datetime import date

import pytest

from fulian_grid.domain import DomainError
from fulian_grid.domain.scoring import (
	DEFAULT_GRADE_BANDS,
	adjustments,
	base_score,
	grade,
	line_score,
	periods_overlap,
	total_score,
	validate_adjustment,
	validate_bands,
	validate_period,
	validate_weights,
)


def test_weights_must_add_up_to_100():
	assert validate_weights([20, 15, 10, 10, 10, 10, 10, 10, 5]) == 100
	assert validate_weights([33.33, 33.33, 33.34]) == 100
	with pytest.raises(DomainError, match=r"add up to 100%; they add up to 95\.0%") as error:
		validate_weights([50, 45])
	assert (
		error.value.message
		== "The weights of the evaluation criteria must add up to 100%; they add up to {0}%"
	)
	assert error.value.args_ == (95.0,)
	with pytest.raises(DomainError):
		validate_weights([60, 60])
	with pytest.raises(DomainError, match="between 0 and 100"):
		validate_weights([120, -20])
	with pytest.raises(DomainError):
		validate_weights([])


@pytest.mark.parametrize(
	"weight, target, measured, expected",
	[
		(20, 30, 30, 20.0),  # target reached: full weight
		(20, 30, 45, 20.0),  # beyond the target earns no more
		(20, 30, 15, 10.0),  # pro rata
		(20, 30, 0, 0.0),
		(10, 3, 1, 3.33),  # rounded to two places
		(10, 20, 7.5, 3.75),  # hours may be fractional
	],
)
def test_line_score(weight, target, measured, expected):
	assert line_score(weight, target, measured) == expected


def test_line_score_rejects_bad_target_or_measure():
	with pytest.raises(DomainError, match="greater than zero"):
		line_score(10, 0, 1)
	with pytest.raises(DomainError, match="negative"):
		line_score(10, 5, -1)


def test_additions_are_capped_and_deductions_are_not():
	items = [("Addition", 6), ("Addition", 7), ("Deduction", 3), ("Deduction", 15)]
	assert adjustments(items, max_additions=10) == (10.0, 18.0)
	assert adjustments(items, max_additions=20) == (13.0, 18.0)
	assert adjustments([], max_additions=10) == (0.0, 0.0)


def test_adjustments_need_a_kind_points_and_a_reason():
	validate_adjustment("Addition", 2, "市级表彰")
	with pytest.raises(DomainError, match="reason"):
		validate_adjustment("Deduction", 2, "  ")
	with pytest.raises(DomainError, match="more than zero"):
		validate_adjustment("Addition", 0, "x")
	with pytest.raises(DomainError, match=r"not \{0\}|not Bonus"):
		validate_adjustment("Bonus", 1, "x")


def test_total_is_base_plus_additions_minus_deductions_never_negative():
	assert base_score([20, 10.5, 3.33]) == 33.83
	assert total_score(80, 5, 2) == 83
	assert total_score(10, 0, 25) == 0


@pytest.mark.parametrize(
	"total, expected",
	[
		(100, "Excellent"),
		(90, "Excellent"),
		(89.99, "Good"),
		(75, "Good"),
		(60, "Pass"),
		(59.9, "Fail"),
		(0, "Fail"),
	],
)
def test_default_grade_bands(total, expected):
	assert grade(total, DEFAULT_GRADE_BANDS) == expected


def test_grade_bands_come_from_settings():
	bands = [("Excellent", 95), ("Good", 85), ("Pass", 70), ("Fail", 0)]
	assert grade(90, bands) == "Good"
	assert grade(69, bands) == "Fail"


def test_bad_grade_bands_are_refused():
	with pytest.raises(DomainError, match="fall from Excellent"):
		validate_bands([("Excellent", 60), ("Good", 75), ("Pass", 50), ("Fail", 0)])
	with pytest.raises(DomainError, match="same score"):
		validate_bands([("Excellent", 90), ("Good", 90), ("Pass", 60), ("Fail", 0)])


def test_periods():
	validate_period(date(2026, 1, 1), date(2026, 6, 30))
	with pytest.raises(DomainError, match="end before it starts"):
		validate_period(date(2026, 6, 30), date(2026, 1, 1))
	h1, h2 = (date(2026, 1, 1), date(2026, 6, 30)), (date(2026, 7, 1), date(2026, 12, 31))
	assert not periods_overlap(*h1, *h2)
	assert periods_overlap(*h1, date(2026, 6, 30), date(2026, 12, 31))  # one shared day
	assert periods_overlap(date(2026, 3, 1), date(2026, 3, 31), *h1)  # inside


def test_default_criteria_weights_add_up_and_name_known_indicators():
	"""The shipped defaults (install.py) pass the same rule evaluations enforce."""
	import json
	from pathlib import Path

	from metacheck import _literals

	package = Path(__file__).resolve().parent.parent / "fulian_grid"
	criteria = _literals(package / "domain" / "masters.py")["DEFAULT_EVALUATION_CRITERIA"]
	assert validate_weights(row[2] for row in criteria) == 100
	criterion = json.loads(
		(package / "fulian_grid/doctype/evaluation_criterion/evaluation_criterion.json").read_text()
	)
	options = next(f for f in criterion["fields"] if f["fieldname"] == "indicator")["options"].split("\n")
	assert {row[1] for row in criteria} <= set(options)
	assert all(row[3] > 0 for row in criteria)  # targets
