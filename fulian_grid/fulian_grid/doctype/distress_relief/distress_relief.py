# Copyright (c) 2026, fulian_grid developers
# License: MIT. See LICENSE

import frappe
from frappe import _
from frappe.model.document import Document

from fulian_grid.domain.projects import check_count
from fulian_grid.utils import check


class DistressRelief(Document):
	"""Relief for women and children in distress, counted in person-times (no names kept)."""

	# begin: auto-generated types
	# This code is auto-generated. Do not modify anything in this block.

	from typing import TYPE_CHECKING

	if TYPE_CHECKING:
		from frappe.types import DF

		children_helped: DF.Int
		governance_grid: DF.Link
		grid_path: DF.Data | None
		handled_by: DF.Link | None
		help_given: DF.SmallText | None
		person_times: DF.Int
		relief_date: DF.Date
		relief_kind: DF.Literal[
			"Hardship Relief", "Medical Relief", "Education Aid", "Emergency Shelter", "Other Relief"
		]
		women_helped: DF.Int
	# end: auto-generated types

	def validate(self):
		check(check_count, _("Women Helped (Person-times)"), self.women_helped)
		check(check_count, _("Children Helped (Person-times)"), self.children_helped)
		self.person_times = (self.women_helped or 0) + (self.children_helped or 0)
		if not self.person_times:
			frappe.throw(_("Relief helps at least one woman or child"))
