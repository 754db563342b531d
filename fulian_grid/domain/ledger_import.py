"""Screening-ledger rows from a spreadsheet (appendix D kept in Excel by many offices): read,
checked and prepared in one pass, with the rules the Screening Ledger controller applies, so a
100,000-row file goes in as a bulk insert. Nothing is inserted while any row has an error.

Plain values in and out: the caller passes the known grids, categories and visit cadence."""

from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date, datetime

from . import DomainError
from . import identity as kinds
from .cadence import RISK_LEVELS, is_minor, next_visit_due
from .tree import within

# Column → the headers it is known by: the field name, its English label, its Chinese label.
COLUMNS = {
	"governance_grid": ("governance_grid", "Governance Grid", "网格", "所属网格"),
	"subject_name": ("subject_name", "Subject Name", "姓名", "被排查人"),
	"gender": ("gender", "Gender", "性别"),
	"birth_date": ("birth_date", "Birth Date", "出生日期"),
	"id_number": ("id_number", "ID Number", "身份证号", "身份证号码"),
	"phone": ("phone", "Phone", "联系电话", "电话"),
	"address": ("address", "Address", "住址", "家庭住址"),
	"categories": ("categories", "Key Group Categories", "重点群体类别", "类别"),
	"risk_level": ("risk_level", "Risk Level", "风险等级"),
	"findings": ("findings", "Findings", "排查发现", "发现问题"),
	"help_measures": ("help_measures", "Help Measures", "帮扶措施"),
	"screened_on": ("screened_on", "Screened On", "排查日期"),
}
REQUIRED = ("governance_grid", "subject_name", "categories")
GENDERS = {"Female": "Female", "女": "Female", "Male": "Male", "男": "Male"}
RISKS = {**{level: level for level in RISK_LEVELS}, "低": "Low", "中": "Medium", "高": "High"}
SEPARATORS = ("、", "，", ",", ";", "；")
MAX_ERRORS = 200  # enough to fix a file by; the rest would only repeat


@dataclass
class ImportResult:
	rows: list[dict] = field(default_factory=list)
	errors: list[tuple[int, DomainError]] = field(default_factory=list)  # (spreadsheet row, error)


def header_map(header: Iterable) -> dict[str, int]:
	"""Column positions by field name; unknown headers are ignored, a missing required one refused."""
	known = {alias.strip().lower(): fieldname for fieldname, aliases in COLUMNS.items() for alias in aliases}
	positions = {}
	for index, title in enumerate(header):
		fieldname = known.get(str(title or "").strip().lower())
		if fieldname and fieldname not in positions:
			positions[fieldname] = index
	if missing := [f for f in REQUIRED if f not in positions]:
		raise DomainError("The file has no column for: {0}", ", ".join(missing))
	return positions


def prepare(
	table: list[list],
	grids: dict[str, str],
	writable: list[str] | None,
	categories: dict[str, tuple[str, str]],
	cadence: dict[str, int],
	today: date,
) -> ImportResult:
	"""`table`: header row then data rows. `grids`: grid name → tree path; `writable`: the paths
	the importer may create records under (None = anywhere); `categories`: any accepted label
	(name or translation) → (category name, its default risk level)."""
	result = ImportResult()
	positions = header_map(table[0] if table else ())
	for number, cells in enumerate(table[1:], start=2):
		if not any(str(c or "").strip() for c in cells):
			continue  # blank lines between blocks of a hand-kept ledger
		values = {f: _text(cells[i]) if i < len(cells) else "" for f, i in positions.items()}
		try:
			result.rows.append(_row(values, grids, writable, categories, cadence, today))
		except DomainError as error:
			result.errors.append((number, error))
			if len(result.errors) >= MAX_ERRORS:
				break
	return result


def _row(values, grids, writable, categories, cadence, today) -> dict:
	grid = values["governance_grid"]
	if grid not in grids:
		raise DomainError("Unknown grid: {0}", grid)
	if writable is not None and not within(grids[grid], writable):
		raise DomainError("You may not add ledger entries in grid {0}", grid)
	if not values["subject_name"]:
		raise DomainError("The name of the person screened is missing")
	names = [c.strip() for c in _split(values["categories"]) if c.strip()]
	if not names:
		raise DomainError("At least one key group category is needed")
	if unknown := [n for n in names if n not in categories]:
		raise DomainError("Unknown or disabled key group category: {0}", ", ".join(unknown))
	chosen = [categories[n] for n in names]
	# the same normalising and checks as the form's save (vault.open_identities)
	id_number = kinds.normalize(kinds.ID_NUMBER, values.get("id_number"))
	kinds.check(kinds.ID_NUMBER, id_number)
	phone = kinds.normalize(kinds.MOBILE, values.get("phone"))
	kinds.check(kinds.MOBILE, phone)
	born = _date(values.get("birth_date"), "Birth Date")
	if born and born > today:
		raise DomainError("The birth date cannot be in the future")
	gender = GENDERS.get(values.get("gender") or "Female")
	if not gender:
		raise DomainError("Unknown gender: {0}", values["gender"])
	risk = RISKS.get(values.get("risk_level") or "") or _highest(level for _name, level in chosen)
	if values.get("risk_level") and values["risk_level"] not in RISKS:
		raise DomainError("Unknown risk level: {0}", values["risk_level"])
	screened = _date(values.get("screened_on"), "Screened On") or today
	address = values.get("address") or ""
	return {
		"governance_grid": grid,
		"grid_path": grids[grid],
		"subject_name": values["subject_name"],
		"gender": gender,
		"birth_date": born,
		"birth_year": born.year if born else None,
		"is_minor": int(is_minor(born, today)),
		"id_number": id_number or None,
		"phone": phone or None,
		"address": address or None,
		"categories": [{"key_group_category": name} for name, _level in dict.fromkeys(chosen)],
		"risk_level": risk,
		"findings": values.get("findings") or None,
		"help_measures": values.get("help_measures") or None,
		"screened_on": screened,
		"next_visit_due": next_visit_due(screened, risk, cadence),
		"status": "Active",
		"legal_basis": "Statutory Duty",
	}


def _text(value) -> str:
	if isinstance(value, datetime):
		return value.date().isoformat()
	if isinstance(value, date):
		return value.isoformat()
	if isinstance(value, float) and value.is_integer():
		return str(int(value))  # a spreadsheet's number cell
	return str(value or "").strip()


def _split(text: str) -> list[str]:
	for separator in SEPARATORS[1:]:
		text = text.replace(separator, SEPARATORS[0])
	return text.split(SEPARATORS[0])


def _date(text: str | None, label: str) -> date | None:
	if not text:
		return None
	for shape in ("%Y-%m-%d", "%Y/%m/%d", "%Y.%m.%d", "%Y%m%d"):
		try:
			return datetime.strptime(text[:10], shape).date()
		except ValueError:
			continue
	raise DomainError("{0} is not a date: {1}", label, text)


def _highest(levels) -> str:
	return max(levels, key=RISK_LEVELS.index)
