import frappe
from frappe.utils import add_days, today

from fulian_grid.fulian_grid.doctype.volunteer_project.volunteer_project import VolunteerProjectError
from fulian_grid.fulian_grid.report.volunteer_service_totals.volunteer_service_totals import execute
from fulian_grid.tests.factories import DAY1, DAY2, make_service, make_team, make_volunteer
from fulian_grid.tests.utils import CityTestCase


class TestVolunteerProject(CityTestCase):
	@classmethod
	def setUpClass(cls):
		super().setUpClass()
		cls.anna, cls.bo = make_volunteer("王安娜"), make_volunteer("李波")
		cls.team = make_team("志愿一队", members=[cls.anna, cls.bo]).name
		cls.team_b = make_team("志愿二队", grid="TA1CGM", members=[cls.anna]).name

	def test_totals_of_a_project(self):
		project = make_service(
			self.team,
			[
				{"volunteer": self.anna, "service_date": DAY1, "hours": 3},
				{"volunteer": self.bo, "service_date": DAY1, "hours": 2.5},
				{"volunteer": self.anna, "service_date": DAY2, "hours": 4},
			],
		).insert()
		self.assertEqual(project.governance_grid, "TA1CG")
		self.assertEqual(
			(project.session_count, project.participant_count, project.total_hours, project.beneficiaries),
			(2, 2, 9.5, 42),
		)

	def test_bad_hours_and_dates_are_refused_and_nothing_saved(self):
		before = frappe.db.count("Volunteer Project")
		for participants, sessions in (
			([{"volunteer": self.anna, "service_date": DAY1, "hours": -1}], None),
			([{"volunteer": self.anna, "service_date": DAY1, "hours": 25}], None),
			(
				[
					{"volunteer": self.anna, "service_date": DAY1, "hours": 13},
					{"volunteer": self.anna, "service_date": DAY1, "hours": 12},
				],
				None,
			),
			([], [{"session_date": add_days(today(), 5)}]),
			([{"volunteer": self.anna, "service_date": add_days(today(), -3), "hours": 2}], None),
		):
			self.assertRaises(VolunteerProjectError, make_service(self.team, participants, sessions).insert)
		self.assertEqual(frappe.db.count("Volunteer Project"), before)

	def test_a_day_has_24_hours_across_projects(self):
		make_service(self.team, [{"volunteer": self.bo, "service_date": DAY2, "hours": 20}]).insert()
		other = make_service(self.team, [{"volunteer": self.bo, "service_date": DAY2, "hours": 5}])
		self.assertRaises(VolunteerProjectError, other.insert)

	def test_totals_per_team_and_per_person(self):
		make_service(
			self.team,
			[
				{"volunteer": self.anna, "service_date": DAY1, "hours": 3},
				{"volunteer": self.bo, "service_date": DAY2, "hours": 2},
			],
		).insert()
		make_service(
			self.team_b,
			[{"volunteer": self.anna, "service_date": DAY2, "hours": 1.5}],
			sessions=[{"session_date": DAY2, "beneficiaries": 5}],
		).insert()
		filters = {"governance_grid": "TA1CG", "from_date": add_days(today(), -30), "to_date": today()}
		teams = {row.volunteer_team: row for row in execute(filters)[1]}
		self.assertEqual(
			(teams[self.team_b].sessions, teams[self.team_b].hours, teams[self.team_b].beneficiaries),
			(1, 1.5, 5),
		)
		people = {row.volunteer: row for row in execute({**filters, "per": "Per Volunteer"})[1]}
		anna = frappe.get_all("Volunteer Participation", filters={"volunteer": self.anna}, pluck="hours")
		self.assertEqual(people[self.anna].hours, sum(anna))
		self.assertEqual(people[self.anna].days, 2)
		frappe.set_user(self.city.officer_b)  # a sibling county counts nothing of county A
		self.assertEqual(execute({"from_date": filters["from_date"]})[1], [])
