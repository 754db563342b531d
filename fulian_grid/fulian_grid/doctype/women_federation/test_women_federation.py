import frappe

from fulian_grid.fulian_grid.doctype.women_federation.women_federation import FederationPlacementError
from fulian_grid.tests.factories import make_federation
from fulian_grid.tests.utils import FulianTestCase, TestCity


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


class TestOrganizationChart(FulianTestCase):
	@classmethod
	def setUpClass(cls):
		super().setUpClass()
		cls.city = TestCity()
		cls.county = make_federation("A县妇联", "County Federation", "TA").name
		frappe.db.set_value("Women Federation", cls.city.federation_a, "parent_women_federation", cls.county)
		frappe.get_doc("Women Federation", cls.city.federation_a).save()  # renumber the federation tree
		frappe.get_doc(
			{
				"doctype": "Women Group",
				"group_name": "一号楼小组",
				"governance_grid": "TA1CGM",
				"women_federation": cls.city.federation_a,
			}
		).insert()

	def tearDown(self):
		frappe.set_user("Administrator")

	def download(self, federation):
		import io

		from docx import Document

		from fulian_grid.api.org_chart import download_org_chart

		frappe.local.response = frappe._dict()
		download_org_chart(federation)
		return Document(io.BytesIO(frappe.response.filecontent))

	def test_docx_reads_back_and_is_logged(self):
		frappe.set_user(self.city.officer_a)
		logs_before = frappe.db.count("Access Log", {"reference_document": self.county})
		document = self.download(self.county)
		table = document.tables[0]
		self.assertEqual(table.rows[1].cells[1].text, "A县妇联")
		self.assertEqual(table.rows[1].cells[2].text, "县区妇联")
		self.assertEqual(table.rows[2].cells[1].text, "　" + self.city.federation_a)
		self.assertEqual(table.rows[2].cells[5].text, "1")  # one group
		self.assertEqual(frappe.db.count("Access Log", {"reference_document": self.county}), logs_before + 1)

	def test_download_of_sibling_subtree_is_refused(self):
		frappe.set_user(self.city.officer_b)
		self.assertRaises(frappe.PermissionError, self.download, self.county)

	def test_print_format_renders_the_subtree(self):
		frappe.set_user(self.city.officer_a)
		html = frappe.get_print("Women Federation", self.county, print_format="Organization Chart")
		self.assertIn("网格妇联组织架构设置图", html)
		self.assertIn(self.city.federation_a, html)
