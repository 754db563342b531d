"""The clocks of legal casework (domain/casework.py): the court's 24 h / 72 h, six months of
validity and its extensions, the police-warning follow-up cadence."""

from datetime import date, datetime

import pytest

from fulian_grid.domain import DomainError
from fulian_grid.domain.casework import (
	add_months,
	check_decision,
	check_follow_ups,
	check_validity,
	decision_due,
	expiry_notice_due,
	latest_end,
	next_follow_up_due,
	order_status,
)

FILED = datetime(2026, 11, 30, 22, 15)
NOW = datetime(2026, 12, 3, 9, 0)


def test_the_court_decides_within_24_hours_when_urgent_and_72_otherwise():
	assert decision_due(FILED, True) == datetime(2026, 12, 1, 22, 15)
	assert decision_due(FILED, False) == datetime(2026, 12, 3, 22, 15)
	assert decision_due(FILED, 0) == decision_due(FILED, False)


@pytest.mark.parametrize(
	"start, months, end",
	[
		(date(2026, 1, 15), 6, date(2026, 7, 15)),
		(date(2026, 8, 31), 6, date(2027, 2, 28)),  # February is shorter
		(date(2027, 8, 31), 6, date(2028, 2, 29)),  # a leap year
		(date(2026, 12, 3), 6, date(2027, 6, 3)),
	],
)
def test_months_are_calendar_months(start, months, end):
	assert add_months(start, months) == end


def test_a_decision_is_dated_after_filing_and_not_in_the_future():
	check_decision(FILED, "Undecided", None, NOW)
	check_decision(FILED, "Granted", datetime(2026, 12, 1, 10, 0), NOW)
	with pytest.raises(DomainError, match="before the application was filed"):
		check_decision(FILED, "Granted", datetime(2026, 11, 30, 22, 0), NOW)
	with pytest.raises(DomainError, match="in the future"):
		check_decision(FILED, "Dismissed", datetime(2026, 12, 4), NOW)
	with pytest.raises(DomainError, match="date of the court's decision"):
		check_decision(FILED, "Granted", None, NOW)
	with pytest.raises(DomainError, match="no decision date"):
		check_decision(FILED, "Undecided", datetime(2026, 12, 1), NOW)
	with pytest.raises(DomainError, match="Unknown decision"):
		check_decision(FILED, "Maybe", None, NOW)


def test_an_order_runs_at_most_six_months_unless_extended():
	decided = date(2026, 12, 1)
	assert check_validity(decided, date(2027, 6, 1), []) == date(2027, 6, 1)
	with pytest.raises(DomainError, match="at most six months"):
		check_validity(decided, date(2027, 6, 2), [])
	with pytest.raises(DomainError, match="before it was granted"):
		check_validity(decided, date(2026, 11, 30), [])
	with pytest.raises(DomainError, match="valid until"):
		check_validity(decided, None, [])


def test_extensions_carry_the_order_on_six_months_at_a_time():
	decided = date(2026, 12, 1)
	extensions = [(date(2027, 5, 20), date(2027, 12, 1)), (date(2027, 11, 1), date(2028, 6, 1))]
	assert check_validity(decided, date(2027, 6, 1), extensions) == date(2028, 6, 1)
	with pytest.raises(DomainError, match="before the order lapses"):
		check_validity(decided, date(2027, 6, 1), [(date(2027, 6, 2), date(2027, 9, 1))])
	with pytest.raises(DomainError, match="six months past"):
		check_validity(decided, date(2027, 6, 1), [(date(2027, 5, 1), date(2027, 12, 2))])
	with pytest.raises(DomainError, match="end after"):
		check_validity(decided, date(2027, 6, 1), [(date(2027, 5, 1), date(2027, 6, 1))])


def test_status_and_the_expiry_notice():
	assert order_status("Undecided", None, date(2026, 12, 3)) == "Awaiting Decision"
	assert order_status("Granted", date(2026, 12, 3), date(2026, 12, 3)) == "In Force"
	assert order_status("Granted", date(2026, 12, 2), date(2026, 12, 3)) == "Expired"
	assert order_status("Dismissed", None, date(2026, 12, 3)) == "Dismissed"
	assert expiry_notice_due(date(2026, 12, 10), date(2026, 12, 3))
	assert not expiry_notice_due(date(2026, 12, 11), date(2026, 12, 3))
	assert not expiry_notice_due(date(2026, 12, 2), date(2026, 12, 3))  # lapsed: no longer "soon"
	assert not expiry_notice_due(None, date(2026, 12, 3))
	assert latest_end(date(2026, 12, 1)) == date(2027, 6, 1)


def test_a_police_warning_is_followed_up_at_the_cadence_from_the_last_visit():
	issued = date(2026, 11, 1)
	assert next_follow_up_due(issued, [], 7) == date(2026, 11, 8)
	assert next_follow_up_due(issued, [date(2026, 11, 6), date(2026, 11, 20)], 7) == date(2026, 11, 27)
	assert next_follow_up_due(issued, [date(2026, 11, 6)], "14") == date(2026, 11, 20)
	with pytest.raises(DomainError, match="at least one day"):
		next_follow_up_due(issued, [], 0)


def test_follow_up_visits_lie_between_the_warning_and_today():
	check_follow_ups(date(2026, 11, 1), [date(2026, 11, 1), date(2026, 12, 3)], date(2026, 12, 3))
	with pytest.raises(DomainError, match="before the warning"):
		check_follow_ups(date(2026, 11, 1), [date(2026, 10, 31)], date(2026, 12, 3))
	with pytest.raises(DomainError, match="in the future"):
		check_follow_ups(date(2026, 11, 1), [date(2026, 12, 4)], date(2026, 12, 3))


def test_a_mandatory_report_is_late_after_the_hours_allowed():
	from fulian_grid.domain.casework import check_mandatory_report, mandatory_report_late

	arose = datetime(2026, 12, 1, 8, 0)
	assert not mandatory_report_late(arose, datetime(2026, 12, 2, 8, 0), NOW, 24)
	assert mandatory_report_late(arose, datetime(2026, 12, 2, 8, 1), NOW, 24)
	assert mandatory_report_late(arose, None, NOW, 24)  # not reported, and 49 hours gone
	assert not mandatory_report_late(arose, None, datetime(2026, 12, 1, 20, 0), 24)
	assert not mandatory_report_late(arose, datetime(2026, 12, 3, 7, 0), NOW, 48)
	assert mandatory_report_late(arose, None, NOW, 0) == mandatory_report_late(
		arose, None, NOW, 24
	)  # default
	check_mandatory_report(arose, datetime(2026, 12, 1, 9, 0), NOW)
	with pytest.raises(DomainError, match="in the future"):
		check_mandatory_report(datetime(2026, 12, 4), None, NOW)
	with pytest.raises(DomainError, match="before the duty arose"):
		check_mandatory_report(arose, datetime(2026, 12, 1, 7, 0), NOW)


def test_consent_for_a_child_under_14_comes_from_a_guardian():
	from fulian_grid.domain.casework import check_consent, needs_guardian

	today = date(2026, 12, 3)
	assert needs_guardian(13, False) and not needs_guardian(14, False) and not needs_guardian(None, False)
	assert needs_guardian(30, True)
	check_consent("Guardian", 9, False, date(2026, 12, 1), None, today)
	check_consent("The Person", 16, False, date(2026, 12, 1), date(2026, 12, 3), today)
	with pytest.raises(DomainError, match="given by a guardian"):
		check_consent("The Person", 9, False, date(2026, 12, 1), None, today)
	with pytest.raises(DomainError, match="given by a guardian"):
		check_consent("The Person", 40, True, date(2026, 12, 1), None, today)
	with pytest.raises(DomainError, match="before the consent"):
		check_consent("The Person", 30, False, date(2026, 12, 1), date(2026, 11, 30), today)
	with pytest.raises(DomainError, match="in the future"):
		check_consent("The Person", 30, False, date(2026, 12, 4), None, today)
	with pytest.raises(DomainError, match="withdrawal cannot be dated in the future"):
		check_consent("The Person", 30, False, date(2026, 12, 1), date(2026, 12, 4), today)


def test_a_consent_is_valid_from_its_day_until_it_is_withdrawn():
	from fulian_grid.domain.casework import consent_valid_on

	given, withdrawn = date(2026, 11, 1), date(2026, 11, 20)
	assert not consent_valid_on(given, None, date(2026, 10, 31))
	assert consent_valid_on(given, None, date(2026, 11, 1))
	assert consent_valid_on(given, withdrawn, date(2026, 11, 19))
	assert not consent_valid_on(given, withdrawn, date(2026, 11, 20))


def test_a_referral_sharing_identities_needs_a_consent_or_a_recorded_basis():
	from fulian_grid.domain.casework import check_referral_basis

	check_referral_basis(False, None, False, None)  # no identities: nothing needed
	check_referral_basis(True, "Consent", True, None)
	check_referral_basis(True, "Statutory Duty", False, "反家庭暴力法第十四条")
	for basis, valid, note in (("Consent", False, None), ("Emergency", False, " "), (None, False, None)):
		with pytest.raises(DomainError, match="needs a consent"):
			check_referral_basis(True, basis, valid, note)


def test_the_referral_lifecycle():
	from fulian_grid.domain.casework import check_referral_step

	check_referral_step(None, "Sent")
	check_referral_step("Sent", "Accepted")
	check_referral_step("Sent", "Declined")
	check_referral_step("Accepted", "Revoked")
	check_referral_step("Accepted", "Accepted")
	for previous, status in (("Declined", "Accepted"), ("Revoked", "Sent"), ("Accepted", "Declined")):
		with pytest.raises(DomainError, match="cannot become"):
			check_referral_step(previous, status)
	with pytest.raises(DomainError, match="starts as sent"):
		check_referral_step(None, "Accepted")


def test_an_assessment_is_reviewed_yearly_and_kept_three_years():
	from fulian_grid.domain.casework import assessment_dates

	assert assessment_dates(date(2026, 2, 28)) == (date(2027, 2, 28), date(2029, 2, 28))
	assert assessment_dates(date(2028, 2, 29)) == (date(2029, 2, 28), date(2031, 2, 28))


def test_a_data_subject_request_is_due_and_answered_in_time():
	from fulian_grid.domain.casework import check_answer, request_due

	received, today = date(2026, 11, 20), date(2026, 12, 3)
	assert request_due(received, 15) == date(2026, 12, 5)
	assert request_due(received, 0) == date(2026, 12, 5)  # the default
	check_answer(received, "Open", None, None, today)
	check_answer(received, "Answered", date(2026, 12, 1), "已提供复印件", today)
	with pytest.raises(DomainError, match="when and how"):
		check_answer(received, "Refused", date(2026, 12, 1), " ", today)
	with pytest.raises(DomainError, match="before it was received"):
		check_answer(received, "Answered", date(2026, 11, 19), "已答复", today)
	with pytest.raises(DomainError, match="in the future"):
		check_answer(received, "Answered", date(2026, 12, 4), "已答复", today)


def test_retention_selects_cases_closed_before_the_period_and_not_yet_done():
	from fulian_grid.domain.casework import due_for_retention, retention_cutoff

	cutoff = retention_cutoff(date(2026, 12, 3), 5)
	assert cutoff == date(2021, 12, 3)
	cases = [
		{"name": "IR-3", "status": "Closed", "closed_at": date(2020, 5, 1), "done": False},
		{"name": "IR-1", "status": "Closed", "closed_at": date(2019, 1, 1), "done": False},
		{"name": "IR-2", "status": "Closed", "closed_at": date(2019, 1, 1), "done": True},  # already
		{"name": "IR-4", "status": "Closed", "closed_at": date(2021, 12, 3), "done": False},  # not before
		{"name": "IR-5", "status": "In Service", "closed_at": date(2018, 1, 1), "done": False},  # reopened
		{"name": "IR-6", "status": "Closed", "closed_at": None, "done": False},
	]
	assert due_for_retention(cases, cutoff) == ["IR-1", "IR-3"]
	with pytest.raises(DomainError, match="retention period"):
		retention_cutoff(date(2026, 12, 3), 0)
