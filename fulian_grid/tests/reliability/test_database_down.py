"""MariaDB out of reach (issue 18): the web server's entry point (fulian_grid/wsgi.py) answers a
Chinese 503 — JSON in Frappe's shape for the API, a page for the desk — where Frappe alone cannot
build any reply; and changes nothing while the database answers.

The site's database is put out of reach for the requests only: their site configuration points at
a loopback port where nothing listens (Frappe really fails to connect, in init_request). The real
MariaDB killed under writes is scripts/reliability.sh's check."""

import json
import socket
from threading import Thread
from unittest.mock import patch

import frappe
from werkzeug.test import Client

from fulian_grid import wsgi
from fulian_grid.tests.utils import FulianTestCase

DOWN = "数据库暂时无法连接"


def closed_port() -> int:
	with socket.socket() as s:
		s.bind(("127.0.0.1", 0))
		return s.getsockname()[1]  # free, and closed again when this returns


class TestDatabaseDown(FulianTestCase):
	def setUp(self):
		wsgi._seen_down_at.clear()  # each test starts with no outage seen

	def serve(self, path: str, *, down: bool, verb: str = "get", **kwargs):
		"""One request through the production entry point in its own thread, as HTTP."""
		out, site = {}, frappe.local.site
		real_config = frappe.get_site_config
		port = closed_port()

		def config(*args, **kw):
			conf = real_config(*args, **kw)
			if down:
				conf.update(db_host="127.0.0.1", db_port=port, db_socket=None)
			return conf

		def run():
			with patch("frappe.get_site_config", config):
				client = Client(wsgi.application)
				out["response"] = getattr(client, verb)(
					path, headers={"Host": site, **kwargs.pop("headers", {})}, **kwargs
				)

		thread = Thread(target=run)
		thread.start()
		thread.join()
		return out["response"]

	def shown(self, response) -> str:
		messages = json.loads(response.json["_server_messages"])
		return " ".join(json.loads(m)["message"] for m in messages)

	def test_api_call_while_down_is_a_chinese_503(self):
		for verb, path in (
			("get", "/api/method/frappe.auth.get_logged_user"),
			("post", "/api/method/frappe.client.insert"),
			("get", "/api/resource/Screening Ledger"),
		):
			with self.subTest(path=path):
				response = self.serve(path, down=True, verb=verb, json={} if verb == "post" else None)
				self.assertEqual(response.status_code, 503, response.get_data(as_text=True)[:300])
				self.assertIn(DOWN, self.shown(response))
				self.assertEqual(response.headers["Retry-After"], str(wsgi.RETRY_AFTER_SECONDS))
				self.assertNotIn("Traceback", response.get_data(as_text=True))
				self.assertNotIn("OperationalError", response.get_data(as_text=True))

	def test_desk_page_while_down_is_a_chinese_page(self):
		response = self.serve("/app", down=True, headers={"Accept": "text/html"})
		self.assertEqual(response.status_code, 503)
		self.assertTrue(response.content_type.startswith("text/html"))
		page = response.get_data(as_text=True)
		self.assertIn(DOWN, page)
		self.assertIn("服务暂时不可用", page)

	def test_nothing_changes_while_the_database_answers(self):
		pong = self.serve("/api/method/ping", down=False)
		self.assertEqual((pong.status_code, pong.json), (200, {"message": "pong"}))
		# Frappe's own refusals pass unchanged: only a server error with the database away is replaced
		refused = self.serve(
			"/api/method/frappe.client.get_count", down=False, query_string={"doctype": "NoSuchDocType"}
		)
		self.assertLess(refused.status_code, 500)
		self.assertNotIn(DOWN, refused.get_data(as_text=True))
		self.assertFalse(wsgi._database_down({"HTTP_HOST": frappe.local.site}))

	def test_server_error_just_after_an_outage_is_part_of_it(self):
		"""A restarting MariaDB accepts a connection and drops it: the server error a request meets
		then, seconds after this worker found the database down, is answered as the outage; later,
		or with no outage seen, a server error stays Frappe's."""
		environ = {"HTTP_HOST": frappe.local.site}
		self.assertFalse(wsgi._just_down(environ))
		self.serve("/api/method/ping", down=True)  # the probe finds it down
		self.assertTrue(wsgi._just_down(environ))
		wsgi._seen_down_at[frappe.local.site] -= wsgi.OUTAGE_TAIL_SECONDS
		self.assertFalse(wsgi._just_down(environ))
