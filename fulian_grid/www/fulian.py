"""/fulian: the entry page of the field app (frontend/, built into public/frontend by `bench build`;
the build copies its index.html here as fulian.html). The page carries the CSRF token, who is
logged in and the translations of the app's own strings — nothing else: every record comes through
api/field.py, scoped like the desk."""

import json
from pathlib import Path

import frappe
from frappe import _

no_cache = 1

# written by the build (frontend/vite.config.js): the msgids the bundle passes to __()
MESSAGES = Path(__file__).parent.parent / "public" / "frontend" / "messages.json"


def field_messages(lang: str) -> dict[str, str]:
	"""{msgid: translation} of the field app's strings in `lang` (locale/zh.po of this app, as every
	`_()` of the desk), the way frappe/hrms' frontend receives its messages in the boot."""
	try:
		msgids = json.loads(MESSAGES.read_text(encoding="utf-8"))
	except (OSError, ValueError):
		return {}
	translated = {}
	for msgid in msgids:
		text = _(msgid, lang=lang)
		if text != msgid:
			translated[msgid] = text
	return translated


def _page_language() -> str:
	"""Hers when logged in; for the login screen the site's language (System Settings), unless the
	visitor chose one (`_lang`, the preferred_language cookie) — Frappe gives a guest English here."""
	if frappe.session.user != "Guest" or frappe.form_dict.get("_lang"):
		return frappe.local.lang or "en"
	request = getattr(frappe.local, "request", None)
	chosen = request.cookies.get("preferred_language") if request else None
	return chosen or frappe.db.get_default("lang") or frappe.local.lang or "en"


def get_context(context):
	csrf_token = frappe.sessions.get_csrf_token()
	frappe.db.commit()  # nosemgrep: the CSRF token is kept with the session (as frappe/hrms does)
	context.csrf_token = csrf_token
	context.user = frappe.session.user
	context.full_name = frappe.utils.get_fullname(frappe.session.user)
	context.lang = frappe.local.lang = _page_language()  # the page's Jinja _() follows it too
	context.messages = field_messages(context.lang)
	return context
