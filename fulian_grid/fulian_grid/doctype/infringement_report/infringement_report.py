# Copyright (c) 2026, fulian_grid developers
# License: MIT. See LICENSE
"""Discovery-and-report of infringements against women and children (standard appendix C).

The workflow (setup/workflows/infringement_report.json, editable in the Workflow builder) moves
the case; this controller enforces on the server what the workflow implies, records the clocks'
milestones and computes the deadlines (domain/clocks.py)."""

import frappe
from frappe import _
from frappe.model.workflow import get_workflow_name
from frappe.utils import add_to_date, cint, get_datetime, now_datetime

from fulian_grid import settings, subtree, tree_paths
from fulian_grid.domain import DomainError
from fulian_grid.domain.casework import check_mandatory_report, mandatory_report_late
from fulian_grid.domain.clocks import STAGES, deadline, pending_escalations
from fulian_grid.permissions import roles_here, users_assigned_at
from fulian_grid.privacy import SensitiveDocument
from fulian_grid.utils import throw

MAX_AGE = 130  # a victim's age in years; 0 means unknown
READ_ONLY_STATES = ("Closed", "Rejected", "Duplicate Case")
# The milestone a state reaches, stamped the first time the case enters it.
MILESTONES = {
	"Reported": "reported_at",
	"Verified": "verified_at",
	"In Service": "first_service_at",
	"Closed": "closed_at",
}


class InfringementReportError(frappe.ValidationError):
	pass


class LockedReportError(frappe.ValidationError):
	pass


class MandatoryReportError(frappe.ValidationError):
	pass


class InfringementReport(SensitiveDocument):
	# begin: auto-generated types
	# This code is auto-generated. Do not modify anything in this block.

	from typing import TYPE_CHECKING

	if TYPE_CHECKING:
		from frappe.types import DF

		from fulian_grid.fulian_grid.doctype.infringement_concern.infringement_concern import (
			InfringementConcern,
		)
		from fulian_grid.fulian_grid.doctype.infringement_escalation.infringement_escalation import (
			InfringementEscalation,
		)
		from fulian_grid.fulian_grid.doctype.infringement_service_action.infringement_service_action import (
			InfringementServiceAction,
		)
		from fulian_grid.fulian_grid.doctype.infringement_victim.infringement_victim import InfringementVictim

		closed_at: DF.Datetime | None
		closure_review: DF.SmallText | None
		concern_items: DF.TableMultiSelect[InfringementConcern]
		consent_given_by: DF.Data | None
		consent_on: DF.Date | None
		description: DF.Text
		discovered_at: DF.Datetime
		discovered_by: DF.Link | None
		duty_arose_on: DF.Datetime | None
		duty_holder: DF.Data | None
		duty_holder_kind: DF.Literal["", "School", "Hospital", "Community", "Other"]
		escalations: DF.Table[InfringementEscalation]
		first_service_at: DF.Datetime | None
		governance_grid: DF.Link
		grid_path: DF.Data | None
		home_visit: DF.Link | None
		is_overdue: DF.Check
		legal_basis: DF.Literal["Statutory Duty", "Consent", "Emergency"]
		mandatory_report: DF.Check
		mandatory_report_late: DF.Check
		mandatory_reporter_name: DF.Data | None
		police_report_on: DF.Datetime | None
		police_report_recorded: DF.Check
		police_report_reference: DF.Data | None
		police_warning: DF.Link | None
		report_due: DF.Datetime | None
		reported_at: DF.Datetime | None
		reported_on_time: DF.Check
		reporter_confidential: DF.Check
		screening_ledger: DF.Link | None
		service_actions: DF.Table[InfringementServiceAction]
		service_due: DF.Datetime | None
		source: DF.Literal["Home Visit", "Walk-in", "Hotline", "Police", "School", "Hospital", "Other"]
		status: DF.Literal[
			"Draft", "Reported", "Verified", "In Service", "Referred", "Closed", "Rejected", "Duplicate Case"
		]
		suspect: DF.SmallText | None
		urgency: DF.Literal["Immediate Danger", "Urgent", "Normal"]
		verification_due: DF.Datetime | None
		verified_at: DF.Datetime | None
		victim_count: DF.Int
		victim_feedback: DF.SmallText | None
		victims: DF.Table[InfringementVictim]
		workflow_state: DF.Link | None

	# end: auto-generated types
	def drafted_by(self, user: str) -> bool:
		"""The reporter corrects what she entered while the report is a draft (she does not see it
		again once saved, unless she handles the grid)."""
		return self.owner == user and (self.workflow_state or "Draft") == "Draft"

	def validate(self):
		self.validate_not_locked()
		self.validate_discovery_time()
		self.validate_concern_items()
		self.validate_victims()
		self.record_milestones()
		self.validate_mandatory_police_report()
		self.validate_police_report_time()
		self.validate_mandatory_report()
		self.validate_closure()
		self.set_deadlines()

	def after_insert(self):
		self.join_police_warning()

	def on_update(self):
		self.carry_casework()

	def carry_casework(self):
		"""Moved to another grid (Move to Another Grid): its casework records follow it."""
		before = self.get_doc_before_save()
		if before and before.governance_grid != self.governance_grid:
			tree_paths.carry_followers(self, before.governance_grid)

	def join_police_warning(self):
		"""A report started by a police warning is the report that warning joins."""
		if not self.police_warning:
			return
		warning = frappe.get_doc("Police Warning", self.police_warning)
		if warning.infringement_report or warning.governance_grid != self.governance_grid:
			frappe.throw(
				_("Police warning {0} already joins a report or lies in another grid").format(warning.name),
				InfringementReportError,
			)
		warning.check_permission("write")
		warning.infringement_report = self.name
		warning.save()

	@property
	def previous_state(self) -> str | None:
		before = self.get_doc_before_save()
		return before.workflow_state if before else None

	@property
	def is_transition(self) -> bool:
		return not self.is_new() and self.previous_state != self.workflow_state

	def validate_not_locked(self):
		"""The desk hides fields a state locks; REST does not. Outside a transition, a save is an
		edit of the current state: only its editing roles may make it, and never in a closed case."""
		if self.is_new() or self.is_transition or self.flags.system_update:
			return
		state = self.workflow_state or "Draft"
		if state in READ_ONLY_STATES:
			frappe.throw(
				_("This report is {0} and read-only until it is reopened").format(_(state)), LockedReportError
			)
		editors = set(
			frappe.get_all(
				"Workflow Document State",
				filters={"parent": get_workflow_name(self.doctype), "state": state},
				pluck="allow_edit",
			)
		)
		if frappe.session.user != "Administrator" and not editors & roles_here(self.governance_grid):
			frappe.throw(
				_("Your role cannot edit a report in the {0} stage").format(_(state)), LockedReportError
			)

	def validate_discovery_time(self):
		discovered = get_datetime(self.discovered_at)
		if discovered > now_datetime():
			frappe.throw(_("The discovery time cannot be in the future"), InfringementReportError)
		if self.reported_at and get_datetime(self.reported_at) < discovered:
			frappe.throw(_("The report time cannot be before the discovery time"), InfringementReportError)

	def validate_concern_items(self):
		names = [row.concern_item for row in self.concern_items]
		enabled = set(
			frappe.get_all("Concern Item", filters={"name": ("in", names), "enabled": 1}, pluck="name")
		)
		if unknown := [name for name in names if name not in enabled]:
			frappe.throw(
				_("Unknown or disabled concern item: {0}").format(", ".join(unknown)), InfringementReportError
			)

	def validate_victims(self):
		for victim in self.victims:
			if not 0 <= cint(victim.age) <= MAX_AGE:
				frappe.throw(
					_("Row {0}: the age must be between 0 and {1}").format(victim.idx, MAX_AGE),
					InfringementReportError,
				)
			if victim.age and victim.age < 18:  # 0 means unknown; tick Minor by hand for an infant
				victim.is_minor = 1
		self.victim_count = len(self.victims)

	def record_milestones(self):
		if not self.is_transition:
			return
		field = MILESTONES.get(self.workflow_state)
		if field and not self.get(field):
			self.set(field, now_datetime())
		if self.previous_state == "Closed":  # reopened
			self.closed_at = None

	def validate_mandatory_police_report(self):
		"""Anti-Domestic Violence Law arts. 13–14: a minor or a victim lacking capacity, in a domestic
		violence or sexual assault case, is reported to the police before the case is verified."""
		if not (self.is_transition and self.workflow_state == "Verified") or self.police_report_recorded:
			return
		vulnerable = any(v.is_minor or v.lacks_capacity for v in self.victims)
		categories = {
			frappe.db.get_value("Concern Item", row.concern_item, "concern_category")
			for row in self.concern_items
		}
		mandatory = frappe.get_all(
			"Concern Category",
			filters={"name": ("in", list(categories)), "mandatory_report": 1},
			pluck="name",
		)
		if vulnerable and mandatory:
			frappe.throw(
				_(
					"A police report must be recorded before verification: {0} involving a minor or a victim lacking capacity"
				).format(", ".join(_(c) for c in mandatory)),
				MandatoryReportError,
			)

	def validate_police_report_time(self):
		"""The form asks for the time once a police report is recorded (mandatory_depends_on);
		REST and imports skip the form, so the server asks too."""
		if self.police_report_recorded and not self.police_report_on:
			frappe.throw(_("Enter when the report reached the police"), InfringementReportError)

	def validate_mandatory_report(self):
		"""A report made under the duty to report (强制报告): its clock from when the duty arose to
		when the report reached the police (domain/casework.py)."""
		if not self.mandatory_report:
			self.mandatory_report_late = 0
			return
		needed = ("duty_holder_kind", "duty_holder", "mandatory_reporter_name", "duty_arose_on")
		if missing := [_(self.meta.get_label(field)) for field in needed if not self.get(field)]:
			frappe.throw(
				_("A mandatory report needs: {0}").format("、".join(missing)), InfringementReportError
			)
		arose = get_datetime(self.duty_arose_on)
		reported = get_datetime(self.police_report_on) if self.police_report_on else None
		try:
			check_mandatory_report(arose, reported, now_datetime())
		except DomainError as error:
			throw(error, InfringementReportError)
		self.mandatory_report_late = int(
			mandatory_report_late(arose, reported, now_datetime(), settings.mandatory_report_hours())
		)

	def validate_closure(self):
		if self.is_transition and self.workflow_state == "Closed" and not self.closure_review:
			frappe.throw(_("Write the closure review before closing the report"), InfringementReportError)

	def set_deadlines(self):
		hours = settings.stage_hours()
		starts = {"report": self.discovered_at, "verification": self.reported_at, "service": self.verified_at}
		dues = {}
		for stage in STAGES:
			try:
				dues[stage] = (
					deadline(get_datetime(starts[stage]), self.urgency, hours[stage])
					if starts[stage]
					else None
				)
			except DomainError as error:
				throw(error, InfringementReportError)
		self.report_due, self.verification_due, self.service_due = (
			dues["report"],
			dues["verification"],
			dues["service"],
		)
		ends = {
			"report": self.reported_at,
			"verification": self.verified_at,
			"service": self.first_service_at,
		}
		self.reported_on_time = int(
			bool(self.reported_at and get_datetime(self.reported_at) <= dues["report"])
		)
		now = now_datetime()
		self.is_overdue = int(
			self.workflow_state not in READ_ONLY_STATES
			and any(dues[s] and not ends[s] and now > dues[s] for s in STAGES)
		)


OPEN_STATES = ("Draft", "Reported", "Verified")
ESCALATION_ROLES = ("Fulian Officer", "Fulian Admin")


ESCALATION_SAVEPOINT = "fulian_escalation"


def escalate_overdue_reports(now=None) -> int:
	"""Hourly: escalate each overdue stage one level further up the tree per elapsed deadline
	period (township, county, city), telling that level's officers; never twice for the same
	stage and level. Returns the number of escalations made.

	Each report is escalated inside a savepoint: a report a user changed while the job ran (its
	save would overwrite her change, so Frappe refuses it as modified) is left whole — neither its
	ToDos nor its rows — for the next run, and the other reports' escalations stand. Before, one
	such meeting rolled the whole run back."""
	now = get_datetime(now or now_datetime())
	hours = settings.stage_hours()
	made = 0
	for name in frappe.get_all("Infringement Report", filters={"status": ("in", OPEN_STATES)}, pluck="name"):
		report = frappe.get_doc("Infringement Report", name)
		done = {(row.stage.lower(), row.level) for row in report.escalations}
		milestones = {
			field: get_datetime(report.get(field)) if report.get(field) else None
			for field in ("discovered_at", "reported_at", "verified_at", "first_service_at")
		}
		pending = pending_escalations(milestones, report.urgency, hours, now, done)
		if pending:
			frappe.db.savepoint(ESCALATION_SAVEPOINT)
		for stage, level, due in pending:
			grid = subtree.ancestor_at_level(report.governance_grid, level)
			users = users_assigned_at(grid, ESCALATION_ROLES) if grid else []
			for user in users:
				frappe.get_doc(
					{
						"doctype": "ToDo",
						"allocated_to": user,
						"reference_type": "Infringement Report",
						"reference_name": report.name,
						"priority": "High",
						"description": _(
							"Infringement report {0} is overdue at the {1} stage (deadline {2})"
						).format(report.name, _(stage.title()), due),
					}
				).insert(ignore_permissions=True)
			report.append(
				"escalations",
				{
					"escalated_at": now,
					"stage": stage.title(),
					"level": level,
					"governance_grid": grid,
					"deadline": due,
					"notified": ", ".join(users),
				},
			)
		if pending:
			report.flags.system_update = True
			try:
				report.save(ignore_permissions=True)
			except frappe.TimestampMismatchError:
				frappe.db.rollback(save_point=ESCALATION_SAVEPOINT)  # changed by a user meanwhile
				frappe.clear_last_message()
				continue
			made += len(pending)
	return made


def flag_late_mandatory_reports(now=None) -> int:
	"""Daily: a mandatory report not yet at the police when its hours have passed is late, though
	nobody saved it since. Returns how many were flagged."""
	now = get_datetime(now or now_datetime())
	late = frappe.get_all(
		"Infringement Report",
		filters={
			"mandatory_report": 1,
			"mandatory_report_late": 0,
			"police_report_on": ("is", "not set"),
			"duty_arose_on": ("<", add_to_date(now, hours=-settings.mandatory_report_hours())),
		},
		pluck="name",
	)
	for name in late:
		frappe.db.set_value("Infringement Report", name, "mandatory_report_late", 1, update_modified=False)
	return len(late)
