"""Rules of led projects, volunteer service and the service records counted in statistics.

Plain values in, plain values out: controllers pass dates, numbers and small row objects (anything
with the named attributes or keys), so the rules are tested without Frappe."""

from collections import defaultdict
from collections.abc import Callable, Iterable
from datetime import date
from decimal import Decimal

from fulian_grid.domain import DomainError

MAX_HOURS_A_DAY = 24
# Divorce-adjustment counselling outcomes counted as "cancelled or postponed the registration".
KEPT_TOGETHER = ("Registration Cancelled", "Registration Postponed")
# Service Session kinds counted as "trainings (巾帼电商, practical skills)" in the seed's figures.
TRAINING_KINDS = ("E-commerce Training", "Practical Skills Training", "Other Training")


def _get(row, key):
	return row.get(key) if isinstance(row, dict) else getattr(row, key, None)


# --- led projects ----------------------------------------------------------------------------------


def check_project_dates(start: date | None, end: date | None) -> None:
	if start and end and end < start:
		raise DomainError("The project cannot end before it starts")


def check_milestone_in_range(title: str, due: date | None, start: date | None, end: date | None) -> None:
	"""A milestone falls due within the project's dates."""
	if due is None:
		raise DomainError("Milestone {0} needs a due date", title)
	if (start and due < start) or (end and due > end):
		raise DomainError(
			"Milestone {0} is due on {1}, outside the project's dates ({2} to {3})",
			title,
			due,
			start or "",
			end or "",
		)


def progress(milestones: Iterable) -> float:
	"""Share of milestones done, in percent (0 without milestones), rounded to one decimal."""
	rows = list(milestones)
	if not rows:
		return 0.0
	done = sum(1 for row in rows if _get(row, "done_on"))
	return round(100.0 * done / len(rows), 1)


def overdue_milestones(milestones: Iterable, on: date) -> list:
	"""Milestones not done whose due date has passed."""
	return [row for row in milestones if not _get(row, "done_on") and _get(row, "due_date") < on]


def next_milestone_due(milestones: Iterable) -> date | None:
	"""The earliest due date among milestones not yet done (the one to watch)."""
	return min((_get(row, "due_date") for row in milestones if not _get(row, "done_on")), default=None)


# --- volunteer service -----------------------------------------------------------------------------


def check_hours(volunteer: str, hours) -> None:
	if hours is None or hours < 0 or hours > MAX_HOURS_A_DAY:
		raise DomainError("Hours of {0} must be between 0 and 24 a day", volunteer)


def check_daily_hours(rows: Iterable, already: Callable[[str, date], float] | None = None) -> None:
	"""No volunteer serves below zero or above 24 hours on a day (rows: volunteer, service_date,
	hours). `already(volunteer, day)` adds hours recorded elsewhere for that day."""
	per_day: dict[tuple, float] = defaultdict(float)
	for row in rows:
		volunteer, day, hours = _get(row, "volunteer"), _get(row, "service_date"), _get(row, "hours")
		check_hours(volunteer, hours)
		per_day[(volunteer, day)] += float(hours)
	for (volunteer, day), hours in per_day.items():
		if hours + (already(volunteer, day) if already else 0) > MAX_HOURS_A_DAY:
			raise DomainError("{0} would serve more than 24 hours on {1}", volunteer, day)


def check_date_in_range(what: str, day: date | None, start: date | None, end: date | None) -> None:
	if day is None or (start and day < start) or (end and day > end):
		raise DomainError(
			"{0} on {1} falls outside the project's dates ({2} to {3})",
			what,
			day or "",
			start or "",
			end or "",
		)


def totals_by(rows: Iterable, key: str, fields: Iterable[str] = ("hours",)) -> dict:
	"""Sum `fields` over rows grouped by `key`: {key value: {field: total, "count": rows}}."""
	fields = tuple(fields)
	totals: dict = {}
	for row in rows:
		group = totals.setdefault(_get(row, key), {"count": 0, **{f: 0 for f in fields}})
		group["count"] += 1
		for f in fields:
			group[f] += _get(row, f) or 0
	return totals


# --- services counted in statistics ------------------------------------------------------------------


def check_loan_amount(amount) -> None:
	if amount is None or Decimal(str(amount)) <= 0:
		raise DomainError("The loan amount must be more than zero")


def check_count(label: str, value) -> None:
	if value is not None and value < 0:
		raise DomainError("{0} cannot be below zero", label)
