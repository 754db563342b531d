"""Visit cadence by risk level: when the next visit is due and whether it is overdue."""

from datetime import date, timedelta

from . import DomainError

RISK_LEVELS = ("Low", "Medium", "High")
# Defaults only: the days in force are held in Fulian Settings and editable there.
DEFAULT_CADENCE_DAYS = {"High": 7, "Medium": 30, "Low": 90}


def next_visit_due(last_visit: date, risk_level: str, cadence_days: dict[str, int]) -> date:
	if risk_level not in RISK_LEVELS:
		raise DomainError("Unknown risk level: {0}", risk_level)
	days = int(cadence_days.get(risk_level) or DEFAULT_CADENCE_DAYS[risk_level])
	if days <= 0:
		raise DomainError("The visit cadence for {0} risk must be at least one day", risk_level)
	return last_visit + timedelta(days=days)


def visit_status(next_due: date | None, today: date, due_soon_days: int = 3) -> str:
	"""'Overdue' past the due date, 'Due Soon' within `due_soon_days`, else 'Scheduled'."""
	if next_due is None:
		return "Scheduled"
	if next_due < today:
		return "Overdue"
	if (next_due - today).days <= due_soon_days:
		return "Due Soon"
	return "Scheduled"


def age_on(birth_date: date, on: date) -> int:
	return on.year - birth_date.year - ((on.month, on.day) < (birth_date.month, birth_date.day))


def is_minor(birth_date: date | None, on: date) -> bool:
	"""Under 18 on `on` (Law on the Protection of Minors, art. 2)."""
	return birth_date is not None and age_on(birth_date, on) < 18
