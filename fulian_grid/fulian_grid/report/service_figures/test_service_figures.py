import frappe
from frappe.utils import add_days, getdate, today

from fulian_grid.fulian_grid.report.service_figures.service_figures import execute
from fulian_grid.tests.factories import (
	assign,
	make_counselling,
	make_executive,
	make_loan,
	make_project,
	make_service,
	make_team,
	make_user,
	make_volunteer,
)
from fulian_grid.tests.utils import CityTestCase

GRID = "TB1CG"


def figures(**filters):
	rows = execute(
		{"governance_grid": "TB1", "from_date": add_days(today(), -60), "to_date": today(), **filters}
	)[1]
	return {row.figure: row for row in rows}


class TestServiceFigures(CityTestCase):
	"""Each of the seed's service figures is a count or sum over records of a subtree and period."""

	@classmethod
	def setUpClass(cls):
		super().setUpClass()
		cls.viewer = make_user("figures_viewer@fulian.test")
		assign(cls.viewer, "Fulian Viewer", "TB")

	def add_one_of_each(self):
		def new(doctype, **values):
			frappe.get_doc({"doctype": doctype, "governance_grid": GRID, **values}).insert()

		member = make_volunteer("孟志愿", GRID)
		team = make_team("B网格贴心娘家人", grid=GRID, members=[member]).name
		new("Service Point", point_name="B聊聊吧", point_kind="Caring Chat Room")
		new("Service Point", point_name="B妇女之家", point_kind="Women's Home")
		lead = make_executive("吴静", self.city.federation_b)
		make_project(lead, beneficiaries=40).insert()
		make_project(
			lead, start_date=add_days(today(), -400), end_date=add_days(today(), -100)
		).insert()  # earlier
		for kind, attendance in (
			("Family Education Guidance (0-3 Years)", 25),
			("Family Education Through Train", 60),
			("E-commerce Training", 30),
			("Practical Skills Training", 20),
		):
			new(
				"Service Session",
				session_kind=kind,
				session_date=add_days(today(), -5),
				attendance=attendance,
			)
		new(
			"Family Selection",
			family_name="吴静家庭",
			honour="Most Beautiful Family",
			selection_year=getdate(today()).year,
			selection_level="County",
		)
		make_loan(governance_grid=GRID, loan_amount=50000).insert()
		make_loan(governance_grid=GRID, loan_amount=30000.5).insert()
		for outcome in ("Registration Cancelled", "Registration Postponed", "Divorced"):
			make_counselling(governance_grid=GRID, outcome=outcome).insert()
		make_service(
			team, [{"volunteer": member, "service_date": add_days(today(), -10), "hours": 2}]
		).insert()
		new(
			"Distress Relief",
			relief_date=today(),
			relief_kind="Medical Relief",
			women_helped=1,
			children_helped=2,
		)

	def test_each_figure_is_computed_from_the_records(self):
		before = figures()
		self.add_one_of_each()
		after = figures()
		delta = {key: (after[key].value or 0) - (before[key].value or 0) for key in after}
		self.assertEqual(
			delta,
			{
				"volunteer_teams": 1,
				"chat_rooms": 1,
				"service_points": 2,
				"led_projects": 1,
				"guidance_sessions": 1,
				"through_train_sessions": 1,
				"families_selected": 1,
				"trainings": 2,
				"loans": 2,
				"counselling_couples": 3,
				"counselling_kept_together": 2,
				"volunteer_sessions": 2,
				"relief": 3,
			},
		)
		self.assertAlmostEqual(after["loans"].detail - (before["loans"].detail or 0), 80000.5)
		self.assertEqual(after["trainings"].detail - (before["trainings"].detail or 0), 50)
		self.assertEqual(after["guidance_sessions"].detail - (before["guidance_sessions"].detail or 0), 25)
		# a sibling subtree counts none of it
		frappe.set_user(self.city.officer_a)
		self.assertRaises(frappe.PermissionError, figures)

	def test_sensitive_small_counts_are_withheld_from_non_handlers(self):
		frappe.db.set_single_value("Fulian Settings", "small_cell_threshold", 1000)
		try:
			make_counselling(governance_grid=GRID).insert()
			frappe.set_user(self.viewer)  # no access to counselling records, counts only
			seen = figures()
			self.assertIsNone(seen["counselling_couples"].value)
			self.assertIsNotNone(seen["loans"].value)
			frappe.set_user(self.city.officer_b)  # a handler where she looks
			self.assertGreaterEqual(figures()["counselling_couples"].value, 1)
		finally:
			frappe.set_user("Administrator")
			frappe.db.set_single_value("Fulian Settings", "small_cell_threshold", 5)

	def test_viewer_counts_counselling_she_cannot_open(self):
		make_counselling(governance_grid=GRID).insert()
		frappe.set_user(self.viewer)
		self.assertFalse(frappe.has_permission("Divorce Counselling", "read"))
		frappe.db.set_single_value("Fulian Settings", "small_cell_threshold", 0)
		try:
			self.assertGreaterEqual(figures()["counselling_couples"].value, 1)
		finally:
			frappe.db.set_single_value("Fulian Settings", "small_cell_threshold", 5)

	def test_scoped_roles_run_the_report_through_the_desk(self):
		"""The desk's query_report.run checks every Link column's DocType against the user: a column
		linking to DocType refused the report to everyone but System Managers."""
		from frappe.desk.query_report import run

		for user in (self.viewer, self.city.officer_b):
			frappe.set_user(user)
			try:
				result = run("Service Figures", filters={"governance_grid": "TB"})
			finally:
				frappe.set_user("Administrator")
			self.assertEqual(len(result["result"]), len(execute({})[1]))
			self.assertNotIn("DocType", {column.get("options") for column in result["columns"]})
