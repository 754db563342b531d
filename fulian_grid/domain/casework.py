"""The clocks of the federation's legal casework (Anti-Domestic Violence Law, ch. 4 and art. 16).

Personal safety protection orders (人身安全保护令): the court decides within 72 hours of the
application, within 24 hours when it is urgent (art. 28); an order lasts at most six months from
the decision (art. 30), and each extension at most six months more. Police warnings (告诫书, art.
16): the federation and the community follow up with visits at a cadence set in Fulian Settings.
"""

import calendar
from datetime import date, datetime, timedelta

from . import DomainError

DECISION_HOURS = {True: 24, False: 72}  # urgent → 24 h, otherwise 72 h (art. 28)
MAX_VALIDITY_MONTHS = 6  # art. 30
# The law's list of measures (art. 29): the fields of a Protection Order that hold them.
MEASURES = ("measure_no_violence", "measure_no_contact", "measure_move_out", "measure_other")
PENDING, GRANTED = "Undecided", "Granted"
DECISIONS = (PENDING, GRANTED, "Dismissed", "Withdrawn")
DEFAULT_WARNING_FOLLOW_UP_DAYS = 7
EXPIRY_NOTICE_DAYS = 7  # told this many days before an order lapses


def decision_due(filed_on: datetime, urgent: bool) -> datetime:
	return filed_on + timedelta(hours=DECISION_HOURS[bool(urgent)])


def add_months(day: date, months: int) -> date:
	"""The same day `months` later; the month's last day when it is shorter (31 Aug + 6 = 28 Feb)."""
	month_index = day.month - 1 + months
	year, month = day.year + month_index // 12, month_index % 12 + 1
	return date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


def latest_end(start: date) -> date:
	"""The last day an order (or an extension) starting on `start` may run to."""
	return add_months(start, MAX_VALIDITY_MONTHS)


def check_decision(filed_on: datetime, decision: str, decided_on: datetime | None, now: datetime) -> None:
	if decision not in DECISIONS:
		raise DomainError("Unknown decision: {0}", decision)
	if decision == PENDING:
		if decided_on:
			raise DomainError("A pending application has no decision date")
		return
	if not decided_on:
		raise DomainError("Enter the date of the court's decision")
	if decided_on < filed_on:
		raise DomainError("The decision cannot be dated before the application was filed")
	if decided_on > now:
		raise DomainError("The decision cannot be dated in the future")


def check_validity(decided_on: date, valid_until: date | None, extensions: list[tuple[date, date]]) -> date:
	"""The day the order lapses, after the extensions `(granted on, extended until)` in order.
	Refuses an order longer than six months and an extension granted after the order lapsed or
	running more than six months past the end it extends."""
	if not valid_until:
		raise DomainError("Enter the date the order is valid until")
	if valid_until < decided_on:
		raise DomainError("An order cannot end before it was granted")
	if valid_until > latest_end(decided_on):
		raise DomainError(
			"An order is valid for at most six months from the decision ({0}); record an extension to go beyond",
			latest_end(decided_on),
		)
	end = valid_until
	for granted_on, extended_until in extensions:
		if granted_on > end:
			raise DomainError("An extension must be granted before the order lapses ({0})", end)
		if extended_until <= end:
			raise DomainError("An extension must end after the order it extends ({0})", end)
		if extended_until > latest_end(end):
			raise DomainError(
				"An extension runs at most six months past the end it extends ({0})", latest_end(end)
			)
		end = extended_until
	return end


def order_status(decision: str, expires_on: date | None, today: date) -> str:
	if decision == GRANTED and expires_on and expires_on < today:
		return "Expired"
	return {PENDING: "Awaiting Decision", GRANTED: "In Force"}.get(decision, decision)


def expiry_notice_due(expires_on: date | None, today: date, days: int = EXPIRY_NOTICE_DAYS) -> bool:
	"""An order in force lapses within `days`: the federation decides whether to ask for more."""
	return bool(expires_on) and today <= expires_on <= today + timedelta(days=days)


def next_follow_up_due(issued_on: date, visits: list[date], cadence_days: int) -> date:
	"""A police warning is followed up every `cadence_days` from the warning or the last visit."""
	if int(cadence_days or 0) <= 0:
		raise DomainError("The follow-up cadence of police warnings must be at least one day")
	return max([issued_on, *visits]) + timedelta(days=int(cadence_days))


def check_follow_ups(issued_on: date, visits: list[date], today: date) -> None:
	for visit in visits:
		if visit < issued_on:
			raise DomainError("A follow-up visit cannot be dated before the warning ({0})", issued_on)
		if visit > today:
			raise DomainError("A follow-up visit cannot be dated in the future")


# Mandatory reporting (强制报告, Anti-Domestic Violence Law art. 14, Minors Protection Law art. 11):
# a school, hospital or community worker reports suspected harm to the police at once.
DUTY_HOLDER_KINDS = ("School", "Hospital", "Community", "Other")
DEFAULT_MANDATORY_REPORT_HOURS = 24


def check_mandatory_report(duty_arose_on: datetime, reported_on: datetime | None, now: datetime) -> None:
	if duty_arose_on > now:
		raise DomainError("The duty to report cannot arise in the future")
	if reported_on and reported_on < duty_arose_on:
		raise DomainError("The report cannot reach the police before the duty arose")


def mandatory_report_late(
	duty_arose_on: datetime, reported_on: datetime | None, now: datetime, hours: int
) -> bool:
	"""Late when it reached the police more than `hours` after the duty arose, or has not yet and
	that time has passed."""
	due = duty_arose_on + timedelta(hours=int(hours or DEFAULT_MANDATORY_REPORT_HOURS))
	return (reported_on or now) > due


# Consent (PIPL arts. 13, 29, 31): separate consent for sensitive information; a guardian consents
# for a child under 14 or a person lacking capacity; consent may be withdrawn. A referral that
# shares identities needs a consent valid when it is sent, or another legal basis recorded.
GUARDIAN_BELOW_AGE = 14  # PIPL art. 31
BY_PERSON, BY_GUARDIAN = "The Person", "Guardian"
CONSENT, OTHER_BASES = "Consent", ("Statutory Duty", "Emergency")
REFERRAL_STEPS = {  # status → the statuses it may move to
	"Sent": ("Accepted", "Declined", "Revoked"),
	"Accepted": ("Revoked",),
	"Declined": (),
	"Revoked": (),
}


def needs_guardian(age: int | None, lacks_capacity: bool) -> bool:
	"""`age` 0 or None means unknown (an adult is assumed unless capacity is lacking)."""
	return bool(lacks_capacity) or (bool(age) and age < GUARDIAN_BELOW_AGE)


def check_consent(
	given_by: str,
	age: int | None,
	lacks_capacity: bool,
	consented_on: date,
	withdrawn_on: date | None,
	today: date,
) -> None:
	if needs_guardian(age, lacks_capacity) and given_by != BY_GUARDIAN:
		raise DomainError(
			"Consent for a child under 14 or a person lacking capacity must be given by a guardian"
		)
	if consented_on > today:
		raise DomainError("Consent cannot be dated in the future")
	if withdrawn_on and withdrawn_on < consented_on:
		raise DomainError("A withdrawal cannot be dated before the consent ({0})", consented_on)
	if withdrawn_on and withdrawn_on > today:
		raise DomainError("A withdrawal cannot be dated in the future")


def consent_valid_on(consented_on: date, withdrawn_on: date | None, on: date) -> bool:
	return consented_on <= on and not (withdrawn_on and withdrawn_on <= on)


def check_referral_basis(
	carries_identities: bool, basis: str | None, consent_valid: bool, basis_note: str | None
) -> None:
	"""`consent_valid`: a consent is linked and valid on the day the referral is sent."""
	if not carries_identities:
		return
	if basis == CONSENT and consent_valid:
		return
	if basis in OTHER_BASES and (basis_note or "").strip():
		return
	raise DomainError(
		"A referral that shares identities needs a consent valid when it is sent, or another legal basis recorded"
	)


REFERRAL_PURPOSE_WORDS = ("转介", "referral")  # a consent's purposes name referral in one of these


def consent_covers(purposes: str | None, recipients: str | None, agency_names) -> bool:
	"""A consent covers a referral when its purposes name referral and its recipients name the
	agency (by its own name or its kind, e.g. 法院)."""
	purposes, recipients = (purposes or "").lower(), recipients or ""
	return any(word in purposes for word in REFERRAL_PURPOSE_WORDS) and any(
		name and name in recipients for name in agency_names
	)


def letter_may_name(
	carries_identities: bool,
	basis: str | None,
	basis_note: str | None,
	consent: dict | None,
	agency_names,
	sent_on: date,
	today: date,
) -> bool:
	"""The referral letter names the people only when the referral carries identities on a basis
	that allows it: another legal basis recorded, or a consent (dict: consented_on, withdrawn_on,
	purposes, recipients) valid when it was sent, not withdrawn since, covering this agency and
	referral. Otherwise the letter withholds them."""
	if not carries_identities:
		return False
	if basis in OTHER_BASES:
		return bool((basis_note or "").strip())
	if basis != CONSENT or not consent:
		return False
	withdrawn = consent.get("withdrawn_on")
	return (
		consent_valid_on(consent["consented_on"], withdrawn, sent_on)
		and consent_valid_on(consent["consented_on"], withdrawn, today)
		and consent_covers(consent.get("purposes"), consent.get("recipients"), agency_names)
	)


def check_referral_step(previous: str | None, status: str) -> None:
	if previous is None:
		if status != "Sent":
			raise DomainError("A referral starts as sent")
		return
	if status != previous and status not in REFERRAL_STEPS[previous]:
		raise DomainError("A referral {0} cannot become {1}", previous, status)


# PIPL duties of the handler: an impact assessment per purpose, reviewed yearly and kept at least
# three years (arts. 55–56); a person's request to access, copy, correct or delete (arts. 44–47)
# answered within the days set in Fulian Settings.
REVIEW_MONTHS, KEEP_YEARS = 12, 3
DEFAULT_REQUEST_DAYS = 15


def assessment_dates(assessed_on: date) -> tuple[date, date]:
	"""(next review due, keep until) of an impact assessment."""
	return add_months(assessed_on, REVIEW_MONTHS), add_months(assessed_on, 12 * KEEP_YEARS)


def request_due(received_on: date, days: int) -> date:
	return received_on + timedelta(days=int(days or DEFAULT_REQUEST_DAYS))


def check_answer(
	received_on: date, status: str, answered_on: date | None, answer: str | None, today: date
) -> None:
	if status == "Open":
		return
	if not answered_on or not (answer or "").strip():
		raise DomainError("Enter when and how the request was answered")
	if answered_on < received_on:
		raise DomainError("A request cannot be answered before it was received ({0})", received_on)
	if answered_on > today:
		raise DomainError("An answer cannot be dated in the future")


# Retention: a case closed longer than the years set in Fulian Settings is de-identified.
def retention_cutoff(today: date, years: int) -> date:
	if int(years or 0) <= 0:
		raise DomainError("Set the retention period (years) in Fulian Settings first")
	return add_months(today, -12 * int(years))


def due_for_retention(cases, cutoff: date) -> list[str]:
	"""Names of the cases (dicts: name, status, closed_at as a date or None, done) closed before
	`cutoff` and not de-identified yet, oldest first."""
	due = [
		c
		for c in cases
		if c["status"] == "Closed" and c["closed_at"] and c["closed_at"] < cutoff and not c["done"]
	]
	return [c["name"] for c in sorted(due, key=lambda c: (c["closed_at"], c["name"]))]
