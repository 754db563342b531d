# Copyright (c) 2026, fulian_grid developers
# License: MIT. See LICENSE

from frappe.model.document import Document


class FulianVolunteer(Document):
	"""A 贴心娘家人 volunteer: member of teams, credited with hours in volunteer projects. Her
	mobile number is an identity field, checked and kept in the vault."""

	# begin: auto-generated types
	# This code is auto-generated. Do not modify anything in this block.

	from typing import TYPE_CHECKING

	if TYPE_CHECKING:
		from frappe.types import DF

		federation_executive: DF.Link | None
		gender: DF.Literal["Female", "Male"]
		governance_grid: DF.Link
		grid_path: DF.Data | None
		mobile: DF.Data | None
		skills: DF.SmallText | None
		status: DF.Literal["Active", "Stepped Down"]
		user: DF.Link | None
		volunteer_name: DF.Data
	# end: auto-generated types
