from fulian_grid.fulian_grid.doctype.volunteer_team.volunteer_team import VolunteerTeamError, team_users
from fulian_grid.tests.factories import make_team, make_user, make_volunteer
from fulian_grid.tests.utils import CityTestCase


class TestVolunteerTeam(CityTestCase):
	def test_leader_is_a_member_and_members_are_counted(self):
		leader_user = make_user("team_leader@fulian.test")
		leader = make_volunteer("王队长", user=leader_user)
		member = make_volunteer("刘成员")
		team = make_team("贴心娘家人一队", leader=leader, members=[member])
		self.assertEqual(team.member_count, 2)
		self.assertEqual({row.volunteer for row in team.members}, {leader, member})
		self.assertIn(leader_user, team_users(team.name))

	def test_a_volunteer_is_listed_once(self):
		member = make_volunteer("周重复")
		self.assertRaises(VolunteerTeamError, make_team, "重复队", members=[member, member])
