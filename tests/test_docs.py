"""The drawings in docs/ are generated from the app's definitions and must not drift from them."""

import importlib.util
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def load_docs_script():
	spec = importlib.util.spec_from_file_location("docs_script", ROOT / "scripts" / "docs.py")
	module = importlib.util.module_from_spec(spec)
	spec.loader.exec_module(module)
	return module


def test_appendix_c_in_docs_matches_the_shipped_workflow():
	docs = load_docs_script()
	assert (ROOT / "docs" / "appendix-c.svg").read_text(encoding="utf-8") == docs.appendix_c_svg(), (
		"run: python scripts/docs.py"
	)


def test_appendix_c_is_in_chinese():
	svg = (ROOT / "docs" / "appendix-c.svg").read_text(encoding="utf-8")
	for text in ("上报", "已报告", "已核实", "服务中", "已转介", "已关闭", "重新打开"):
		assert text in svg
