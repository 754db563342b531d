from datetime import datetime, timedelta

import pytest

from fulian_grid.domain import DomainError
from fulian_grid.domain.clocks import deadline, elapsed_hours, levels_due, median, pending_escalations

T0 = datetime(2026, 11, 28, 8, 0)
HOURS = {
	stage: {"Immediate Danger": 1, "Urgent": 12, "Normal": 24}
	for stage in ("report", "verification", "service")
}


@pytest.mark.parametrize("urgency,hours", [("Immediate Danger", 1), ("Urgent", 12), ("Normal", 24)])
def test_deadline_per_urgency(urgency, hours):
	assert deadline(T0, urgency, HOURS["report"]) == T0 + timedelta(hours=hours)


def test_settings_override_and_bad_values():
	assert deadline(T0, "Normal", {"Normal": 48}) == T0 + timedelta(hours=48)
	with pytest.raises(DomainError):
		deadline(T0, "Whenever", HOURS["report"])
	with pytest.raises(DomainError):
		deadline(T0, "Normal", {"Normal": -2})


def test_one_level_per_elapsed_period_up_to_the_city():
	due, period = T0 + timedelta(hours=24), timedelta(hours=24)
	assert levels_due(due, period, due) == 0
	assert levels_due(due, period, due + timedelta(minutes=1)) == 1
	assert levels_due(due, period, due + timedelta(hours=24)) == 2
	assert levels_due(due, period, due + timedelta(days=30)) == 3


def test_pending_escalations_skip_what_was_done_and_finished_stages():
	milestones = {"discovered_at": T0, "reported_at": None, "verified_at": None, "first_service_at": None}
	now = T0 + timedelta(hours=1, minutes=30)  # immediate danger: report due at T0+1h
	assert pending_escalations(milestones, "Immediate Danger", HOURS, now, set()) == [
		("report", "Township", T0 + timedelta(hours=1))
	]
	assert pending_escalations(milestones, "Immediate Danger", HOURS, now, {("report", "Township")}) == []
	later = T0 + timedelta(hours=2, minutes=1)
	assert [
		p[1]
		for p in pending_escalations(milestones, "Immediate Danger", HOURS, later, {("report", "Township")})
	] == ["County"]
	reported = dict(milestones, reported_at=T0 + timedelta(minutes=30))
	assert pending_escalations(reported, "Immediate Danger", HOURS, now, set()) == []  # due exactly now
	assert pending_escalations(reported, "Immediate Danger", HOURS, now + timedelta(seconds=1), set()) == [
		("verification", "Township", T0 + timedelta(hours=1, minutes=30))
	]


def test_verification_clock_starts_at_the_report():
	milestones = {"discovered_at": T0, "reported_at": T0 + timedelta(hours=1), "verified_at": None}
	now = T0 + timedelta(hours=14)
	assert pending_escalations(milestones, "Urgent", HOURS, now, set()) == [
		("verification", "Township", T0 + timedelta(hours=13))
	]


def test_elapsed_and_median():
	assert elapsed_hours(T0, T0 + timedelta(minutes=90)) == 1.5
	assert elapsed_hours(T0, None) is None
	assert median([3, 1, 2]) == 2
	assert median([4, 1, 3, 2]) == 2.5
	assert median([None]) is None
