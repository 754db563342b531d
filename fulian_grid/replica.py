"""Reads that may run on a MariaDB replica, and when they must not (issue 19, docs/SCALING.md).

Frappe sends a request's reads to a replica inside functions decorated with `frappe.read_only()`
when the site config has `read_from_replica` (with `replica_host`, `replica_db_port` and, when the
replica's login differs, `different_credentials_for_replica`, `replica_db_name`,
`replica_db_password`). Its own read-only paths are the list views, counts and report runs
(`frappe.desk.query_report.run`: Work Statistics, Service Figures, the registers); the app adds
its Word exports and the workspace's charts and cards (`read_only` below). Frappe checks neither
how far behind the replica is nor whether the reader has just written. This module does, before
every request (hooks.before_request) and before each of the app's read-only calls:

- a stale replica: its replication state (`SHOW SLAVE STATUS` on the replica, read with the
  site's replica login, cached STATUS_SECONDS per site) must show both threads running and at
  most `fulian_replica_max_lag` seconds (site config, default 10) behind. Otherwise the request
  reads from the primary — `read_from_replica` is off for this request only — and the statistics
  paths say so in a notice (a toast), and the log says why. Figures from the primary are never
  wrong; figures from a replica stopped an hour ago would be, silently. So: fall back, and tell.
- the reader's own writes: for `fulian_replica_max_lag` + STATUS_SECONDS seconds after a user
  saved, submitted, cancelled or deleted a record, her requests read from the primary, so a
  register opened right after recording a visit shows that visit.
"""

import functools

import frappe
from frappe import _
from frappe.utils import cint

STATUS_KEY = "fulian_replica_status"
WROTE_KEY = "fulian_replica_wrote"
STATUS_SECONDS = 5  # how long one reading of the replica's state is trusted
DEFAULT_MAX_LAG = 10  # seconds


def configured() -> bool:
	conf = frappe.local.conf
	return bool(
		conf and (conf.read_from_replica or frappe.local.flags.get("fulian_replica")) and conf.replica_host
	)


def max_lag() -> int:
	return cint(frappe.local.conf.get("fulian_replica_max_lag")) or DEFAULT_MAX_LAG


def status(cached: bool = True) -> dict:
	"""The replica's state: {"fresh": bool, "reason": …, "lag": seconds or None, "detail": …}."""
	if cached and (state := frappe.cache.get_value(STATUS_KEY, expires=True)):
		return state
	state = probe()
	frappe.cache.set_value(STATUS_KEY, state, expires_in_sec=STATUS_SECONDS)
	if not state["fresh"]:
		frappe.logger("fulian_replica").warning(f"replica not used: {state}")
	return state


def probe() -> dict:
	"""Read the replication state on the replica itself, with the login Frappe reads it with."""
	from frappe.database import get_db

	conf = frappe.local.conf
	user, password = conf.db_name, conf.db_password
	if conf.different_credentials_for_replica:
		user, password = conf.replica_db_name, conf.replica_db_password
	try:
		db = get_db(
			socket=None,
			host=conf.replica_host,
			port=conf.replica_db_port,
			user=user,
			password=password,
			cur_db_name=conf.db_name,
		)
		try:
			rows = db.sql("show slave status", as_dict=True)
		finally:
			db.close()
	except Exception as error:
		denied = "1227" in str(error) or "denied" in str(error).lower()
		return {
			"fresh": False,
			"reason": "unchecked" if denied else "unreachable",
			"lag": None,
			"detail": str(error)[:300],
		}
	if not rows:
		return {"fresh": False, "reason": "not_replica", "lag": None, "detail": ""}
	row = rows[0]
	lag = row.get("Seconds_Behind_Master")
	running = row.get("Slave_IO_Running") == "Yes" and row.get("Slave_SQL_Running") == "Yes"
	if not running:
		detail = row.get("Last_SQL_Error") or row.get("Last_IO_Error") or ""
		return {"fresh": False, "reason": "stopped", "lag": lag, "detail": detail[:300]}
	if lag is None or lag > max_lag():
		return {"fresh": False, "reason": "behind", "lag": lag, "detail": ""}
	return {"fresh": True, "reason": "", "lag": lag, "detail": ""}


def wrote_recently(user: str | None = None) -> bool:
	user = user or frappe.session.user
	return bool(user and user != "Guest" and frappe.cache.get_value(f"{WROTE_KEY}|{user}", expires=True))


# Written by reading (downloads, reveals): not a record a later read must see.
LOG_DOCTYPES = frozenset(("Access Log", "Identity Access Log", "Version", "Activity Log", "Error Log"))


def note_write(doc=None, method=None) -> None:
	"""doc_events "*": the user has written an app record; her reads stay on the primary for a
	while."""
	if not configured() or (doc is not None and doc.doctype in LOG_DOCTYPES):
		return
	if doc is not None and frappe.get_meta(doc.doctype).module != "Fulian Grid":
		return
	user = getattr(frappe.session, "user", None)
	if user and user != "Guest":
		frappe.cache.set_value(f"{WROTE_KEY}|{user}", 1, expires_in_sec=max_lag() + STATUS_SECONDS)


def decide() -> None:
	"""Once per request: keep `read_from_replica` on only if the replica is fresh and the user has
	not just written. Sets `frappe.local.flags.fulian_replica` to "replica", "own_write" or the
	stale state."""
	flags = frappe.local.flags
	if flags.get("fulian_replica") or not configured():
		return
	state = status()
	if not state["fresh"]:
		flags.fulian_replica = state
	elif wrote_recently():
		flags.fulian_replica = "own_write"
	else:
		flags.fulian_replica = "replica"
	frappe.local.conf.read_from_replica = flags.fulian_replica == "replica"


def reset() -> None:
	"""For a process that serves several calls without a new request (tests, benchmarks): decide
	again on the next call."""
	if frappe.local.flags.pop("fulian_replica", None) is not None:
		frappe.local.conf.read_from_replica = 1


def stale_notice() -> str | None:
	state = frappe.local.flags.get("fulian_replica")
	if not isinstance(state, dict):
		return None
	reason = state.get("reason")
	if reason == "behind" and state.get("lag") is not None:
		return _(
			"The replica database is {0} seconds behind: these figures were read from the main database."
		).format(state["lag"])
	return {
		"stopped": _(
			"The replica database has stopped replicating: these figures were read from the main database."
		),
		"unreachable": _(
			"The replica database cannot be reached: these figures were read from the main database."
		),
		"unchecked": _(
			"The replica database's replication state cannot be read: these figures were read from the main database."
		),
		"not_replica": _(
			"The configured replica database does not replicate this site: these figures were read from the main database."
		),
	}.get(reason, _("The replica database is behind: these figures were read from the main database."))


def notice() -> None:
	"""Tell the reader, once per request, that her figures came from the primary and why."""
	if frappe.local.flags.get("fulian_replica_noticed"):
		return
	if text := stale_notice():
		frappe.local.flags.fulian_replica_noticed = True
		frappe.msgprint(text, indicator="orange", alert=True)


# Report runs are Frappe's read-only path (frappe.desk.query_report.run); the notice goes with them.
_NOTICE_PATHS = ("/api/method/frappe.desk.query_report.run",)


def before_request() -> None:
	"""hooks.before_request: decide where this request reads."""
	if not configured():
		return
	decide()
	request = getattr(frappe.local, "request", None)
	if request is not None and request.path in _NOTICE_PATHS:
		notice()


def read_only():
	"""`frappe.read_only()` for the app's read paths, with the checks above, and leaving no replica
	connection behind (Frappe keeps `local.primary_db` after its first switch, and then never
	switches again in the same process)."""

	def decorator(fn):
		read = frappe.read_only()(fn)

		@functools.wraps(fn)
		def wrapper(*args, **kwargs):
			if not configured():
				return fn(*args, **frappe.get_newargs(fn, kwargs))
			decide()
			notice()
			outermost = not hasattr(frappe.local, "primary_db")
			try:
				return read(*args, **kwargs)
			finally:
				if outermost:
					for attribute in ("primary_db", "replica_db"):
						if hasattr(frappe.local, attribute):
							delattr(frappe.local, attribute)

		return wrapper

	return decorator


def where_read() -> str:
	"""Which server the current connection reads: "replica" or "primary" (for tests)."""
	return "replica" if getattr(frappe.local, "replica_db", None) is frappe.local.db else "primary"
