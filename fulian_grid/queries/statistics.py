"""The figures of the statistics reports and their Word export, counts and sums only.

Service Figures: the seed's service figures for a grid subtree and a period. Work Statistics
(工作统计): every figure of the seed's table for a subtree and period, one row per child node and a
total for the whole subtree, with organization counts (grid federations, women's groups) added.

Each figure applies `count_condition` (records the user may read, or any record where she is a
statistics viewer). Figures drawn from divorce counselling are sensitive: below the small-cell
threshold they are withheld from users who do not handle such cases there, with complementary
suppression (domain/suppression.py) over the user's whole scope, so that no withheld figure comes
back by subtraction from either report, or from either of them run on a parent or a child
subtree."""

import frappe
from frappe import _
from frappe.utils import add_months, getdate, today

from fulian_grid import settings, subtree
from fulian_grid.domain import msg
from fulian_grid.domain.projects import KEPT_TOGETHER, TRAINING_KINDS
from fulian_grid.domain.suppression import withheld_cells
from fulian_grid.permissions import UNSCOPED_USERS, assigned_paths, count_condition, counting_paths
from fulian_grid.queries.tree import top_nodes
from fulian_grid.reporting import column
from fulian_grid.roles import HANDLER_ROLES


def _in(values) -> str:
	return "(" + ", ".join(frappe.db.escape(v) for v in values) + ")"


# key, label, DocType, date condition, extra condition, value, detail, detail label, sensitive
FIGURES = (
	(
		"volunteer_teams",
		msg("Caring Volunteer Teams"),
		"Volunteer Team",
		"(t.founded_on is null or t.founded_on <= %(to)s)",
		"t.status = 'Active'",
		"count(*)",
		"sum(t.member_count)",
		msg("Members"),
		False,
	),
	(
		"chat_rooms",
		msg("Caring Chat Rooms"),
		"Service Point",
		None,
		"t.in_service = 1 and t.point_kind = 'Caring Chat Room'",
		"count(*)",
		None,
		None,
		False,
	),
	(
		"service_points",
		msg("Service Points (All Kinds)"),
		"Service Point",
		None,
		"t.in_service = 1",
		"count(*)",
		None,
		None,
		False,
	),
	(
		"led_projects",
		msg("Executive-led Projects"),
		"Led Project",
		"t.start_date <= %(to)s and t.end_date >= %(from)s",
		None,
		"count(*)",
		"sum(t.beneficiaries)",
		msg("Beneficiaries"),
		False,
	),
	(
		"guidance_sessions",
		msg("Family Education Guidance Sessions (0-3 Years)"),
		"Service Session",
		"t.session_date between %(from)s and %(to)s",
		"t.session_kind = 'Family Education Guidance (0-3 Years)'",
		"count(*)",
		"sum(t.attendance)",
		msg("Attendance"),
		False,
	),
	(
		"through_train_sessions",
		msg("Family Education Through Train Sessions"),
		"Service Session",
		"t.session_date between %(from)s and %(to)s",
		"t.session_kind = 'Family Education Through Train'",
		"count(*)",
		"sum(t.attendance)",
		msg("Attendance"),
		False,
	),
	(
		"families_selected",
		msg("Families Selected"),
		"Family Selection",
		"t.selection_year between %(from_year)s and %(to_year)s",
		None,
		"count(*)",
		None,
		None,
		False,
	),
	(
		"trainings",
		msg("Trainings (E-commerce, Practical Skills)"),
		"Service Session",
		"t.session_date between %(from)s and %(to)s",
		f"t.session_kind in {_in(TRAINING_KINDS)}",
		"count(*)",
		"sum(t.attendance)",
		msg("Participants"),
		False,
	),
	(
		"loans",
		msg("Loans for Women Entrepreneurs"),
		"Entrepreneurship Loan",
		"t.loan_date between %(from)s and %(to)s",
		None,
		"count(*)",
		"sum(t.loan_amount)",
		msg("Loan Amount"),
		False,
	),
	(
		"counselling_couples",
		msg("Couples Given Divorce-adjustment Counselling"),
		"Divorce Counselling",
		"t.counselling_date between %(from)s and %(to)s",
		None,
		"count(*)",
		None,
		None,
		True,
	),
	(
		"counselling_kept_together",
		msg("Of Whom Cancelled or Postponed the Registration"),
		"Divorce Counselling",
		"t.counselling_date between %(from)s and %(to)s",
		f"t.outcome in {_in(KEPT_TOGETHER)}",
		"count(*)",
		None,
		None,
		True,
	),
	(
		"volunteer_sessions",
		msg("Women's Volunteer Service Sessions"),
		"Volunteer Project",
		"s.session_date between %(from)s and %(to)s",
		None,
		"count(*)",
		"sum(s.beneficiaries)",
		"Beneficiaries",
		False,
	),
	(
		"relief",
		msg("Women and Children in Distress Helped"),
		"Distress Relief",
		"t.relief_date between %(from)s and %(to)s",
		None,
		"sum(t.person_times)",
		"count(*)",
		"Relief Records",
		False,
	),
)


def service_figures(filters) -> list[dict]:
	"""One row per figure for the subtree of `filters.governance_grid` (or everything readable)."""
	grid = filters.get("governance_grid")
	parent_path = subtree.readable_path(grid)
	totals = grouped_values(FIGURES, filters, parent_path)
	withheld = withheld_paths(FIGURES, filters)
	rows = []
	for key, label, doctype, *_rest, detail_label, _sensitive in FIGURES:
		value, detail = totals.get(key, {}).get(TOTAL, (0, None))
		row = frappe._dict(
			figure=key,
			label=_(label),
			value=value,
			detail=detail,
			detail_label=_(detail_label) if detail_label else "",
			source=_(doctype),
		)
		if (parent_path or "") in withheld.get(key, ()):
			row.update(value=None, detail=None, detail_label=_("Withheld: small-cell protection"))
		rows.append(row)
	return rows


TOTAL = None  # the group key of a whole subtree's figure


def grouped_values(figure_specs, filters, parent_path: str | None, by_child: bool = False) -> dict:
	"""{figure key: {group: (value, detail)}} in one GROUP BY per figure. A group is the tree path
	of the child node a record lies under (`by_child`), records on the parent itself under their
	own path; TOTAL always holds the whole subtree. Scoped by `count_condition`; a subtree is a
	range on the indexed `grid_path`, so no join to the tree is needed."""
	values = query_values(filters)
	result = {}
	for spec in figure_specs:
		key, _label, doctype = spec[:3]
		rows = frappe.db.sql(
			figure_sql(spec, count_condition(doctype, table="t"), parent_path, by_child), values
		)
		groups = result[key] = {TOTAL: (0, None)}
		for node, value, detail in rows:
			if node is not None:  # ungrouped, the one row is the total itself
				groups[node + subtree.PATH_SEPARATOR] = (value or 0, detail)
			total_value, total_detail = groups[TOTAL]
			groups[TOTAL] = (total_value + (value or 0), _add(total_detail, detail))
	return result


def query_values(filters) -> dict:
	to_date = getdate(filters.get("to_date") or today())
	from_date = getdate(filters.get("from_date") or add_months(to_date, -12))
	if from_date > to_date:
		frappe.throw(_("The start date cannot be after the end date"), title=_("Invalid input"))
	return {"from": from_date, "to": to_date, "from_year": from_date.year, "to_year": to_date.year}


def figure_sql(spec, scope: str, parent_path: str | None, by_child: bool) -> str:
	"""The GROUP BY of one figure; `scope` is the reader's condition ('' = everything)."""
	key, _label, doctype, period, extra, value_sql, detail_sql, *_rest = spec
	group = subtree.child_key_sql("t.grid_path", parent_path) if parent_path and by_child else "null"
	conditions = [scope, period, extra]
	if parent_path:
		conditions.append(subtree.condition(doctype, [parent_path], "t"))
	join = SESSIONS_JOIN if key == "volunteer_sessions" else ""
	return f"""select {group} as node, {value_sql}, {detail_sql or "null"}
		from `tab{doctype}` t {join}
		where {" and ".join(c for c in conditions if c) or "1=1"}
		group by node"""


SESSIONS_JOIN = "join `tabVolunteer Session` s on s.parent = t.name and s.parenttype = 'Volunteer Project'"


def _add(a, b):
	return b if a is None else a if b is None else a + b


def small_cell_threshold() -> int:
	"""The small-cell threshold (0 = nothing withheld; Administrator sees every figure)."""
	if frappe.session.user == "Administrator":
		return 0
	return settings.small_cell_threshold()


def withheld_paths(figure_specs, filters) -> dict[str, set[str]]:
	"""{sensitive figure key: tree paths whose figure is withheld} for the user, over her whole
	counting scope ("" is everything she counts). One pattern for every report and subtree she may
	run, so a figure withheld as a child row is withheld as a total too, and the other way round.
	Where she handles cases (a handler role assigned there) she sees the exact figures."""
	threshold = small_cell_threshold()
	if not threshold:
		return {}
	user = frappe.session.user
	handled = assigned_paths(user, set(HANDLER_ROLES) & set(frappe.get_roles(user)))
	values = query_values(filters)
	result = {}
	for spec in figure_specs:
		key, _label, doctype, period, extra, value_sql, *_rest = spec
		if not spec[-1]:
			continue
		if user not in UNSCOPED_USERS and all(
			subtree.within(path, handled) for path in counting_paths(doctype, user)
		):
			result[key] = set()  # she handles cases wherever she counts: nothing to withhold
			continue
		conditions = [count_condition(doctype, table="t"), period, extra]
		own = frappe.db.sql(
			f"""select coalesce(t.grid_path, ''), {value_sql} from `tab{doctype}` t
			where {" and ".join(c for c in conditions if c) or "1=1"}
			group by t.grid_path""",
			values,
		)
		counts: dict[str, int] = {}
		for path, value in own:
			counts[path] = counts.get(path, 0) + int(value or 0)
		result[key] = withheld_cells(counts, threshold, lambda path: subtree.within(path, handled))
	return result


# Organization counts, in the shape of FIGURES: key, label, DocType, period, condition, value, …
ORGANIZATION = (
	(
		"grid_federations",
		msg("Grid Federations"),
		"Women Federation",
		None,
		"t.federation_type = 'Grid Federation' and t.status = 'Active'",
		"count(*)",
		None,
		None,
		False,
	),
	(
		"women_groups",
		msg("Women Groups"),
		"Women Group",
		None,
		"t.status = 'Active'",
		"count(*)",
		None,
		None,
		False,
	),
)
# Mandatory reports (强制报告) by when the duty arose: sensitive (they are about minors), so small
# counts are withheld like counselling figures.
CASEWORK = (
	(
		"mandatory_reports",
		msg("Mandatory Reports"),
		"Infringement Report",
		"t.duty_arose_on >= %(from)s and t.duty_arose_on < %(to)s + interval 1 day",
		"t.mandatory_report = 1",
		"count(*)",
		None,
		None,
		True,
	),
	(
		"mandatory_reports_late",
		msg("Of Which Reached the Police Late"),
		"Infringement Report",
		"t.duty_arose_on >= %(from)s and t.duty_arose_on < %(to)s + interval 1 day",
		"t.mandatory_report = 1 and t.mandatory_report_late = 1",
		"count(*)",
		None,
		None,
		True,
	),
)
WORK_STATISTICS = (*ORGANIZATION, *FIGURES, *CASEWORK)


def work_statistics(filters) -> tuple[list[dict], list[dict]]:
	"""Work Statistics: columns, one row per child node of the subtree and a total row."""
	filters = frappe._dict(filters or {})
	parent = filters.get("governance_grid") or top_grid()
	if not parent:
		return work_statistics_columns(), []
	parent_path = subtree.readable_path(parent)
	children = frappe.get_list(
		"Governance Grid",
		filters={"parent_governance_grid": parent},
		fields=["name", "grid_name", "tree_path"],
		order_by="lft asc",
	)
	values = grouped_values(WORK_STATISTICS, filters, parent_path, by_child=True)
	withheld = withheld_paths(WORK_STATISTICS, filters)
	data = [
		row_for(child.name, child.grid_name, values, child.tree_path, withheld, child.tree_path)
		for child in children
	]
	total = row_for(parent, _("Total"), values, TOTAL, withheld, parent_path)
	total.is_total = 1
	return work_statistics_columns(), [*data, total]


def top_grid() -> str | None:
	"""Without a filter: the first grid the user may read from the top (the city for a city admin)."""
	roots = top_nodes("Governance Grid")
	return roots[0]["value"] if roots else None


def row_for(grid: str, label: str, values: dict, group, withheld: dict, path: str | None) -> frappe._dict:
	"""A row of figure values; a withheld sensitive figure (small, or its complement) is None."""
	row = frappe._dict(governance_grid=grid, grid_name=label)
	for key, *_middle in WORK_STATISTICS:
		value, detail = values[key].get(group, (0, None))
		hidden = (path or "") in withheld.get(key, ())
		row[key] = None if hidden else value
		if key in DETAIL_COLUMNS:
			row[DETAIL_COLUMNS[key][0]] = None if hidden else detail or 0
	return row


# Figures whose detail (a sum) is a figure of the seed's table too: the loans' amount.
DETAIL_COLUMNS = {"loans": ("loan_amount", msg("Loan Amount (Yuan)"))}


def figure_columns(figures, width: int) -> list[dict]:
	result = []
	for key, label, *_rest in figures:
		result.append(column(key, _(label), width=width))
		if key in DETAIL_COLUMNS:
			fieldname, detail_label = DETAIL_COLUMNS[key]
			result.append(column(fieldname, _(detail_label), "Float", width, precision=0))
	return result


def work_statistics_columns():
	return [
		column("governance_grid", _("Governance Grid"), "Link", 130, options="Governance Grid"),
		column("grid_name", _("Grid Name"), "Data", 150),
		*figure_columns(ORGANIZATION, 130),
		*figure_columns(FIGURES, 150),
		*figure_columns(CASEWORK, 150),
	]
