"""Bulk inserts for generated data: rows go straight to the tables in large batches, nested-set
numbers precomputed, masked copies computed once per row — never one ORM save per row."""

import random
from datetime import datetime, timedelta

import frappe

from fulian_grid.bulk import meta_values as _meta_values
from fulian_grid.demo.people import person_name
from fulian_grid.demo.shape import Node, walk
from fulian_grid.domain.masking import mask_name


def insert_tree(root: Node, progress=None) -> list[Node]:
	"""Insert the whole tree in one pass; returns its nodes."""
	nodes = list(walk(root))
	now = datetime.now()
	fields = [
		"name", "grid_name", "grid_code", "level", "parent_governance_grid", "is_group", "grid_kind",
		"households", "lft", "rgt", "tree_path", "creation", "modified", "owner", "modified_by", "docstatus",
	]  # fmt: skip
	meta = _meta_values(now)
	rows = [
		(n.code, n.name, n.code, n.level, n.parent, n.is_group, n.kind, n.households, n.lft, n.rgt, n.path,
		 meta["creation"], meta["modified"], meta["owner"], meta["modified_by"], 0)
		for n in nodes
	]  # fmt: skip
	frappe.db.bulk_insert("Governance Grid", fields, rows, chunk_size=5000)
	if progress:
		progress(len(rows))
	return nodes


def insert_ledger_rows(
	grids: dict[str, str], count: int, rng: random.Random, prefix: str = "SL-DEMO-", chunk: int = 20000
):
	"""`count` screening ledger entries spread over `grids` (name → tree path), modified over the
	last two years."""
	names = list(grids)
	fields = [
		"name", "governance_grid", "grid_path", "subject_name", "subject_name_masked", "gender", "risk_level", "status",
		"screened_on", "next_visit_due", "legal_basis", "creation", "modified", "owner", "modified_by", "docstatus",
	]  # fmt: skip
	now = datetime.now()
	risks = ("Low", "Medium", "High")
	for start in range(0, count, chunk):
		rows = []
		for i in range(start, min(start + chunk, count)):
			name = person_name(rng)
			modified = now - timedelta(minutes=rng.randint(0, 2 * 365 * 24 * 60))
			screened = modified.date() - timedelta(days=rng.randint(0, 60))
			grid = rng.choice(names)
			rows.append(
				(f"{prefix}{i:08d}", grid, grids[grid], name, mask_name(name), "Female", rng.choice(risks), "Active",
				 screened, screened + timedelta(days=30), "Statutory Duty", modified, modified, "Administrator",
				 "Administrator", 0)
			)  # fmt: skip
		frappe.db.bulk_insert("Screening Ledger", fields, rows, chunk_size=chunk)
