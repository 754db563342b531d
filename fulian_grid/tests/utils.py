"""Test base class (v15 and v16) and factories for tier-2 tests."""

import frappe
from frappe.utils import add_days, nowdate

try:  # Frappe v16
	from frappe.tests import IntegrationTestCase as FulianTestCase
except ImportError:  # Frappe v15
	from frappe.tests.utils import FrappeTestCase as FulianTestCase

__all__ = [
	"CityTestCase",
	"FulianTestCase",
	"TestCity",
	"assign",
	"make_executive",
	"make_federation",
	"make_grid",
	"make_user",
	"revealed",
	"scoped_user",
]


def make_grid(code: str, name: str, level: str, parent: str | None = None, kind: str | None = None, **values):
	if frappe.db.exists("Governance Grid", code):
		return frappe.get_doc("Governance Grid", code)
	return frappe.get_doc(
		{
			"doctype": "Governance Grid",
			"grid_code": code,
			"grid_name": name,
			"level": level,
			"parent_governance_grid": parent,
			"grid_kind": kind,
			**values,
		}
	).insert(ignore_permissions=True)


def make_user(email: str, roles=()) -> str:
	if not frappe.db.exists("User", email):
		user = frappe.get_doc(
			{"doctype": "User", "email": email, "first_name": email.split("@")[0], "send_welcome_email": 0}
		)
		user.flags.no_welcome_mail = True
		user.insert(ignore_permissions=True)
	if roles:
		frappe.get_doc("User", email).add_roles(*roles)
	return email


def assign(user: str, role: str, grid: str, **values):
	return frappe.get_doc(
		{"doctype": "Grid Role Assignment", "user": user, "role": role, "governance_grid": grid, **values}
	).insert(ignore_permissions=True)


def scoped_user(email: str, role: str, grid: str, **values) -> str:
	"""A user holding `role` in the subtree of `grid`."""
	assign(make_user(email), role, grid, **values)
	return email


def make_executive(full_name: str, federation: str, user: str | None = None, **values) -> str:
	"""An executive of `federation` (the one already there under that name, if any)."""
	existing = frappe.db.get_value(
		"Federation Executive", {"full_name": full_name, "women_federation": federation}
	)
	if existing:
		return existing
	return (
		frappe.get_doc(
			{
				"doctype": "Federation Executive",
				"full_name": full_name,
				"position": "Executive Member",
				"women_federation": federation,
				"user": user,
				**values,
			}
		)
		.insert(ignore_permissions=True)
		.name
	)


def make_federation(name: str, federation_type: str, grid: str, parent: str | None = None, **values):
	if frappe.db.exists("Women Federation", name):
		return frappe.get_doc("Women Federation", name)
	return frappe.get_doc(
		{
			"doctype": "Women Federation",
			"federation_name": name,
			"federation_type": federation_type,
			"governance_grid": grid,
			"parent_women_federation": parent,
			**values,
		}
	).insert(ignore_permissions=True)


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
