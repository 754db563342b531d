# Copyright (c) 2026, fulian_grid developers
# License: MIT. See LICENSE

from frappe.model.document import Document


class FulianVolunteer(Document):
	"""A 贴心娘家人 volunteer: member of teams, credited with hours in volunteer projects. Her
	mobile number is an identity field, checked and kept in the vault."""
