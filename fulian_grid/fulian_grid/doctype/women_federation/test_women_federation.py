import frappe

from fulian_grid.fulian_grid.doctype.women_federation.women_federation import FederationPlacementError
from fulian_grid.tests.utils import FulianTestCase, TestCity, make_federation


class TestWomenFederation(FulianTestCase):
	@classmethod
	def setUpClass(cls):
		super().setUpClass()
		cls.city = TestCity()

	def test_type_must_fit_the_grid_node(self):
		with self.assertRaises(FederationPlacementError):
			make_federation("错位妇联", "Village Federation", "TA1C")
		with self.assertRaises(FederationPlacementError):
			make_federation("错位专属妇联", "Exclusive-grid Federation", "TA1CG")  # a community grid
		self.assertFalse(frappe.db.exists("Women Federation", "错位妇联"))

	def test_one_active_federation_of_a_type_per_node(self):
		with self.assertRaises(FederationPlacementError):
			make_federation("A社区第二网格妇联", "Grid Federation", "TA1C")
		dissolved = make_federation("A社区旧网格妇联", "Grid Federation", "TA1C", status="Dissolved")
		self.assertEqual(dissolved.status, "Dissolved")

	def test_parent_federation_must_sit_above(self):
		county = make_federation("A县妇联", "County Federation", "TA")
		make_federation("A网格层妇联", "Grid Federation", "TA1CG", parent=county.name)
		with self.assertRaises(FederationPlacementError):
			make_federation("B县妇联", "County Federation", "TB", parent=self.city.federation_a)

	def test_federation_tree_roots_for_county_user(self):
		from fulian_grid.api.tree import get_tree_children

		make_federation("A县妇联", "County Federation", "TA")
		frappe.set_user(self.city.officer_a)
		try:
			roots = {n["value"] for n in get_tree_children("Women Federation")}
		finally:
			frappe.set_user("Administrator")
		self.assertIn("A县妇联", roots)
		self.assertNotIn(self.city.federation_b, roots)
