import io
import json

import frappe
from docx import Document
from frappe.utils import add_days, today

from fulian_grid.api.deliberation import download_deliberation_book, download_deliberation_record
from fulian_grid.fulian_grid.doctype.deliberation_record.deliberation_record import (
	DeliberationValidationError,
)
from fulian_grid.tests.factories import assign, deliberation, make_executive, make_user
from fulian_grid.tests.utils import CityTestCase


def downloaded() -> Document:
	content = frappe.response.pop("filecontent")
	frappe.response.pop("filename", None)
	frappe.response.pop("type", None)
	return Document(io.BytesIO(content))


def form_values(document) -> dict[str, str]:
	found = {}
	for row in document.tables[0].rows:
		cells = [c.text for c in row.cells]
		for index in range(0, 3, 2):
			found.setdefault(cells[index], cells[index + 1])
	return found


class TestDeliberationRecord(CityTestCase):
	@classmethod
	def setUpClass(cls):
		super().setUpClass()
		cls.chair = make_user("chair_a@fulian.test")
		assign(cls.chair, "Fulian Grid Chair", "TA1C")
		cls.convener = make_executive("张兰", cls.city.federation_a)
		cls.convener_b = make_executive("王静", cls.city.federation_b)

	def test_chair_records_a_door_to_door_deliberation_and_downloads_appendix_e(self):
		frappe.set_user(self.chair)
		record = deliberation(
			self.city.federation_a,
			self.convener,
			governance_grid="TA1CG",
			recorder=self.convener,
			resolutions="本周六上午集中清理",
			follow_up_actions=[{"action": "组织清理楼道", "responsible": "张兰", "due_date": today()}],
		).insert()
		self.assertEqual(record.total_headcount, 6)
		self.assertTrue(record.end_time)  # defaulted for the calendar
		logs_before = frappe.db.count("Access Log", {"reference_document": record.name})
		download_deliberation_record(record.name)
		document = downloaded()
		self.assertIn("妇女议事会活动记录表", [p.text for p in document.paragraphs])
		form = form_values(document)
		self.assertEqual(form["议事形式"], "上门议事")
		self.assertEqual(form["召 集 人"], "张兰")
		self.assertEqual(form["所属网格"], "A网格")
		self.assertEqual(form["参加人员"], "张兰（执委）、3号楼居民代表（居民，5人）；共6人")
		self.assertEqual(form["议定事项"], "本周六上午集中清理")
		self.assertEqual(document.tables[1].rows[1].cells[1].text, "组织清理楼道")
		self.assertEqual(document.tables[1].rows[1].cells[4].text, "待处理")
		self.assertEqual(frappe.db.count("Access Log", {"reference_document": record.name}), logs_before + 1)

	def test_bad_input_is_refused(self):
		cases = (
			{"attendees": []},
			{"end_time": f"{add_days(today(), -4)} 09:00:00"},
			{"attendees": [{"attendee_type": "Resident", "attendee_name": " "}]},
			{"attendees": [{"attendee_type": "Executive"}]},
			{"attendees": [{"attendee_type": "Resident", "attendee_name": "居民", "headcount": 0}]},
			{"follow_up_actions": [{"action": "x", "responsible": "y", "due_date": add_days(today(), -30)}]},
		)
		for values in cases:
			self.assertRaises(
				(DeliberationValidationError, frappe.MandatoryError),
				deliberation(self.city.federation_a, self.convener, **values).insert,
			)
		self.assertRaises(
			frappe.ValidationError,
			deliberation(self.city.federation_a, self.convener, deliberation_form="Online").insert,
		)

	def test_sibling_county_cannot_read_or_download(self):
		record = deliberation(self.city.federation_a, self.convener).insert()
		frappe.set_user(self.city.officer_b)
		self.assertNotIn(record.name, frappe.get_list("Deliberation Record", pluck="name"))
		self.assertRaises(frappe.PermissionError, download_deliberation_record, record.name)

	def test_calendar_view_is_shipped(self):
		from frappe.desk.form.meta import get_meta

		calendar_js = get_meta("Deliberation Record").get("__calendar_js") or ""
		self.assertIn('start: "start_time"', calendar_js)
		self.assertIn("frappe.desk.calendar.get_events", calendar_js)

	def test_calendar_events_are_scoped(self):
		from frappe.desk.calendar import get_events

		record = deliberation(self.city.federation_a, self.convener).insert()
		field_map = json.dumps({"start": "start_time", "end": "end_time", "title": "topic"})
		window = (add_days(today(), -10), add_days(today(), 1))
		frappe.set_user(self.city.officer_a)
		self.assertIn(record.name, [e.name for e in get_events("Deliberation Record", *window, field_map)])
		frappe.set_user(self.city.officer_b)
		self.assertNotIn(record.name, [e.name for e in get_events("Deliberation Record", *window, field_map)])

	def test_bound_book_covers_the_period_and_subtree_the_user_may_read(self):
		inside = deliberation(self.city.federation_a, self.convener, topic="A区议题").insert()
		deliberation(
			self.city.federation_a,
			self.convener,
			topic="期外议题",
			start_time=f"{add_days(today(), -60)} 09:00:00",
		).insert()
		deliberation(self.city.federation_b, self.convener_b, topic="B区议题").insert()
		frappe.set_user(self.city.officer_a)
		download_deliberation_book("TA", add_days(today(), -10), today())
		document = downloaded()
		summary = [[c.text for c in row.cells] for row in document.tables[0].rows[1:]]
		topics = [row[4] for row in summary]
		self.assertIn("A区议题", topics)
		self.assertNotIn("期外议题", topics)
		self.assertNotIn("B区议题", topics)
		self.assertEqual(len(document.tables), 1 + 2 * len(summary))
		self.assertIn(f"记录数：{len(summary)} 次", [p.text for p in document.paragraphs])
		self.assertTrue(inside.name)
		self.assertRaises(
			frappe.PermissionError, download_deliberation_book, "TB", add_days(today(), -10), today()
		)
