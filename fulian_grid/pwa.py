"""The field app's service worker at /fulian/sw.js, so its scope covers /fulian (a worker served
from /assets/… could not control the page). vite-plugin-pwa builds it into public/frontend."""

from pathlib import Path

import frappe
from werkzeug.wrappers import Response

SERVICE_WORKER = Path(__file__).parent / "public" / "frontend" / "sw.js"
ROUTE = "/fulian/sw.js"


class ServiceWorkerPage:
	"""hooks.page_renderer: checked before Frappe's own renderers."""

	def __init__(self, path=None, http_status_code=None):
		self.path = path

	def can_render(self) -> bool:
		request = getattr(frappe.local, "request", None)
		return bool(request and request.path == ROUTE and SERVICE_WORKER.is_file())

	def render(self):
		response = Response(SERVICE_WORKER.read_bytes(), mimetype="application/javascript")
		response.headers["Cache-Control"] = "no-cache"  # a new build reaches phones at once
		response.headers["Service-Worker-Allowed"] = "/fulian"
		return response
