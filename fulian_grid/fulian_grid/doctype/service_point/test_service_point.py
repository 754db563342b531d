import frappe

from fulian_grid.domain.masters import DEFAULT_SIGNAGE_REQUIREMENTS
from fulian_grid.tests.utils import CityTestCase


class TestServicePoint(CityTestCase):
	def test_new_point_starts_from_the_brand_signage_checklist(self):
		point = frappe.get_doc(
			{
				"doctype": "Service Point",
				"point_name": "盛园社区贴心娘家人聊聊吧",
				"point_kind": "Caring Chat Room",
				"governance_grid": "TA1C",
				"opening_hours": "周一至周五 9:00-17:00",
				"location": '{"type":"FeatureCollection","features":[]}',
			}
		).insert()
		settings = frappe.get_single("Fulian Settings")
		self.assertEqual(len(DEFAULT_SIGNAGE_REQUIREMENTS), len(settings.signage_requirements))
		self.assertEqual(
			[row.requirement for row in point.signage],
			[row.requirement for row in settings.signage_requirements],
		)
		self.assertFalse(point.signage_complete)
		for row in point.signage:
			row.in_place = 1
		point.save()
		self.assertTrue(point.signage_complete)
