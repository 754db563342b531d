"""Chinese people, numbers and places for generated data (no frappe import): names, valid
GB 11643 ID numbers, mobiles, addresses; and ways to split a total exactly."""

import random
from datetime import date, timedelta

from fulian_grid.domain.ids import id_check_char

SURNAMES = (
	"王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢"
)
FEMALE_GIVEN = "芳娜敏静丽艳娟霞秀英华玲红梅兰凤洁琳素云莲真环雪荣爱妹慧巧美淑惠珠翠雅芝玉萍"
MALE_GIVEN = "伟强磊军勇杰涛明超刚平辉鹏华飞鑫波斌宇浩凯健俊帆帅旭宁龙林欢阳建国志"


def person_name(rng: random.Random, gender: str = "Female") -> str:
	given = FEMALE_GIVEN if gender == "Female" else MALE_GIVEN
	return rng.choice(SURNAMES) + "".join(rng.choice(given) for _ in range(rng.choice((1, 2))))


def birth_date(rng: random.Random, on: date, youngest: int, oldest: int) -> date:
	return on - timedelta(days=rng.randint(youngest * 365 + 1, oldest * 365 - 1))


def id_number(rng: random.Random, region: str, born: date, gender: str = "Female") -> str:
	"""A valid 18-digit citizen ID: region, birth date, a sequence whose last digit is even for
	women and odd for men, and the check character."""
	sequence = rng.randint(0, 49) * 2 + (0 if gender == "Female" else 1)
	first17 = f"{region[:6]:0<6}{born:%Y%m%d}{rng.randint(0, 9)}{sequence:02d}"
	return first17 + id_check_char(first17)


def mobile(rng: random.Random) -> str:
	return f"1{rng.choice('3456789')}{rng.randint(0, 999_999_999):09d}"


def address(rng: random.Random, place: str) -> str:
	return f"{place}{rng.randint(1, 6)}单元{rng.randint(1, 30)}{rng.randint(1, 4):02d}室"


def spread(total: int, slots: int, rng: random.Random) -> list[int]:
	"""`total` items over `slots` slots, as evenly as possible, the remainder on random slots."""
	if slots <= 0:
		return []
	base, extra = divmod(total, slots)
	counts = [base] * slots
	for index in rng.sample(range(slots), extra):
		counts[index] += 1
	return counts


def amounts(
	total: int, count: int, rng: random.Random, unit: int = 1, low: int = 1, high: int = 5
) -> list[int]:
	"""`count` amounts, each a multiple of `unit` between about `low` and `high` units, that add up
	to `total` exactly (the seed gives totals; a generated set must reproduce them)."""
	units, rest = divmod(total, unit)
	if count <= 0 or units < count:
		raise ValueError(f"cannot split {total} into {count} amounts of at least {unit}")
	weights = [rng.uniform(low, high) for _ in range(count)]
	scale = units / sum(weights)
	values = [max(1, int(w * scale)) for w in weights]
	shortfall = units - sum(values)
	index = 0
	while shortfall:  # settle the rounding one unit at a time, never below one unit
		step = 1 if shortfall > 0 else -1
		if step > 0 or values[index % count] > 1:
			values[index % count] += step
			shortfall -= step
		index += 1
	result = [v * unit for v in values]
	result[-1] += rest
	return result


def day_in(rng: random.Random, first: date, last: date) -> date:
	return first + timedelta(days=rng.randint(0, max(0, (last - first).days)))
