"""Bulk inserts for generated data: rows go straight to the tables in large batches, nested-set
numbers precomputed, masked copies computed once per row — never one ORM save per row."""

import random
from datetime import datetime, timedelta

from fulian_grid.bulk import insert_rows
from fulian_grid.demo.people import person_name
from fulian_grid.demo.records import KEY_GROUPS
from fulian_grid.demo.shape import Node, walk


def insert_tree(root: Node, progress=None) -> list[Node]:
	"""Insert the whole tree in one pass; returns its nodes."""
	nodes = list(walk(root))
	insert_rows(
		"Governance Grid",
		[
			{
				"name": n.code,
				"grid_name": n.name,
				"grid_code": n.code,
				"level": n.level,
				"parent_governance_grid": n.parent,
				"is_group": n.is_group,
				"grid_kind": n.kind,
				"households": n.households,
				"lft": n.lft,
				"rgt": n.rgt,
				"tree_path": n.path,
			}
			for n in nodes
		],
	)
	if progress:
		progress(len(nodes))
	return nodes


def insert_ledger_volume(
	grids: dict[str, str],
	executives: list[str],
	count: int,
	rng: random.Random,
	prefix: str,
	chunk: int = 20000,
) -> None:
	"""`count` screening ledger entries spread over `grids` (name → tree path), each with one
	submitted home visit, modified over the last two years: volume for the benchmark."""
	names = list(grids)
	now = datetime.now()
	categories = list(KEY_GROUPS)
	for start in range(0, count, chunk):
		ledger, visits = [], []
		for i in range(start, min(start + chunk, count)):
			name = person_name(rng)
			modified = now - timedelta(minutes=rng.randint(0, 2 * 365 * 24 * 60))
			screened = modified.date() - timedelta(days=rng.randint(0, 60))
			grid, category, executive = rng.choice(names), rng.choice(categories), rng.choice(executives)
			entry = f"{prefix}{i:08d}"
			ledger.append(
				{
					"name": entry,
					"governance_grid": grid,
					"grid_path": grids[grid],
					"subject_name": name,
					"risk_level": KEY_GROUPS[category],
					"screened_on": screened,
					"last_visit_on": screened,
					"next_visit_due": screened + timedelta(days=30),
					"responsible_executive": executive,
					"categories": [{"key_group_category": category}],
					"creation": modified,
					"modified": modified,
				}
			)
			visits.append(
				{
					"name": f"HV-{entry}",
					"docstatus": 1,
					"visit_date": screened,
					"federation_executive": executive,
					"governance_grid": grid,
					"grid_path": grids[grid],
					"screening_ledger": entry,
					"household": f"{name}家",
					"creation": modified,
					"modified": modified,
				}
			)
		insert_rows("Screening Ledger", ledger, chunk)
		insert_rows("Home Visit", visits, chunk)
