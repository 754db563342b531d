"""The web server's entry point: Frappe's WSGI application, answering in Chinese while MariaDB is down.

Frappe needs the database before it can reply at all: `init_request` reads the installed apps and
the session from it, and `handle_exception` reads System Settings to build even its error reply, so
while MariaDB cannot be reached every request ends in gunicorn's bare "Internal Server Error" (or a
`{"exc_type": "OperationalError"}`), and no hook of an app runs early enough to change that.
Production therefore serves this module instead of `frappe.app:application`:

	gunicorn … fulian_grid.wsgi:application      (bench's supervisor.conf: the same replacement)

Every request goes to Frappe unchanged. Only when Frappe's reply is a server error (5xx), or Frappe
raises, does this ask whether the site's database answers (one connection attempt, at most two
seconds); if it does not — or it did not a few seconds ago in this worker: a restarting MariaDB
accepts a connection and then drops it, and the request that met that is part of the same outage —
the reply becomes a 503 with Retry-After and a Chinese message: JSON in Frappe's own shape
(`_server_messages`, which the desk shows in its message dialog) for /api and desk calls, a small
page otherwise. Nothing else changes, so a working site pays nothing."""

import json
import os
import time
from functools import cache
from html import escape as escape_html

import frappe
import frappe.app
from werkzeug.wrappers import Response

RETRY_AFTER_SECONDS = 30
PROBE_TIMEOUT_SECONDS = 2
OUTAGE_TAIL_SECONDS = 30  # a server error this soon after the database was seen down is that outage's
_seen_down_at = {}  # site -> time.monotonic() of the last probe that found its database down


def application(environ, start_response):
	held = {}

	def hold(status, headers, exc_info=None):  # Frappe's reply waits until it is known to stand
		held.update(status=status, headers=headers, exc_info=exc_info)
		return lambda data: None  # Frappe writes its body through the returned iterable only

	try:
		body = frappe.app.application(environ, hold)
	except Exception:
		_forget_request()
		if _database_down(environ) or _just_down(environ):
			return _unavailable(environ, start_response)
		raise
	if held.get("status", "200")[:1] == "5" and (_database_down(environ) or _just_down(environ)):
		lang = getattr(frappe.local, "lang", None)
		try:
			body.close()  # Frappe's after-response work (it releases the request's state)
		except Exception:
			_forget_request()  # that work needs the database too; the request's state goes anyway
		return _unavailable(environ, start_response, lang)
	start_response(held["status"], held["headers"], held["exc_info"])
	return body


def _forget_request() -> None:
	"""Frappe's application raised before it could release the request's state."""
	try:
		frappe.destroy()
	except Exception:
		pass


def _site_config(environ) -> dict:
	sites_path = frappe.app._sites_path
	site = _site(environ)
	site_path = os.path.join(sites_path, site)
	if not site or not os.path.isfile(os.path.join(site_path, "site_config.json")):
		return {}
	return frappe.get_site_config(sites_path=sites_path, site_path=site_path)


def _site(environ) -> str:
	host = environ.get("HTTP_HOST") or environ.get("SERVER_NAME") or ""
	return frappe.app._site or environ.get("HTTP_X_FRAPPE_SITE_NAME") or host.split(":", 1)[0]


def _just_down(environ) -> bool:
	"""Whether this worker found the site's database down a few seconds ago."""
	seen = _seen_down_at.get(_site(environ))
	return seen is not None and time.monotonic() - seen < OUTAGE_TAIL_SECONDS


def _database_down(environ) -> bool:
	"""Whether the request's site has a MariaDB database that does not answer right now."""
	try:
		conf = _site_config(environ)
	except Exception:
		return False
	if not conf.get("db_name") or (conf.get("db_type") or "mariadb") != "mariadb":
		return False
	import pymysql

	try:
		connection = pymysql.connect(
			host=conf.get("db_host") or "127.0.0.1",
			port=int(conf.get("db_port") or 3306),
			unix_socket=conf.get("db_socket") or None,
			user=conf.get("db_user") or conf["db_name"],
			password=conf.get("db_password") or "",
			database=conf["db_name"],
			connect_timeout=PROBE_TIMEOUT_SECONDS,
		)
	except pymysql.err.MySQLError:
		_seen_down_at[_site(environ)] = time.monotonic()
		return True
	connection.close()
	return False


@cache
def _translations(lang: str) -> dict[str, str]:
	"""The app's translations from its .po file: the database and Redis may both be away."""
	from frappe.gettext.translate import get_catalog

	try:
		catalog = get_catalog("fulian_grid", lang.replace("-", "_"))
	except Exception:
		return {}
	return {str(m.id): str(m.string) for m in catalog if m.id and m.string}


def _(message: str, lang: str) -> str:
	"""frappe._ without the database: the app's own catalog of `lang`."""
	return _translations(lang).get(message) or message


def _unavailable(environ, start_response, lang: str | None = None):
	lang = lang if lang and lang != "en" else "zh"  # the federation's sites speak Chinese
	title = _("The service is briefly unavailable", lang)
	message = _(
		"The database cannot be reached at the moment; please try again shortly. Your saved data is "
		"not lost. If what you just submitted does not show once the service is back, submit it again.",
		lang,
	)
	accept = environ.get("HTTP_ACCEPT") or ""
	as_json = (
		(environ.get("PATH_INFO") or "").startswith("/api/")
		or "application/json" in accept
		or environ.get("HTTP_X_REQUESTED_WITH") == "XMLHttpRequest"
	)
	if as_json:
		shown = json.dumps({"message": message, "title": title, "indicator": "red"}, ensure_ascii=False)
		reply = Response(
			json.dumps(
				{
					"exc_type": "DatabaseUnavailable",
					"_server_messages": json.dumps([shown], ensure_ascii=False),
				},
				ensure_ascii=False,
			),
			status=503,
			content_type="application/json",
		)
	else:
		reply = Response(
			"<!doctype html>"
			f'<html lang="{escape_html(lang)}"><head><meta charset="utf-8">'
			'<meta name="viewport" content="width=device-width, initial-scale=1">'
			f"<title>{escape_html(title)}</title></head>"
			'<body style="font-family: sans-serif; max-width: 36em; margin: 4em auto; padding: 0 1em">'
			f"<h1>{escape_html(title)}</h1><p>{escape_html(message)}</p></body></html>",
			status=503,
			content_type="text/html; charset=utf-8",
		)
	reply.headers["Retry-After"] = str(RETRY_AFTER_SECONDS)
	reply.headers["Cache-Control"] = "no-store"
	return reply(environ, start_response)
