import frappe

from fulian_grid.fulian_grid.doctype.women_group.women_group import WomenGroupPlacementError
from fulian_grid.tests.factories import make_federation
from fulian_grid.tests.utils import CityTestCase


class TestWomenGroup(CityTestCase):
	def group(self, federation, grid, **values):
		return frappe.get_doc(
			{
				"doctype": "Women Group",
				"group_name": "一号楼妇女小组",
				"women_federation": federation,
				"governance_grid": grid,
				**values,
			}
		)

	def test_group_counts_members(self):
		doc = self.group(
			self.city.federation_a, "TA1CGM", members=[{"member_name": "王芳"}, {"member_name": "李娜"}]
		).insert()
		self.assertEqual(doc.member_count, 2)

	def test_group_must_lie_inside_its_federation(self):
		self.assertRaises(WomenGroupPlacementError, self.group(self.city.federation_a, "TB1CGM").insert)

	def test_group_hangs_under_a_grid_level_federation(self):
		county = make_federation("A县妇联", "County Federation", "TA")
		self.assertRaises(WomenGroupPlacementError, self.group(county.name, "TA1CGM").insert)
