"""One way through the tree (issue 17): every "inside this subtree" question of the app goes
through fulian_grid/subtree.py, on tree paths. This scan fails when one of the other dialects
comes back in production code:

- a `descendants of` / `ancestors of` filter (Frappe expands it into an IN list of every node);
- lft/rgt used to scope or to test containment. They stay only as Frappe's NestedSet bookkeeping:
  `lft` in tree order (ORDER BY / GROUP BY), and the files below that keep the nested set itself;
- the path arithmetic of domain/tree.py imported around subtree.py."""

import ast
import re
from pathlib import Path

APP = Path(__file__).resolve().parents[1] / "fulian_grid"

# Files that keep nested sets themselves, and why.
NESTED_SET_FILES = {
	"demo/shape.py": "numbers the generated tree's lft/rgt for the bulk insert",
	"demo/records.py": "numbers the generated federation tree's lft/rgt for the bulk insert",
	"demo/bulk.py": "writes the numbered lft/rgt with the generated nodes",
	"domain/server_owned.py": "declares the NestedSet fields server-owned",
	"api/org_chart.py": "the Women Federation tree's own nesting (order and depth of the chart)",
}
TREE_ORDER = re.compile(r"order[ _]?by|\.orderby\(|group by", re.IGNORECASE)
CONTAINMENT = re.compile(r"between|[<>]=?|\[\s*\w+\s*:|\"lft\"\s*:")
PATH_QUESTIONS = {
	"within",
	"outermost_paths",
	"path_condition",
	"subtree_bounds",
	"ancestor_paths",
	"lying_under",
}


def production_files(*suffixes):
	for path in sorted(APP.rglob("*")):
		relative = path.relative_to(APP).as_posix()
		if path.suffix not in suffixes or "/tests/" in f"/{relative}" or path.name.startswith("test_"):
			continue
		yield relative, path.read_text(encoding="utf-8")


def code_lines(text):
	"""Lines that are not comments (docstrings may explain the rule; they run nothing) nor Frappe's
	generated type declarations (a tree DocType declares its lft and rgt there)."""
	in_types = False
	for number, line in enumerate(text.splitlines(), 1):
		stripped = line.strip()
		if stripped in ("# begin: auto-generated types", "# end: auto-generated types"):
			in_types = stripped.startswith("# begin")
		elif not in_types and not stripped.startswith(("#", "//")):
			yield number, line


def test_no_descendants_of_filter_anywhere():
	found = [
		f"{relative}:{number}"
		for relative, text in production_files(".py", ".js", ".json")
		if relative != "subtree.py"  # its docstring states the rule
		for number, line in code_lines(text)
		if re.search(r"(descendants|ancestors) of", line, re.IGNORECASE)
	]
	assert not found, f"`descendants of` filters expand to IN lists; use fulian_grid.subtree: {found}"


def nested_set_uses(relative, text):
	if relative in NESTED_SET_FILES or relative == "subtree.py":
		return []
	found = []
	for number, line in code_lines(text):
		if re.search(r"\brgt\b", line):
			found.append(f"{relative}:{number}: {line.strip()}")
		elif re.search(r"\blft\b", line) and (not TREE_ORDER.search(line) or CONTAINMENT.search(line)):
			found.append(f"{relative}:{number}: {line.strip()}")
	return found


def test_no_lft_rgt_scoping_outside_the_nested_set_bookkeeping():
	found = [
		use for relative, text in production_files(".py", ".js") for use in nested_set_uses(relative, text)
	]
	assert not found, "subtree questions go through fulian_grid.subtree (tree paths):\n" + "\n".join(found)


def test_the_guard_catches_each_dialect():
	for line in (
		'filters={"lft": (">=", root.lft), "rgt": ("<=", root.rgt)}',
		'conditions.append("g.lft between %(lft)s and %(rgt)s")',
		"and vg.lft between n.lft and n.rgt",
		".where(grid.lft[lft:rgt])",
		"order by n.lft, n.lft > 3",
		"if b.lft <= visit.lft:",
	):
		assert nested_set_uses("api/example.py", line), line
	for line in ("order by g.lft, l.screened_on", 'order_by="lft asc",', ".orderby(grid.lft)  # tree order"):
		assert not nested_set_uses("api/example.py", line), line


def test_path_questions_are_asked_through_the_subtree_module():
	found = []
	for relative, text in production_files(".py"):
		if relative == "subtree.py" or relative.startswith("domain/"):
			continue
		for node in ast.walk(ast.parse(text)):
			if isinstance(node, ast.ImportFrom) and node.module == "fulian_grid.domain.tree":
				if asked := {alias.name for alias in node.names} & PATH_QUESTIONS:
					found.append(f"{relative}: {sorted(asked)}")
	assert not found, f"ask fulian_grid.subtree, not domain.tree, whether a path is inside a subtree: {found}"
