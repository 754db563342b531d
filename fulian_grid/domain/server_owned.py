"""Fields the server owns (plain data, no frappe import): what the controllers compute, the
workflow moves or the tree numbers — never what a client sends.

One declaration for the whole app; `fulian_grid/server_owned.py` refuses a client's change to any of
them on every write path (REST, `frappe.client`, desk save, bulk edit, `run_doc_method`, Data
Import), before the controller recomputes them. `ANY_DOCTYPE` fields apply to every app DocType that
has them. Besides these, the workflow state field of a DocType under a workflow, and the fields its
states update, change only through a workflow action. Masked copies of identity fields belong to
the vault (vault.py), which writes them itself."""

ANY_DOCTYPE = "*"

SERVER_OWNED: dict[str, tuple[str, ...]] = {
	# every scoped record carries its grid's tree path (permissions.stamp_grid_path)
	ANY_DOCTYPE: ("grid_path",),
	# nested-set numbers and tree path steer scope, dispatch and escalation
	"Governance Grid": ("lft", "rgt", "old_parent", "tree_path"),
	# the clocks of appendix C: milestones stamped on transitions, deadlines, escalations
	"Infringement Report": (
		"reported_at",
		"verified_at",
		"first_service_at",
		"closed_at",
		"report_due",
		"verification_due",
		"service_due",
		"is_overdue",
		"reported_on_time",
		"victim_count",
		"escalations",
		"mandatory_report_late",
	),
	# the court's clock and the order's end (domain/casework.py), and what the daily alerts told
	"Protection Order": (
		"victim_label",
		"status",
		"decision_due",
		"is_overdue",
		"expires_on",
		"decision_overdue_notified",
		"expiry_notified_for",
	),
	"Police Warning": ("last_follow_up_on", "next_follow_up_due", "is_overdue", "overdue_notified_for"),
	"Consent Record": ("status",),
	"Case Referral": ("consent_withdrawn",),
	"Impact Assessment": ("next_review_due", "review_overdue", "keep_until", "review_notified_for"),
	"Data Subject Request": ("due_on", "is_overdue", "overdue_notified"),
	"Retention Run": ("status", "retention_years", "cutoff", "record_count", "deidentified_at", "items"),
	"Screening Ledger": ("next_visit_due", "last_visit_on", "is_minor", "birth_year", "overdue_notified_for"),
	"Led Project": ("progress", "next_milestone_due"),
	"Service Request": ("status", "taken_by_team", "taken_by", "taken_on", "closed_on", "notified_teams"),
	"Federation Executive": ("two_way_post_count",),
	"Duty Evaluation": ("base_score", "total_additions", "total_deductions", "total_score", "grade"),
	"Duty Report": ("evidence_summary",),
	"Deliberation Record": ("total_headcount",),
	"Executive Committee Meeting": ("attended_count",),
	"Training Session": ("attendee_count",),
	"Distress Relief": ("person_times",),
	"Volunteer Project": ("session_count", "participant_count", "total_hours", "beneficiaries"),
	"Volunteer Team": ("member_count",),
	"Women Group": ("member_count",),
	"Service Point": ("signage_complete",),
}


def declared(doctype: str, fieldnames) -> tuple[str, ...]:
	"""The server-owned fields of `doctype` among `fieldnames` (its fields)."""
	present = set(fieldnames)
	return tuple(f for f in (*SERVER_OWNED.get(doctype, ()), *SERVER_OWNED[ANY_DOCTYPE]) if f in present)
