"""The appendix-D ledger rows, shared by the Screening Ledger Register report and its .docx.

Applies the per-grid scope itself (Frappe does not for Script Reports) and shows identities in
full only on rows whose identity the reader may see (privacy.identity_rule), read from the vault
and logged; masked copies elsewhere."""

from collections import defaultdict

import frappe
from frappe import _
from frappe.utils import getdate

from fulian_grid import subtree, vault
from fulian_grid.permissions import scope_condition
from fulian_grid.privacy import identity_rule, log_access

IDENTITY_COLUMNS = ("subject_name", "id_number", "phone", "address", "findings", "help_measures")


def ledger_rows(filters) -> list:
	"""Ledger entries in the reader's scope, in the subtree of `filters.governance_grid`, screened
	within [from_date, to_date], identity columns chosen per row."""
	conditions = [scope_condition("Screening Ledger", table="l") or "1=1"]
	values = {}
	if path := subtree.readable_path(filters.get("governance_grid")):
		conditions.append(subtree.condition("Screening Ledger", [path], table="l"))
	for key, operator in (("from_date", ">="), ("to_date", "<=")):
		if filters.get(key):
			conditions.append(f"l.screened_on {operator} %({key})s")
			values[key] = getdate(filters[key])
	if filters.get("status"):
		conditions.append("l.status = %(status)s")
		values["status"] = filters.status
	rows = frappe.db.sql(
		f"""select l.name, g.grid_name, l.grid_path, l.gender, l.birth_year, l.risk_level, l.findings,
			l.help_measures, l.last_visit_on, l.next_visit_due, l.screened_on, l.status,
			l.subject_name, l.id_number, l.phone, l.address, screener.full_name as screened_by_name,
			keeper.user as responsible_user
		from `tabScreening Ledger` l
		join `tabGovernance Grid` g on g.name = l.governance_grid
		left join `tabFederation Executive` screener on screener.name = l.screened_by
		left join `tabFederation Executive` keeper on keeper.name = l.responsible_executive
		where {" and ".join(conditions)}
		order by g.lft, l.screened_on, l.name""",
		values,
		as_dict=True,
	)
	categories = defaultdict(list)
	for row in frappe.get_all(
		"Screening Ledger Category",
		filters={"parenttype": "Screening Ledger", "parent": ("in", [r.name for r in rows])},
		fields=["parent", "key_group_category"],
		order_by="idx",
	):
		categories[row.parent].append(row.key_group_category)
	may_see = identity_rule("Screening Ledger")
	revealed = [row.name for row in rows if may_see(row)]
	if revealed:
		values = vault.values_of("Screening Ledger", revealed, (*IDENTITY_COLUMNS, "birth_date"))
		for row in rows:
			row.update(values.get(row.name, {}))
		log_access(
			"Export",
			"Screening Ledger",
			fields=IDENTITY_COLUMNS,
			count=len(revealed),
			grid=filters.get("governance_grid"),
		)
	for row in rows:
		row.birth_date = row.get("birth_date") or (f"{row.birth_year}年" if row.birth_year else "")
		row.category_list = categories[row.name]
		row.follow_up = _("Last visit {0}, next due {1}").format(
			row.last_visit_on or "-", row.next_visit_due or "-"
		)
	return rows
