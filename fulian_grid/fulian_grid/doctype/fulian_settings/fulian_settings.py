# Copyright (c) 2026, fulian_grid developers
# License: MIT. See LICENSE
"""妇联网格设置: read through fulian_grid/settings.py; a change is saved only when coherent."""

import frappe
from frappe.model.document import Document

from fulian_grid import settings
from fulian_grid.utils import check


class SettingsError(frappe.ValidationError):
	pass


class FulianSettings(Document):
	# begin: auto-generated types
	# This code is auto-generated. Do not modify anything in this block.

	from typing import TYPE_CHECKING

	if TYPE_CHECKING:
		from frappe.types import DF

		from fulian_grid.fulian_grid.doctype.brand_signage_requirement.brand_signage_requirement import (
			BrandSignageRequirement,
		)

		brand_logo: DF.AttachImage | None
		brand_meaning: DF.SmallText | None
		brand_name: DF.Data | None
		clothing_rules: DF.SmallText | None
		data_request_days: DF.Int
		due_soon_days: DF.Int
		grade_excellent_from: DF.Float
		grade_good_from: DF.Float
		grade_pass_from: DF.Float
		high_risk_visit_days: DF.Int
		low_risk_visit_days: DF.Int
		mandatory_report_hours: DF.Int
		max_additions: DF.Float
		medium_risk_visit_days: DF.Int
		report_hours_immediate: DF.Int
		report_hours_normal: DF.Int
		report_hours_urgent: DF.Int
		retention_years: DF.Int
		service_hours_immediate: DF.Int
		service_hours_normal: DF.Int
		service_hours_urgent: DF.Int
		signage_requirements: DF.Table[BrandSignageRequirement]
		signage_rules: DF.SmallText | None
		small_cell_threshold: DF.Int
		usage_rules: DF.SmallText | None
		verification_hours_immediate: DF.Int
		verification_hours_normal: DF.Int
		verification_hours_urgent: DF.Int
		warning_follow_up_days: DF.Int

	# end: auto-generated types
	def validate(self):
		check(settings.check, self, exc=SettingsError)
