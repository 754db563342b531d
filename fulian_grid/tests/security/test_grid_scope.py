"""Rights hold only where they were assigned: every read path, for every kind of user."""

import csv
import io

import frappe
import frappe.client
from frappe.desk.reportview import export_query
from frappe.desk.search import search_link
from frappe.www.printview import validate_print_permission

from fulian_grid.tests.factories import make_executive, scoped_user
from fulian_grid.tests.utils import FulianTestCase, TestCity, revealed


class TestGridScope(FulianTestCase):
	@classmethod
	def setUpClass(cls):
		super().setUpClass()
		cls.city = TestCity()

	def tearDown(self):
		frappe.set_user("Administrator")

	def federations_seen_by(self, user):
		frappe.set_user(user)
		return set(frappe.get_list("Women Federation", pluck="name"))

	def test_county_officer_sees_her_county_only(self):
		seen = self.federations_seen_by(self.city.officer_a)
		self.assertIn(self.city.federation_a, seen)
		self.assertIn(self.city.federation_obrien, seen)
		self.assertNotIn(self.city.federation_b, seen)

	def test_parent_sees_children(self):
		seen = self.federations_seen_by(self.city.city_admin)
		self.assertTrue({self.city.federation_a, self.city.federation_b, self.city.federation_obrien} <= seen)

	def test_grid_tree_itself_is_scoped(self):
		frappe.set_user(self.city.officer_a)
		grids = set(frappe.get_list("Governance Grid", pluck="name"))
		self.assertTrue({"TA", "TA1", "TA1CGM", "O'Brien-1"} <= grids)
		self.assertFalse({"TC", "TB", "TB1CGM"} & grids)

	def test_a_grid_worker_reads_the_executives_above_her_grid_and_no_others(self):
		"""Her community's executives make the visits she records: she links them, reads their
		masked entry, and can neither change them nor reveal them; other grids' stay unseen."""
		worker = scoped_user("worker_ta1cgm@fulian.test", "Fulian Grid Worker", "TA1CGM")
		mobile = "13912345678"
		above = make_executive("上级执委", self.city.federation_a, mobile=mobile)
		sibling = make_executive("专属网格执委", self.city.federation_obrien)
		other_county = make_executive("外县执委", self.city.federation_b)
		frappe.set_user(worker)
		seen = set(frappe.get_list("Federation Executive", pluck="name"))
		self.assertIn(above, seen)
		self.assertFalse({sibling, other_county} & seen)
		found = {row["value"] for row in search_link("Federation Executive", "执委", page_length=100)}
		self.assertIn(above, found)
		self.assertFalse({sibling, other_county} & found)
		self.assertNotIn(mobile, frappe.as_json(frappe.client.get("Federation Executive", above)))
		self.assertRaises(frappe.PermissionError, frappe.client.get, "Federation Executive", other_county)
		self.assertFalse(frappe.has_permission("Federation Executive", "write", doc=above, user=worker))
		frappe.set_user("Administrator")
		self.assertIsNone(revealed(worker, "Federation Executive", above))

	def test_the_executives_card_counts_her_subtree_not_the_executives_above(self):
		"""She reads the executives above her grid (list, link), but the workspace's card counts
		the executives of her own grids only, as a county's card counts the county's."""
		from frappe.desk.doctype.number_card.number_card import get_result

		from fulian_grid.api.platform import number_card_result

		worker = scoped_user("worker_card_ta1cgm@fulian.test", "Fulian Grid Worker", "TA1CGM")
		above = make_executive("卡片上级执委", self.city.federation_a)
		frappe.set_user(worker)
		self.assertIn(above, frappe.get_list("Federation Executive", pluck="name"))
		card = frappe.get_doc("Number Card", "Active Executives")
		counted = number_card_result(frappe.as_json(card.as_dict()), card.filters_json)
		frappe.set_user("Administrator")
		own = frappe.db.count(
			"Federation Executive",
			{"status": "Active", "governance_grid": ("in", self.grids_below("TA1CGM"))},
		)
		self.assertEqual(counted, own)
		frappe.set_user(worker)
		self.assertGreater(get_result(card.as_dict(), card.filters_json), counted)  # Frappe's own path

	def grids_below(self, grid):
		lft, rgt = frappe.db.get_value("Governance Grid", grid, ["lft", "rgt"])
		return frappe.get_all("Governance Grid", {"lft": (">=", lft), "rgt": ("<=", rgt)}, pluck="name")

	def test_get_of_sibling_record_is_refused(self):
		frappe.set_user(self.city.officer_a)
		self.assertRaises(
			frappe.PermissionError, frappe.client.get, "Women Federation", self.city.federation_b
		)
		self.assertTrue(frappe.get_doc("Women Federation", self.city.federation_a).has_permission("read"))

	def test_get_value_and_get_count_see_nothing_of_sibling(self):
		frappe.set_user(self.city.officer_a)
		value = frappe.client.get_value("Women Federation", "name", {"name": self.city.federation_b})
		self.assertFalse(value)
		self.assertEqual(self.rest_count("Women Federation", {"name": self.city.federation_b}), 0)
		self.assertEqual(self.rest_count("Women Federation", {"name": self.city.federation_a}), 1)

	def rest_count(self, doctype, filters):
		"""Through the request handler, as `/api/method/frappe.client.get_count` runs it."""
		from frappe.handler import execute_cmd

		frappe.local.form_dict = frappe._dict(doctype=doctype, filters=frappe.as_json(filters))
		frappe.local.request = frappe._dict(method="GET")
		try:
			return execute_cmd("frappe.client.get_count")
		finally:
			del frappe.local.request

	def test_link_search_is_scoped(self):
		frappe.set_user(self.city.officer_a)
		found = {row["value"] for row in search_link("Women Federation", "", page_length=100)}
		self.assertIn(self.city.federation_a, found)
		self.assertNotIn(self.city.federation_b, found)
		grids = {row["value"] for row in search_link("Governance Grid", "O'Brien", page_length=100)}
		self.assertEqual(grids, {"O'Brien-1"})

	def test_report_view_export_is_scoped(self):
		frappe.set_user(self.city.officer_a)
		frappe.local.form_dict = frappe._dict(
			doctype="Women Federation", fields='["`tabWomen Federation`.`name`"]', file_format_type="CSV"
		)
		export_query()
		rows = list(csv.reader(io.StringIO(frappe.safe_decode(frappe.response.filecontent))))
		names = {row[1] for row in rows[1:]}  # column 0 is the row number
		self.assertIn(self.city.federation_a, names)
		self.assertNotIn(self.city.federation_b, names)

	def test_print_of_sibling_record_is_refused(self):
		frappe.set_user(self.city.officer_a)
		own = frappe.get_doc("Women Federation", self.city.federation_a)
		validate_print_permission(own)  # no error
		frappe.set_user("Administrator")
		other = frappe.get_doc("Women Federation", self.city.federation_b)
		frappe.set_user(self.city.officer_a)
		# Frappe answers "not found" rather than confirming the record exists
		self.assertRaises(frappe.DoesNotExistError, validate_print_permission, other)

	def test_number_card_counts_within_scope(self):
		from frappe.desk.doctype.number_card.number_card import get_result

		card = frappe._dict(
			type="Document Type", document_type="Women Federation", function="Count", filters_json="[]"
		)
		frappe.set_user(self.city.officer_a)
		in_a = get_result(card, [])
		frappe.set_user(self.city.city_admin)
		in_city = get_result(card, [])
		self.assertGreaterEqual(in_city, in_a + 1)

	def test_each_role_applies_only_in_its_own_subtree(self):
		"""Chair in grid A1 and executive in grid B1: chair rights in A1 only."""
		frappe.set_user("Administrator")
		group_a = self.make_group("A组", self.city.federation_a, "TA1CGM")
		group_b = self.make_group("B组", self.city.federation_b, "TB1CGM")
		frappe.set_user(self.city.dual)
		self.assertTrue({group_a.name, group_b.name} <= set(frappe.get_list("Women Group", pluck="name")))
		self.assertTrue(frappe.get_doc("Women Group", group_a.name).has_permission("write"))
		self.assertFalse(frappe.get_doc("Women Group", group_b.name).has_permission("write"))
		other = frappe.get_doc("Women Group", group_b.name)
		other.coverage = "1号楼"
		self.assertRaises(frappe.PermissionError, other.save)

	def test_expired_and_disabled_assignments_reach_nothing(self):
		for user in (self.city.expired, self.city.disabled, self.city.stranger):
			self.assertEqual(self.federations_seen_by(user), set(), user)

	def test_record_cannot_be_pulled_into_scope(self):
		frappe.set_user(self.city.officer_a)
		other = frappe.get_doc("Women Federation", self.city.federation_b)  # loaded as if via REST PUT
		other.flags.ignore_permissions = False
		other.governance_grid = "TA1C"
		self.assertRaises(frappe.PermissionError, other.save)

	def test_record_cannot_be_pushed_out_of_scope(self):
		frappe.set_user(self.city.officer_a)
		own = frappe.get_doc("Women Federation", self.city.federation_a)
		own.governance_grid = "TB1C"
		self.assertRaises(frappe.PermissionError, own.save)

	def test_tree_view_roots_at_assigned_grid(self):
		from fulian_grid.api.tree import get_tree_children

		frappe.set_user(self.city.officer_a)
		self.assertEqual([n["value"] for n in get_tree_children("Governance Grid")], ["TA"])
		children = {n["value"] for n in get_tree_children("Governance Grid", "TA1")}
		self.assertEqual(children, {"TA1C", "O'Brien-1"})
		frappe.set_user(self.city.city_admin)
		self.assertIn("TC", [n["value"] for n in get_tree_children("Governance Grid")])

	def make_group(self, name, federation, grid):
		return frappe.get_doc(
			{
				"doctype": "Women Group",
				"group_name": name,
				"women_federation": federation,
				"governance_grid": grid,
			}
		).insert()


class TestTreePaths(FulianTestCase):
	"""Records carry their grid's tree path; moving a node carries its records' scope along."""

	@classmethod
	def setUpClass(cls):
		super().setUpClass()
		cls.city = TestCity()

	def tearDown(self):
		frappe.set_user("Administrator")

	def test_records_carry_their_grids_path(self):
		grid_path = frappe.db.get_value("Governance Grid", "TA1C", "tree_path")
		self.assertTrue(grid_path.startswith(frappe.db.get_value("Governance Grid", "TA", "tree_path")))
		self.assertEqual(
			frappe.db.get_value("Women Federation", self.city.federation_a, "grid_path"), grid_path
		)

	def test_adding_nodes_moves_no_path(self):
		before = dict(frappe.get_all("Governance Grid", fields=["name", "tree_path"], as_list=True))
		from fulian_grid.tests.factories import make_grid

		make_grid("TA0", "新街道", "Township", "TA")  # shifts lft/rgt of half the tree, but no path
		after = dict(frappe.get_all("Governance Grid", fields=["name", "tree_path"], as_list=True))
		self.assertEqual({k: after[k] for k in before}, before)

	def test_moving_a_community_moves_its_records_into_the_new_county(self):
		community = frappe.get_doc("Governance Grid", "TA1C")
		community.parent_governance_grid = "TB1"
		community.save()
		new_path = frappe.db.get_value("Governance Grid", "TA1C", "tree_path")
		self.assertTrue(new_path.startswith(frappe.db.get_value("Governance Grid", "TB1", "tree_path")))
		self.assertTrue(
			frappe.db.get_value("Governance Grid", "TA1CGM", "tree_path").startswith(new_path)
		)  # the subtree followed
		self.assertEqual(
			frappe.db.get_value("Women Federation", self.city.federation_a, "grid_path"), new_path
		)
		frappe.set_user(self.city.officer_a)
		self.assertNotIn(self.city.federation_a, frappe.get_list("Women Federation", pluck="name"))
		frappe.set_user(self.city.officer_b)
		self.assertIn(self.city.federation_a, frappe.get_list("Women Federation", pluck="name"))

		frappe.set_user("Administrator")  # and back again
		community.reload()
		community.parent_governance_grid = "TA1"
		community.save()
		ta_path = frappe.db.get_value("Governance Grid", "TA", "tree_path")
		self.assertTrue(
			frappe.db.get_value("Women Federation", self.city.federation_a, "grid_path").startswith(ta_path)
		)
		frappe.set_user(self.city.officer_a)
		self.assertIn(self.city.federation_a, frappe.get_list("Women Federation", pluck="name"))
