"""Fulian Settings, read one way: typed accessors with the domain's defaults where a value is unset,
and the coherence rules FulianSettings.validate() applies before an admin's change is saved."""

import frappe

from fulian_grid.domain import DomainError, casework, scoring
from fulian_grid.domain.clocks import STAGES, URGENCIES

SETTINGS = "Fulian Settings"
URGENCY_KEYS = dict(zip(URGENCIES, ("immediate", "urgent", "normal"), strict=True))
RISK_DAYS_FIELDS = {
	"High": "high_risk_visit_days",
	"Medium": "medium_risk_visit_days",
	"Low": "low_risk_visit_days",
}


def _settings(doc=None):
	return doc or frappe.get_cached_doc(SETTINGS)


def brand_name() -> str | None:
	return _settings().brand_name


def signage_requirements() -> list[str]:
	"""The brand's signage checklist (appendix A) a new service point starts from, in order."""
	return [row.requirement for row in _settings().signage_requirements]


def small_cell_threshold() -> int:
	"""The small-cell threshold of statistics (0 = nothing withheld)."""
	return int(_settings().small_cell_threshold or 0)


def due_soon_days() -> int:
	return int(_settings().due_soon_days or 0)


def cadence_days(doc=None) -> dict[str, int]:
	"""Days between visits by risk level (domain/cadence.py falls back on its defaults for 0)."""
	settings = _settings(doc)
	return {risk: settings.get(field) for risk, field in RISK_DAYS_FIELDS.items()}


def stage_hours(doc=None) -> dict[str, dict[str, int]]:
	"""Deadlines in hours, by stage and urgency (domain/clocks.py falls back on its defaults)."""
	settings = _settings(doc)
	return {
		stage: {urgency: settings.get(f"{stage}_hours_{key}") for urgency, key in URGENCY_KEYS.items()}
		for stage in STAGES
	}


def mandatory_report_hours() -> int:
	"""Hours within which a mandatory report must reach the police."""
	return int(_settings().mandatory_report_hours or casework.DEFAULT_MANDATORY_REPORT_HOURS)


def data_request_days() -> int:
	"""Days within which a data subject's request is answered."""
	return int(_settings().data_request_days or casework.DEFAULT_REQUEST_DAYS)


def warning_follow_up_days() -> int:
	"""Days between the follow-up visits after a police warning."""
	return int(_settings().warning_follow_up_days or casework.DEFAULT_WARNING_FOLLOW_UP_DAYS)


def retention_years() -> int:
	"""Years after which a closed case is de-identified (0 = retention off)."""
	return int(_settings().retention_years or 0)


def grade_bands(doc=None) -> list[tuple[str, float]]:
	"""The grade thresholds in force, the domain defaults where unset."""
	settings = _settings(doc)
	defaults = dict(scoring.DEFAULT_GRADE_BANDS)
	return [
		("Excellent", settings.grade_excellent_from or defaults["Excellent"]),
		("Good", settings.grade_good_from or defaults["Good"]),
		("Pass", settings.grade_pass_from or defaults["Pass"]),
		("Fail", 0.0),
	]


def max_additions(doc=None) -> float:
	value = _settings(doc).max_additions
	return scoring.DEFAULT_MAX_ADDITIONS if value is None else value


def check(doc) -> None:
	"""Refuse incoherent settings (raises DomainError): grade thresholds out of order, a deadline of
	zero hours or a visit cadence of zero days (read as "use the default" elsewhere, so never meant)."""
	scoring.validate_bands(grade_bands(doc))
	for stage, hours in stage_hours(doc).items():
		if any(not value or value < 1 for value in hours.values()):
			raise DomainError("Every deadline needs at least 1 hour ({0} stage)", stage.title())
	if any(not value or value < 1 for value in cadence_days(doc).values()):
		raise DomainError("Every visit cadence needs at least 1 day")
