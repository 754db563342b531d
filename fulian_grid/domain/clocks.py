"""The "immediate" mechanisms: deadlines per urgency and how far up the tree an overdue case goes.

Stages: discovery → report → verification → first service. Each stage has a deadline in hours per
urgency (held in Fulian Settings; the defaults below only seed it). A case overdue at a stage is
escalated one level up the tree per elapsed deadline period: township first, then county, then
city — never twice to the same level for the same stage."""

from datetime import datetime, timedelta

from . import DomainError

URGENCIES = ("Immediate Danger", "Urgent", "Normal")
STAGES = ("report", "verification", "service")
DEFAULT_HOURS = {"Immediate Danger": 1, "Urgent": 12, "Normal": 24}
# The levels officers are told at, in order, going up from the grid.
ESCALATION_LEVELS = ("Township", "County", "City")
# A stage's clock starts at the previous milestone.
STAGE_START = {"report": "discovered_at", "verification": "reported_at", "service": "verified_at"}
STAGE_END = {"report": "reported_at", "verification": "verified_at", "service": "first_service_at"}


def deadline(start: datetime, urgency: str, hours: dict[str, int]) -> datetime:
	if urgency not in URGENCIES:
		raise DomainError("Unknown urgency: {0}", urgency)
	allowed = int(hours.get(urgency) or DEFAULT_HOURS[urgency])
	if allowed <= 0:
		raise DomainError("The deadline for {0} cases must be at least one hour", urgency)
	return start + timedelta(hours=allowed)


def levels_due(due: datetime, period: timedelta, now: datetime) -> int:
	"""How many escalation levels an overdue stage has earned: one at the deadline, one more per
	further period, at most one per level above the grid."""
	if now <= due:
		return 0
	return min(1 + int((now - due) / period), len(ESCALATION_LEVELS))


def pending_escalations(
	milestones: dict, urgency: str, hours_by_stage: dict, now: datetime, done: set
) -> list:
	"""(stage, level, deadline) pairs to escalate now. `milestones` holds discovered_at,
	reported_at, verified_at, first_service_at (None when not reached); `done` holds the
	(stage, level) pairs already escalated."""
	pending = []
	for stage in STAGES:
		start, end = milestones.get(STAGE_START[stage]), milestones.get(STAGE_END[stage])
		if start is None or end is not None:
			continue
		due = deadline(start, urgency, hours_by_stage[stage])
		period = due - start
		for level in ESCALATION_LEVELS[: levels_due(due, period, now)]:
			if (stage, level) not in done:
				pending.append((stage, level, due))
	return pending


def elapsed_hours(start: datetime | None, end: datetime | None) -> float | None:
	if start is None or end is None:
		return None
	return round((end - start).total_seconds() / 3600, 2)


def median(values) -> float | None:
	ordered = sorted(v for v in values if v is not None)
	if not ordered:
		return None
	middle = len(ordered) // 2
	return ordered[middle] if len(ordered) % 2 else round((ordered[middle - 1] + ordered[middle]) / 2, 2)
