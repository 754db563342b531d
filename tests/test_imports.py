"""Every `from fulian_grid.… import name` names something the module defines or imports: a name
moved to another module is caught here, before a Frappe test run fails to import it."""

import ast
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def module_path(module: str) -> Path | None:
	base = ROOT / module.replace(".", "/")
	for path in (base.with_suffix(".py"), base / "__init__.py"):
		if path.exists():
			return path
	return None


def top_level_names(path: Path) -> set[str]:
	names = set()
	for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
		if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef | ast.ClassDef):
			names.add(node.name)
		elif isinstance(node, ast.Name) and isinstance(node.ctx, ast.Store):
			names.add(node.id)
		elif isinstance(node, ast.Import | ast.ImportFrom):
			names.update((alias.asname or alias.name).split(".")[0] for alias in node.names)
	return names


def app_imports():
	for path in sorted((ROOT / "fulian_grid").rglob("*.py")):
		for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
			if isinstance(node, ast.ImportFrom) and (node.module or "").startswith("fulian_grid"):
				yield path.relative_to(ROOT), node


def test_imported_names_exist():
	problems = []
	for where, node in app_imports():
		target = module_path(node.module)
		package = ROOT / node.module.replace(".", "/")
		if not target and not package.is_dir():
			problems.append(f"{where}:{node.lineno}: no module {node.module}")
			continue
		defined = top_level_names(target) if target else set()
		for alias in node.names:
			submodule = package / alias.name
			if not (alias.name in defined or submodule.with_suffix(".py").exists() or submodule.is_dir()):
				problems.append(f"{where}:{node.lineno}: {node.module} has no {alias.name}")
	assert not problems, "\n".join(problems)
