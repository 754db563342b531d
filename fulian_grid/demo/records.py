"""A Dongying-shaped data set as plain rows (no frappe import), so its shape is tested anywhere.

`build(scale, seed, year, today)` returns {DocType: [row dicts]}; a row's child tables are lists
of dicts under their table field. Every figure of the seed's one-year table is reproduced exactly
at scale 1 and multiplied by `scale` (rounded), all dated within `year` up to `today`. Derived
fields (masked copies, totals, progress, due dates, deadlines) are computed here with the same
domain rules the controllers use, because the rows are bulk-inserted without controllers."""

import random
from collections import Counter, defaultdict
from datetime import date, datetime, timedelta

from fulian_grid.demo import people
from fulian_grid.demo.shape import Node, build_tree, walk
from fulian_grid.domain import masters
from fulian_grid.domain.cadence import DEFAULT_CADENCE_DAYS, is_minor, next_visit_due
from fulian_grid.domain.clocks import DEFAULT_HOURS, STAGES, deadline
from fulian_grid.domain.identity import NAME, mask
from fulian_grid.domain.projects import KEPT_TOGETHER, next_milestone_due, progress

# The seed's one-year figures for Dongying (../shared/DOMAIN.md); relief is "3,000余人次".
SEED_FIGURES = {
	"grid_federations": 337,
	"women_groups": 1213,
	"volunteer_teams": 1864,
	"chat_rooms": 701,
	"led_projects": 15300,
	"guidance_sessions": 1009,
	"through_train_sessions": 240,
	"families_selected": 304,
	"trainings": 570,
	"loans": 2011,
	"loan_amount": 480_000_000,
	"counselling_couples": 6199,
	"counselling_kept_together": 3881,
	"volunteer_sessions": 948,
	"relief": 3046,
}
REPORT_STATES = (
	"Draft",
	"Reported",
	"Verified",
	"In Service",
	"Referred",
	"Closed",
	"Rejected",
	"Duplicate Case",
)
# The masters the installer ships, so the demo's records name what a fresh site has.
_MANDATORY = {name: bool(mandatory) for name, mandatory in masters.DEFAULT_CONCERN_CATEGORIES}
CONCERN_ITEMS = {  # item → whether its category makes a police report mandatory for minors
	item: _MANDATORY[category] for item, category in masters.DEFAULT_CONCERN_ITEMS
}
KEY_GROUPS = {  # category → the risk level a new entry takes from it
	name: risk for name, _kind, risk in masters.DEFAULT_KEY_GROUP_CATEGORIES
}
PROJECT_TYPES = tuple(name for (name,) in masters.DEFAULT_LED_PROJECT_TYPES)
SERVICE_KINDS = tuple(name for (name,) in masters.DEFAULT_VOLUNTEER_SERVICE_KINDS)
LENDERS = ("东营农商银行", "邮储银行东营分行", "中国农业银行东营分行", "东营银行", "齐商银行东营分行")
BUSINESSES = ("电商直播", "农家乐", "手工编织", "家政服务", "特色养殖", "蔬菜大棚", "社区超市", "母婴用品店")
PROJECT_TOPICS = (
	"巾帼心向党宣讲",
	"家风家教进万家",
	"邻里守望",
	"巾帼电商培训",
	"婚姻家庭纠纷调解",
	"留守儿童关爱",
	"最美家庭评选",
	"妇女健康讲座",
	"法律明白人培训",
	"巾帼志愿服务",
)
DELIBERATION_TOPICS = (
	"小区停车难",
	"楼道堆物清理",
	"老旧小区改造",
	"儿童暑期托管",
	"邻里纠纷调处",
	"垃圾分类",
	"广场舞噪音",
	"健身器材维修",
)


def scaled(figure: str, scale: float) -> int:
	return round(SEED_FIGURES[figure] * scale)


class DataSet:
	"""Rows by DocType, and the running numbers that name them."""

	def __init__(self, seed: int, year: int, today: date):
		self.rng = random.Random(seed)
		self.rows: dict[str, list[dict]] = defaultdict(list)
		self.first = date(year, 1, 1)
		self.last = min(date(year, 12, 31), today)
		self.today = today
		self._numbers: dict[str, int] = defaultdict(int)

	def add(self, doctype: str, prefix: str, **values) -> dict:
		self._numbers[prefix] += 1
		# Entered over the year, not all at one instant: lists sort by `modified`, and a data set
		# stamped with one time would order the whole city by name (a shape no real site has).
		stamp = self.moment()
		row = {"name": f"{prefix}{self._numbers[prefix]:06d}", "creation": stamp, "modified": stamp, **values}
		self.rows[doctype].append(row)
		return row

	def day(self) -> date:
		return people.day_in(self.rng, self.first, self.last)

	def moment(self) -> datetime:
		return datetime.combine(self.day(), datetime.min.time()) + timedelta(
			minutes=self.rng.randint(8 * 60, 20 * 60)
		)


def placed(node: Node) -> dict:
	return {"governance_grid": node.code, "grid_path": node.path}


def build(
	scale: float = 1,
	seed: int = 7,
	year: int | None = None,
	today: date | None = None,
	ledger_per_micro_grid: int = 2,
	city: Node | None = None,
) -> tuple[Node, dict[str, list[dict]]]:
	"""Every record of the city (`city`: its tree, already numbered; default Dongying's own)."""
	today = today or date.today()
	data = DataSet(seed, year or today.year, today)
	city = city or build_tree(scale, seed)
	org = Organization(data, city, scale)
	Services(data, org, scale).build()
	Casework(data, org, ledger_per_micro_grid).build()
	return city, dict(data.rows)


class Organization:
	"""Federations on the tree (a grid federation in most communities), women's groups on
	micro-grids, executives with two-way posts and contact households."""

	def __init__(self, data: DataSet, city: Node, scale: float):
		self.data, self.city = data, city
		self.nodes = {node.code: node for node in walk(city)}
		self.federation_of: dict[str, dict] = {}  # grid code → its federation row
		self.executives: dict[str, list[dict]] = defaultdict(list)  # federation name → executives
		self.grassroots: list[dict] = []  # grid and village federations: where the work is done
		self.add_federations(scale)
		self.number_federations()
		self.add_groups(scale)

	def by_level(self, level: str) -> list[Node]:
		return [node for node in walk(self.city) if node.level == level]

	def add_federation(self, node: Node, kind: str, parent: dict | None) -> dict:
		row = self.data.add(
			"Women Federation",
			"WF-D",
			federation_name=f"{node.name}妇联",
			federation_type=kind,
			parent_women_federation=parent and parent["name"],
			established_on=date(2019, 3, 8),
			status="Active",
			is_group=1,
			**placed(node),
		)
		row["name"] = row["federation_name"]  # named by its title, as the DocType is
		self.federation_of[node.code] = row
		self.add_executives(row, node)
		return row

	def add_federations(self, scale: float) -> None:
		city = self.add_federation(self.city, "City Federation", None)
		for county in self.city.children:
			county_row = self.add_federation(county, "County Federation", city)
			for township in county.children:
				self.add_federation(township, "Township Federation", county_row)
		communities = self.by_level("Community")
		chosen = set(
			n.code
			for n in self.data.rng.sample(
				communities, min(scaled("grid_federations", scale), len(communities))
			)
		)
		for node in walk(self.city):
			parent = self.federation_of.get(node.parent or "")
			if node.level == "Community" and node.code in chosen:
				self.grassroots.append(self.add_federation(node, "Grid Federation", parent))
			elif node.level == "Village":
				self.grassroots.append(self.add_federation(node, "Village Federation", parent))
			elif node.level == "Grid" and node.kind == "Exclusive Grid":
				community = self.federation_of.get(node.parent)
				township = self.federation_of[self.nodes[node.parent].parent]
				self.add_federation(node, "Exclusive-grid Federation", community or township)

	def number_federations(self) -> None:
		"""Nested-set numbers for the federation tree (rows come parents first)."""
		rows = self.data.rows["Women Federation"]
		children = defaultdict(list)
		for row in rows:
			children[row["parent_women_federation"]].append(row)
		counter = 1
		stack = [(row, False) for row in reversed(children[None])]
		while stack:
			row, done = stack.pop()
			if done:
				row["rgt"] = counter
			else:
				row["lft"] = counter
				stack.append((row, True))
				stack.extend((child, False) for child in reversed(children[row["name"]]))
			counter += 1

	def add_executives(self, federation: dict, node: Node) -> None:
		rng = self.data.rng
		grassroots = federation["federation_type"] in ("Grid Federation", "Village Federation")
		positions = ["Chair", "Vice-chair"] + ["Executive Member"] * (rng.randint(3, 5) if grassroots else 1)
		grids = [child for child in node.children if child.level == "Grid"] or [node]
		region = node.code[:6].ljust(6, "0")
		for position in positions:
			name = people.person_name(rng)
			born = people.birth_date(rng, self.data.today, 28, 60)
			grid = rng.choice(grids)
			posts = []
			if grassroots and position != "Chair":  # 双向任职: an executive also works in the grid
				posts.append(
					{
						"post": rng.choice(("Grid Worker", "Mediator", "Building Head")),
						"governance_grid": grid.code,
						"since": date(2021, 1, 1),
					}
				)
			households = (
				grassroots
				and [
					{
						"household_head": people.person_name(rng, "Male"),
						"address": people.address(rng, micro.name),
						"governance_grid": micro.code,
						"women_count": rng.randint(1, 3),
					}
					for micro in rng.sample(grid.children, min(2, len(grid.children)))
				]
			) or []
			# her grid is her federation's (fetch_from, as the form sets it); her posts lie below
			row = self.data.add(
				"Federation Executive",
				"FE-D",
				full_name=name,
				gender="Female",
				birth_date=born,
				women_federation=federation["name"],
				position=position,
				status="Active",
				term_start=date(2021, 3, 1),
				term_end=date(2026, 2, 28)
				if position == "Executive Member" and rng.random() < 0.1
				else date(2026, 12, 31),
				id_number=people.id_number(rng, region, born),
				mobile=people.mobile(rng),
				posts=posts,
				two_way_post_count=len(posts),
				contact_households=households,
				**placed(node),
			)
			self.executives[federation["name"]].append(row)

	def add_groups(self, scale: float) -> None:
		rng = self.data.rng
		grid_federations = [f for f in self.grassroots if f["federation_type"] == "Grid Federation"]
		for federation, count in zip(
			grid_federations,
			people.spread(scaled("women_groups", scale), len(grid_federations), rng),
			strict=True,
		):
			node = self.nodes[federation["governance_grid"]]
			micro_grids = [micro for grid in node.children for micro in grid.children]
			for micro in rng.sample(micro_grids, min(count, len(micro_grids))):
				executives = self.executives[federation["name"]]
				members = [
					{
						"member_name": people.person_name(rng),
						"building": micro.name[-4:],
						"joined_on": date(2022, 5, 1),
					}
					for _ in range(rng.randint(3, 8))
				]
				leader = rng.choice(executives)
				self.data.add(
					"Women Group",
					"WG-D",
					group_name=f"{micro.name}妇女小组",
					women_federation=federation["name"],
					leader=leader["name"],
					leader_name=leader["full_name"],
					status="Active",
					coverage=f"{micro.name}{micro.households}户",
					members=members,
					member_count=len(members),
					**placed(micro),
				)

	def pick(self) -> tuple[dict, Node, dict]:
		"""A grass-roots federation, its node and one of its executives, at random."""
		federation = self.data.rng.choice(self.grassroots)
		return (
			federation,
			self.nodes[federation["governance_grid"]],
			self.data.rng.choice(self.executives[federation["name"]]),
		)


class Services:
	"""Teams, service points, sessions, selections, loans, counselling, volunteer service, relief,
	executive-led projects: every service figure of the seed."""

	def __init__(self, data: DataSet, org: Organization, scale: float):
		self.data, self.org, self.scale = data, org, scale
		self.rng = data.rng

	def build(self) -> None:
		teams = self.teams()
		self.points()
		self.sessions()
		self.families()
		self.loans()
		self.counselling()
		self.volunteer_projects(teams)
		self.relief()
		self.led_projects()

	def count(self, figure: str) -> int:
		return scaled(figure, self.scale)

	def teams(self) -> list[dict]:
		teams = []
		for number in range(self.count("volunteer_teams")):
			federation, node, _executive = self.org.pick()
			members = []
			for role in ("队长", "队员", "队员", "队员"):
				volunteer = self.data.add(
					"Fulian Volunteer",
					"VOL-D",
					volunteer_name=people.person_name(self.rng),
					gender="Female",
					mobile=people.mobile(self.rng),
					status="Active",
					skills=self.rng.choice(SERVICE_KINDS),
					**placed(node),
				)
				members.append(
					{
						"volunteer": volunteer["name"],
						"volunteer_name": volunteer["volunteer_name"],
						"team_role": role,
						"joined_on": date(2023, 3, 1),
					}
				)
			teams.append(
				self.data.add(
					"Volunteer Team",
					"VT-D",
					team_name=f"{node.name}贴心娘家人{number % 3 + 1}队",
					women_federation=federation["name"],
					leader=members[0]["volunteer"],
					status="Active",
					founded_on=date(2022, 3, 8),
					members=members,
					member_count=len(members),
					**placed(node),
				)
			)
		return teams

	def points(self) -> None:
		for kind, count in (
			("Caring Chat Room", self.count("chat_rooms")),
			("Women's Home", round(120 * self.scale)),
		):
			label = "贴心娘家人聊聊吧" if kind == "Caring Chat Room" else "妇女之家"
			for _ in range(count):
				federation, node, _executive = self.org.pick()
				self.data.add(
					"Service Point",
					"SP-D",
					point_name=f"{node.name}{label}",
					point_kind=kind,
					women_federation=federation["name"],
					in_service=1,
					opening_hours="周一至周五 9:00-17:00",
					address=people.address(self.rng, node.name),
					signage_complete=0,
					**placed(node),
				)

	def sessions(self) -> None:
		kinds = [
			("Family Education Guidance (0-3 Years)", self.count("guidance_sessions")),
			("Family Education Through Train", self.count("through_train_sessions")),
		]
		trainings = self.count("trainings")
		kinds += [
			("E-commerce Training", trainings // 2),
			("Practical Skills Training", trainings - trainings // 2),
		]
		for kind, count in kinds:
			for _ in range(count):
				federation, node, executive = self.org.pick()
				self.data.add(
					"Service Session",
					"SS-D",
					session_kind=kind,
					session_title=self.rng.choice(PROJECT_TOPICS),
					session_date=self.data.day(),
					women_federation=federation["name"],
					organizer=executive["name"],
					place=f"{node.name}党群服务中心",
					attendance=self.rng.randint(12, 60),
					**placed(node),
				)

	def families(self) -> None:
		for _ in range(self.count("families_selected")):
			federation, node, _executive = self.org.pick()
			self.data.add(
				"Family Selection",
				"FS-D",
				family_name=f"{people.person_name(self.rng, 'Male')}家庭",
				honour=self.rng.choice(("Most Beautiful Family", "Five-good Civilized Family")),
				selection_year=self.data.first.year,
				selection_level=self.rng.choice(("City", "County", "Township")),
				women_federation=federation["name"],
				**placed(node),
			)

	def loans(self) -> None:
		count = self.count("loans")
		total = self.count("loan_amount") // 10_000 * 10_000
		for amount in people.amounts(total, count, self.rng, unit=10_000, low=5, high=45):
			_federation, node, executive = self.org.pick()
			name, born = people.person_name(self.rng), people.birth_date(self.rng, self.data.today, 22, 55)
			id_number, phone = people.id_number(self.rng, node.code[:6], born), people.mobile(self.rng)
			self.data.add(
				"Entrepreneurship Loan",
				"EL-D",
				borrower_name=name,
				id_number=id_number,
				phone=phone,
				loan_amount=amount,
				lender=self.rng.choice(LENDERS),
				loan_date=self.data.day(),
				handled_by=executive["name"],
				business=self.rng.choice(BUSINESSES),
				**placed(node),
			)

	def counselling(self) -> None:
		couples, kept = self.count("counselling_couples"), self.count("counselling_kept_together")
		outcomes = ["Registration Cancelled"] * (kept * 2 // 3) + ["Registration Postponed"] * (
			kept - kept * 2 // 3
		)
		rest = couples - kept
		outcomes += ["Divorced"] * (rest * 6 // 10) + ["Other Outcome"] * (rest // 10)
		outcomes += ["In Counselling"] * (couples - len(outcomes))
		for outcome in outcomes:
			_federation, node, executive = self.org.pick()
			wife, husband = people.person_name(self.rng), people.person_name(self.rng, "Male")
			held = self.data.day()
			outcome_on = (
				None
				if outcome == "In Counselling"
				else min(held + timedelta(days=self.rng.randint(7, 40)), self.data.last)
			)
			self.data.add(
				"Divorce Counselling",
				"DC-D",
				wife_name=wife,
				husband_name=husband,
				couple_masked=f"{mask(NAME, wife)} / {mask(NAME, husband)}",
				counselling_date=held,
				outcome=outcome,
				outcome_on=outcome_on,
				counsellor=executive["name"],
				counselling_sessions=self.rng.randint(1, 4),
				**placed(node),
			)

	def volunteer_projects(self, teams: list[dict]) -> None:
		total = self.count("volunteer_sessions")
		per_project = people.spread(total, max(1, total // 3), self.rng)
		for sessions in per_project:
			team = self.rng.choice(teams)
			days = sorted(self.data.day() for _ in range(sessions))
			rows = [
				{
					"session_date": day,
					"topic": self.rng.choice(PROJECT_TOPICS),
					"place": "社区党群服务中心",
					"beneficiaries": self.rng.randint(5, 40),
				}
				for day in days
			]
			participants = [
				{
					"volunteer": member["volunteer"],
					"volunteer_name": member["volunteer_name"],
					"service_date": day,
					"hours": float(self.rng.randint(2, 4)),
				}
				for day in days
				for member in team["members"][:2]
			]
			self.data.add(
				"Volunteer Project",
				"VP-D",
				project_name=f"{self.rng.choice(PROJECT_TOPICS)}志愿服务",
				volunteer_team=team["name"],
				service_kind=self.rng.choice(SERVICE_KINDS),
				start_date=days[0],
				end_date=days[-1],
				sessions=rows,
				participants=participants,
				session_count=len(rows),
				participant_count=len({p["volunteer"] for p in participants}),
				total_hours=sum(p["hours"] for p in participants),
				beneficiaries=sum(r["beneficiaries"] for r in rows),
				governance_grid=team["governance_grid"],
				grid_path=team["grid_path"],
			)

	def relief(self) -> None:
		total = self.count("relief")
		for person_times in people.amounts(total, max(1, total // 3), self.rng, low=1, high=5):
			_federation, node, executive = self.org.pick()
			children = self.rng.randint(0, person_times - 1) if person_times > 1 else 0
			self.data.add(
				"Distress Relief",
				"REL-D",
				relief_date=self.data.day(),
				relief_kind=self.rng.choice(("Hardship Relief", "Medical Relief", "Education Aid")),
				handled_by=executive["name"],
				women_helped=person_times - children,
				children_helped=children,
				person_times=person_times,
				help_given="发放慰问金、对接社会救助",
				**placed(node),
			)

	def led_projects(self) -> None:
		for _ in range(self.count("led_projects")):
			federation, _node, executive = self.org.pick()
			start = self.data.day()
			end = start + timedelta(days=self.rng.randint(30, 240))
			milestones = []
			for step, title in enumerate(("启动", "推进", "总结")):
				due = start + (end - start) * (step + 1) // 3
				done = due if due <= self.data.today and self.rng.random() < 0.85 else None
				milestones.append({"milestone_title": title, "due_date": due, "done_on": done})
			done_share = progress(milestones)
			chance = self.rng.random()
			status = (
				"Completed"
				if done_share == 100
				else "Planned"
				if done_share == 0 and chance < 0.3
				else "Suspended"
				if chance > 0.97
				else "In Progress"
			)
			self.data.add(
				"Led Project",
				"LP-D",
				project_title=f"{self.rng.choice(PROJECT_TOPICS)}项目",
				project_type=self.rng.choice(PROJECT_TYPES),
				status=status,
				lead_executive=executive["name"],
				women_federation=federation["name"],
				start_date=start,
				end_date=end,
				progress=done_share,
				next_milestone_due=next_milestone_due(milestones),
				milestones=milestones,
				beneficiaries=self.rng.randint(10, 300),
				governance_grid=executive["governance_grid"],
				grid_path=self.org.nodes[executive["governance_grid"]].path,
			)


class Casework:
	"""The screening ledger with its home visits, infringement reports in every stage, and the
	women's deliberation records."""

	def __init__(self, data: DataSet, org: Organization, per_micro_grid: int):
		self.data, self.org, self.per_micro_grid = data, org, per_micro_grid
		self.rng = data.rng

	def build(self) -> None:
		ledger = self.ledger()
		self.reports(ledger)
		self.deliberations()

	def ledger(self) -> list[dict]:
		entries = []
		for federation in self.org.grassroots:
			node = self.org.nodes[federation["governance_grid"]]
			executives = self.org.executives[federation["name"]]
			for micro in (m for grid in node.children for m in grid.children):
				for _ in range(self.rng.randint(0, 2 * self.per_micro_grid)):
					entries.append(self.entry(federation, micro, self.rng.choice(executives)))
		return entries

	def entry(self, federation: dict, micro: Node, executive: dict) -> dict:
		rng, today = self.rng, self.data.today
		category = rng.choice(list(KEY_GROUPS))
		child = "Children" in category
		born = people.birth_date(rng, today, 3, 16) if child else people.birth_date(rng, today, 20, 75)
		name = people.person_name(rng)
		id_number, phone, place = (
			people.id_number(rng, micro.code[:6], born),
			people.mobile(rng),
			people.address(rng, micro.name),
		)
		screened = self.data.day()
		visits = sorted({screened + timedelta(days=rng.randint(1, 60)) for _ in range(rng.randint(0, 2))})
		visits = [v for v in visits if v <= today]
		risk = KEY_GROUPS[category]
		last = visits[-1] if visits else None
		entry = self.data.add(
			"Screening Ledger",
			"SL-D",
			women_federation=federation["name"],
			responsible_executive=executive["name"],
			status="Active" if rng.random() < 0.9 else "Resolved",
			subject_name=name,
			gender="Female",
			is_minor=int(is_minor(born, today)),
			birth_date=born,
			birth_year=born.year,
			id_number=id_number,
			phone=None if child else phone,
			address=place,
			categories=[{"key_group_category": category}],
			risk_level=risk,
			screened_on=screened,
			screened_by=executive["name"],
			last_visit_on=last,
			next_visit_due=next_visit_due(last or screened, risk, DEFAULT_CADENCE_DAYS),
			findings="家庭关系紧张，需持续关注" if risk == "High" else "情况稳定",
			help_measures="定期走访，链接社区资源",
			legal_basis="Statutory Duty",
			**placed(micro),
		)
		for day in visits:
			self.data.add(
				"Home Visit",
				"HV-D",
				docstatus=1,
				visit_date=day,
				federation_executive=executive["name"],
				screening_ledger=entry["name"],
				household=f"{name}家",
				address=place,
				findings="已入户走访，了解近况",
				**placed(micro),
			)
		return entry

	def reports(self, ledger: list[dict]) -> None:
		"""Reports in every stage of the appendix-C flow, with clocks computed as the controller does."""
		for index, entry in enumerate(self.rng.sample(ledger, min(len(ledger), 12 * len(REPORT_STATES)))):
			state = REPORT_STATES[index % len(REPORT_STATES)]
			self.report(entry, state)

	def report(self, entry: dict, state: str) -> None:
		rng = self.rng
		urgency = rng.choice(("Immediate Danger", "Urgent", "Normal", "Normal"))
		discovered = self.data.moment() - timedelta(days=3)  # time enough to have moved on
		reached = REPORT_STATES.index(state) if state in REPORT_STATES[:6] else 2
		times = {"reported_at": discovered + timedelta(minutes=rng.randint(10, 600))}
		times["verified_at"] = times["reported_at"] + timedelta(hours=rng.randint(1, 20))
		times["first_service_at"] = times["verified_at"] + timedelta(hours=rng.randint(2, 30))
		times["closed_at"] = times["first_service_at"] + timedelta(days=rng.randint(3, 30))
		order = ("reported_at", "verified_at", "first_service_at", "closed_at")
		kept = {field: times[field] for field in order[: min(reached, 3)]}
		if state == "Closed":
			kept["closed_at"] = times["closed_at"]
		now = datetime.combine(self.data.today, datetime.min.time())
		if (latest := max(kept.values(), default=discovered)) > now:  # the case moved on before today
			shift = latest - now + timedelta(days=1)
			discovered, kept = discovered - shift, {field: value - shift for field, value in kept.items()}
		starts = {
			"report": discovered,
			"verification": kept.get("reported_at"),
			"service": kept.get("verified_at"),
		}
		ends = {
			"report": kept.get("reported_at"),
			"verification": kept.get("verified_at"),
			"service": kept.get("first_service_at"),
		}
		dues = {stage: starts[stage] and deadline(starts[stage], urgency, DEFAULT_HOURS) for stage in STAGES}
		minor = bool(entry["is_minor"])
		item = rng.choice(
			[i for i, mandatory in CONCERN_ITEMS.items() if mandatory] if minor else list(CONCERN_ITEMS)
		)
		closed = state in ("Closed", "Rejected", "Duplicate Case")
		self.data.add(
			"Infringement Report",
			"IR-D",
			workflow_state=state,
			status=state,
			discovered_at=discovered,
			discovered_by=entry["responsible_executive"],
			source="Home Visit",
			urgency=urgency,
			screening_ledger=entry["name"],
			concern_items=[{"concern_item": item}],
			description="走访中发现，需核实并提供维权关爱服务。",
			victims=[
				{
					"victim_name": entry["subject_name"],
					"gender": "Female",
					"is_minor": int(minor),
					"id_number": entry["id_number"],
					"contact": entry["phone"],
				}
			],
			victim_count=1,
			police_report_recorded=int(minor and reached >= 2),
			police_report_on=(minor and reached >= 2 and kept.get("reported_at")) or None,
			closure_review="已回访，当事人情况稳定。" if state == "Closed" else None,
			legal_basis="Statutory Duty",
			report_due=dues["report"],
			verification_due=dues["verification"],
			service_due=dues["service"],
			reported_on_time=int(bool(ends["report"] and ends["report"] <= dues["report"])),
			is_overdue=int(not closed and any(dues[s] and not ends[s] and now > dues[s] for s in STAGES)),
			governance_grid=entry["governance_grid"],
			grid_path=entry["grid_path"],
			**kept,
		)

	def deliberations(self) -> None:
		forms = ("Centralized", "On-site", "Door-to-door", "Reception")
		for federation in self.org.grassroots:
			node = self.org.nodes[federation["governance_grid"]]
			executives = self.org.executives[federation["name"]]
			for _ in range(2):
				start = self.data.moment()
				convener, recorder = executives[0], executives[-1]
				attendees = [
					{
						"attendee_type": "Executive",
						"federation_executive": e["name"],
						"attendee_name": e["full_name"],
						"headcount": 1,
					}
					for e in executives[:3]
				]
				attendees.append(
					{
						"attendee_type": "Resident",
						"attendee_name": "居民代表",
						"headcount": self.rng.randint(3, 15),
					}
				)
				self.data.add(
					"Deliberation Record",
					"DL-D",
					women_federation=federation["name"],
					deliberation_form=self.rng.choice(forms),
					start_time=start,
					end_time=start + timedelta(hours=2),
					venue=f"{node.name}议事厅",
					convener=convener["name"],
					convener_name=convener["full_name"],
					recorder=recorder["name"],
					recorder_name=recorder["full_name"],
					total_headcount=sum(a["headcount"] for a in attendees),
					attendees=attendees,
					topic=self.rng.choice(DELIBERATION_TOPICS),
					issues_raised="居民反映问题较集中",
					discussion="与会人员充分讨论，提出解决办法",
					resolutions="形成议定事项，明确责任人",
					**placed(node),
				)


def figures_of(rows: dict[str, list[dict]], under: str = "") -> dict[str, int]:
	"""The Work Statistics figures counted from generated rows, for the records under tree path
	`under`: the independent tally the report is checked against."""

	def of(doctype):
		return [row for row in rows.get(doctype, ()) if row["grid_path"].startswith(under)]

	sessions = Counter(row["session_kind"] for row in of("Service Session"))
	counselling = of("Divorce Counselling")
	return {
		"grid_federations": sum(f["federation_type"] == "Grid Federation" for f in of("Women Federation")),
		"women_groups": len(of("Women Group")),
		"volunteer_teams": len(of("Volunteer Team")),
		"chat_rooms": sum(p["point_kind"] == "Caring Chat Room" for p in of("Service Point")),
		"led_projects": len(of("Led Project")),
		"guidance_sessions": sessions["Family Education Guidance (0-3 Years)"],
		"through_train_sessions": sessions["Family Education Through Train"],
		"families_selected": len(of("Family Selection")),
		"trainings": sessions["E-commerce Training"] + sessions["Practical Skills Training"],
		"loans": len(of("Entrepreneurship Loan")),
		"loan_amount": sum(loan["loan_amount"] for loan in of("Entrepreneurship Loan")),
		"counselling_couples": len(counselling),
		"counselling_kept_together": sum(c["outcome"] in KEPT_TOGETHER for c in counselling),
		"volunteer_sessions": sum(len(p["sessions"]) for p in of("Volunteer Project")),
		"relief": sum(r["person_times"] for r in of("Distress Relief")),
	}
