# Copyright (c) 2026, fulian_grid developers
# License: MIT. See LICENSE
"""A police warning about domestic violence (家庭暴力告诫书, Anti-Domestic Violence Law art. 16) and
the follow-up visits the federation and the community make after it, at the cadence in Fulian
Settings (domain/casework.py). A warning may join an infringement report (it then lies in the
report's grid) or start one."""

import frappe
from frappe import _
from frappe.utils import getdate, today

from fulian_grid import settings
from fulian_grid.domain import DomainError
from fulian_grid.domain.casework import check_follow_ups, next_follow_up_due
from fulian_grid.privacy import SensitiveDocument
from fulian_grid.utils import throw


class PoliceWarningError(frappe.ValidationError):
	pass


class PoliceWarning(SensitiveDocument):
	# begin: auto-generated types
	# This code is auto-generated. Do not modify anything in this block.

	from typing import TYPE_CHECKING

	if TYPE_CHECKING:
		from frappe.types import DF

		from fulian_grid.fulian_grid.doctype.police_warning_follow_up.police_warning_follow_up import (
			PoliceWarningFollowup,
		)

		follow_up_status: DF.Literal["Following Up", "Closed"]
		follow_ups: DF.Table[PoliceWarningFollowup]
		governance_grid: DF.Link
		grid_path: DF.Data | None
		infringement_report: DF.Link | None
		is_overdue: DF.Check
		issued_on: DF.Date
		last_follow_up_on: DF.Date | None
		next_follow_up_due: DF.Date | None
		overdue_notified_for: DF.Date | None
		police_station: DF.Data
		respondent_name: DF.Data
		victim_name: DF.Data
		warning_content: DF.Text | None
		warning_number: DF.Data

	# end: auto-generated types
	def validate(self):
		self.validate_issued_on()
		self.validate_report()
		self.set_follow_up_clock()

	def validate_issued_on(self):
		if getdate(self.issued_on) > getdate(today()):
			frappe.throw(_("A warning cannot be dated in the future"), PoliceWarningError)

	def validate_report(self):
		"""A warning joins a report of its own grid only (and one the user may read)."""
		if not self.infringement_report:
			return
		grid = frappe.db.get_value("Infringement Report", self.infringement_report, "governance_grid")
		if grid != self.governance_grid or not frappe.has_permission(
			"Infringement Report", "read", doc=self.infringement_report
		):
			frappe.throw(
				_("The warning can join a report of its own grid only ({0})").format(self.governance_grid),
				PoliceWarningError,
			)

	def set_follow_up_clock(self):
		issued = getdate(self.issued_on)
		visits = [getdate(row.visit_date) for row in self.follow_ups]
		try:
			check_follow_ups(issued, visits, getdate(today()))
			due = next_follow_up_due(issued, visits, settings.warning_follow_up_days())
		except DomainError as error:
			throw(error, PoliceWarningError)
		self.last_follow_up_on = max(visits) if visits else None
		following = self.follow_up_status == "Following Up"
		self.next_follow_up_due = due if following else None
		self.is_overdue = int(following and due < getdate(today()))


def notify_overdue_follow_ups(on=None) -> int:
	"""Daily: mark warnings whose follow-up visit is overdue, and tell the one who recorded the
	warning and the grid chairs where it lies, once per due date. Returns how many were told."""
	from fulian_grid.permissions import users_covering

	on = getdate(on or today())
	late = frappe.get_all(
		"Police Warning",
		filters={"follow_up_status": "Following Up", "next_follow_up_due": ("<", on)},
		fields=["name", "owner", "grid_path", "warning_number", "next_follow_up_due", "overdue_notified_for"],
	)
	told = 0
	for warning in late:
		values = {"is_overdue": 1}
		if warning.overdue_notified_for != warning.next_follow_up_due:
			users = {warning.owner, *users_covering(warning.grid_path, ("Fulian Grid Chair",))}
			for user in sorted(users - {"Administrator", "Guest"}):
				frappe.get_doc(
					{
						"doctype": "ToDo",
						"allocated_to": user,
						"reference_type": "Police Warning",
						"reference_name": warning.name,
						"priority": "High",
						"date": on,
						"description": _(
							"The follow-up visit after police warning {0} is overdue since {1}"
						).format(warning.warning_number, warning.next_follow_up_due),
					}
				).insert(ignore_permissions=True)
			values["overdue_notified_for"] = warning.next_follow_up_due
			told += 1
		frappe.db.set_value("Police Warning", warning.name, values, update_modified=False)
	return told
