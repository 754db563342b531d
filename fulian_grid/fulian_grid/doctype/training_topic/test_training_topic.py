import frappe

from fulian_grid.domain.masters import DEFAULT_TRAINING_TOPICS
from fulian_grid.install import add_default_masters, after_migrate
from fulian_grid.tests.utils import FulianTestCase


class TestTrainingTopic(FulianTestCase):
	def test_the_six_areas_of_chapter_9_are_installed_and_editable(self):
		names = {row[0] for row in DEFAULT_TRAINING_TOPICS}
		self.assertEqual(len(names), 6)
		self.assertTrue(names <= set(frappe.get_all("Training Topic", pluck="name")))
		frappe.delete_doc("Training Topic", "Livelihood Services")
		frappe.get_doc({"doctype": "Training Topic", "topic_name": "巾帼电商"}).insert()
		after_migrate()  # a migrate brings back nothing that was deleted
		self.assertFalse(frappe.db.exists("Training Topic", "Livelihood Services"))
		add_default_masters()  # the install step restores a missing default
		self.assertTrue(frappe.db.exists("Training Topic", "Livelihood Services"))
		self.assertTrue(frappe.db.exists("Training Topic", "巾帼电商"))
