# Copyright (c) 2026, fulian_grid developers
# License: MIT. See LICENSE

import frappe
from frappe import _
from frappe.model.document import Document
from frappe.utils import getdate

from fulian_grid.permissions import clear_assignment_cache
from fulian_grid.roles import APP_ROLES, MODULE_PROFILE


class GridRoleAssignment(Document):
	# begin: auto-generated types
	# This code is auto-generated. Do not modify anything in this block.

	from typing import TYPE_CHECKING

	if TYPE_CHECKING:
		from frappe.types import DF

		enabled: DF.Check
		governance_grid: DF.Link
		grid_path: DF.Data | None
		note: DF.SmallText | None
		role: DF.Link
		user: DF.Link
		valid_from: DF.Date | None
		valid_to: DF.Date | None

	# end: auto-generated types
	def validate(self):
		self.validate_role()
		self.validate_dates()

	def validate_role(self):
		if self.role not in APP_ROLES:
			frappe.throw(
				_("Only the app's roles can be assigned per grid: {0}").format(
					", ".join(_(r) for r in APP_ROLES)
				)
			)

	def validate_dates(self):
		if self.valid_from and self.valid_to and getdate(self.valid_to) < getdate(self.valid_from):
			frappe.throw(_("Valid To cannot be before Valid From"))

	def on_update(self):
		self.grant_role()
		self.give_module_profile()
		clear_assignment_cache()

	def on_trash(self):
		clear_assignment_cache()

	def give_module_profile(self):
		"""Her sidebar shows the app's workspaces: a user with no module profile of her own gets the
		app's. A System Manager keeps Frappe's (she administers it)."""
		if frappe.db.get_value("User", self.user, "module_profile") or "System Manager" in frappe.get_roles(
			self.user
		):
			return
		if frappe.db.exists("Module Profile", MODULE_PROFILE):
			user = frappe.get_doc("User", self.user)
			user.module_profile = MODULE_PROFILE
			user.flags.ignore_permissions = True
			user.save()

	def grant_role(self):
		"""The Frappe role opens the DocTypes; the assignment decides where. Removing an assignment
		leaves the role, which then reaches no record."""
		if not self.enabled or self.role in frappe.get_roles(self.user):
			return
		user = frappe.get_doc("User", self.user)
		user.flags.ignore_permissions = True
		user.add_roles(self.role)
