"""The shape of a Dongying-like governance grid, as plain data (no frappe import).

`build_tree(scale)` yields nodes in nested-set order with their `lft`/`rgt` already numbered, so a
bulk insert needs no tree rebuild. At scale 1: 1 city, 7 counties and development zones, 8
townships each, 12 communities or villages each, 3 grids each, 5 micro-grids each (12,832 nodes).
`build_province(16)` puts 16 such cities under a province root (205,313 nodes), 东营市 among them."""

import random
from dataclasses import dataclass, field

from fulian_grid.domain.tree import child_path

COUNTIES = ("东营区", "河口区", "垦利区", "广饶县", "利津县", "东营经济技术开发区", "东营港经济开发区")
TOWNSHIP_STEMS = (
	"文汇",
	"黄河",
	"辛店",
	"胜利",
	"六户",
	"史口",
	"龙居",
	"牛庄",
	"新户",
	"仙河",
	"孤岛",
	"义和",
	"郝家",
	"董集",
	"垦东",
	"永安",
)
COMMUNITY_STEMS = (
	"盛园",
	"锦苑",
	"金湖",
	"银座",
	"丽景",
	"和园",
	"康居",
	"滨河",
	"安泰",
	"翠湖",
	"春晖",
	"明珠",
)
COUNTY_CODES = ("370502", "370503", "370505", "370523", "370522", "370571", "370572")


@dataclass
class Node:
	code: str
	name: str
	level: str
	parent: str | None
	kind: str | None = None
	households: int = 0
	lft: int = 0
	rgt: int = 0
	path: str = ""
	children: list = field(default_factory=list)

	@property
	def is_group(self) -> int:
		return 0 if self.level == "Micro-grid" else 1


def townships_per_county(scale: float) -> int:
	"""8 at scale 1; a smaller scale keeps at least one township per county."""
	return max(1, round(8 * scale))


# The 16 cities of a province (Shandong's prefecture codes; 3712 was merged into 3701 in 2019).
PROVINCE = ("37", "山东省")
CITIES = (
	("3701", "济南市"),
	("3702", "青岛市"),
	("3703", "淄博市"),
	("3704", "枣庄市"),
	("3705", "东营市"),
	("3706", "烟台市"),
	("3707", "潍坊市"),
	("3708", "济宁市"),
	("3709", "泰安市"),
	("3710", "威海市"),
	("3711", "日照市"),
	("3713", "临沂市"),
	("3714", "德州市"),
	("3715", "聊城市"),
	("3716", "滨州市"),
	("3717", "菏泽市"),
)


def build_tree(scale: float = 1, seed: int = 7) -> Node:
	"""The city root with every node below it; `scale` multiplies the townships per county."""
	city = city_tree("3705", "东营市", scale, random.Random(seed))
	number(city)
	assign_paths(city)
	return city


def build_province(cities: int, scale: float = 1, seed: int = 7) -> Node:
	"""A province root over `cities` city trees shaped like Dongying (东营市 among them, with its own
	codes and names; the others' counties are numbered after their city)."""
	if not 1 <= cities <= len(CITIES):
		raise ValueError(f"cities must be between 1 and {len(CITIES)}")
	rng = random.Random(seed)
	province = Node(PROVINCE[0], PROVINCE[1], "Province", None)
	chosen = [c for c in CITIES if c[0] == "3705"] + [c for c in CITIES if c[0] != "3705"][: cities - 1]
	for code, name in sorted(chosen):
		city = city_tree(code, name, scale, rng)
		city.parent = province.code
		province.children.append(city)
	number(province)
	assign_paths(province)
	return province


def city_tree(code: str, name: str, scale: float, rng: random.Random) -> Node:
	"""One city and every node below it, not yet numbered."""
	city = Node(code, name, "City", None)
	dongying = code == "3705"
	for c, dongying_county in enumerate(COUNTIES):
		county_code = COUNTY_CODES[c] if dongying else f"{code}{c + 1:02d}"
		county_name = dongying_county if dongying else f"{name[:-1]}{'区县'[c % 2]}{c + 1}"
		county = Node(county_code, county_name, "County", city.code)
		city.children.append(county)
		for t in range(townships_per_county(scale)):
			stem = TOWNSHIP_STEMS[(c * 8 + t) % len(TOWNSHIP_STEMS)]
			round_ = (
				f"{t // len(TOWNSHIP_STEMS) + 1}" if t >= len(TOWNSHIP_STEMS) else ""
			)  # unique at any scale
			township = Node(
				f"{county.code}{t + 1:03d}",
				f"{county_name}{stem}{round_}{'街道' if t % 2 == 0 else '镇'}",
				"Township",
				county.code,
			)
			county.children.append(township)
			for m in range(12):
				village = m % 3 == 2  # a third are villages
				level = "Village" if village else "Community"
				community = Node(
					f"{township.code}{m + 1:03d}",
					f"{township.name}{COMMUNITY_STEMS[m]}{'村' if village else '社区'}",
					level,
					township.code,
				)
				township.children.append(community)
				for g in range(3):
					kind = (
						"Village Grid"
						if village
						else ("Exclusive Grid" if g == 2 and m == 0 else "Community Grid")
					)
					grid = Node(
						f"{community.code}{g + 1:02d}",
						f"{community.name}第{g + 1}网格",
						"Grid",
						community.code,
						kind,
					)
					community.children.append(grid)
					for u in range(5):
						households = rng.randint(40, 120)
						grid.children.append(
							Node(
								f"{grid.code}{u + 1:02d}",
								f"{grid.name}{u + 1}号楼",
								"Micro-grid",
								grid.code,
								kind,
								households,
							)
						)
					grid.households = sum(child.households for child in grid.children)
	return city


def number(root: Node, start: int = 1) -> int:
	"""Nested-set numbering, iteratively (the tree is deep enough to matter at large scales)."""
	counter = start
	stack = [(root, False)]
	while stack:
		node, done = stack.pop()
		if done:
			node.rgt = counter
			counter += 1
			continue
		node.lft = counter
		counter += 1
		stack.append((node, True))
		stack.extend((child, False) for child in reversed(node.children))
	return counter


def assign_paths(root: Node) -> None:
	"""Deterministic tree paths: each node's token is its position among its siblings, base 36."""
	root.path = child_path(None, "1")  # the root's own token
	for node in walk(root):
		for index, child in enumerate(node.children):
			child.path = child_path(node.path, base36(index + 1))


def base36(number: int) -> str:
	digits = "0123456789abcdefghijklmnopqrstuvwxyz"
	text = ""
	while number:
		number, digit = divmod(number, 36)
		text = digits[digit] + text
	return text or "0"


def walk(root: Node):
	"""Nodes in nested-set (pre-)order."""
	stack = [root]
	while stack:
		node = stack.pop()
		yield node
		stack.extend(reversed(node.children))
