"""The demo data set's shape: every seed figure reproduced exactly, rows consistent with the
controllers' rules, deterministic for a seed."""

from collections import Counter
from datetime import date

import pytest

from fulian_grid.demo.people import amounts, id_number, spread
from fulian_grid.demo.records import REPORT_STATES, SEED_FIGURES, build, figures_of, scaled
from fulian_grid.demo.shape import walk
from fulian_grid.domain.ids import check_id_number

TODAY = date(2026, 11, 28)


@pytest.fixture(scope="module")
def city_and_rows():
	return build(1, seed=7, year=2026, today=TODAY)


def figures(rows) -> dict:
	return figures_of(rows)


def test_scale_one_reproduces_every_seed_figure(city_and_rows):
	_city, rows = city_and_rows
	assert figures(rows) == SEED_FIGURES


def test_figures_split_over_the_counties_add_up(city_and_rows):
	city, rows = city_and_rows
	by_county = [figures_of(rows, county.path) for county in city.children]
	assert all(county["led_projects"] > 0 for county in by_county)
	assert {key: sum(county[key] for county in by_county) for key in SEED_FIGURES} == SEED_FIGURES


def test_a_smaller_scale_multiplies_the_figures():
	_city, rows = build(0.1, seed=7, year=2026, today=TODAY)
	assert figures(rows) == {key: scaled(key, 0.1) for key in SEED_FIGURES}
	assert figures(rows)["loan_amount"] == 48_000_000


def test_deterministic_for_a_seed():
	def fingerprint(seed):
		_city, rows = build(0.05, seed=seed, year=2026, today=TODAY)
		return [(d, r["name"], r.get("governance_grid")) for d, rs in sorted(rows.items()) for r in rs]

	assert fingerprint(3) == fingerprint(3)
	assert fingerprint(3) != fingerprint(4)


def test_every_record_lies_on_a_node_of_the_tree_with_its_path(city_and_rows):
	city, rows = city_and_rows
	paths = {node.code: node.path for node in walk(city)}
	for doctype, records in rows.items():
		for row in records:
			if "governance_grid" in row:
				assert paths[row["governance_grid"]] == row["grid_path"], (doctype, row["name"])


def test_federations_sit_where_the_standard_puts_them(city_and_rows):
	city, rows = city_and_rows
	levels = {node.code: (node.level, node.kind) for node in walk(city)}
	kinds = Counter((f["federation_type"], levels[f["governance_grid"]][0]) for f in rows["Women Federation"])
	assert kinds[("City Federation", "City")] == 1 and kinds[("County Federation", "County")] == 7
	assert kinds[("Township Federation", "Township")] == 56
	assert kinds[("Grid Federation", "Community")] == 337 and kinds[("Village Federation", "Village")] == 224
	assert kinds[("Exclusive-grid Federation", "Grid")] == 56
	names = [f["name"] for f in rows["Women Federation"]]
	assert len(set(names)) == len(names)
	numbers = sorted(n for f in rows["Women Federation"] for n in (f["lft"], f["rgt"]))
	assert numbers == list(range(1, 2 * len(names) + 1))  # one nested set, no gaps
	by_name = {f["name"]: f for f in rows["Women Federation"]}
	for federation in rows["Women Federation"]:
		if parent := federation["parent_women_federation"]:
			assert by_name[parent]["lft"] < federation["lft"] < federation["rgt"] < by_name[parent]["rgt"]


def test_groups_sit_on_micro_grids_of_their_grid_federation(city_and_rows):
	city, rows = city_and_rows
	nodes = {node.code: node for node in walk(city)}
	federations = {f["name"]: f for f in rows["Women Federation"]}
	for group in rows["Women Group"]:
		federation = federations[group["women_federation"]]
		assert federation["federation_type"] == "Grid Federation"
		assert nodes[group["governance_grid"]].level == "Micro-grid"
		assert group["grid_path"].startswith(federation["grid_path"])
		assert group["member_count"] == len(group["members"]) > 0


def test_people_have_valid_ids_and_birth_years(city_and_rows):
	"""Plain values (the bulk writer seals them into the vault); birth years agree with the dates."""
	_city, rows = city_and_rows
	for row in rows["Screening Ledger"][:2000] + rows["Federation Executive"][:500]:
		check_id_number(row["id_number"])
	for row in rows["Screening Ledger"][:2000]:
		assert row["birth_year"] == row["birth_date"].year
		assert not any(key.endswith("_masked") for key in row)
	for loan in rows["Entrepreneurship Loan"]:
		assert loan["loan_amount"] % 10_000 == 0 and loan["loan_amount"] > 0


def test_reports_in_every_stage_with_consistent_clocks(city_and_rows):
	_city, rows = city_and_rows
	reports = rows["Infringement Report"]
	assert {r["workflow_state"] for r in reports} == set(REPORT_STATES)
	for report in reports:
		assert report["report_due"] > report["discovered_at"]
		if report.get("reported_at"):
			assert report["reported_at"] >= report["discovered_at"]
		if report["workflow_state"] == "Closed":
			assert report["closed_at"] and report["closure_review"]
		if report["workflow_state"] in ("Closed", "Rejected", "Duplicate Case"):
			assert not report["is_overdue"]
		assert report["victims"] and report["concern_items"]


def test_dated_records_fall_within_the_year_up_to_today(city_and_rows):
	_city, rows = city_and_rows
	first = date(2026, 1, 1)
	for doctype, field in (
		("Service Session", "session_date"),
		("Entrepreneurship Loan", "loan_date"),
		("Divorce Counselling", "counselling_date"),
		("Distress Relief", "relief_date"),
		("Led Project", "start_date"),
	):
		assert all(first <= row[field] <= TODAY for row in rows[doctype]), doctype
	for project in rows["Volunteer Project"]:
		assert all(first <= s["session_date"] <= TODAY for s in project["sessions"])


def test_spread_and_amounts_add_up_exactly():
	import random

	rng = random.Random(1)
	assert (
		sum(spread(1213, 337, rng)) == 1213 and max(spread(1213, 337, rng)) - min(spread(1213, 337, rng)) <= 1
	)
	values = amounts(480_000_000, 2011, rng, unit=10_000, low=5, high=45)
	assert sum(values) == 480_000_000 and len(values) == 2011 and min(values) >= 10_000
	with pytest.raises(ValueError):
		amounts(5, 10, rng)


def test_generated_id_numbers_carry_birth_date_and_gender():
	import random

	number = id_number(random.Random(2), "370502", date(1990, 5, 17))
	assert number.startswith("37050219900517") and int(number[16]) % 2 == 0
	check_id_number(number)
