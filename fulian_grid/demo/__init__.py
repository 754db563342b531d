"""Dongying-shaped demo data, generated locally and deterministically (bulk paths, no per-row ORM).

	bench --site SITE execute fulian_grid.demo.generate --kwargs "{'scale': 1}"

At scale 1 the Work Statistics report for the city (东营市, grid 3705) over the generated year
reproduces the seed's figures exactly (see records.SEED_FIGURES); a larger scale multiplies them.
With `cities` > 1 the tree is a province (山东省, grid 37) of that many Dongying-shaped cities, 东营市
among them with every record above; the other cities get the tree only (the benchmark's ledger
volume goes on all of them: benchmarks/city.py --cities 16)."""

CITY = "3705"


def generate(
	scale: float = 1,
	seed: int = 7,
	year: int | None = None,
	ledger_per_micro_grid: int = 2,
	cities: int = 1,
) -> dict:
	"""Build the data set on the current site and commit it; returns the rows inserted per DocType."""
	import frappe
	from frappe import _
	from frappe.utils import getdate, update_progress_bar

	from fulian_grid.bulk import insert_rows
	from fulian_grid.demo.bulk import insert_tree
	from fulian_grid.demo.records import build
	from fulian_grid.demo.shape import build_province
	from fulian_grid.permissions import clear_assignment_cache

	if frappe.db.exists("Governance Grid", CITY):
		frappe.throw(_("Demo data is already on this site (grid {0} exists)").format(CITY))
	today = getdate()  # in the site's time zone, as the reports see it
	root = build_province(int(cities), float(scale), int(seed)) if int(cities) > 1 else None
	dongying = next((c for c in root.children if c.code == CITY), None) if root else None
	city, rows = build(
		float(scale), int(seed), int(year or today.year), today, int(ledger_per_micro_grid), dongying
	)
	steps = ["Governance Grid", *rows]
	counts = {"Governance Grid": len(insert_tree(root or city))}
	for step, doctype in enumerate(steps[1:], start=1):
		update_progress_bar(_("Generating demo data"), step, len(steps))
		insert_rows(doctype, rows[doctype])
		counts[doctype] = len(rows[doctype])
	update_progress_bar(_("Generating demo data"), len(steps), len(steps))
	print()
	clear_assignment_cache()
	if not frappe.flags.in_test:
		frappe.db.commit()  # nosemgrep: a bench command's own unit of work
	return counts
