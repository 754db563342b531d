from datetime import date

import pytest

from fulian_grid.domain import DomainError
from fulian_grid.domain.cadence import is_minor, next_visit_due, visit_status

CADENCE = {"High": 7, "Medium": 30, "Low": 90}


@pytest.mark.parametrize(
	"level,due", [("High", date(2026, 12, 8)), ("Medium", date(2026, 12, 31)), ("Low", date(2027, 3, 1))]
)
def test_next_visit_follows_the_cadence_of_the_risk_level(level, due):
	assert next_visit_due(date(2026, 12, 1), level, CADENCE) == due


def test_settings_override_the_default_cadence():
	assert next_visit_due(date(2026, 12, 1), "High", {"High": 3}) == date(2026, 12, 4)
	assert next_visit_due(date(2026, 12, 1), "High", {}) == date(2026, 12, 8)  # default


def test_unknown_level_and_non_positive_cadence_are_refused():
	with pytest.raises(DomainError):
		next_visit_due(date(2026, 12, 1), "Severe", CADENCE)
	with pytest.raises(DomainError):
		next_visit_due(date(2026, 12, 1), "Low", {"Low": -1})


@pytest.mark.parametrize(
	"due,status",
	[
		(date(2026, 11, 27), "Overdue"),
		(date(2026, 11, 28), "Due Soon"),
		(date(2026, 12, 1), "Due Soon"),
		(date(2026, 12, 2), "Scheduled"),
		(None, "Scheduled"),
	],
)
def test_visit_status(due, status):
	assert visit_status(due, date(2026, 11, 28)) == status


def test_minor_until_the_eighteenth_birthday():
	assert is_minor(date(2008, 11, 29), date(2026, 11, 28))
	assert not is_minor(date(2008, 11, 28), date(2026, 11, 28))
	assert not is_minor(None, date(2026, 11, 28))
