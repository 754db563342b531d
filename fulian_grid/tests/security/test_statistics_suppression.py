"""Class 8 — statistics and small cells: no withheld figure comes back by subtraction.

A statistics viewer of county B runs Work Statistics on every node of her county and Service
Figures on every node and on her whole scope, then subtracts: each report's total minus its
shown rows, every value learnt carried into every other report, until nothing more comes out.
The same attack on the naive rule (withhold only the small cells) must recover the small cell,
so the attacker is known to work."""

import frappe
from frappe.utils import add_days, today

from fulian_grid.fulian_grid.report.service_figures.service_figures import execute as service_figures
from fulian_grid.fulian_grid.report.work_statistics.work_statistics import execute as work_statistics
from fulian_grid.tests.factories import assign, make_counselling, make_grid, make_user
from fulian_grid.tests.utils import CityTestCase

PERIOD = {"from_date": add_days(today(), -30), "to_date": today()}
THRESHOLD = 5
SENSITIVE = ("counselling_couples", "counselling_kept_together")
NODES = ("TB", "TB1", "TB1C", "TB1CG", "TB1CH", "TB1CGM")
WHOLE_SCOPE = ""  # Service Figures without a grid


class TestStatisticsSuppression(CityTestCase):
	@classmethod
	def setUpClass(cls):
		super().setUpClass()
		make_grid("TB1CH", "B二网格", "Grid", "TB1C", kind="Community Grid")
		cls.viewer = make_user("suppression_viewer@fulian.test")
		assign(cls.viewer, "Fulian Viewer", "TB")
		cls.before = frappe.db.get_single_value("Fulian Settings", "small_cell_threshold")
		frappe.db.set_single_value("Fulian Settings", "small_cell_threshold", THRESHOLD)
		for _ in range(2):  # the small cell: two couples in grid TB1CG
			make_counselling(governance_grid="TB1CG", outcome="Registration Cancelled").insert()
		for _ in range(20):
			make_counselling(governance_grid="TB1CH", outcome="Divorced").insert()
		cls.children = {
			node: frappe.get_all("Governance Grid", {"parent_governance_grid": node}, pluck="name")
			for node in NODES
		}
		cls.children[WHOLE_SCOPE] = ["TB"]

	@classmethod
	def tearDownClass(cls):
		frappe.db.set_single_value("Fulian Settings", "small_cell_threshold", cls.before or 0)
		super().tearDownClass()

	def observe(self, user):
		"""{figure: {node: value or None}} from every report the user can run, checking that a node's
		figure reads the same in every report where it appears."""
		frappe.set_user(user)
		seen: dict[str, dict[str, list]] = {key: {} for key in SENSITIVE}
		for node in NODES:
			for row in work_statistics({"governance_grid": node, **PERIOD})[1]:
				for key in SENSITIVE:
					seen[key].setdefault(row.governance_grid, []).append(row[key])
		for node in (*NODES, WHOLE_SCOPE):
			for row in service_figures({"governance_grid": node or None, **PERIOD})[1]:
				if row.figure in SENSITIVE:
					seen[row.figure].setdefault(node, []).append(row.value)
		frappe.set_user("Administrator")
		result = {}
		for key, by_node in seen.items():
			for node, values in by_node.items():
				self.assertEqual(len(set(values)), 1, (key, node, values))  # one value everywhere
			result[key] = {node: values[0] for node, values in by_node.items()}
		return result

	def subtract(self, shown: dict, truth: dict) -> dict:
		"""Everything that total-minus-rows yields. Records on a node itself are known to be none
		where there are none (the attacker's best case), unknown elsewhere."""
		known = {node: value for node, value in shown.items() if value is not None}
		own = {
			node: truth[node] - sum(truth.get(child, 0) for child in children)
			for node, children in self.children.items()
		}
		own[WHOLE_SCOPE] = 0  # she counts county B only
		changed = True
		while changed:
			changed = False
			for node, children in self.children.items():
				cells = [node, *children]
				missing = [cell for cell in cells if cell not in known]
				if len(missing) != 1 or own[node]:
					continue
				(cell,) = missing
				rows = sum(known[child] for child in children if child in known)
				known[cell] = known[node] - rows if cell != node else rows
				changed = True
		return {node: value for node, value in known.items() if shown.get(node) is None}

	def test_viewer_cannot_recover_a_withheld_figure_from_any_report(self):
		truth = self.observe("Administrator")
		self.assertEqual(truth["counselling_couples"]["TB1CG"] - truth["counselling_couples"]["TB1CGM"], 2)
		seen = self.observe(self.viewer)
		for key in SENSITIVE:
			self.assertIsNone(seen[key]["TB1CG"], key)  # the small cell itself
			self.assertEqual(self.subtract(seen[key], truth[key]), {}, key)

	def test_the_attack_recovers_the_small_cell_under_the_naive_rule(self):
		truth = self.observe("Administrator")["counselling_couples"]
		naive = {node: None if 0 < value < THRESHOLD else value for node, value in truth.items()}
		self.assertIn("TB1CG", self.subtract(naive, truth))

	def test_a_handler_sees_every_figure(self):
		truth = self.observe("Administrator")
		seen = self.observe(self.city.officer_b)
		for key in SENSITIVE:
			self.assertEqual({n: seen[key][n] for n in NODES}, {n: truth[key][n] for n in NODES})

	def test_non_sensitive_figures_are_not_withheld(self):
		frappe.set_user(self.viewer)
		rows = work_statistics({"governance_grid": "TB1C", **PERIOD})[1]
		self.assertTrue(all(row.loans is not None for row in rows))
