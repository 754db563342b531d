"""Deliberation and duty records follow the per-grid rule on every read path (list, count, get)."""

import frappe
from frappe.utils import add_days, getdate, today

from fulian_grid.api.platform import get_count
from fulian_grid.tests.factories import deliberation, make_executive, meeting, training
from fulian_grid.tests.utils import CityTestCase


class TestDutyScope(CityTestCase):
	@classmethod
	def setUpClass(cls):
		super().setUpClass()
		cls.records = {"A": {}, "B": {}}
		for county, federation in (("A", cls.city.federation_a), ("B", cls.city.federation_b)):
			executive = make_executive(f"{county}县执委", federation)
			made = cls.records[county]
			made["Deliberation Record"] = deliberation(federation, executive).insert()
			made["Executive Committee Meeting"] = meeting(federation, {executive: True}).insert()
			made["Training Session"] = training(federation, [executive]).insert()
			made["Suggestion"] = frappe.get_doc(
				{
					"doctype": "Suggestion",
					"women_federation": federation,
					"resident_name": "居民",
					"topic": "t",
					"content": "c",
				}
			).insert()
			made["Duty Report"] = frappe.get_doc(
				{
					"doctype": "Duty Report",
					"federation_executive": executive,
					"own_account": "述职",
					"period_start": add_days(today(), -30),
					"period_end": today(),
				}
			).insert()
			made["Duty Evaluation"] = frappe.get_doc(
				{
					"doctype": "Duty Evaluation",
					"federation_executive": executive,
					"period_start": add_days(today(), -30),
					"period_end": today(),
				}
			).insert()
			made["Talent Pool Entry"] = frappe.get_doc(
				{
					"doctype": "Talent Pool Entry",
					"federation_executive": executive,
					"strengths": "调解",
					"source": "Recommendation",
				}
			).insert()
			made["Commendation"] = frappe.get_doc(
				{
					"doctype": "Commendation",
					"federation_executive": executive,
					"honour": "优秀网格员",
					"year": getdate(today()).year,
					"level": "County",
					"awarding_body": "县妇联",
				}
			).insert()

	def test_every_duty_doctype_is_listed_as_grid_scoped(self):
		from fulian_grid.hooks import _GRID_SCOPED_DOCTYPES

		self.assertTrue(set(self.records["A"]) <= set(_GRID_SCOPED_DOCTYPES))

	def test_county_officer_reads_her_county_only_on_every_path(self):
		frappe.set_user(self.city.officer_a)
		for doctype in self.records["A"]:
			own, other = self.records["A"][doctype].name, self.records["B"][doctype].name
			listed = set(frappe.get_list(doctype, pluck="name"))
			self.assertIn(own, listed, doctype)
			self.assertNotIn(other, listed, doctype)
			self.assertEqual(get_count(doctype, {"name": other}), 0, doctype)
			self.assertFalse(frappe.get_doc(doctype, other).has_permission("read"), doctype)
			self.assertRaises(frappe.PermissionError, frappe.get_doc(doctype, other).check_permission, "read")

	def test_city_admin_reads_both_counties(self):
		frappe.set_user(self.city.city_admin)
		for doctype in self.records["A"]:
			listed = set(frappe.get_list(doctype, pluck="name"))
			self.assertTrue(
				{self.records["A"][doctype].name, self.records["B"][doctype].name} <= listed, doctype
			)

	def test_stranger_sees_nothing(self):
		frappe.set_user(self.city.stranger)
		for doctype in self.records["A"]:
			self.assertEqual(frappe.get_list(doctype, pluck="name"), [], doctype)
