import frappe

from fulian_grid.domain.masters import DEFAULT_EVALUATION_CRITERIA
from fulian_grid.domain.scoring import validate_weights
from fulian_grid.fulian_grid.doctype.evaluation_criterion.evaluation_criterion import (
	CriterionValidationError,
)
from fulian_grid.indicators import INDICATORS
from fulian_grid.tests.utils import FulianTestCase


class TestEvaluationCriterion(FulianTestCase):
	def test_default_criteria_are_installed_with_weights_adding_up_to_100(self):
		installed = frappe.get_all(
			"Evaluation Criterion", filters={"enabled": 1}, fields=["name", "weight", "indicator"]
		)
		self.assertEqual({c.name for c in installed}, {row[0] for row in DEFAULT_EVALUATION_CRITERIA})
		self.assertEqual(validate_weights(c.weight for c in installed), 100)
		self.assertTrue({c.indicator for c in installed} <= set(INDICATORS))

	def test_indicator_options_match_the_indicator_table(self):
		options = frappe.get_meta("Evaluation Criterion").get_field("indicator").options.split("\n")
		self.assertEqual(set(options), set(INDICATORS))

	def test_bad_weight_or_target_is_refused(self):
		for values in ({"weight": 120}, {"weight": -5}, {"target": 0}):
			doc = frappe.get_doc(
				{
					"doctype": "Evaluation Criterion",
					"criterion_name": "测试指标",
					"indicator": "Visits Made",
					"weight": 10,
					"target": 5,
					**values,
				}
			)
			self.assertRaises(CriterionValidationError, doc.insert)
