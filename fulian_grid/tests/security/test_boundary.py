"""The boundary (boundary.py) over HTTP: Frappe's generic endpoints called as an attacker would,
by real requests through Frappe's WSGI application, as a grid worker of county A against county
B's records, as a user with no role and as a System Manager; and the classification of every
whitelisted method of the installed Frappe.

Planted secrets sit in county B's records; each reply is searched for them. The requests run in
their own threads and database connections, so the planted records are committed (and removed)."""

import importlib
import io
import json
import os
import pkgutil
from threading import Thread
from unittest.mock import patch

import frappe
from frappe.utils import get_test_client, today
from frappe.utils.password import update_password

from fulian_grid import boundary
from fulian_grid.tests.factories import assign, make_federation, make_grid, make_user
from fulian_grid.tests.utils import FulianTestCase

PASSWORD = "Boundary-Test-Pw-9381!"
SECRET_NAME = "欧阳秘娟"
SECRET_ID = "37052319870615452X"  # not a real check digit: it is never stored, only searched for
B_PATH_SECRET = "B区秘密网格"
SECRET_NOTE = "丈夫每晚酒后殴打秘密记录"  # findings: a plain text column of B's entry


def _request(client, verb: str, path: str, **kwargs):
	"""One request through Frappe's WSGI app in its own thread (its own frappe.local), as HTTP."""
	out = {}
	site = frappe.local.site

	def run():
		with patch("frappe.app.get_site_name", return_value=site):
			out["response"] = getattr(client, verb)(path, **kwargs)

	thread = Thread(target=run)
	thread.start()
	thread.join()
	return out["response"]


class Caller:
	def __init__(self, user: str):
		self.user = user
		self.client = get_test_client()
		response = _request(self.client, "post", "/api/method/login", json={"usr": user, "pwd": PASSWORD})
		assert response.status_code == 200, response.text

	def method(self, name: str, /, **args):
		return _request(self.client, "post", f"/api/method/{name}", json=args)

	def get(self, path: str, **params):
		return _request(
			self.client,
			"get",
			path,
			query_string={k: v if isinstance(v, str) else json.dumps(v) for k, v in params.items()},
		)


class TestBoundaryOverHttp(FulianTestCase):
	@classmethod
	def setUpClass(cls):
		super().setUpClass()
		make_grid("BXC", "边界市", "City")
		for county in ("A", "B"):
			make_grid(f"BX{county}", f"边界{county}县", "County", "BXC")
			make_grid(
				f"BX{county}G",
				B_PATH_SECRET if county == "B" else "边界A网格",
				"Grid",
				f"BX{county}",
				kind="Community Grid",
			)
			make_federation(f"边界{county}妇联", "Grid Federation", f"BX{county}G")
		cls.worker_a = make_user("bx_worker_a@fulian.test")
		assign(cls.worker_a, "Fulian Grid Worker", "BXAG")
		cls.chair_a = make_user("bx_chair_a@fulian.test")  # writes in A
		assign(cls.chair_a, "Fulian Grid Chair", "BXAG")
		cls.nobody = make_user("bx_nobody@fulian.test")
		cls.sysman = make_user("bx_sysman@fulian.test", roles=("System Manager",))
		cls.handler = make_user("bx_city_admin@fulian.test")
		assign(cls.handler, "Fulian Admin", "BXC")
		for user in (cls.worker_a, cls.chair_a, cls.nobody, cls.sysman, cls.handler):
			update_password(user, PASSWORD)
		category = frappe.get_all("Key Group Category", pluck="name", limit=1)[0]
		cls.entry_b = (
			frappe.get_doc(
				{
					"doctype": "Screening Ledger",
					"governance_grid": "BXBG",
					"subject_name": SECRET_NAME,
					"categories": [{"key_group_category": category}],
					"risk_level": "High",
					"findings": SECRET_NOTE,
					"screened_on": today(),
					"household_members": [{"member_name": SECRET_NAME + "女", "relation": "Child"}],
				}
			)
			.insert(ignore_permissions=True)
			.name
		)
		cls.entry_a = (
			frappe.get_doc(
				{
					"doctype": "Screening Ledger",
					"governance_grid": "BXAG",
					"subject_name": "张甲",
					"categories": [{"key_group_category": category}],
					"risk_level": "Low",
					"screened_on": today(),
				}
			)
			.insert(ignore_permissions=True)
			.name
		)
		frappe.db.commit()  # nosemgrep: the requests read committed data
		cls.worker = Caller(cls.worker_a)
		cls.no_role = Caller(cls.nobody)
		cls.system_manager = Caller(cls.sysman)
		cls.chair = Caller(cls.chair_a)

	@classmethod
	def tearDownClass(cls):
		frappe.set_user("Administrator")
		for name in (cls.entry_a, cls.entry_b):
			frappe.delete_doc("Screening Ledger", name, force=True, ignore_permissions=True)
		for grid in ("BXAG", "BXBG", "BXA", "BXB", "BXC"):
			for federation in frappe.get_all(
				"Women Federation", filters={"governance_grid": grid}, pluck="name"
			):
				frappe.delete_doc("Women Federation", federation, force=True, ignore_permissions=True)
			frappe.db.delete("Grid Role Assignment", {"governance_grid": grid})
			frappe.delete_doc("Governance Grid", grid, force=True, ignore_permissions=True)
		frappe.db.delete("Deleted Document", {"deleted_name": ("in", [cls.entry_a, cls.entry_b])})
		frappe.db.commit()  # nosemgrep
		super().tearDownClass()

	def assertLeaksNothing(self, response, *secrets, asked_for_b=False):
		text = response.get_data(as_text=True)  # B's record name only when the caller named it
		for secret in (
			*(() if asked_for_b else (self.entry_b,)),
			SECRET_NAME,
			B_PATH_SECRET,
			SECRET_NOTE,
			*secrets,
		):
			self.assertNotIn(secret, text)
			self.assertNotIn(json.dumps(secret)[1:-1], text)

	def test_the_detector_sees_what_a_handler_would_get(self):
		"""As the city's admin the same calls do return B's record: the searches below can fire."""

		admin = Caller(self.handler)
		response = admin.method(
			"frappe.client.get_list", doctype="Screening Ledger", fields=["name"], limit_page_length=0
		)
		self.assertIn(self.entry_b, response.get_data(as_text=True))

	def test_child_doctypes_are_refused_on_every_generic_path(self):
		for caller in (self.worker, self.system_manager, self.no_role):
			for response in (
				caller.method(
					"frappe.client.get_list",
					doctype="Ledger Household Member",
					fields=["member_name", "parent"],
					parent="Screening Ledger",
				),
				caller.method(
					"frappe.desk.reportview.get", doctype="Ledger Household Member", fields=["name"]
				),
				caller.method("frappe.client.get_count", doctype="Screening Ledger Category"),
				caller.get("/api/resource/Ledger Household Member", fields=["parent", "member_name"]),
				caller.method("frappe.desk.search.search_link", doctype="Screening Ledger Category", txt=""),
			):
				with self.subTest(user=caller.user, path=response.request.path):
					self.assertIn(response.status_code, (403, 417))
					self.assertLeaksNothing(response)

	def test_every_way_of_naming_a_method_meets_the_boundary(self):
		"""Frappe runs a method named by `cmd` in the form on any path (before any API route), by
		/api/method/<method>/<anything> (v1 keeps what comes before the `/`) and by
		/api/v2/method/<DocType>/<function>: each is refused as the method Frappe runs."""
		child_rows = {
			"doctype": "Ledger Household Member",
			"fields": json.dumps(["member_name", "parent"]),
			"parent": "Screening Ledger",
			"limit_page_length": 0,
		}
		expression = {
			"doctype": "Screening Ledger",
			"fields": json.dumps(["name", "if(governance_grid='BXBG', subject_name, '') as x"]),
		}
		chart = {
			"chart": json.dumps(
				{"chart_type": "Group By", "document_type": "Screening Ledger", "group_by_based_on": "name"}
			)
		}
		for caller in (self.worker, self.system_manager, self.no_role):
			for verb, path, body in (
				("post", "/api/method/frappe.client.get_list/anything", child_rows),
				("post", "/api/method/frappe.desk.reportview.get/x", expression),
				("post", "/", {"cmd": "frappe.client.get_list", **child_rows}),
				("post", "/api/resource/ToDo", {"cmd": "frappe.client.get_list", **child_rows}),
				("get", "/app", {"cmd": "frappe.desk.reportview.get", **expression}),
				("post", "/api/v2/method/frappe.client.get_list", child_rows),
				("post", "/api/v2/method/Dashboard Chart/get", chart),
				("post", "/api/v2/document/Ledger Household Member", {"member_name": "x"}),
			):
				kwargs = {"query_string": body} if verb == "get" else {"data": body}
				response = _request(caller.client, verb, path, **kwargs)
				with self.subTest(user=caller.user, path=path, cmd=body.get("cmd")):
					self.assertIn(response.status_code, (403, 417), response.get_data(as_text=True)[:300])
					self.assertLeaksNothing(response)

	def test_the_attachment_upload_is_classified_by_the_name_frappe_resolves(self):
		"""A bare method name is Frappe's handler function: upload_file is frappe.handler.upload_file."""
		self.assertEqual(boundary.verdict("upload_file"), "allowed")
		self.assertEqual(boundary.verdict("run_doc_method"), "scoped")

	def test_attachments_of_records_are_private_and_follow_the_record(self):
		"""The desk's uploader (/api/method/upload_file) attaches to a record its handler may write;
		a public attachment (served under /files/ to anyone with the link) is refused and leaves
		nothing on disk; a private one is read only by those who read the record."""
		admin = Caller(self.handler)
		secret = "受害人照片-" + frappe.generate_hash(length=8)

		def upload(caller, is_private):
			form = {
				"file": (io.BytesIO(secret.encode()), f"{secret}.txt"),
				"doctype": "Screening Ledger",
				"docname": self.entry_b,
				"is_private": is_private,
			}
			return _request(caller.client, "post", "/api/method/upload_file", data=form)

		public = upload(admin, "0")
		self.assertEqual(public.status_code, 403, public.get_data(as_text=True)[:300])
		messages = [json.loads(m)["message"] for m in json.loads(public.json["_server_messages"])]
		self.assertIn("私有文件", " ".join(messages))  # said in Chinese
		self.assertFalse(frappe.db.exists("File", {"file_name": f"{secret}.txt"}))
		self.assertFalse(os.path.exists(frappe.get_site_path("public", "files", f"{secret}.txt")))

		private = upload(admin, "1")
		self.assertEqual(private.status_code, 200, private.get_data(as_text=True)[:300])
		file = private.json["message"]
		self.assertTrue(file["file_url"].startswith("/private/files/"))
		try:
			by_handler = _request(admin.client, "get", file["file_url"])
			self.assertIn(secret, by_handler.get_data(as_text=True))  # the detector can fire
			for caller in (self.worker, self.system_manager, self.no_role):
				with self.subTest(user=caller.user):
					self.assertEqual(upload(caller, "1").status_code, 403)
					response = _request(caller.client, "get", file["file_url"])
					self.assertNotEqual(response.status_code, 200)
					self.assertNotIn(secret, response.get_data(as_text=True))
			made_public = admin.method(
				"frappe.client.set_value", doctype="File", name=file["name"], fieldname="is_private", value=0
			)
			self.assertEqual(made_public.status_code, 403)
			frappe.db.commit()  # nosemgrep: a new snapshot, to see what the requests committed
			self.assertEqual(frappe.db.get_value("File", file["name"], "is_private"), 1)
		finally:
			frappe.delete_doc("File", file["name"], force=True, ignore_permissions=True)
			frappe.db.commit()  # nosemgrep: the requests read committed data

	def test_a_row_is_printed_only_within_its_record(self):
		"""Frappe checks a child row's print by its parent DocType alone (no record): /printview of
		one row of B's entry would print it to any worker. Rows print only inside their record."""
		from fulian_grid.domain.masking import mask_name

		masked = mask_name(SECRET_NAME + "女")
		row = frappe.db.get_value("Ledger Household Member", {"parent": self.entry_b}, "name")
		admin = Caller(self.handler)
		whole = admin.get("/printview", doctype="Screening Ledger", name=self.entry_b)
		self.assertIn(masked, whole.get_data(as_text=True))  # the detector can fire
		for caller in (self.worker, self.system_manager, self.no_role, admin):
			response = caller.get("/printview", doctype="Ledger Household Member", name=row)
			with self.subTest(user=caller.user):
				self.assertEqual(response.status_code, 403)
				self.assertNotIn(masked, response.get_data(as_text=True))
				self.assertLeaksNothing(response)

	def test_nobody_hears_of_every_countys_saves(self):
		"""The desk's list view joins a DocType's realtime room, where Frappe announces every save
		(record name and who saved it), city-wide; for app DocTypes no one joins it."""
		for caller in (self.worker, Caller(self.handler)):
			refused = caller.get(
				"/api/method/frappe.realtime.can_subscribe_doctype", doctype="Screening Ledger"
			)
			frappe_own = caller.get("/api/method/frappe.realtime.can_subscribe_doctype", doctype="ToDo")
			with self.subTest(user=caller.user):
				self.assertEqual(refused.status_code, 403)
				self.assertEqual(frappe_own.status_code, 200)

	def test_likes_and_follows_reach_only_records_she_may_read(self):
		"""Frappe's like and follow check nothing: a like wrote B's record and told whether a name
		exists; a follow made any user follow any record."""
		worker = self.worker
		like = lambda name: worker.method(  # noqa: E731
			"frappe.desk.like.toggle_like", doctype="Screening Ledger", name=name, add="Yes"
		)
		refused, missing = like(self.entry_b), like("SL-NO-SUCH-ENTRY")
		self.assertEqual(refused.status_code, 403)
		said = lambda r: [json.loads(m)["message"] for m in json.loads(r.json["_server_messages"])]  # noqa: E731
		self.assertEqual((missing.status_code, said(missing)), (refused.status_code, said(refused)))
		self.assertEqual(like(self.entry_a).status_code, 200)
		frappe.db.commit()  # nosemgrep: a new snapshot, to see what the requests committed
		self.assertIsNone(frappe.db.get_value("Screening Ledger", self.entry_b, "_liked_by"))
		self.assertIn(self.worker_a, frappe.db.get_value("Screening Ledger", self.entry_a, "_liked_by"))
		self.assertFalse(
			frappe.db.exists("Comment", {"reference_name": self.entry_b, "comment_type": "Like"})
		)
		for user, name in ((self.worker_a, self.entry_b), (self.handler, self.entry_a)):
			response = worker.method(
				"frappe.desk.form.document_follow.follow_document",
				doctype="Screening Ledger",
				doc_name=name,
				user=user,
			)
			with self.subTest(user=user, name=name):
				self.assertEqual(response.status_code, 403)

	def test_a_template_reads_no_record_past_permissions(self):
		"""Jinja templates run with Frappe's safe globals, where frappe.get_all / frappe.db.sql read
		every grid: a System Manager's print format printed B's entry on her own user record."""
		reads = (
			'{{ frappe.get_all("Screening Ledger", fields=["name", "governance_grid"]) }}',
			"{{ frappe.db.sql('select name, governance_grid from `tabScreening Ledger`') }}",
			'{% set f = frappe %}{{ f["get_all"]("Screening Ledger") }}',
			'{{ frappe.get_doc("Screening Ledger", "' + self.entry_b + '").as_json() }}',
		)
		for number, html in enumerate(reads):
			for doctype, fields in (
				("Print Format", {"doc_type": "User", "module": "Core", "custom_format": 1, "html": html}),
				("Email Template", {"subject": "x", "response_html": html, "use_html": 1}),
				("Letter Head", {"letter_head_name": f"leak-{number}", "source": "HTML", "content": html}),
			):
				name = f"leak-{number}-{doctype}"
				doc = {"doctype": doctype, "name": name, **fields}
				response = self.system_manager.method("frappe.client.insert", doc=doc)
				with self.subTest(doctype=doctype, template=html):
					self.assertEqual(response.status_code, 403, response.get_data(as_text=True)[:300])
					said = [json.loads(m)["message"] for m in json.loads(response.json["_server_messages"])]
					self.assertIn("模板不能绕过权限读取记录", " ".join(said))
		frappe.db.commit()  # nosemgrep: a new snapshot, to see what the requests committed
		self.assertFalse(frappe.db.exists("Print Format", {"name": ("like", "leak-%")}))
		# formatting stays (and frappe.get_list, which reads as the reader may)
		fine = '{{ doc.name }} {{ frappe.format(doc.creation, {"fieldtype": "Datetime"}) }}'
		response = self.system_manager.method(
			"frappe.client.insert",
			doc={
				"doctype": "Print Format",
				"name": "fine-format",
				"doc_type": "User",
				"module": "Core",
				"custom_format": 1,
				"html": fine,
			},
		)
		try:
			self.assertEqual(response.status_code, 200, response.get_data(as_text=True)[-600:])
			printed = self.system_manager.get(
				"/printview", doctype="User", name=self.sysman, format="fine-format"
			)
			self.assertEqual(printed.status_code, 200, printed.get_data(as_text=True)[-1500:])
			self.assertLeaksNothing(printed)
		finally:
			frappe.db.commit()  # nosemgrep
			frappe.delete_doc(
				"Print Format", "fine-format", force=True, ignore_permissions=True, ignore_missing=True
			)
			frappe.db.commit()  # nosemgrep

	def test_the_apps_own_print_formats_pass_the_template_guard(self):
		from fulian_grid.template_guard import check_template

		frappe.set_user(self.sysman)
		try:
			for name in frappe.get_all("Print Format", {"module": "Fulian Grid"}, pluck="name"):
				with self.subTest(print_format=name):
					check_template(frappe.get_doc("Print Format", name))
		finally:
			frappe.set_user("Administrator")

	def test_no_doctype_outside_the_app_links_to_its_records(self):
		"""A link saved on a record checks the target exists and copies its fetch_from fields with
		no permission check: a System Manager's link field on ToDo read any entry's grid."""
		for doc in (
			{
				"doctype": "Custom Field",
				"dt": "ToDo",
				"fieldname": "sl_link",
				"label": "SL",
				"fieldtype": "Link",
				"options": "Screening Ledger",
				"insert_after": "description",
			},
			{
				"doctype": "Property Setter",
				"doctype_or_field": "DocField",
				"doc_type": "ToDo",
				"field_name": "role",
				"property": "options",
				"property_type": "Text",
				"value": "Screening Ledger",
			},
		):
			response = self.system_manager.method("frappe.client.insert", doc=doc)
			with self.subTest(doctype=doc["doctype"]):
				self.assertEqual(response.status_code, 403, response.get_data(as_text=True)[:300])
		frappe.db.commit()  # nosemgrep: a new snapshot, to see what the requests committed
		self.assertFalse(frappe.db.exists("Custom Field", "ToDo-sl_link"))
		# inside the app a link is the app's own, checked by the per-grid rule
		self.assertEqual(
			self.system_manager.method(
				"frappe.client.insert",
				doc={
					"doctype": "Custom Field",
					"dt": "Home Visit",
					"fieldname": "sl_link",
					"label": "SL",
					"fieldtype": "Link",
					"options": "Screening Ledger",
					"insert_after": "household",
				},
			).status_code,
			200,
		)
		frappe.db.commit()  # nosemgrep
		frappe.delete_doc("Custom Field", "Home Visit-sl_link", force=True, ignore_permissions=True)
		frappe.db.commit()  # nosemgrep

	def test_no_record_is_shared_by_a_public_link(self):
		"""A Document Share Key prints its record to anyone holding it, logged in or not."""
		admin = Caller(self.handler)
		for caller in (self.system_manager, admin, self.worker):
			response = caller.method(
				"frappe.client.insert",
				doc={
					"doctype": "Document Share Key",
					"reference_doctype": "Screening Ledger",
					"reference_docname": self.entry_b,
				},
			)
			with self.subTest(user=caller.user):
				self.assertEqual(response.status_code, 403, response.get_data(as_text=True)[:300])
		frappe.db.commit()  # nosemgrep: a new snapshot, to see what the requests committed
		self.assertFalse(frappe.db.exists("Document Share Key", {"reference_docname": self.entry_b}))

	def test_counts_of_frappe_doctypes_go_through_permissions(self):
		"""v15's get_count reads any table with any filter: Version/ToDo/File rows about B."""
		for doctype in ("Version", "ToDo", "Comment", "File", "Deleted Document", "Access Log", "DocShare"):
			filters = {"name": ["like", "%"]}
			response = self.worker.method("frappe.client.get_count", doctype=doctype, filters=filters)
			with self.subTest(doctype=doctype):
				if response.status_code == 200:  # what she may list, not what the table holds
					listed = frappe.get_list(
						doctype, filters=filters, user=self.worker_a, limit_page_length=0
					)
					self.assertEqual(response.json["message"], len(listed))
				else:
					self.assertEqual(response.status_code, 403)

	def test_methods_refused_for_app_doctypes(self):
		for method, args in (
			(
				"frappe.desk.form.utils.get_next",
				{"doctype": "Screening Ledger", "value": self.entry_a, "prev": 0},
			),
			("frappe.desk.form.linked_with.get", {"doctype": "Governance Grid", "docname": "BXBG"}),
			(
				"frappe.core.doctype.data_export.exporter.export_data",
				{"doctype": "Screening Ledger", "with_data": 1},
			),
			(
				"frappe.www.printview.get_html_and_style",
				{
					"doc": json.dumps(
						{"doctype": "Screening Ledger", "name": self.entry_b, "subject_name": SECRET_NAME}
					)
				},
			),
			(
				"run_doc_method",
				{
					"docs": json.dumps({"doctype": "Screening Ledger", "name": self.entry_b}),
					"method": "onload",
				},
			),
			(
				"frappe.desk.doctype.dashboard_chart.dashboard_chart.get",
				{
					"chart": json.dumps(
						{
							"chart_type": "Group By",
							"document_type": "Screening Ledger",
							"group_by_based_on": "subject_name",
						}
					)
				},
			),
			(
				"frappe.desk.search.search_link",
				{"doctype": "Screening Ledger", "txt": "", "ignore_user_permissions": 1},
			),
			(
				"frappe.client.get",
				{"doctype": "Screening Ledger", "filters": {"subject_name": ["like", "欧%"]}},
			),
		):
			response = self.worker.method(method, **args)
			with self.subTest(method=method):
				self.assertIn(response.status_code, (403, 417))
				self.assertLeaksNothing(response, asked_for_b=True)

	def test_field_strings_must_be_plain(self):
		for fields in (
			["name", "(select group_concat(subject_name) from `tabScreening Ledger`) as x"],
			["name, subject_name"],
			["if(governance_grid='BXBG', 1, 0) as b"],
		):
			response = self.worker.method(
				"frappe.desk.reportview.get", doctype="Screening Ledger", fields=fields
			)
			with self.subTest(fields=fields):
				self.assertIn(response.status_code, (403, 417))
				self.assertLeaksNothing(response)

	def test_number_cards_count_as_stored_never_as_the_client_says(self):
		card = {
			"doctype": "Number Card",
			"name": "no such card",
			"document_type": "Screening Ledger",
			"function": "Sum",
			"aggregate_function_based_on": "length(subject_name)",
			"filters_json": "[]",
		}
		response = self.worker.method(
			"frappe.desk.doctype.number_card.number_card.get_result", doc=json.dumps(card), filters="[]"
		)
		self.assertIn(response.status_code, (403, 417))

	def test_link_validation_and_titles_say_nothing_of_other_grids(self):
		response = self.worker.method(
			"frappe.client.validate_link",
			doctype="Screening Ledger",
			docname=self.entry_b,
			fields=["subject_name"],
		)
		self.assertEqual(response.status_code, 200)
		self.assertEqual(response.json["message"], {})
		response = self.worker.method(
			"frappe.desk.search.get_link_title", doctype="Governance Grid", docname="BXBG"
		)
		self.assertLeaksNothing(response)

	def test_a_system_manager_links_any_grid_in_an_assignment_and_nothing_else(self):
		"""She gives roles in every grid without reading grid records: the grid field of her
		assignment validates and shows its title; records in that grid stay closed to her."""
		response = self.system_manager.method(
			"frappe.client.validate_link", doctype="Governance Grid", docname="BXBG", fields=[]
		)
		self.assertEqual(response.json["message"], {"name": "BXBG"})
		response = self.system_manager.method(
			"frappe.desk.search.get_link_title", doctype="Governance Grid", docname="BXBG"
		)
		self.assertEqual(response.json["message"], B_PATH_SECRET)
		response = self.system_manager.method(
			"frappe.client.validate_link", doctype="Screening Ledger", docname=self.entry_b, fields=[]
		)
		self.assertEqual(response.json["message"], {})
		# a Fulian Admin picks the role (Frappe validates it against Role, which she may select)
		response = Caller(self.handler).method(
			"frappe.client.validate_link", doctype="Role", docname="Fulian Grid Chair", fields=[]
		)
		self.assertEqual(response.json["message"], {"name": "Fulian Grid Chair"})
		for caller in (self.worker, self.no_role):
			response = caller.method(
				"frappe.client.validate_link", doctype="Governance Grid", docname="BXBG", fields=[]
			)
			with self.subTest(user=caller.user):
				self.assertNotEqual(response.json.get("message"), {"name": "BXBG"})

	def test_the_desk_still_works_for_her_own_grid(self):
		response = self.worker.method(
			"frappe.desk.reportview.get",
			doctype="Screening Ledger",
			fields=["`tabScreening Ledger`.`name`", "`tabScreening Ledger`.`subject_name`"],
		)
		self.assertEqual(response.status_code, 200, response.get_data(as_text=True)[:500])
		text = response.get_data(as_text=True)
		self.assertIn(self.entry_a, text)
		self.assertLeaksNothing(response)
		response = self.worker.method(
			"frappe.desk.form.load.getdoc", doctype="Screening Ledger", name=self.entry_a
		)
		self.assertEqual(response.status_code, 200)
		response = self.worker.method(
			"frappe.desk.form.load.getdoc", doctype="Screening Ledger", name=self.entry_b
		)
		self.assertEqual(response.status_code, 403)
		self.assertLeaksNothing(response, asked_for_b=True)

	# The audit of every `allowed` entry of boundary.json: each reason tried as an attacker would.

	def _scratch_entry(self, grid: str, **values) -> str:
		"""A record of the test's own, for a test that changes records (removed after it)."""
		category = frappe.get_all("Key Group Category", pluck="name", limit=1)[0]
		name = (
			frappe.get_doc(
				{
					"doctype": "Screening Ledger",
					"governance_grid": grid,
					"subject_name": "张乙",
					"categories": [{"key_group_category": category}],
					"risk_level": "Low",
					"screened_on": today(),
					**values,
				}
			)
			.insert(ignore_permissions=True)
			.name
		)
		frappe.db.commit()  # nosemgrep: the requests read committed data
		self.addCleanup(self._remove_entry, name)
		return name

	def _remove_entry(self, name: str) -> None:
		frappe.set_user("Administrator")
		frappe.delete_doc("Screening Ledger", name, force=True, ignore_permissions=True)
		frappe.db.delete("Deleted Document", {"deleted_name": name})
		frappe.db.commit()  # nosemgrep

	def _messages(self, response) -> list[str]:
		return [json.loads(m)["message"] for m in json.loads(response.json.get("_server_messages") or "[]")]

	def test_workflow_state_counts_read_no_column_of_other_grids(self):
		"""The list sidebar's workflow count grouped every record of the DocType by any column the
		client named (frappe.get_all, checked on the DocType only): B's notes and names city-wide."""
		method = "frappe.workflow.doctype.workflow.workflow.get_workflow_state_count"
		for field in ("findings", "name", "governance_grid"):
			response = self.worker.method(
				method, doctype="Screening Ledger", workflow_state_field=field, states=[]
			)
			with self.subTest(field=field):
				self.assertLeaksNothing(response, "BXBG")
		response = self.worker.method(
			method, doctype="Infringement Report", workflow_state_field="workflow_state", states=[]
		)
		self.assertEqual(response.status_code, 200, response.get_data(as_text=True)[:300])

	def test_a_record_is_never_saved_under_another_name(self):
		"""bulk_update loads each stored record by name, with no read check, and takes `name` and
		`modified` from the client: B's relief record saved under the name of one of A's copied
		B's notes into a record her chair reads."""

		def relief(grid, **values):
			doc = frappe.get_doc(
				{
					"doctype": "Distress Relief",
					"relief_date": today(),
					"relief_kind": "Hardship Relief",
					"women_helped": 1,
					"governance_grid": grid,
					**values,
				}
			).insert(ignore_permissions=True)
			frappe.db.commit()  # nosemgrep: the requests read committed data
			self.addCleanup(
				lambda: (
					frappe.delete_doc("Distress Relief", doc.name, force=True, ignore_permissions=True),
					frappe.db.commit(),  # nosemgrep
				)
			)
			return doc.name

		mine, theirs = relief("BXAG", help_given="米面油"), relief("BXBG", help_given=SECRET_NOTE)
		stored = frappe.db.get_value(
			"Distress Relief", mine, ["modified", "creation", "grid_path"], as_dict=True
		)
		takeover = {"name": mine, "governance_grid": "BXAG", **{k: str(v) for k, v in stored.items()}}
		response = self.chair.method(
			"frappe.client.bulk_update",
			docs=json.dumps([{"doctype": "Distress Relief", "docname": theirs, **takeover}]),
		)
		frappe.db.commit()  # nosemgrep: a new snapshot, to see what the requests committed
		self.assertEqual(frappe.db.get_value("Distress Relief", mine, "help_given"), "米面油")
		self.assertLeaksNothing(response, asked_for_b=True)
		read_back = self.chair.method("frappe.client.get", doctype="Distress Relief", name=mine)
		self.assertLeaksNothing(read_back)

	def test_a_row_of_another_record_is_never_taken_over(self):
		"""A saved document names its table rows: a row named after a row of B's record was
		updated where it lies, and moved into the record saved (B lost her household member)."""
		mine = self._scratch_entry("BXAG")
		theirs = self._scratch_entry(
			"BXBG", household_members=[{"member_name": "秘密户员", "relation": "Child"}]
		)
		row, stored = frappe.db.get_value(
			"Ledger Household Member", {"parent": theirs}, ["name", "member_name"]
		)
		doc = frappe.get_doc("Screening Ledger", mine).as_dict(convert_dates_to_str=True)
		doc["household_members"] = [
			{
				"doctype": "Ledger Household Member",
				"name": row,
				"member_name": "李丙",
				"relation": "Child",
				"parentfield": "household_members",
			}
		]
		for method, args in (
			("frappe.desk.form.save.savedocs", {"doc": json.dumps(doc, default=str), "action": "Save"}),
			("frappe.client.save", {"doc": json.dumps(doc, default=str)}),
		):
			response = self.chair.method(method, **args)
			frappe.db.commit()  # nosemgrep
			with self.subTest(method=method):
				self.assertEqual(
					frappe.db.get_value("Ledger Household Member", row, ["parent", "member_name"]),
					(theirs, stored),
				)
				self.assertEqual(response.status_code, 403)
				self.assertIn("表格行", " ".join(self._messages(response)))

	def test_follows_of_other_grids_are_neither_made_nor_listed(self):
		"""The form's follow button (update_follow) calls Frappe's follow with no check, any Desk
		User inserts or lists Document Follow rows (who follows which record, city-wide), and
		unfollow acts for a user the caller names."""
		frappe.db.set_value("User", self.worker_a, "document_follow_notify", 1)
		theirs = frappe.get_doc(
			{
				"doctype": "Document Follow",
				"ref_doctype": "Screening Ledger",
				"ref_docname": self.entry_b,
				"user": self.handler,
			}
		).insert(ignore_permissions=True)
		frappe.db.commit()  # nosemgrep
		self.addCleanup(
			lambda: (frappe.db.delete("Document Follow", {"ref_docname": self.entry_b}), frappe.db.commit())
		)
		for response in (
			self.worker.method(
				"frappe.desk.form.document_follow.update_follow",
				doctype="Screening Ledger",
				doc_name=self.entry_b,
				following=1,
			),
			self.worker.method(
				"frappe.client.insert",
				doc={
					"doctype": "Document Follow",
					"ref_doctype": "Screening Ledger",
					"ref_docname": self.entry_b,
					"user": self.worker_a,
				},
			),
			self.worker.method(
				"frappe.desk.form.document_follow.unfollow_document",
				doctype="Screening Ledger",
				doc_name=self.entry_b,
				user=self.handler,
			),
		):
			frappe.db.commit()  # nosemgrep
			with self.subTest(path=response.request.path):
				self.assertEqual(response.status_code, 403, response.get_data(as_text=True)[:300])
				self.assertFalse(
					frappe.db.exists("Document Follow", {"ref_docname": self.entry_b, "user": self.worker_a})
				)
				self.assertTrue(frappe.db.exists("Document Follow", theirs.name))
		listed = self.worker.method(
			"frappe.client.get_list",
			doctype="Document Follow",
			fields=["ref_docname", "user"],
			limit_page_length=0,
		)
		self.assertLeaksNothing(listed)

	def test_tags_of_other_grids_refused_cleanly_and_alike(self):
		"""add_tag wrote B's `_user_tags` before Frappe's write check, then answered 500 IndexError (a
		missing name answered 404): a clean refusal, the same for a name that does not exist."""
		base = "frappe.desk.doctype.tag.tag."
		for method, args in (
			("add_tag", lambda name: {"tag": "秘", "dt": "Screening Ledger", "dn": name}),
			("remove_tag", lambda name: {"tag": "秘", "dt": "Screening Ledger", "dn": name}),
			(
				"add_tags",
				lambda name: {
					"tags": json.dumps(["秘"]),
					"dt": "Screening Ledger",
					"docs": json.dumps([name]),
				},
			),
		):
			refused = self.worker.method(base + method, **args(self.entry_b))
			missing = self.worker.method(base + method, **args("SL-NO-SUCH-ENTRY"))
			with self.subTest(method=method):
				self.assertEqual(refused.status_code, 403, refused.get_data(as_text=True)[:300])
				self.assertIn("无权查看", " ".join(self._messages(refused)))  # said in Chinese
				self.assertEqual(
					(missing.status_code, self._messages(missing)),
					(refused.status_code, self._messages(refused)),
				)
		# she reads A's entry but may not write it (a grid worker): no tag either
		self.assertEqual(
			self.worker.method(
				base + "add_tag", tag="秘", dt="Screening Ledger", dn=self.entry_a
			).status_code,
			403,
		)
		self.assertEqual(
			self.chair.method(base + "add_tag", tag="甲", dt="Screening Ledger", dn=self.entry_a).status_code,
			200,
		)
		frappe.db.commit()  # nosemgrep
		self.assertFalse(frappe.db.get_value("Screening Ledger", self.entry_b, "_user_tags"))

	def test_a_file_is_attached_only_by_who_may_write_the_record(self):
		"""frappe.client.attach_file checked read permission, not write: a grid worker (who reads
		her grid's entries but may not change them) attached files to them."""
		response = self.worker.method(
			"frappe.client.attach_file",
			filename="x.txt",
			filedata="eA==",
			decode_base64=1,
			doctype="Screening Ledger",
			docname=self.entry_a,
			is_private=1,
		)
		frappe.db.commit()  # nosemgrep
		self.addCleanup(
			lambda: (frappe.db.delete("File", {"attached_to_name": self.entry_a}), frappe.db.commit())
		)
		self.assertEqual(response.status_code, 403, response.get_data(as_text=True)[:300])
		self.assertFalse(frappe.db.exists("File", {"attached_to_name": self.entry_a}))

	def test_no_file_of_another_record_is_borrowed_by_its_address(self):
		"""A File made with the `file_url` of another record's private attachment (no content) was
		served to its maker: B's attachment downloaded by A's chair. And whether a file of that
		name exists was told apart from a file that does not."""
		admin = Caller(self.handler)
		secret = "受害人照片-" + frappe.generate_hash(length=8)
		form = {
			"file": (io.BytesIO(secret.encode()), f"{secret}.txt"),
			"doctype": "Screening Ledger",
			"docname": self.entry_b,
			"is_private": "1",
		}
		uploaded = _request(admin.client, "post", "/api/method/upload_file", data=form)
		self.assertEqual(uploaded.status_code, 200, uploaded.get_data(as_text=True)[:300])
		url = uploaded.json["message"]["file_url"]
		self.addCleanup(lambda: (frappe.db.delete("File", {"file_url": url}), frappe.db.commit()))
		mine = self._scratch_entry("BXAG")
		for caller, attempt in (
			(
				self.chair,
				lambda u: _request(
					self.chair.client,
					"post",
					"/api/method/upload_file",
					data={"doctype": "Screening Ledger", "docname": mine, "file_url": u, "is_private": "1"},
				),
			),
			(
				self.worker,
				lambda u: self.worker.method(
					"frappe.client.insert", doc={"doctype": "File", "file_url": u, "is_private": 1}
				),
			),
			(
				self.no_role,
				lambda u: self.no_role.method(
					"frappe.client.insert", doc={"doctype": "File", "file_url": u, "is_private": 1}
				),
			),
		):
			borrowed = attempt(url)
			missing = attempt("/private/files/no-such-file-here.txt")
			frappe.db.commit()  # nosemgrep
			download = _request(caller.client, "get", url)
			with self.subTest(user=caller.user):
				self.assertEqual(borrowed.status_code, 403, borrowed.get_data(as_text=True)[:300])
				self.assertEqual(
					(missing.status_code, self._messages(missing)),
					(borrowed.status_code, self._messages(borrowed)),
				)
				self.assertNotIn(secret, download.get_data(as_text=True))
		self.assertEqual(frappe.db.count("File", {"file_url": url}), 1)

	def test_a_tree_method_is_one_the_boundary_allows(self):
		"""get_all_nodes runs any whitelisted method named by `tree_method`, Frappe's own and not the
		app's scoped one: the sidebar's assigned-to count of every county, filtered on any column."""
		todo = frappe.get_doc(
			{
				"doctype": "ToDo",
				"allocated_to": self.handler,
				"reference_type": "Screening Ledger",
				"reference_name": self.entry_b,
				"description": "跟进",
			}
		).insert(ignore_permissions=True)
		frappe.db.commit()  # nosemgrep
		self.addCleanup(
			lambda: (
				frappe.delete_doc("ToDo", todo.name, force=True, ignore_permissions=True),
				frappe.db.commit(),
			)
		)
		response = self.worker.method(
			"frappe.desk.treeview.get_all_nodes",
			doctype="Screening Ledger",
			label="x",
			parent=json.dumps({"governance_grid": "BXBG"}),
			tree_method="frappe.desk.listview.get_group_by_count",
			field="assigned_to",
		)
		self.assertEqual(response.status_code, 403, response.get_data(as_text=True)[:300])
		self.assertNotIn(self.handler, response.get_data(as_text=True))
		tree = self.worker.method(
			"frappe.desk.treeview.get_all_nodes",
			doctype="Governance Grid",
			label="BXAG",
			parent="BXAG",
			tree_method="frappe.desk.treeview.get_children",
		)
		self.assertEqual(tree.status_code, 200, tree.get_data(as_text=True)[:300])
		self.assertLeaksNothing(tree)

	def test_a_saved_chart_or_card_counts_only_what_she_may_list(self):
		"""Any user saves a chart or card definition (Frappe inserts it with ignore_permissions) and
		then runs it by name, past the boundary's look at the arguments: a heatmap chart counts with
		frappe.get_all (every county, the client's filters), and a chart or card of a table DocType
		reads every record's rows (frappe.get_list checks a table's rows by the parent DocType)."""
		from fulian_grid.domain.masking import mask_name

		chart_module = "frappe.desk.doctype.dashboard_chart.dashboard_chart."
		card_module = "frappe.desk.doctype.number_card.number_card."
		heatmap = self.worker.method(
			chart_module + "create_dashboard_chart",
			args={
				"chart_name": "bx-heatmap-" + frappe.generate_hash(length=6),
				"chart_type": "Count",
				"type": "Heatmap",
				"document_type": "Screening Ledger",
				"based_on": "creation",
				"timeseries": 1,
				"filters_json": "[]",
			},
		)
		rows = self.worker.method(
			chart_module + "create_dashboard_chart",
			args={
				"chart_name": "bx-rows-" + frappe.generate_hash(length=6),
				"chart_type": "Group By",
				"type": "Bar",
				"document_type": "Ledger Household Member",
				"parent_document_type": "Screening Ledger",
				"group_by_based_on": "member_name",
				"group_by_type": "Count",
				"filters_json": "[]",
			},
		)
		card = self.worker.method(
			card_module + "create_number_card",
			args={
				"label": "bx-card-" + frappe.generate_hash(length=6),
				"type": "Document Type",
				"function": "Count",
				"document_type": "Ledger Household Member",
				"parent_document_type": "Screening Ledger",
				"filters_json": "[]",
			},
		)
		made = {"Dashboard Chart": [], "Number Card": []}
		for response, doctype in (
			(heatmap, "Dashboard Chart"),
			(rows, "Dashboard Chart"),
			(card, "Number Card"),
		):
			if response.status_code == 200:
				made[doctype].append(response.json["message"]["name"])
		self.addCleanup(
			lambda: (
				[frappe.db.delete(dt, {"name": ("in", names)}) for dt, names in made.items() if names],
				frappe.db.commit(),  # nosemgrep
			)
		)
		self.assertEqual((heatmap.status_code, rows.status_code, card.status_code), (200, 200, 200))
		with self.subTest(chart="heatmap"):
			name = heatmap.json["message"]["name"]
			in_b = self.worker.method(
				chart_module + "get",
				chart_name=name,
				filters=[["Screening Ledger", "governance_grid", "=", "BXBG"]],
			)
			never = self.worker.method(
				chart_module + "get",
				chart_name=name,
				filters=[["Screening Ledger", "governance_grid", "=", "NO-SUCH"]],
			)
			self.assertEqual(in_b.status_code, 403, in_b.get_data(as_text=True)[:300])
			self.assertEqual(
				(never.status_code, self._messages(never)), (in_b.status_code, self._messages(in_b))
			)
		with self.subTest(chart="rows of a table"):
			response = self.worker.method(chart_module + "get", chart_name=rows.json["message"]["name"])
			self.assertEqual(response.status_code, 403, response.get_data(as_text=True)[:300])
			self.assertLeaksNothing(response, mask_name(SECRET_NAME + "女"))
		with self.subTest(card="rows of a table"):
			stored = card.json["message"]
			response = self.worker.method(
				card_module + "get_result",
				doc=json.dumps({"name": stored["name"], "document_type": "Screening Ledger"}),
				filters=json.dumps([["Ledger Household Member", "relation", "=", "Child"]]),
			)
			self.assertEqual(response.status_code, 403, response.get_data(as_text=True)[:300])

	def test_a_prepared_report_is_read_by_no_one_else(self):
		"""A script report that runs over 15 s is made a prepared report by Frappe itself; run then
		read the result prepared for whichever `user` the client named, or the Prepared Report named
		in its filters, unchecked: the city admin's register of every county. A call that names a
		report names no DocType, so the boundary never looked at it (make_prepared_report was
		refused in name only)."""
		from frappe.core.doctype.prepared_report.prepared_report import (
			create_json_gz_file,
			process_filters_for_prepared_report,
		)
		from frappe.utils import now

		report, filters = "Screening Ledger Register", {"risk_level": "High"}
		frappe.db.set_value("Report", report, "prepared_report", 1)  # what Frappe does after 15 s
		prepared = frappe.new_doc("Prepared Report")
		prepared.update(
			{
				"name": frappe.generate_hash(length=10),
				"report_name": report,
				"filters": process_filters_for_prepared_report(filters),
				"status": "Completed",
				"owner": self.handler,
				"creation": now(),
				"modified": now(),
			}
		)
		prepared.db_insert()
		columns = [{"fieldname": "findings", "label": "Findings", "fieldtype": "Data"}]
		create_json_gz_file(
			{"result": [{"findings": SECRET_NOTE}], "columns": columns},
			"Prepared Report",
			prepared.name,
			report,
		)
		frappe.db.commit()  # nosemgrep: the requests read committed data

		def cleanup():
			frappe.db.set_value("Report", report, "prepared_report", 0)
			frappe.db.delete(
				"File", {"attached_to_doctype": "Prepared Report", "attached_to_name": prepared.name}
			)
			frappe.db.delete("Prepared Report", {"report_name": report})
			frappe.db.commit()  # nosemgrep

		self.addCleanup(cleanup)
		method = "frappe.desk.query_report.run"
		for response in (
			self.worker.method(method, report_name=report, filters=json.dumps(filters), user=self.handler),
			self.worker.method(
				method,
				report_name=report,
				filters=json.dumps({**filters, "prepared_report_name": prepared.name}),
			),
		):
			with self.subTest(path=response.request.path):
				self.assertLeaksNothing(response)
		made = self.worker.method(
			"frappe.core.doctype.prepared_report.prepared_report.make_prepared_report",
			report_name=report,
			filters=json.dumps(filters),
		)
		self.assertEqual(made.status_code, 403, made.get_data(as_text=True)[:300])

	def test_a_form_shows_no_title_of_a_record_she_may_not_read(self):
		"""getdoc sends the title of every record the form links to, read with frappe.db.get_value:
		her chair linked A's entry to B's executive (a link is saved unchecked, and the series
		names them all) and the form told her B's executive's name."""
		from fulian_grid.tests.factories import make_executive

		federation = frappe.get_all("Women Federation", filters={"governance_grid": "BXBG"}, pluck="name")[0]
		secret = "秘密干部乙"
		executive = make_executive(secret, federation)
		frappe.db.commit()  # nosemgrep: the requests read committed data
		self.addCleanup(
			lambda: (
				frappe.delete_doc("Federation Executive", executive, force=True, ignore_permissions=True),
				frappe.db.commit(),  # nosemgrep
			)
		)
		mine = self._scratch_entry("BXAG")
		doc = frappe.get_doc("Screening Ledger", mine).as_dict(convert_dates_to_str=True)
		doc["responsible_executive"] = executive
		saved = self.chair.method("frappe.client.save", doc=json.dumps(doc, default=str))
		self.assertEqual(saved.status_code, 200, saved.get_data(as_text=True)[:300])
		for caller in (self.chair, self.worker):
			response = caller.method("frappe.desk.form.load.getdoc", doctype="Screening Ledger", name=mine)
			with self.subTest(user=caller.user):
				self.assertEqual(response.status_code, 200)
				self.assertNotIn(secret, json.dumps(response.json, ensure_ascii=False))
				self.assertEqual(response.json["_link_titles"]["Governance Grid::BXAG"], "边界A网格")
		admin = Caller(self.handler)  # the city's admin reads B's executive: the title is there
		response = admin.method("frappe.desk.form.load.getdoc", doctype="Screening Ledger", name=mine)
		self.assertIn(secret, json.dumps(response.json, ensure_ascii=False))


class TestEveryWhitelistedMethodIsClassified(FulianTestCase):
	def test_every_whitelisted_method_of_the_installed_frappe_is_classified(self):
		for module in pkgutil.walk_packages(frappe.__path__, "frappe."):
			if any(part in module.name for part in (".tests", ".patches.", ".commands", "test_runner")):
				continue
			try:
				importlib.import_module(module.name)
			except Exception:  # modules needing optional services
				continue
		rules = boundary.classification()
		known = {*rules["allowed"], *rules["scoped"], *rules["refused"]}
		methods = {f"{fn.__module__}.{fn.__qualname__}" for fn in frappe.whitelisted}
		methods = {m for m in methods if m.startswith("frappe.") and not m.startswith("frappe.tests.")}
		self.assertGreater(len(methods), 300)
		self.assertEqual(sorted(methods - known), [], "classify these in fulian_grid/boundary.json")

	def test_scoped_methods_are_wired_and_allowed_ones_give_reasons(self):
		rules = boundary.classification()
		overrides = frappe.get_hooks("override_whitelisted_methods")
		for method, implementation in rules["scoped"].items():
			self.assertEqual(overrides.get(method), [implementation], method)
		for method, rule in rules["allowed"].items():
			self.assertTrue(rule.get("reason"), method)
		self.assertFalse(set(rules["allowed"]) & set(rules["refused"]))

	def test_an_unknown_method_is_refused_for_app_doctypes(self):
		self.assertRaises(
			boundary.BoundaryRefusal, boundary.check, "some_app.api.dump", {"doctype": "Screening Ledger"}
		)
		boundary.check("some_app.api.dump", {"doctype": "User"})  # not ours: not the boundary's business
