# Copyright (c) 2026, fulian_grid developers
# License: MIT. See LICENSE

import frappe
from frappe import _
from frappe.utils import getdate

from fulian_grid.domain.ids import birth_date_from_id
from fulian_grid.privacy import SensitiveDocument


class InvalidIdentityError(frappe.ValidationError):
	pass


class FederationExecutive(SensitiveDocument):
	# begin: auto-generated types
	# This code is auto-generated. Do not modify anything in this block.

	from typing import TYPE_CHECKING

	if TYPE_CHECKING:
		from frappe.types import DF

		from fulian_grid.fulian_grid.doctype.contact_household.contact_household import ContactHousehold
		from fulian_grid.fulian_grid.doctype.executive_post.executive_post import ExecutivePost

		birth_date: DF.Date | None
		contact_households: DF.Table[ContactHousehold]
		full_name: DF.Data
		gender: DF.Literal["Female", "Male"]
		governance_grid: DF.Link
		grid_path: DF.Data | None
		id_number: DF.Data | None
		mobile: DF.Data | None
		position: DF.Literal["Chair", "Vice-chair", "Executive Member", "Grid Worker", "Mediator"]
		posts: DF.Table[ExecutivePost]
		status: DF.Literal["Active", "Term Ended", "Resigned"]
		term_end: DF.Date | None
		term_start: DF.Date | None
		two_way_post_count: DF.Int
		user: DF.Link | None
		women_federation: DF.Link

	# end: auto-generated types
	def responsible_user(self):
		return self.user  # her own identity

	def validate(self):
		self.validate_birth_date()
		self.validate_term()
		self.two_way_post_count = len(self.posts)

	def validate_birth_date(self):
		"""The birth date agrees with the ID number (checked by the vault as it was typed)."""
		if not self.id_number:
			return
		born = birth_date_from_id(self.id_number)
		if not self.birth_date:
			self.birth_date = born
		elif getdate(self.birth_date) != born:
			frappe.throw(_("The birth date does not match the ID number"), InvalidIdentityError)

	def on_update(self):
		if self.has_value_changed("user"):
			refresh_user_copies(self.name, self.user)

	def validate_term(self):
		if self.term_start and self.term_end and getdate(self.term_end) < getdate(self.term_start):
			frappe.throw(_("The term cannot end before it starts"))


def refresh_user_copies(executive: str, user: str | None):
	"""Fields fetched from an executive's user (a led project's lead, a co-lead row) follow her
	record when a user is linked to it later; Frappe fetches them only when the link is set."""
	for link in frappe.get_all(
		"DocField",
		filters={"fieldtype": "Link", "options": "Federation Executive"},
		fields=["parent", "fieldname"],
	):
		for copy in frappe.get_all(
			"DocField",
			filters={"parent": link.parent, "fetch_from": f"{link.fieldname}.user"},
			pluck="fieldname",
		):
			table = frappe.qb.DocType(link.parent)
			frappe.qb.update(table).set(table[copy], user).where(table[link.fieldname] == executive).run()
