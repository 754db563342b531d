# Copyright (c) 2026, fulian_grid developers
# License: MIT. See LICENSE

import frappe
from frappe.model.document import Document
from frappe.utils import getdate, today

from fulian_grid.domain.projects import (
	check_milestone_in_range,
	check_project_dates,
	next_milestone_due,
	overdue_milestones,
	progress,
)
from fulian_grid.utils import check


class LedProjectError(frappe.ValidationError):
	pass


class LedProject(Document):
	# begin: auto-generated types
	# This code is auto-generated. Do not modify anything in this block.

	from typing import TYPE_CHECKING

	if TYPE_CHECKING:
		from frappe.types import DF

		from fulian_grid.fulian_grid.doctype.led_project_co_lead.led_project_co_lead import LedProjectColead
		from fulian_grid.fulian_grid.doctype.led_project_milestone.led_project_milestone import (
			LedProjectMilestone,
		)

		beneficiaries: DF.Int
		co_leads: DF.TableMultiSelect[LedProjectColead]
		end_date: DF.Date
		goals: DF.SmallText | None
		governance_grid: DF.Link
		grid_path: DF.Data | None
		lead_executive: DF.Link
		lead_user: DF.Link | None
		milestones: DF.Table[LedProjectMilestone]
		next_milestone_due: DF.Date | None
		outcome: DF.SmallText | None
		progress: DF.Percent
		project_title: DF.Data
		project_type: DF.Link
		start_date: DF.Date
		status: DF.Literal["Planned", "In Progress", "Completed", "Suspended"]
		women_federation: DF.Link

	# end: auto-generated types
	def validate(self):
		self.validate_dates()
		self.validate_milestones()
		self.validate_co_leads()
		self.set_progress()

	def validate_dates(self):
		check(
			check_project_dates, self._date(self.start_date), self._date(self.end_date), exc=LedProjectError
		)

	def validate_milestones(self):
		start, end = self._date(self.start_date), self._date(self.end_date)
		for row in self.milestones:
			check(
				check_milestone_in_range,
				row.milestone_title,
				self._date(row.due_date),
				start,
				end,
				exc=LedProjectError,
			)

	def validate_co_leads(self):
		"""The lead is not her own co-lead, and nobody is listed twice."""
		seen, kept = {self.lead_executive}, []
		for row in self.co_leads:
			if row.federation_executive not in seen:
				seen.add(row.federation_executive)
				kept.append(row)
		self.co_leads = kept

	def set_progress(self):
		rows = self._milestone_rows()
		self.progress = progress(rows)
		self.next_milestone_due = next_milestone_due(rows)
		if self.milestones and self.progress == 100 and self.status in ("Planned", "In Progress"):
			self.status = "Completed"

	def onload(self):
		"""The form flags each overdue milestone (computed today, not stored)."""
		overdue = overdue_milestones(self._milestone_rows(), getdate(today()))
		self.set_onload("overdue_milestones", [row["name"] for row in overdue])

	def _milestone_rows(self):
		return [
			{"name": row.name, "due_date": self._date(row.due_date), "done_on": row.done_on}
			for row in self.milestones
			if row.due_date
		]

	@staticmethod
	def _date(value):
		return getdate(value) if value else None
