# Copyright (c) 2026, fulian_grid developers
# License: MIT. See LICENSE

import frappe
from frappe import _
from frappe.model.document import Document
from frappe.utils import getdate, today


class FamilySelection(Document):
	"""A family selected as 最美家庭 or 五好文明家庭 in a year, at a level."""

	# begin: auto-generated types
	# This code is auto-generated. Do not modify anything in this block.

	from typing import TYPE_CHECKING

	if TYPE_CHECKING:
		from frappe.types import DF

		family_name: DF.Data
		family_story: DF.SmallText | None
		governance_grid: DF.Link
		grid_path: DF.Data | None
		honour: DF.Literal["Most Beautiful Family", "Five-good Civilized Family"]
		selection_level: DF.Literal[
			"National", "Provincial", "City", "County", "Township", "Community or Village"
		]
		selection_year: DF.Int
		women_federation: DF.Link | None
	# end: auto-generated types

	def validate(self):
		if not (1949 <= (self.selection_year or 0) <= getdate(today()).year):
			frappe.throw(
				_("The selection year {0} is not a past or current year").format(self.selection_year)
			)
