"""The field app's endpoints (api/field.py) as the phone calls them: scope (another county's worker
gets nothing), identities (no plaintext value in any reply, sealed in the vault as the desk does),
submit once per idempotency key, and no update over a newer version.

Secrets are planted in county B and typed into county A's reports; every reply is searched for
them as JSON. The city admin's reveal of the same record shows the detector sees the secret."""

import json
import re
import uuid

import frappe
from frappe.utils import add_days, get_test_client, getdate, today

from fulian_grid.api import field
from fulian_grid.submissions import StaleRecordError
from fulian_grid.tests.factories import (
	make_executive,
	make_ledger,
	make_project,
	make_request,
	make_team,
	make_volunteer,
	scoped_user,
)
from fulian_grid.tests.security.test_boundary import _request
from fulian_grid.tests.security.test_server_owned import call
from fulian_grid.tests.utils import CityTestCase, FulianTestCase, revealed

SECRET_B = "诸葛秘芳"  # a ledger subject in county B
SECRET_VICTIM = "上官秘兰"  # a victim typed into a quick report in county A
SECRET_ID = "11010519491231002X"
SECRET_PHONE = "13912345678"
SECRET_FINDINGS = "秘密走访记录：丈夫把她锁在柴房"
SECRETS = (SECRET_B, SECRET_VICTIM, SECRET_ID, SECRET_PHONE, SECRET_FINDINGS)


def key() -> str:
	return uuid.uuid4().hex


class TestFieldApp(CityTestCase):
	@classmethod
	def setUpClass(cls):
		super().setUpClass()
		cls.worker_a = scoped_user("fa_worker_a@fulian.test", "Fulian Grid Worker", "TA1CG")
		cls.exec_a = make_executive("周丽", cls.city.federation_a, user=cls.worker_a, position="Grid Worker")
		cls.worker_b = scoped_user("fa_worker_b@fulian.test", "Fulian Grid Worker", "TB1CG")
		cls.exec_b = make_executive("吴静", cls.city.federation_b, user=cls.worker_b, position="Grid Worker")
		cls.city_admin = cls.city.city_admin
		cls.lead = scoped_user("fa_lead@fulian.test", "Fulian Executive", "TA1C")
		cls.exec_lead = make_executive("郑红", cls.city.federation_a, user=cls.lead)
		cls.due_soon = make_ledger(responsible_executive=cls.exec_a).insert().name
		cls.overdue = (
			make_ledger(responsible_executive=cls.exec_a, screened_on=add_days(today(), -20)).insert().name
		)
		cls.not_hers = make_ledger().insert().name  # same grid, nobody's
		cls.entry_b = (
			make_ledger(governance_grid="TB1CGM", subject_name=SECRET_B, responsible_executive=cls.exec_b)
			.insert()
			.name
		)

	def as_user(self, user, run, *args, **kwargs):
		frappe.set_user(user)
		try:
			return run(*args, **kwargs)
		finally:
			frappe.set_user("Administrator")

	def assertNoSecret(self, reply):
		text = frappe.as_json(reply)
		for secret in SECRETS:
			self.assertNotIn(secret, text)

	def quick_draft(self, **values):
		return {
			"idempotency_key": key(),
			"governance_grid": "TA1CGM",
			"urgency": "Urgent",
			"concern_items": ["Physical Violence"],
			"victims": [
				{"victim_name": SECRET_VICTIM, "age": 34, "id_number": SECRET_ID, "contact": SECRET_PHONE},
				{"victim_name": "上官小宝", "age": 8, "is_minor": 1},
			],
			"description": "邻居听到哭喊，孩子身上有伤",
			**values,
		}

	# ---- scope -------------------------------------------------------------------------------

	def test_my_visits_are_mine_overdue_first_and_another_county_gets_nothing(self):
		visits = self.as_user(self.worker_a, field.my_visits)
		names = [row.name for row in visits]
		self.assertEqual(names[:2], [self.overdue, self.due_soon])
		self.assertNotIn(self.not_hers, names)  # she keeps her own entries, not the grid's
		self.assertTrue(visits[0].overdue and not visits[0].due_soon)
		self.assertTrue(visits[1].due_soon and not visits[1].overdue)
		self.assertEqual(visits[0].subject_name, "王*")  # the masked copy
		self.assertNoSecret(visits)
		visits_b = self.as_user(self.worker_b, field.my_visits)
		self.assertEqual([row.name for row in visits_b], [self.entry_b])
		self.assertNotIn(SECRET_B, frappe.as_json(visits_b))  # even her own: masked only

	def test_another_countys_worker_cannot_log_a_visit_or_report_here(self):
		visits = frappe.db.count("Home Visit", {"screening_ledger": self.overdue})
		reports = frappe.db.count("Infringement Report")
		draft = {"idempotency_key": key(), "screening_ledger": self.overdue, "findings": SECRET_FINDINGS}
		self.assertRaises(frappe.PermissionError, self.as_user, self.worker_b, field.log_visit, draft)
		self.assertRaises(
			frappe.PermissionError, self.as_user, self.worker_b, field.quick_report, self.quick_draft()
		)
		self.assertEqual(frappe.db.count("Home Visit", {"screening_ledger": self.overdue}), visits)
		self.assertEqual(frappe.db.count("Infringement Report"), reports)
		grids = {g.name for g in self.as_user(self.worker_b, field.report_options)["grids"]}
		self.assertTrue(grids and not grids & {"TA1CG", "TA1CGM", "TA1C"}, grids)

	# ---- visits: once per key, identities sealed ---------------------------------------------

	def test_a_visit_is_logged_once_per_key_and_moves_the_due_date(self):
		entry = make_ledger(responsible_executive=self.exec_a, screened_on=add_days(today(), -30)).insert()
		draft = {
			"idempotency_key": key(),
			"screening_ledger": entry.name,
			"findings": SECRET_FINDINGS,
			"follow_up": "下周再访",
		}
		first = self.as_user(self.worker_a, field.log_visit, draft)
		again = self.as_user(self.worker_a, field.log_visit, frappe.as_json(draft))  # a retry
		self.assertEqual(first["name"], again["name"])
		self.assertEqual((first["created"], again["created"]), (True, False))
		self.assertEqual(frappe.db.count("Home Visit", {"screening_ledger": entry.name}), 1)
		visit = frappe.get_doc("Home Visit", first["name"])
		self.assertEqual((visit.docstatus, visit.federation_executive), (1, self.exec_a))
		self.assertGreater(getdate(first["next_visit_due"]), getdate(today()))
		self.assertNotEqual(visit.findings, SECRET_FINDINGS)  # the column keeps a masked copy
		self.assertNoSecret([first, again])
		self.assertEqual(revealed(self.city_admin, "Home Visit", visit.name)["findings"], SECRET_FINDINGS)
		# her key is hers: another user sending it (to her own entry) learns nothing, makes nothing
		draft["screening_ledger"] = self.entry_b
		self.assertRaises(frappe.ValidationError, self.as_user, self.worker_b, field.log_visit, draft)
		self.assertEqual(frappe.db.count("Home Visit", {"screening_ledger": self.entry_b}), 0)

	def test_a_draft_without_a_valid_key_is_refused(self):
		for bad in (None, "", "short", "x" * 65, "a b c d e f g h i j"):
			draft = {"idempotency_key": bad, "screening_ledger": self.due_soon, "findings": "无异常"}
			self.assertRaises(frappe.ValidationError, self.as_user, self.worker_a, field.log_visit, draft)
		self.assertEqual(frappe.db.count("Home Visit", {"screening_ledger": self.due_soon}), 0)

	# ---- quick report: the desk's controller, the vault, the workflow ------------------------

	def test_quick_report_seals_identities_files_it_once_and_shows_in_my_reports(self):
		draft = self.quick_draft()
		# as the phone sends it: an HTTP request (where server-owned fields are guarded)
		first = self.as_user(
			self.worker_a, call, "fulian_grid.api.field.quick_report", draft=frappe.as_json(draft)
		)
		again = self.as_user(self.worker_a, field.quick_report, draft)
		self.assertEqual(first["name"], again["name"])
		self.assertEqual((first["created"], again["created"]), (True, False))
		self.assertEqual(frappe.db.count("Infringement Victim", {"parent": first["name"]}), 2)
		self.assertEqual(first["workflow_state"], "Reported")
		self.assertTrue(first["reported_at"] and first["verification_due"])
		self.assertNoSecret([first, again])
		report = frappe.get_doc("Infringement Report", first["name"])
		self.assertEqual(report.discovered_by, self.exec_a)
		self.assertEqual([bool(v.is_minor) for v in report.victims], [False, True])
		self.assertNotIn(SECRET_VICTIM, frappe.as_json(report.as_dict()))  # masked in the columns
		truth = revealed(self.city_admin, "Infringement Report", report.name)  # the detector fires
		self.assertIn(SECRET_VICTIM, truth.values())
		self.assertIn(SECRET_ID, truth.values())
		mine = self.as_user(self.worker_a, field.my_reports)
		self.assertIn(report.name, [row.name for row in mine])
		self.assertNoSecret(mine)
		self.assertNotIn(report.name, [row.name for row in self.as_user(self.worker_b, field.my_reports)])

	def test_a_bad_quick_report_saves_nothing_and_frees_its_key(self):
		reports = frappe.db.count("Infringement Report")
		draft = self.quick_draft(victims=[])  # a report needs its victims
		self.assertRaises(frappe.ValidationError, self.as_user, self.worker_a, field.quick_report, draft)
		self.assertEqual(frappe.db.count("Infringement Report"), reports)
		draft["victims"] = [{"victim_name": "钱某", "age": 40}]
		self.assertTrue(self.as_user(self.worker_a, field.quick_report, draft)["created"])

	# ---- service requests: take and close, never over a newer version -----------------------

	def test_service_request_taken_and_closed_and_a_stale_update_refused(self):
		leader = make_volunteer("冯队长", user=self.worker_a)
		team = make_team("外勤一队", grid="TA1CG", leader=leader).name
		request = make_request(grid="TA1C").insert()
		listed = {row.name: row for row in self.as_user(self.worker_a, field.service_requests)}
		self.assertEqual(listed[request.name].my_teams, [team])
		self.assertNotIn(request.name, [r.name for r in self.as_user(self.worker_b, field.service_requests)])
		seen = str(listed[request.name].modified)
		frappe.db.set_value("Service Request", request.name, "need_details", "社区补充：老人行动不便")
		self.assertRaises(
			StaleRecordError, self.as_user, self.worker_a, field.take_request, request.name, seen
		)
		self.assertEqual(frappe.db.get_value("Service Request", request.name, "status"), "Awaiting Team")
		fresh = str(frappe.db.get_value("Service Request", request.name, "modified"))
		taken = self.as_user(self.worker_a, field.take_request, request.name, fresh)
		self.assertEqual((taken["status"], taken["taken_by_team"]), ("Team Reported", team))
		self.assertRaises(
			StaleRecordError, self.as_user, self.worker_a, field.close_request, request.name, fresh, "已照护"
		)
		closed = self.as_user(
			self.worker_a, field.close_request, request.name, str(taken["modified"]), "已上门照护"
		)
		self.assertEqual(closed["status"], "Request Closed")
		self.assertRaises(
			frappe.PermissionError,
			self.as_user,
			self.worker_b,
			field.take_request,
			make_request(grid="TA1C").insert().name,
			fresh,
		)

	# ---- led projects: tick a milestone --------------------------------------------------------

	def test_a_milestone_ticked_by_the_lead_only_and_not_over_a_newer_version(self):
		project = make_project(
			self.exec_lead,
			milestones=[
				{"milestone_title": "启动", "due_date": add_days(today(), -5)},
				{"milestone_title": "结项", "due_date": add_days(today(), 60)},
			],
		).insert()
		frappe.set_user("Administrator")
		rows = self.as_user(self.lead, field.my_projects)
		mine = next(p for p in rows if p["name"] == project.name)
		self.assertTrue(mine["overdue"] and mine["milestones"][0]["overdue"])
		first = mine["milestones"][0]["name"]
		self.assertRaises(
			frappe.PermissionError,
			self.as_user,
			self.worker_b,
			field.tick_milestone,
			project.name,
			first,
			str(mine["modified"]),
		)
		self.assertRaises(
			StaleRecordError, self.as_user, self.lead, field.tick_milestone, project.name, first, "2020-01-01"
		)
		ticked = self.as_user(self.lead, field.tick_milestone, project.name, first, str(mine["modified"]))
		self.assertEqual(ticked["progress"], 50)
		self.assertFalse(ticked["overdue"])
		self.assertEqual(getdate(ticked["milestones"][0]["done_on"]), getdate(today()))
		self.assertNotIn(project.name, [p["name"] for p in self.as_user(self.worker_b, field.my_projects)])


class TestFieldAppPage(FulianTestCase):
	"""/fulian and its service worker, as a phone asks for them (scripts/test builds the app first)."""

	def test_the_page_carries_no_record_and_the_worker_covers_it(self):
		client = get_test_client()
		page = _request(client, "get", "/fulian/visits")  # every app route is the one page
		self.assertEqual(page.status_code, 200)
		text = page.get_data(as_text=True)
		self.assertIn('rel="manifest"', text)
		self.assertIn('name: "Guest"', text)  # logged out: the login screen, nothing else
		# its strings in the site's language, from locale/zh.po: those of the field app and no others
		self.assertIn("<title>网格随手记</title>", text)
		messages = json.loads(re.search(r"window\.fulian_messages = (\{.*\});$", text, re.M)[1])
		self.assertEqual(messages["Today's Visits"], "今日走访")
		self.assertEqual(messages["Submit the visit"], "提交走访")
		self.assertLess(len(messages), 200)
		self.assertNotIn("Screening Ledger", messages)  # the desk's strings stay with the desk
		worker = _request(client, "get", "/fulian/sw.js")
		self.assertEqual(worker.status_code, 200)
		self.assertEqual(worker.mimetype, "application/javascript")
		self.assertEqual(worker.headers["Service-Worker-Allowed"], "/fulian")
		# what it precaches: the app's own files, never an API reply
		self.assertIn("/assets/fulian_grid/frontend/", worker.get_data(as_text=True))
		self.assertNotIn("/api/", worker.get_data(as_text=True))


# ---- a visit's photo and location, over HTTP -----------------------------------------------------

LOCATION_SENT = "37.461234,118.493456"  # what a phone could send: metres
LOCATION = "37.46,118.49"  # what is kept: about 1 km
PHOTO_MARKER = "secret-home-of-the-victim 37.461234N"  # planted in the photo's own metadata


def _photo_with_metadata() -> str:
	"""A JPEG as a phone's camera makes it: with metadata that gives away where it was taken."""
	import base64
	import io

	from PIL import Image

	exif = Image.Exif()
	exif[0x010E] = PHOTO_MARKER  # ImageDescription
	exif[0x010F] = "PhoneMaker"  # Make
	out = io.BytesIO()
	Image.new("RGB", (640, 480), (200, 16, 46)).save(out, "JPEG", exif=exif.tobytes())
	assert PHOTO_MARKER.encode() in out.getvalue()  # the plant is there to be found
	return base64.b64encode(out.getvalue()).decode()


class TestVisitPhotoAndLocationOverHttp(FulianTestCase):
	"""A grid worker logs a visit from her phone with a photo and, ticked, her location; then the
	location and the photo are looked for over HTTP, through the app's and Frappe's generic paths,
	as a worker and an officer of another county and as a colleague of the same grid who is no
	handler. Only the grid's handler gets the location (the detector), and the photo keeps none."""

	@classmethod
	def setUpClass(cls):
		from frappe.utils.password import update_password

		from fulian_grid.tests.factories import assign, make_federation, make_grid, make_user
		from fulian_grid.tests.security.test_boundary import PASSWORD, Caller

		super().setUpClass()
		make_grid("LXC", "位置市", "City")
		for county in ("A", "B"):
			make_grid(f"LX{county}", f"位置{county}县", "County", "LXC")
			make_grid(f"LX{county}G", f"位置{county}网格", "Grid", f"LX{county}", kind="Community Grid")
			make_federation(f"位置{county}妇联", "Grid Federation", f"LX{county}G")

		def user(email, role, grid):
			if not frappe.db.exists("Grid Role Assignment", {"user": email, "role": role}):
				assign(make_user(email), role, grid)
			update_password(email, PASSWORD)
			return email

		cls.visitor = user("lx_visitor@fulian.test", "Fulian Grid Worker", "LXAG")
		cls.colleague = user("lx_colleague@fulian.test", "Fulian Grid Worker", "LXAG")
		cls.worker_b = user("lx_worker_b@fulian.test", "Fulian Grid Worker", "LXBG")
		cls.officer_b = user("lx_officer_b@fulian.test", "Fulian Officer", "LXB")
		cls.handler = user("lx_officer_a@fulian.test", "Fulian Officer", "LXA")
		executive = make_executive("位置走访员", "位置A妇联", user=cls.visitor, position="Grid Worker")
		cls.entry = make_ledger(governance_grid="LXAG", responsible_executive=executive).insert().name
		frappe.db.commit()  # nosemgrep: the requests below read committed data
		cls.callers = {
			email: Caller(email) for email in (cls.visitor, cls.colleague, cls.worker_b, cls.officer_b)
		}
		cls.callers[cls.handler] = Caller(cls.handler)

	@classmethod
	def tearDownClass(cls):
		"""What the requests committed goes (as test_boundary's do): visits, photos, keys, the entry,
		the executive, the federations, the assignments and the grids."""
		from fulian_grid import submissions

		frappe.set_user("Administrator")
		frappe.db.rollback()
		visits = frappe.get_all("Home Visit", filters={"screening_ledger": cls.entry}, pluck="name")
		for visit in visits:
			for file in frappe.get_all(
				"File", filters={"attached_to_doctype": "Home Visit", "attached_to_name": visit}, pluck="name"
			):
				frappe.delete_doc("File", file, force=True, ignore_permissions=True)
			doc = frappe.get_doc("Home Visit", visit)
			if doc.docstatus == 1:
				doc.cancel()  # a submitted record is deleted once cancelled
			frappe.delete_doc("Home Visit", visit, force=True, ignore_permissions=True)
		frappe.db.sql(f"delete from `{submissions.TABLE}` where user = %s", cls.visitor)
		frappe.delete_doc("Screening Ledger", cls.entry, force=True, ignore_permissions=True)
		for executive in frappe.get_all("Federation Executive", {"user": cls.visitor}, pluck="name"):
			frappe.delete_doc("Federation Executive", executive, force=True, ignore_permissions=True)
		for grid in ("LXAG", "LXBG", "LXA", "LXB", "LXC"):
			for federation in frappe.get_all("Women Federation", {"governance_grid": grid}, pluck="name"):
				frappe.delete_doc("Women Federation", federation, force=True, ignore_permissions=True)
			frappe.db.delete("Grid Role Assignment", {"governance_grid": grid})
			frappe.delete_doc("Governance Grid", grid, force=True, ignore_permissions=True)
		frappe.db.delete("Deleted Document", {"deleted_name": ("in", [*visits, cls.entry])})
		frappe.db.commit()  # nosemgrep: as the requests committed
		super().tearDownClass()

	def reply(self, user, method, **args):
		response = self.callers[user].method(method, **args)
		return response, response.get_data(as_text=True)

	def assertNoLocation(self, text, where):
		for secret in (LOCATION, "37.46", "118.49", "37.4612", PHOTO_MARKER):
			self.assertNotIn(secret, text, where)

	def test_photo_and_location_are_kept_once_private_and_only_for_handlers(self):
		draft = {
			"idempotency_key": key(),
			"screening_ledger": self.entry,
			"findings": "入户走访，拍照留存",
			"photo": {"file_name": "IMG_0001.jpg", "data": _photo_with_metadata()},
			"location": LOCATION_SENT,
		}
		first, text = self.reply(self.visitor, "fulian_grid.api.field.log_visit", draft=draft)
		self.assertEqual(first.status_code, 200, text)
		visit = first.json["message"]
		self.assertTrue(visit["created"] and visit["photo"])
		again, _text = self.reply(self.visitor, "fulian_grid.api.field.log_visit", draft=draft)  # a resend
		self.assertEqual(
			(again.json["message"]["name"], again.json["message"]["created"]), (visit["name"], False)
		)
		self.assertNoLocation(text + _text, "the visitor's own replies")
		frappe.db.commit()  # nosemgrep: a fresh snapshot, to see what the requests committed
		self.assertEqual(frappe.db.count("Home Visit", {"screening_ledger": self.entry}), 1)

		# one private photo, drawn again without the camera's metadata
		files = frappe.get_all(
			"File",
			filters={"attached_to_doctype": "Home Visit", "attached_to_name": visit["name"]},
			fields=["name", "file_url", "is_private"],
		)
		self.assertEqual(len(files), 1)
		self.assertTrue(files[0].is_private and files[0].file_url.startswith("/private/files/"))
		stored = frappe.get_doc("File", files[0].name).get_content()
		self.assertNotIn(PHOTO_MARKER.encode(), stored)
		self.assertNotIn(b"PhoneMaker", stored)

		# the location: coarse, in the vault, a masked copy in the column
		self.assertNotIn("37.46", frappe.db.get_value("Home Visit", visit["name"], "visit_location") or "")
		self.assertEqual(revealed(self.handler, "Home Visit", visit["name"])["visit_location"], LOCATION)
		response, text = self.reply(
			self.handler, "fulian_grid.api.identity.reveal", doctype="Home Visit", name=visit["name"]
		)
		self.assertIn(LOCATION, text)  # over HTTP too: the detector fires for the grid's handler

		name = visit["name"]
		paths = [
			("frappe.client.get", {"doctype": "Home Visit", "name": name}),
			(
				"frappe.client.get_value",
				{"doctype": "Home Visit", "filters": {"name": name}, "fieldname": "visit_location"},
			),
			(
				"frappe.client.get_list",
				{"doctype": "Home Visit", "fields": ["name", "visit_location"], "limit_page_length": 0},
			),
			(
				"frappe.desk.reportview.get",
				{"doctype": "Home Visit", "fields": ["`tabHome Visit`.`visit_location`"]},
			),
			("frappe.desk.form.load.getdoc", {"doctype": "Home Visit", "name": name}),
			("frappe.desk.search.search_link", {"doctype": "Home Visit", "txt": "37.46"}),
			("fulian_grid.api.identity.reveal", {"doctype": "Home Visit", "name": name}),
			("fulian_grid.api.field.my_visits", {}),
			(
				"frappe.client.get_list",
				{"doctype": "File", "fields": ["name", "file_url"], "filters": {"attached_to_name": name}},
			),
		]
		for user in (self.worker_b, self.officer_b, self.colleague):
			for method, args in paths:
				response, text = self.reply(user, method, **args)
				self.assertLess(response.status_code, 500, (user, method, text[:300]))
				self.assertNoLocation(text, (user, method))
			if user != self.colleague:  # the private file itself, for another county
				photo = self.callers[user].get(files[0].file_url)
				self.assertIn(photo.status_code, (403, 404), user)
		# the colleague of the same grid reads the visit, not where it was
		response, text = self.reply(self.colleague, "frappe.client.get", doctype="Home Visit", name=name)
		self.assertEqual(response.status_code, 200, text)
		self.assertIn(name, text)
		# and its photo, as every attachment of a record she may read (Frappe's private file rule)
		self.assertEqual(self.callers[self.colleague].get(files[0].file_url).status_code, 200)

	def test_a_bad_photo_or_location_makes_no_visit(self):
		frappe.db.commit()  # nosemgrep: a fresh snapshot
		before = frappe.db.count("Home Visit", {"screening_ledger": self.entry})
		for bad in (
			{"photo": {"file_name": "x.jpg", "data": "bm90IGFuIGltYWdl"}},  # "not an image"
			{"photo": {"file_name": "x.jpg", "data": "%%%"}},
			{"location": "somewhere"},
			{"location": "123.4,500"},
		):
			draft = {"idempotency_key": key(), "screening_ledger": self.entry, "findings": "无异常", **bad}
			response, text = self.reply(self.visitor, "fulian_grid.api.field.log_visit", draft=draft)
			self.assertEqual(response.status_code, 417, (bad, text[:300]))
		frappe.db.commit()  # nosemgrep: a fresh snapshot
		self.assertEqual(frappe.db.count("Home Visit", {"screening_ledger": self.entry}), before)
