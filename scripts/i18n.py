#!/usr/bin/env python3
"""Keep fulian_grid/locale in step with the app (needs only babel; no Frappe).

python scripts/i18n.py          # rewrite main.pot, add new msgids to zh.po, list untranslated
python scripts/i18n.py --check  # exit 1 if any translatable text lacks a zh translation
"""

import sys
from pathlib import Path

from babel.messages.catalog import Catalog
from babel.messages.pofile import read_po, write_po

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))
from metacheck import load_app, translatable_strings  # noqa: E402

LOCALE = ROOT / "fulian_grid" / "locale"


def main() -> int:
	app = load_app(ROOT / "fulian_grid")
	strings = sorted(translatable_strings(app))
	if "--check" not in sys.argv:
		pot = Catalog(project="Fulian Grid", fuzzy=False)
		for text in strings:
			pot.add(text)
		with (LOCALE / "main.pot").open("wb") as handle:
			write_po(handle, pot, width=0, omit_header=False, sort_output=True)
		po_path = LOCALE / "zh.po"
		if po_path.exists():
			with po_path.open("rb") as handle:
				po = read_po(handle, locale="zh")
		else:
			po = Catalog(locale="zh", project="Fulian Grid", fuzzy=False)
		for text in strings:
			if text not in po:
				po.add(text, "")
		for message in list(po):  # a stale msgid would still override Frappe's own translation
			if message.id and message.id not in strings:
				del po[message.id]
		with po_path.open("wb") as handle:
			write_po(handle, po, width=0, sort_output=True, ignore_obsolete=True)
		app = load_app(ROOT / "fulian_grid")
	missing = [text for text in strings if not app.translations.get(text)]
	for text in missing:
		print(f"untranslated: {text}")
	return 1 if missing and "--check" in sys.argv else 0


if __name__ == "__main__":
	sys.exit(main())
