"""The field app's strings (frontend/, the PWA at /fulian) are translated like the rest of the app:
written in English inside `__()`, extracted by scripts/i18n.py with the app's own, and translated in
locale/zh.po — the tier-1 translation check covers them; no Chinese is left in its source."""

import re
from pathlib import Path

import metacheck
from metacheck import field_app_messages, load_app

ROOT = Path(__file__).resolve().parent.parent
FRONTEND = ROOT / "frontend"
CJK = re.compile(r"[\u3000-\u303f\u4e00-\u9fff\uff00-\uffef]")
COMMENTS = re.compile(r"<!--.*?-->|/\*.*?\*/|(?:^|(?<=\s))//[^\n]*", re.S)


def sources():
	yield from sorted(p for p in (FRONTEND / "src").rglob("*") if p.suffix in (".vue", ".js"))
	yield FRONTEND / "index.html"


def test_the_field_app_strings_are_extracted():
	messages = field_app_messages(FRONTEND)
	assert {"Today's Visits", "Quick Report", "Submit the visit", "Field Notes"} <= messages
	assert len(messages) > 60
	assert messages <= metacheck.code_messages(ROOT / "fulian_grid")  # so i18n.py and the check see them


def test_every_field_app_string_has_a_chinese_translation():
	app = load_app(ROOT / "fulian_grid")
	missing = sorted(m for m in field_app_messages(FRONTEND) if not app.translations.get(m))
	assert missing == []
	assert app.translations["Today's Visits"] == "今日走访"


def test_an_untranslated_field_app_string_is_caught(tmp_path):
	(tmp_path / "src").mkdir()
	(tmp_path / "src" / "Page.vue").write_text(
		'<p>{{ __("A brand new phone string") }}</p>', encoding="utf-8"
	)
	app = load_app(ROOT / "fulian_grid")
	app.code_messages |= field_app_messages(tmp_path)
	assert "no zh translation for 'A brand new phone string'" in metacheck.check_translations(app)


def test_no_chinese_is_left_in_the_field_app_source():
	found = []
	for path in sources():
		code = COMMENTS.sub("", path.read_text(encoding="utf-8"))
		found += [
			f"{path.relative_to(ROOT)}: {line.strip()}" for line in code.splitlines() if CJK.search(line)
		]
	assert found == []


def test_every_translation_call_names_its_msgid_literally():
	"""`__(x ? "a" : "b")` would hide its strings from the extraction (and from zh.po)."""
	calls = []
	for path in sources():
		code = COMMENTS.sub("", path.read_text(encoding="utf-8")).replace("function __(", "")
		calls += [
			f"{path.name}: __({match.group(1)}"
			for match in re.finditer(r"\b__\(\s*(\S{0,12})", code)
			if not re.match(r"[\"'`]", match.group(1))
		]
	assert calls == []
