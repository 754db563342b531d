import frappe
from frappe.utils import add_days, today

from fulian_grid.fulian_grid.doctype.executive_committee_meeting.executive_committee_meeting import (
	MeetingValidationError,
)
from fulian_grid.tests.factories import make_executive, meeting
from fulian_grid.tests.utils import CityTestCase


class TestExecutiveCommitteeMeeting(CityTestCase):
	@classmethod
	def setUpClass(cls):
		super().setUpClass()
		cls.one = make_executive("刘红", cls.city.federation_a)
		cls.two = make_executive("陈芳", cls.city.federation_a)

	def test_held_meeting_counts_who_attended(self):
		doc = meeting(self.city.federation_a, {self.one: True, self.two: False}).insert()
		self.assertEqual(doc.attended_count, 1)
		self.assertEqual(doc.governance_grid, "TA1C")

	def test_meeting_in_the_future_cannot_be_marked_held(self):
		future = meeting(self.city.federation_a, {self.one: True}, meeting_date=add_days(today(), 3))
		with self.assertRaises(MeetingValidationError) as raised:
			future.insert()
		self.assertIn("cannot be marked as held", str(raised.exception))
		future.status = "Planned"
		future.insert()  # planning ahead is fine

	def test_bad_attendance_is_refused(self):
		self.assertRaises(MeetingValidationError, meeting(self.city.federation_a, {self.one: False}).insert)
		doc = meeting(self.city.federation_a, {self.one: True})
		doc.append("attendees", {"federation_executive": self.one})
		self.assertRaises(MeetingValidationError, doc.insert)

	def test_executive_reads_but_sibling_county_does_not(self):
		doc = meeting(self.city.federation_a, {self.one: True}).insert()
		frappe.set_user(self.city.officer_b)
		self.assertFalse(frappe.get_doc("Executive Committee Meeting", doc.name).has_permission("read"))
