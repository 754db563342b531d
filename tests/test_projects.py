from datetime import date

import pytest

from fulian_grid.domain import DomainError
from fulian_grid.domain.dispatch import (
	AWAITING,
	CLOSED,
	TAKEN,
	check_closing,
	check_team_in_subtree,
	stage_of,
)
from fulian_grid.domain.projects import (
	check_daily_hours,
	check_date_in_range,
	check_hours,
	check_loan_amount,
	check_milestone_in_range,
	check_project_dates,
	next_milestone_due,
	overdue_milestones,
	progress,
	totals_by,
)

START, END = date(2026, 1, 1), date(2026, 12, 31)


def milestone(due, done=None):
	return {"milestone_title": "m", "due_date": due, "done_on": done}


def test_progress_is_the_share_of_milestones_done():
	assert progress([]) == 0.0
	rows = [
		milestone(date(2026, 3, 1), date(2026, 3, 1)),
		milestone(date(2026, 6, 1)),
		milestone(date(2026, 9, 1)),
	]
	assert progress(rows) == 33.3
	assert progress([milestone(date(2026, 3, 1), date(2026, 2, 27))]) == 100.0


def test_overdue_and_next_milestone():
	rows = [
		milestone(date(2026, 3, 1), date(2026, 3, 2)),
		milestone(date(2026, 5, 1)),
		milestone(date(2026, 9, 1)),
	]
	assert overdue_milestones(rows, date(2026, 6, 1)) == [rows[1]]
	assert overdue_milestones(rows, date(2026, 5, 1)) == []  # due today is not yet overdue
	assert next_milestone_due(rows) == date(2026, 5, 1)
	assert next_milestone_due([rows[0]]) is None


def test_milestone_outside_the_project_dates_is_refused():
	check_milestone_in_range("启动", date(2026, 1, 1), START, END)
	check_milestone_in_range("收尾", date(2026, 12, 31), START, END)
	for due in (date(2025, 12, 31), date(2027, 1, 1), None):
		with pytest.raises(DomainError):
			check_milestone_in_range("启动", due, START, END)
	with pytest.raises(DomainError):
		check_project_dates(END, START)


@pytest.mark.parametrize("hours", [-0.5, 24.5, None])
def test_hours_must_lie_between_zero_and_24(hours):
	with pytest.raises(DomainError, match="between 0 and 24"):
		check_hours("张三", hours)


def test_hours_of_a_day_add_up_across_rows_and_records():
	day = date(2026, 5, 1)
	rows = [
		{"volunteer": "V1", "service_date": day, "hours": 12},
		{"volunteer": "V1", "service_date": day, "hours": 12},
	]
	check_daily_hours(rows)
	check_daily_hours([*rows, {"volunteer": "V2", "service_date": day, "hours": 8}])
	with pytest.raises(DomainError, match="more than 24 hours"):
		check_daily_hours([*rows, {"volunteer": "V1", "service_date": day, "hours": 0.5}])
	with pytest.raises(DomainError):
		check_daily_hours(rows[:1], already=lambda volunteer, on: 13)


def test_session_dates_stay_within_the_project():
	check_date_in_range("Session", date(2026, 2, 1), START, END)
	with pytest.raises(DomainError):
		check_date_in_range("Session", date(2027, 2, 1), START, END)


def test_totals_per_team_and_per_person():
	rows = [
		{"team": "T1", "volunteer": "V1", "hours": 2.5},
		{"team": "T1", "volunteer": "V2", "hours": 3},
		{"team": "T2", "volunteer": "V1", "hours": 4},
	]
	assert totals_by(rows, "team") == {"T1": {"count": 2, "hours": 5.5}, "T2": {"count": 1, "hours": 4}}
	assert totals_by(rows, "volunteer")["V1"] == {"count": 2, "hours": 6.5}


@pytest.mark.parametrize("amount", [0, -1, None, "0.00"])
def test_loan_amount_must_be_positive(amount):
	with pytest.raises(DomainError, match="more than zero"):
		check_loan_amount(amount)


def test_dispatch_only_within_the_subtree_and_closing_needs_feedback():
	check_team_in_subtree("T1", "1/2/3/", "1/2/")
	check_team_in_subtree("T1", "1/2/", "1/2/")  # a team on the requesting node itself
	for path in ("1/", "1/3/2/", "1/23/", None):
		with pytest.raises(DomainError, match="does not serve"):
			check_team_in_subtree("T1", path, "1/2/")
	with pytest.raises(DomainError, match="does not serve"):
		check_team_in_subtree("T1", "1/2/", None)
	assert (stage_of(None, False), stage_of("T1", False), stage_of("T1", True)) == (AWAITING, TAKEN, CLOSED)
	check_closing("T1", "已上门服务")
	with pytest.raises(DomainError, match="feedback"):
		check_closing("T1", "  ")
	with pytest.raises(DomainError, match="taken"):
		check_closing(None, "好")
