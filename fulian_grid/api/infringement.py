"""Infringement reports: appendix C drawn from the live workflow, and a report opened from a visit."""

import frappe
from frappe import _
from frappe.model.mapper import get_mapped_doc
from frappe.model.workflow import get_workflow_name
from frappe.utils import now_datetime

from fulian_grid import vault
from fulian_grid.domain.flowchart import flowchart_svg
from fulian_grid.privacy import log_access, may_reveal


@frappe.whitelist()
def flow_chart() -> str:
	"""SVG of the active workflow of Infringement Report, as it stands (edits included)."""
	frappe.has_permission("Infringement Report", "read", throw=True)
	name = get_workflow_name("Infringement Report")
	if not name:
		frappe.throw(_("No active workflow for {0}").format(_("Infringement Report")))
	workflow = frappe.get_doc("Workflow", name)
	states = list(dict.fromkeys(row.state for row in workflow.states))
	transitions = [
		{"state": t.state, "action": t.action, "next_state": t.next_state, "allowed": t.allowed}
		for t in workflow.transitions
	]
	texts = {*states, *(t["action"] for t in transitions), *(t["allowed"] for t in transitions)}
	return flowchart_svg(
		_("Discovery and Report Flow"), states, merge_roles(transitions), {t: _(t) for t in texts}
	)


def merge_roles(transitions: list[dict]) -> list[dict]:
	"""One arrow per (state, action, next state), its roles joined: the chart reads like the form."""
	merged: dict[tuple, dict] = {}
	for t in transitions:
		key = (t["state"], t["action"], t["next_state"])
		if key in merged:
			merged[key]["allowed"] += "、" + _(t["allowed"])
		else:
			merged[key] = dict(t, allowed=_(t["allowed"]))
	return list(merged.values())


@frappe.whitelist()
def make_from_home_visit(source_name: str, target_doc=None):
	"""A new infringement report prefilled from a home visit (grid, visitor, ledger entry)."""

	def set_defaults(source, target):
		target.source = "Home Visit"
		target.discovered_at = now_datetime()
		target.discovered_by = source.federation_executive
		if may_reveal(source):  # the visitor's own findings start the description
			findings = vault.record_identities(source.doctype, source.name)["fields"].get("findings")
			if findings:
				target.description = findings
				log_access("Reveal", source.doctype, source.name, ["findings"], grid=source.governance_grid)

	return get_mapped_doc(
		"Home Visit",
		source_name,
		{
			"Home Visit": {
				"doctype": "Infringement Report",
				"field_map": {"name": "home_visit"},
				"field_no_map": ["address", "household", "findings", "amended_from"],
			}
		},
		target_doc,
		set_defaults,
	)


@frappe.whitelist()
def make_from_police_warning(source_name: str, target_doc=None):
	"""A new infringement report started by a police warning (告诫书): its grid, the police as the
	source, and for a handler the warning's account and the victim's name."""

	def set_defaults(source, target):
		target.source = "Police"
		target.discovered_at = now_datetime()
		target.police_report_recorded = 1
		target.police_report_on = source.issued_on
		target.police_report_reference = source.warning_number
		values = {}
		if may_reveal(source):
			values = vault.record_identities(source.doctype, source.name)["fields"]
			log_access("Reveal", source.doctype, source.name, sorted(values), grid=source.governance_grid)
		target.description = values.get("warning_content")
		target.suspect = values.get("respondent_name")
		target.append("victims", {"victim_name": values.get("victim_name")})

	return get_mapped_doc(
		"Police Warning",
		source_name,
		{
			"Police Warning": {
				"doctype": "Infringement Report",
				"field_map": {"name": "police_warning"},
				"field_no_map": ["respondent_name", "victim_name", "warning_content", "infringement_report"],
			}
		},
		target_doc,
		set_defaults,
	)
