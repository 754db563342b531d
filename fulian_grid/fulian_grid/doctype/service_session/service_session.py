# Copyright (c) 2026, fulian_grid developers
# License: MIT. See LICENSE

from frappe import _
from frappe.model.document import Document

from fulian_grid.domain.projects import check_count
from fulian_grid.utils import check


class ServiceSession(Document):
	"""A family-education or training session, with its attendance."""

	# begin: auto-generated types
	# This code is auto-generated. Do not modify anything in this block.

	from typing import TYPE_CHECKING

	if TYPE_CHECKING:
		from frappe.types import DF

		attendance: DF.Int
		governance_grid: DF.Link
		grid_path: DF.Data | None
		organizer: DF.Link | None
		place: DF.Data | None
		session_date: DF.Date
		session_kind: DF.Literal[
			"Family Education Guidance (0-3 Years)",
			"Family Education Through Train",
			"E-commerce Training",
			"Practical Skills Training",
			"Other Training",
		]
		session_summary: DF.SmallText | None
		session_title: DF.Data | None
		women_federation: DF.Link | None
	# end: auto-generated types

	def validate(self):
		check(check_count, _("Attendance"), self.attendance)
