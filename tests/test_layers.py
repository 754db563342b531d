"""Layers of the app, one direction of dependence (docs/ARCHITECTURE.md):

	domain/, docx/  ←  core  ←  controllers  ←  queries/  ←  reports, api/

A module imports only from its own layer or the ones to its left. Reports and api/ share their
read side through queries/ and import neither each other nor, for reports, another report. The
demo generator, patches and tests stand outside and may use any layer."""

import ast
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
APP = ROOT / "fulian_grid"
ORDER = {"pure": 0, "core": 1, "controllers": 2, "queries": 3, "reports": 4, "api": 4}
OUTSIDE = {"demo", "patches", "tests"}


def layer(module: str) -> str:
	parts = module.split(".")[1:]  # below fulian_grid
	head = parts[0] if parts else ""
	if head in ("domain", "docx"):
		return "pure"
	if head in ("queries", "api") or head in OUTSIDE:
		return head
	if head == "fulian_grid" and len(parts) > 1:  # the "Fulian Grid" module folder
		return {"doctype": "controllers", "report": "reports"}.get(parts[1], "controllers")
	return "core"


def imports(path: Path):
	for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
		if isinstance(node, ast.ImportFrom) and node.module and node.module.startswith("fulian_grid"):
			yield node.module
		elif isinstance(node, ast.Import):
			yield from (alias.name for alias in node.names if alias.name.startswith("fulian_grid"))


def report_of(module: str) -> str | None:
	parts = module.split(".")
	return ".".join(parts[:4]) if parts[1:3] == ["fulian_grid", "report"] and len(parts) > 3 else None


def violations():
	found = []
	for path in sorted(APP.rglob("*.py")):
		module = ".".join(path.relative_to(ROOT).with_suffix("").parts).removesuffix(".__init__")
		if path.name.startswith("test_") or layer(module) in OUTSIDE:
			continue
		for target in imports(path):
			source, wanted = layer(module), layer(target)
			if wanted in OUTSIDE:
				found.append(f"{module} imports {target} ({wanted} is no library)")
			elif ORDER[wanted] > ORDER[source]:
				found.append(f"{module} ({source}) imports {target} ({wanted})")
			elif {source, wanted} == {"reports", "api"}:
				found.append(f"{module} ({source}) imports {target} ({wanted}): share it through queries/")
			elif source == wanted == "reports" and report_of(module) != report_of(target):
				found.append(f"{module} imports another report, {target}: share it through queries/")
	return found


def test_imports_go_one_way_only():
	found = violations()
	assert not found, "\n".join(found)


def test_layers_are_told_apart():
	assert layer("fulian_grid.domain.tree") == layer("fulian_grid.docx.common") == "pure"
	assert layer("fulian_grid.permissions") == layer("fulian_grid.subtree") == "core"
	assert layer("fulian_grid.fulian_grid.doctype.home_visit.home_visit") == "controllers"
	assert layer("fulian_grid.queries.statistics") == "queries"
	assert layer("fulian_grid.fulian_grid.report.work_statistics.work_statistics") == "reports"
	assert layer("fulian_grid.api.statistics") == "api"
	assert report_of("fulian_grid.fulian_grid.report.visit_schedule.visit_schedule") == (
		"fulian_grid.fulian_grid.report.visit_schedule"
	)
