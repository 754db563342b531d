"""Test base class (v15 and v16) and the test city of the tier-2 tests (factories: factories.py)."""

import frappe
from frappe.utils import add_days, nowdate

from fulian_grid.tests.factories import assign, make_federation, make_grid, make_user

try:  # Frappe v16
	from frappe.tests import IntegrationTestCase as FulianTestCase
except ImportError:  # Frappe v15
	from frappe.tests.utils import FrappeTestCase as FulianTestCase

__all__ = ["CityTestCase", "FulianTestCase", "TestCity", "revealed"]


def revealed(user: str, doctype: str, name: str) -> dict | None:
	"""The identities `user` gets by revealing the record (the vault's values), None if refused."""
	from fulian_grid.api.identity import reveal

	frappe.set_user(user)
	try:
		values = reveal(doctype, name)
	except frappe.PermissionError:
		return None
	finally:
		frappe.set_user("Administrator")
	return {
		**values["fields"],
		**{f"{row}.{k}": v for row, fields in values["rows"].items() for k, v in fields.items()},
	}


class TestCity:
	"""A small city with two counties, A and B, each down to a micro-grid, and users scoped to it.

	City TC ─ County TA ─ Township TA1 ─ Community TA1C ─ Grid TA1CG ─ Micro-grid TA1CGM
	        │                          └ Grid O'Brien-1 (exclusive, named "O'Brien 网格")
	        └ County TB ─ Township TB1 ─ Community TB1C ─ Grid TB1CG ─ Micro-grid TB1CGM
	"""

	def __init__(self):
		make_grid("TC", "测试市", "City")
		for county in ("A", "B"):
			c = f"T{county}"
			make_grid(c, f"{county}县", "County", "TC")
			make_grid(f"{c}1", f"{county}街道", "Township", c)
			make_grid(f"{c}1C", f"{county}社区", "Community", f"{c}1")
			make_grid(f"{c}1CG", f"{county}网格", "Grid", f"{c}1C", kind="Community Grid", households=120)
			make_grid(f"{c}1CGM", f"{county}微网格", "Micro-grid", f"{c}1CG", households=30)
			fed = make_federation(f"{county}社区网格妇联", "Grid Federation", f"{c}1C")
			self.__dict__[f"federation_{county.lower()}"] = fed.name
		make_grid(
			"O'Brien-1", "O'Brien 网格", "Grid", "TA1", kind="Exclusive Grid", exclusive_host="Enterprise"
		)
		self.federation_obrien = make_federation(
			"O'Brien 专属网格妇联", "Exclusive-grid Federation", "O'Brien-1"
		).name

		self.officer_a = make_user("officer_a@fulian.test")
		assign(self.officer_a, "Fulian Officer", "TA")
		self.officer_b = make_user("officer_b@fulian.test")
		assign(self.officer_b, "Fulian Officer", "TB")
		self.city_admin = make_user("city_admin@fulian.test")
		assign(self.city_admin, "Fulian Admin", "TC")
		self.dual = make_user("dual@fulian.test")
		assign(self.dual, "Fulian Grid Chair", "TA1CG")
		assign(self.dual, "Fulian Executive", "TB1CG")
		self.expired = make_user("expired@fulian.test", roles=("Fulian Officer",))
		assign(
			self.expired,
			"Fulian Officer",
			"TA",
			valid_from=add_days(nowdate(), -30),
			valid_to=add_days(nowdate(), -1),
		)
		self.disabled = make_user("disabled@fulian.test", roles=("Fulian Officer",))
		assign(self.disabled, "Fulian Officer", "TA", enabled=0)
		self.stranger = make_user("stranger@fulian.test", roles=("Fulian Officer",))


class CityTestCase(FulianTestCase):
	"""Tests on the TestCity (`cls.city`); each test ends as Administrator whoever it ran as."""

	@classmethod
	def setUpClass(cls):
		super().setUpClass()
		cls.city = TestCity()

	def tearDown(self):
		frappe.set_user("Administrator")
		super().tearDown()
