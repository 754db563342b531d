import frappe

from fulian_grid.fulian_grid.doctype.training_session.training_session import TrainingValidationError
from fulian_grid.tests.factories import make_executive, training
from fulian_grid.tests.utils import CityTestCase


class TestTrainingSession(CityTestCase):
	@classmethod
	def setUpClass(cls):
		super().setUpClass()
		cls.one = make_executive("刘红", cls.city.federation_a)
		cls.two = make_executive("陈芳", cls.city.federation_a)

	def test_training_records_its_attendees(self):
		doc = training(self.city.federation_a, [self.one, self.two]).insert()
		self.assertEqual(doc.attendee_count, 2)
		self.assertEqual(doc.title, "Dispute Screening and Resolution")

	def test_training_with_no_attendees_is_refused(self):
		with self.assertRaises(TrainingValidationError) as raised:
			training(self.city.federation_a, []).insert()
		self.assertIn("at least one attendee", str(raised.exception))

	def test_bad_input_is_refused(self):
		for values in ({"hours": 0}, {"training_topic": "No Such Topic"}):
			self.assertRaises(
				(TrainingValidationError, frappe.LinkValidationError),
				training(self.city.federation_a, [self.one], **values).insert,
			)
		self.assertRaises(
			TrainingValidationError, training(self.city.federation_a, [self.one, self.one]).insert
		)
		frappe.db.set_value("Training Topic", "Public Opinion Collection", "enabled", 0)
		self.assertRaises(
			TrainingValidationError,
			training(self.city.federation_a, [self.one], training_topic="Public Opinion Collection").insert,
		)

	def test_error_reads_in_chinese(self):
		frappe.local.lang = "zh"
		try:
			with self.assertRaises(TrainingValidationError) as raised:
				training(self.city.federation_a, []).insert()
			self.assertIn("培训至少需要一名参训人员", str(raised.exception))
		finally:
			frappe.local.lang = "en"
