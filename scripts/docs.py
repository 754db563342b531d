#!/usr/bin/env python3
"""Regenerate the drawings in docs/ from the app's own definitions (no Frappe needed).

python scripts/docs.py          # rewrite docs/appendix-c.svg from the shipped workflow
"""

import json
import sys
from pathlib import Path

from babel.messages.pofile import read_po

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
from fulian_grid.domain.flowchart import flowchart_svg  # noqa: E402

WORKFLOW = ROOT / "fulian_grid" / "setup" / "workflows" / "infringement_report.json"
TARGET = ROOT / "docs" / "appendix-c.svg"


def appendix_c_svg() -> str:
	with (ROOT / "fulian_grid" / "locale" / "zh.po").open("rb") as handle:
		zh = {m.id: m.string for m in read_po(handle) if m.id}
	workflow = json.loads(WORKFLOW.read_text(encoding="utf-8"))
	states = list(dict.fromkeys(row["state"] for row in workflow["states"]))
	arrows: dict[tuple, dict] = {}
	for t in workflow["transitions"]:
		key = (t["state"], t["action"], t["next_state"])
		role = zh.get(t["allowed"], t["allowed"])
		if key in arrows:
			arrows[key]["allowed"] += "、" + role
		else:
			arrows[key] = dict(t, allowed=role)
	return (
		flowchart_svg("网格妇联妇女儿童侵权重点事项发现报告制度流程图", states, list(arrows.values()), zh)
		+ "\n"
	)


if __name__ == "__main__":
	TARGET.write_text(appendix_c_svg(), encoding="utf-8")
	print(f"wrote {TARGET.relative_to(ROOT)}")
