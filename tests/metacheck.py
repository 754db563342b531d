"""Metadata rules for every JSON the app ships, checked without Frappe.

`load_app(root)` reads the app into plain dicts; each `check_*` rule takes that model and returns
a list of problems (strings). Tests run every rule on the real app (expecting none) and on broken
samples (expecting the problem), so each rule is proven able to fail.
"""

import ast
import json
import re
from dataclasses import dataclass, field
from pathlib import Path

from babel.messages.pofile import read_po

DATA = Path(__file__).parent / "data"
SNAKE_CASE = re.compile(r"^[a-z][a-z0-9_]*$")
FIELDTYPES = {
	"Autocomplete",
	"Attach",
	"Attach Image",
	"Barcode",
	"Button",
	"Check",
	"Code",
	"Color",
	"Column Break",
	"Currency",
	"Data",
	"Date",
	"Datetime",
	"Duration",
	"Dynamic Link",
	"Float",
	"Fold",
	"Geolocation",
	"Heading",
	"HTML",
	"HTML Editor",
	"Icon",
	"Image",
	"Int",
	"JSON",
	"Link",
	"Long Text",
	"Markdown Editor",
	"Password",
	"Percent",
	"Phone",
	"Read Only",
	"Rating",
	"Section Break",
	"Select",
	"Signature",
	"Small Text",
	"Tab Break",
	"Table",
	"Table MultiSelect",
	"Text",
	"Text Editor",
	"Time",
}
LINKING_FIELDTYPES = {"Link", "Table", "Table MultiSelect"}
PLATFORM_ROLES = {"Administrator", "System Manager", "All", "Guest"}
# Label-like keys of a DocType field that the desk shows (and so translates).
FIELD_TEXT_KEYS = ("label", "description")


def read_names(filename: str) -> set[str]:
	lines = (DATA / filename).read_text(encoding="utf-8").splitlines()
	return {line.strip() for line in lines if line.strip() and not line.startswith("#")}


@dataclass
class AppModel:
	package: Path
	doctypes: dict[str, dict] = field(default_factory=dict)
	doctype_dirs: dict[str, Path] = field(default_factory=dict)
	reports: dict[str, dict] = field(default_factory=dict)
	workflows: dict[str, dict] = field(default_factory=dict)
	other_records: list[dict] = field(default_factory=list)
	roles: set[str] = field(default_factory=set)
	role_profiles: set[str] = field(default_factory=set)
	grid_scoped: set[str] = field(default_factory=set)
	code_messages: set[str] = field(default_factory=set)
	default_records: set[str] = field(default_factory=set)
	translations: dict[str, str] = field(default_factory=dict)


def load_app(package: Path) -> AppModel:
	"""Read the app package at `package` (the folder holding hooks.py)."""
	app = AppModel(package=package)
	for path in sorted(package.glob("*/doctype/*/*.json")):
		data = json.loads(path.read_text(encoding="utf-8"))
		if data.get("doctype") == "DocType" and path.stem == path.parent.name:
			app.doctypes[data["name"]] = data
			app.doctype_dirs[data["name"]] = path.parent
	for path in sorted(package.glob("*/report/*/*.json")):
		data = json.loads(path.read_text(encoding="utf-8"))
		if data.get("doctype") == "Report":
			app.reports[data["name"]] = data
	for path in sorted(package.glob("setup/workflows/*.json")):
		data = json.loads(path.read_text(encoding="utf-8"))
		app.workflows[data["name"]] = data
	for kind in ("workspace", "number_card", "dashboard_chart", "dashboard_chart_source", "print_format"):
		for path in sorted(package.glob(f"*/{kind}/*/*.json")):
			app.other_records.append(json.loads(path.read_text(encoding="utf-8")))
	roles_module = _literals(package / "roles.py")
	app.roles = set(roles_module["APP_ROLES"])
	app.role_profiles = set(roles_module["DEFAULT_ROLE_PROFILES"])
	app.grid_scoped = set(_literals(package / "hooks.py")["_GRID_SCOPED_DOCTYPES"])
	# master records shipped as defaults (their names show in translated Link fields)
	app.default_records = {
		row[0]
		for name, rows in _literals(package / "domain" / "masters.py").items()
		if name.startswith("DEFAULT_") and isinstance(rows, tuple)
		for row in rows
	}
	app.code_messages = code_messages(package)
	po = package / "locale" / "zh.po"
	if po.exists():
		with po.open("rb") as handle:
			app.translations = {m.id: m.string for m in read_po(handle) if m.id}
	return app


def _literals(path: Path) -> dict:
	"""Module-level constants of a plain Python file, evaluated without importing it."""
	tree = ast.parse(path.read_text(encoding="utf-8"))
	names: dict = {}
	for node in tree.body:
		if isinstance(node, ast.Assign) and len(node.targets) == 1 and isinstance(node.targets[0], ast.Name):
			try:
				names[node.targets[0].id] = ast.literal_eval(_resolve(node.value, names))
			except ValueError:
				continue
	return names


def _resolve(node, names):
	"""Replace names already known (e.g. role constants) by their values so literal_eval works."""

	class Inline(ast.NodeTransformer):
		def visit_Name(self, name):
			if name.id in names:
				return ast.copy_location(ast.Constant(names[name.id]), name)
			return name

	return Inline().visit(node)


# --- translatable text ---------------------------------------------------------------------------

_PY_MARKERS = {"_", "msg", "DomainError", "_lt"}
_JS_CALL = re.compile(r"""__\(\s*(["'`])((?:\\.|(?!\1).)*)\1""")


def code_messages(package: Path) -> set[str]:
	"""First string arguments of `_()`, `msg()` and `DomainError()` in Python; `__()` in JS."""
	found: set[str] = set()
	for path in package.rglob("*.py"):
		for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
			if (
				isinstance(node, ast.Call)
				and node.args
				and isinstance(node.args[0], ast.Constant)
				and isinstance(node.args[0].value, str)
				and getattr(node.func, "id", getattr(node.func, "attr", None)) in _PY_MARKERS
			):
				found.add(node.args[0].value)
	built = package / "public" / "frontend"  # the field app's bundle: its source is read below
	for path in package.rglob("*.js"):
		if built not in path.parents:
			found.update(match.group(2) for match in _JS_CALL.finditer(path.read_text(encoding="utf-8")))
	found |= field_app_messages(package.parent / "frontend")
	return found


_JINJA_CALL = re.compile(r"""\b_\(\s*(["'])((?:\\.|(?!\1).)*)\1""")


def field_app_messages(frontend: Path) -> set[str]:
	"""The field app's strings (frontend/, the PWA at /fulian): `__()` in its Vue and JS source,
	`_()` in the Jinja of its page. The build writes the same `__()` list beside the bundle
	(messages.json), and the page carries their translations."""
	found: set[str] = set()
	if not frontend.is_dir():
		return found
	for path in sorted((frontend / "src").rglob("*")):
		if path.suffix in (".vue", ".js"):
			found.update(match.group(2) for match in _JS_CALL.finditer(path.read_text(encoding="utf-8")))
	page = frontend / "index.html"
	if page.exists():
		found.update(match.group(2) for match in _JINJA_CALL.finditer(page.read_text(encoding="utf-8")))
	return found


def translatable_strings(app: AppModel) -> set[str]:
	strings = set(app.roles) | set(app.role_profiles) | app.code_messages | app.default_records
	for name, doctype in app.doctypes.items():
		strings.add(name)
		for docfield in doctype.get("fields", []):
			strings.update(docfield[key] for key in FIELD_TEXT_KEYS if docfield.get(key))
			if docfield.get("fieldtype") == "Select":
				strings.update(o for o in (docfield.get("options") or "").split("\n") if o.strip())
	strings.update(app.reports)
	for workflow in app.workflows.values():
		strings.update(s["state"] for s in workflow.get("states", []))
		strings.update(t["action"] for t in workflow.get("transitions", []))
	for record in app.other_records:
		for key in ("label", "title", "chart_name"):
			if record.get(key):
				strings.add(record[key])
		for table in ("links", "shortcuts", "charts", "number_cards"):  # workspace rows
			strings.update(row["label"] for row in record.get(table) or [] if row.get("label"))
	return {s for s in strings if s.strip()}


# --- rules ---------------------------------------------------------------------------------------


def check_fieldnames(app: AppModel) -> list[str]:
	problems = []
	for name, doctype in app.doctypes.items():
		seen = set()
		for docfield in doctype.get("fields", []):
			fieldname = docfield.get("fieldname", "")
			if not SNAKE_CASE.match(fieldname):
				problems.append(f"{name}: fieldname {fieldname!r} is not snake_case")
			if fieldname in seen:
				problems.append(f"{name}: fieldname {fieldname!r} repeats")
			seen.add(fieldname)
		if doctype.get("field_order") and doctype["field_order"] != [
			f["fieldname"] for f in doctype["fields"]
		]:
			problems.append(f"{name}: field_order does not match fields")
	return problems


def check_fieldtypes(app: AppModel) -> list[str]:
	return [
		f"{name}: field {f['fieldname']!r} has unknown fieldtype {f.get('fieldtype')!r}"
		for name, doctype in app.doctypes.items()
		for f in doctype.get("fields", [])
		if f.get("fieldtype") not in FIELDTYPES
	]


def check_link_targets(app: AppModel) -> list[str]:
	known = set(app.doctypes) | read_names("frappe_doctypes.txt")
	problems = []
	for name, doctype in app.doctypes.items():
		for f in doctype.get("fields", []):
			if f.get("fieldtype") in LINKING_FIELDTYPES and f.get("options") not in known:
				problems.append(f"{name}: {f['fieldname']} links to unknown DocType {f.get('options')!r}")
			if f.get("fieldtype") in ("Table", "Table MultiSelect") and f.get("options") in app.doctypes:
				if not app.doctypes[f["options"]].get("istable"):
					problems.append(
						f"{name}: {f['fieldname']} uses {f['options']!r}, which is not a child table"
					)
	return problems


def check_selects(app: AppModel) -> list[str]:
	return [
		f"{name}: Select field {f['fieldname']!r} has no options"
		for name, doctype in app.doctypes.items()
		for f in doctype.get("fields", [])
		if f.get("fieldtype") == "Select" and not (f.get("options") or "").strip()
	]


def check_permissions(app: AppModel) -> list[str]:
	allowed = app.roles | PLATFORM_ROLES
	problems = []
	for name, doctype in app.doctypes.items():
		if doctype.get("istable"):
			continue
		perms = doctype.get("permissions", [])
		if not perms:
			problems.append(f"{name}: has no permission rows")
		problems.extend(
			f"{name}: permission names unknown role {p.get('role')!r}"
			for p in perms
			if p.get("role") not in allowed
		)
	return problems


def check_name_clashes(app: AppModel) -> list[str]:
	taken = read_names("frappe_doctypes.txt") | read_names("erpnext_doctypes.txt")
	return [f"{name}: clashes with a Frappe or ERPNext DocType" for name in app.doctypes if name in taken]


def check_naming_series(app: AppModel) -> list[str]:
	"""Two DocTypes on one series prefix share its counter and read as each other's names."""
	owners: dict[str, list[str]] = {}
	for name, doctype in app.doctypes.items():
		autoname = doctype.get("autoname") or ""
		if "." in autoname and not autoname.startswith(("field:", "naming_series:", "format:")):
			owners.setdefault(autoname.split(".", 1)[0], []).append(name)
	return [
		f"{', '.join(sorted(names))}: share the naming series prefix '{prefix}'"
		for prefix, names in sorted(owners.items())
		if len(names) > 1
	]


def check_workflows(app: AppModel) -> list[str]:
	allowed_roles = app.roles | PLATFORM_ROLES
	problems = []
	for name, workflow in app.workflows.items():
		if workflow.get("document_type") not in app.doctypes:
			problems.append(f"workflow {name}: unknown document type {workflow.get('document_type')!r}")
		states = {s["state"]: int(s.get("doc_status", 0)) for s in workflow.get("states", [])}
		for state in workflow.get("states", []):
			if state.get("allow_edit") not in allowed_roles:
				problems.append(
					f"workflow {name}: state {state['state']!r} names unknown role {state.get('allow_edit')!r}"
				)
		for t in workflow.get("transitions", []):
			label = f"{t.get('state')} -[{t.get('action')}]-> {t.get('next_state')}"
			for end in ("state", "next_state"):
				if t.get(end) not in states:
					problems.append(f"workflow {name}: transition {label} names missing state {t.get(end)!r}")
			if t.get("allowed") not in allowed_roles:
				problems.append(
					f"workflow {name}: transition {label} names unknown role {t.get('allowed')!r}"
				)
			if t.get("state") in states and t.get("next_state") in states:
				before, after = states[t["state"]], states[t["next_state"]]
				if after < before or (before, after) == (0, 2) or (before == 2 and after != 2):
					problems.append(
						f"workflow {name}: transition {label} moves docstatus {before} -> {after}"
					)
	return problems


def check_reports(app: AppModel) -> list[str]:
	allowed_roles = app.roles | PLATFORM_ROLES
	known = set(app.doctypes) | read_names("frappe_doctypes.txt")
	problems = []
	for name, report in app.reports.items():
		if report.get("ref_doctype") not in known:
			problems.append(f"report {name}: unknown ref_doctype {report.get('ref_doctype')!r}")
		if not report.get("roles"):
			problems.append(f"report {name}: has no roles")
		problems.extend(
			f"report {name}: names unknown role {r.get('role')!r}"
			for r in report.get("roles", [])
			if r.get("role") not in allowed_roles
		)
	return problems


def check_translations(app: AppModel) -> list[str]:
	return sorted(
		f"no zh translation for {text!r}"
		for text in translatable_strings(app)
		if not app.translations.get(text)
	)


# Columns every DocType has, usable in card and chart filters.
STANDARD_FIELDS = {"name", "owner", "creation", "modified", "modified_by", "docstatus", "idx"}
CHART_TYPES = {"Count", "Sum", "Average", "Group By", "Custom", "Report"}
CHART_KINDS = {"Line", "Bar", "Percentage", "Pie", "Donut", "Heatmap"}
VALUE_OPERATORS = ("=", "!=", "in", "not in")  # filters whose values must be Select options
# workspace block type -> (its data key, the workspace table whose row labels it must match)
WORKSPACE_BLOCKS = {
	"number_card": ("number_card_name", "number_cards"),
	"chart": ("chart_name", "charts"),
	"shortcut": ("shortcut_name", "shortcuts"),
	"card": ("card_name", "links"),
}


def _records(app: AppModel, doctype: str) -> dict[str, dict]:
	return {r["name"]: r for r in app.other_records if r.get("doctype") == doctype}


def _field_problems(app: AppModel, where: str, doctype: str, fieldnames, filters_json: str) -> list[str]:
	"""Fields a card or chart names exist on its DocType; Select filter values are options."""
	if doctype not in app.doctypes:
		return [f"{where}: unknown DocType {doctype!r}"]
	fields = {f["fieldname"]: f for f in app.doctypes[doctype].get("fields", [])}
	problems = [
		f"{where}: {doctype} has no field {name!r}"
		for name in fieldnames
		if name and name not in fields and name not in STANDARD_FIELDS
	]
	for row in json.loads(filters_json or "[]"):
		filter_doctype, fieldname, operator, value = row[:4]
		if filter_doctype != doctype:
			problems.append(f"{where}: filter on {filter_doctype!r}, not {doctype!r}")
		elif fieldname not in fields and fieldname not in STANDARD_FIELDS:
			problems.append(f"{where}: filter on unknown field {doctype}.{fieldname}")
		elif fields.get(fieldname, {}).get("fieldtype") == "Select" and operator in VALUE_OPERATORS:
			options = set((fields[fieldname].get("options") or "").split("\n"))
			values = value if isinstance(value, list) else [value]
			problems.extend(
				f"{where}: {doctype}.{fieldname} has no option {v!r}" for v in values if v not in options
			)
	return problems


# Our Group By source with translated labels (api/charts.py): read like Frappe's Group By.
GROUPED_SOURCE = "Fulian Grouped Count"


def check_cards_and_charts(app: AppModel) -> list[str]:
	"""Number cards and dashboard charts name real fields (Frappe fails only when one is shown), and
	every workspace block matches a row of its workspace: the desk finds a block's widget by label
	and silently drops the block when none matches."""
	problems = []
	cards, charts = _records(app, "Number Card"), _records(app, "Dashboard Chart")
	for name, card in cards.items():
		if card.get("type") != "Document Type":
			continue
		where = f"number card {name}"
		aggregate = card.get("aggregate_function_based_on")
		if card.get("function") != "Count" and not aggregate:
			problems.append(f"{where}: {card.get('function')} needs aggregate_function_based_on")
		for key in ("filters_json", "dynamic_filters_json"):
			problems += _field_problems(app, where, card.get("document_type"), [aggregate], card.get(key))
	sources = _records(app, "Dashboard Chart Source")
	for name, chart in charts.items():
		where = f"dashboard chart {name}"
		if chart.get("chart_type") not in CHART_TYPES or chart.get("type") not in CHART_KINDS:
			problems.append(
				f"{where}: unknown chart_type {chart.get('chart_type')!r} or type {chart.get('type')!r}"
			)
			continue
		grouped = chart["chart_type"] == "Custom" and chart.get("source") == GROUPED_SOURCE
		if chart["chart_type"] == "Custom" and chart.get("source") not in sources:
			problems.append(f"{where}: chart source {chart.get('source')!r} is not shipped")
		if chart["chart_type"] in ("Custom", "Report") and not grouped:
			continue
		if chart["chart_type"] == "Group By" or grouped:
			needed = ["group_by_based_on"] + (
				["aggregate_function_based_on"] if chart.get("group_by_type") != "Count" else []
			)
		else:
			needed = ["based_on"] + (["value_based_on"] if chart["chart_type"] != "Count" else [])
		problems += [f"{where}: {key} is not set" for key in needed if not chart.get(key)]
		fieldnames = [chart.get(key) for key in needed]
		for key in ("filters_json", "dynamic_filters_json"):
			problems += _field_problems(app, where, chart.get("document_type"), fieldnames, chart.get(key))
	for workspace in _records(app, "Workspace").values():
		where = f"workspace {workspace['name']}"
		for row in workspace.get("number_cards") or []:
			if row.get("number_card_name") not in cards or row.get("label") != row.get("number_card_name"):
				problems.append(
					f"{where}: number card row {row.get('label')!r} names no shipped card by its name"
				)
		for row in workspace.get("charts") or []:
			if row.get("chart_name") not in charts or row.get("label") != row.get("chart_name"):
				problems.append(f"{where}: chart row {row.get('label')!r} names no shipped chart by its name")
		for block in json.loads(workspace.get("content") or "[]"):
			if block.get("type") not in WORKSPACE_BLOCKS:
				continue
			key, table = WORKSPACE_BLOCKS[block["type"]]
			rows = workspace.get(table) or []
			labels = {r.get("label") for r in rows if table != "links" or r.get("type") == "Card Break"}
			if block["data"].get(key) not in labels:
				problems.append(
					f"{where}: {block['type']} block {block['data'].get(key)!r} has no row in {table}"
				)
	return problems


# Field types Frappe's type exporter declares (frappe.types.DF); layout and display fields have none
TYPED_FIELDTYPES = {
	*("Attach", "Attach Image", "Autocomplete", "Barcode", "Check", "Code", "Color", "Currency"),
	*("Data", "Date", "Datetime", "Duration", "Dynamic Link", "Float", "HTML Editor", "Int", "JSON"),
	*("Link", "Long Text", "Markdown Editor", "Password", "Percent", "Phone", "Rating", "Read Only"),
	*("Select", "Small Text", "Table", "Table MultiSelect", "Text", "Text Editor", "Time"),
}
TYPE_BLOCK = re.compile(r"# begin: auto-generated types\n(.*?)# end: auto-generated types", re.DOTALL)
TYPE_LINE = re.compile(r"^\s+(\w+): DF\.", re.MULTILINE)


def check_type_blocks(app: AppModel) -> list[str]:
	"""Each controller declares its fields as Frappe's exporter writes them (developer mode writes
	them on save; a field added by hand in the JSON must be declared too)."""
	problems = []
	for name, folder in app.doctype_dirs.items():
		controller = folder / f"{folder.name}.py"
		if not controller.exists():
			continue
		block = TYPE_BLOCK.search(controller.read_text(encoding="utf-8"))
		if not block:
			problems.append(f"{name}: {controller.name} has no auto-generated types block")
			continue
		doctype = app.doctypes[name]
		expected = {
			f["fieldname"] for f in doctype.get("fields", []) if f.get("fieldtype") in TYPED_FIELDTYPES
		}
		if doctype.get("istable"):
			expected |= {"parent", "parentfield", "parenttype"}
		declared = set(TYPE_LINE.findall(block.group(1)))
		if missing := sorted(expected - declared):
			problems.append(f"{name}: type block lacks {', '.join(missing)}")
		if extra := sorted(declared - expected):
			problems.append(f"{name}: type block declares fields it has not: {', '.join(extra)}")
	return problems


def check_test_modules(app: AppModel) -> list[str]:
	problems = []
	for name, folder in app.doctype_dirs.items():
		if app.doctypes[name].get("istable"):
			continue
		if not (folder / f"test_{folder.name}.py").exists():
			problems.append(f"{name}: has no test module test_{folder.name}.py")
	return problems


def check_grid_scope(app: AppModel) -> list[str]:
	"""Every DocType carrying a governance_grid link is listed as grid-scoped in hooks.py, and back."""
	carrying = {
		name
		for name, d in app.doctypes.items()
		if not d.get("istable") and any(f["fieldname"] == "governance_grid" for f in d.get("fields", []))
	} | {"Governance Grid"}
	carrying.discard("Grid Role Assignment")  # scoped by its own rule in permissions.py
	problems = [
		f"{name}: has governance_grid but is not in _GRID_SCOPED_DOCTYPES"
		for name in carrying - app.grid_scoped
	]
	problems += [
		f"{name}: listed as grid-scoped but has no governance_grid" for name in app.grid_scoped - carrying
	]
	for name in carrying | {"Grid Role Assignment"}:
		path_field = "tree_path" if name == "Governance Grid" else "grid_path"
		fields = {f["fieldname"]: f for f in app.doctypes.get(name, {}).get("fields", [])}
		indexed = fields.get(path_field, {}).get("search_index") or fields.get(path_field, {}).get("unique")
		if name in app.doctypes and not indexed:
			problems.append(f"{name}: has no indexed {path_field} (the scope rule filters on it)")
	return problems


_LAYOUT_TYPES = {"Section Break", "Column Break", "Tab Break", "HTML", "Button", "Table", "Table MultiSelect"}


def check_identities_not_copied(app: AppModel) -> list[str]:
	"""An identity field (permlevel 1 or above, vault.py) is `no_copy`: the desk's Duplicate would
	carry its masked copy into the new form, where it is refused on save (an amendment still
	keeps the value: Frappe ignores no_copy when amending)."""
	return [
		f"{name}: identity field {f['fieldname']} is not no_copy"
		for name, d in app.doctypes.items()
		for f in d.get("fields", [])
		if (f.get("permlevel") or 0) >= 1 and f.get("fieldtype") not in _LAYOUT_TYPES and not f.get("no_copy")
	]


RULES = (
	check_identities_not_copied,
	check_fieldnames,
	check_fieldtypes,
	check_link_targets,
	check_selects,
	check_permissions,
	check_name_clashes,
	check_naming_series,
	check_workflows,
	check_reports,
	check_translations,
	check_test_modules,
	check_type_blocks,
	check_grid_scope,
	check_cards_and_charts,
)


def all_problems(app: AppModel) -> list[str]:
	return [problem for rule in RULES for problem in rule(app)]
