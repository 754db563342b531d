"""One demo user per role, assigned in sensible grids of the Dongying demo data — made the way an
administrator would (User, then Grid Role Assignment), for `scripts/quickstart` and the browser tests.

	bench --site SITE execute fulian_grid.demo.users.make_demo_users

Run after `fulian_grid.demo.generate`; running it again changes nothing."""

import frappe

from fulian_grid.demo import CITY
from fulian_grid.roles import (
	FULIAN_ADMIN,
	FULIAN_EXECUTIVE,
	FULIAN_GRID_CHAIR,
	FULIAN_GRID_WORKER,
	FULIAN_OFFICER,
	FULIAN_VIEWER,
)

DEMO_PASSWORD = "Fulian@2026"
DOMAIN = "dongying.example"
COUNTY = "370502"  # 东营区
OTHER_COUNTY = "370503"  # 河口区: a county the scoped demo users may not see

# (login, first name, role, where: a grid code or "executive" = the grid of the busiest executive)
DEMO_USERS = (
	("admin", "市妇联管理员", FULIAN_ADMIN, CITY),
	("sysmanager", "系统管理员", "System Manager", None),
	("officer", "县妇联干部", FULIAN_OFFICER, COUNTY),
	("chair", "社区妇联主席", FULIAN_GRID_CHAIR, f"{COUNTY}001001"),
	("executive", "执委", FULIAN_EXECUTIVE, "executive"),
	("worker", "女网格员", FULIAN_GRID_WORKER, f"{COUNTY}00100101"),
	("viewer", "统计查看员", FULIAN_VIEWER, COUNTY),
)


def demo_login(key: str) -> str:
	return f"{key}@{DOMAIN}"


def make_demo_users() -> dict[str, str]:
	"""Create the demo users and their grid assignments; returns {login: role}."""
	logins = {}
	for key, first_name, role, where in DEMO_USERS:
		email = _ensure_user(demo_login(key), first_name)
		if where is None:
			frappe.get_doc("User", email).add_roles(role)
		else:
			grid = _executive_grid(email) if where == "executive" else where
			_ensure_assignment(email, role, grid)
		logins[email] = role
	if not frappe.flags.in_test:
		frappe.db.commit()  # nosemgrep: a bench command's own unit of work
	return logins


def _ensure_user(email: str, first_name: str) -> str:
	if not frappe.db.exists("User", email):
		user = frappe.get_doc(
			{
				"doctype": "User",
				"email": email,
				"first_name": first_name,
				"send_welcome_email": 0,
				"new_password": DEMO_PASSWORD,
			}
		)
		user.flags.no_welcome_mail = True
		user.insert(ignore_permissions=True)
	return email


def _ensure_assignment(user: str, role: str, grid: str):
	if frappe.db.exists("Grid Role Assignment", {"user": user, "role": role, "governance_grid": grid}):
		return
	frappe.get_doc(
		{"doctype": "Grid Role Assignment", "user": user, "role": role, "governance_grid": grid}
	).insert(ignore_permissions=True)


def busiest_executive() -> str:
	"""The demo executive who leads the most projects (ties by name)."""
	project = frappe.qb.DocType("Led Project")
	count = frappe.query_builder.functions.Count(project.name)
	rows = (
		frappe.qb.from_(project)
		.select(project.lead_executive)
		.where(project.lead_executive.isnotnull())
		.groupby(project.lead_executive)
		.orderby(count, order=frappe.qb.desc)
		.orderby(project.lead_executive)
		.limit(1)
		.run(pluck=True)
	)
	if not rows:
		frappe.throw(frappe._("Generate the demo data first (fulian_grid.demo.generate)"))
	return rows[0]


def _executive_grid(user: str) -> str:
	"""Links the demo executive user to the busiest executive's record; her grid."""
	executive = frappe.get_doc("Federation Executive", busiest_executive())
	if executive.user != user:
		executive.user = user
		executive.save(ignore_permissions=True)
	return executive.governance_grid
