"""THE per-grid access rule, for every grid-scoped DocType (hooks.py lists them).

A user may read or change a record only when the record's governance grid lies in the subtree of a
grid where the user holds an active Grid Role Assignment of a role that grants that right on the
DocType. A role's rights apply only in the subtree it was assigned for. Frappe's role permissions
still decide *which* DocTypes and fields a role may touch; this module decides *where*.

Subtrees are tree paths, asked through subtree.py: every grid node carries its path and every scoped
record carries its grid's path (`grid_path`, indexed). A record is in scope when its path starts with the
path of a grid where the role was assigned, so a list query filters one indexed column of one table
by a few prefix ranges — never by long IN lists, and with a plan that does not hinge on join
statistics. Paths do not move when nodes are added; a moved node re-stamps its own subtree.
"""

from contextlib import contextmanager

import frappe
from frappe.utils import nowdate

from fulian_grid import subtree
from fulian_grid.subtree import GRID, PATH_FIELD, outermost_paths, within, within_or_above

SCOPE_FIELD = "governance_grid"
# Users that see everything. System Managers administer access (assignments, the tree root) but do
# not see grid data unless they assign themselves a role, which then leaves a record.
UNSCOPED_USERS = ("Administrator",)
WRITE_PTYPES = ("write", "create", "delete", "submit", "cancel", "amend")
# An executive sits on her federation's node and serves the grids below it: whoever reads in a
# grid also reads (never writes) the executives placed on the nodes above it — a grid worker
# records the visits her community's executives make.
READ_FROM_BELOW = {"Federation Executive"}
DENY = "1=0"


def granting_roles(doctype: str, ptype: str) -> set[str]:
	"""Roles whose level-0 permission on `doctype` grants `ptype` (Custom DocPerm included)."""
	wanted = ("read", "select") if ptype in ("read", "select") else (ptype,)
	return {
		perm.role
		for perm in frappe.get_meta(doctype).permissions
		if not perm.permlevel and any(perm.get(p) for p in wanted)
	}


def _active(assignment):
	"""Enabled assignments valid today: expired ones stop working without anyone touching them."""
	today = nowdate()
	return (
		(assignment.enabled == 1)
		& (assignment.valid_from.isnull() | (assignment.valid_from <= today))
		& (assignment.valid_to.isnull() | (assignment.valid_to >= today))
	)


ASSIGNMENT_CACHE = "fulian_grid:assignment_paths"


def assigned_paths(user: str, roles) -> list[str]:
	"""Tree paths of the grids where `user` holds an active assignment of `roles` (outermost only)."""
	by_role = _assignment_paths(user)
	return outermost_paths(path for role in roles for path in by_role.get(role, ()))


def _active_assignments():
	"""(assignment, grid, query): the active Grid Role Assignments joined to their grid's node."""
	assignment = frappe.qb.DocType("Grid Role Assignment")
	grid = frappe.qb.DocType(GRID)
	query = frappe.qb.from_(assignment).join(grid).on(grid.name == assignment.governance_grid)
	return assignment, grid, query.where(_active(assignment))


def _assignment_paths(user: str) -> dict[str, list[str]]:
	"""{role: [tree paths]} of the user's active assignments, cached per user and day (validity is
	by date). Paths do not move when nodes are added, so the cache is cleared only when an
	assignment changes or a node moves (clear_assignment_cache)."""
	key = f"{user}|{nowdate()}"
	cached = frappe.cache.hget(ASSIGNMENT_CACHE, key)
	if cached is not None:
		return cached
	assignment, grid, active = _active_assignments()
	rows = active.select(assignment.role, grid.tree_path).where(assignment.user == user).run()
	by_role: dict[str, list[str]] = {}
	for role, path in rows:
		if path:
			by_role.setdefault(role, []).append(path)
	frappe.cache.hset(ASSIGNMENT_CACHE, key, by_role)
	return by_role


def clear_assignment_cache(*args, **kwargs):
	"""Forget every user's assignment paths, now and again if the transaction rolls back."""
	frappe.cache.delete_value(ASSIGNMENT_CACHE)
	frappe.db.after_rollback.add(lambda: frappe.cache.delete_value(ASSIGNMENT_CACHE))


def users_assigned_at(grid: str, roles) -> list[str]:
	"""Users holding an active assignment of `roles` on exactly this grid node."""
	assignment = frappe.qb.DocType("Grid Role Assignment")
	users = (
		frappe.qb.from_(assignment)
		.select(assignment.user)
		.distinct()
		.where((assignment.governance_grid == grid) & assignment.role.isin(list(roles)) & _active(assignment))
	).run(pluck=True)
	return sorted(users)


def user_paths(user: str, doctype: str, ptype: str = "read") -> list[str]:
	return assigned_paths(user, granting_roles(doctype, ptype) & set(frappe.get_roles(user)))


def list_paths(user: str, doctype: str) -> list[str]:
	"""Read scope of list queries: where the user holds a role that reads `doctype`. Identity
	columns hold only masked copies (vault.py), so a list never shows more than a record would."""
	return user_paths(user, doctype, "read")


def scope_condition(doctype: str, user: str | None = None, table: str | None = None) -> str:
	"""SQL condition restricting `doctype` rows to the user's read scope ('' = unrestricted).

	`table` is the alias or quoted table name the caller's query uses for `doctype`. Script
	reports and exports built on raw queries must add this themselves: Frappe applies it only
	to `frappe.get_list`."""
	user = user or frappe.session.user
	if user in UNSCOPED_USERS:
		return ""
	paths = list_paths(user, doctype)
	if doctype in READ_FROM_BELOW and not frappe.local.flags.get("fulian_counting_own_subtrees"):
		return subtree.condition_or_above(doctype, paths, table)
	return subtree.condition(doctype, paths, table)


@contextmanager
def counting_own_subtrees():
	"""Counts (number cards) are of the records in the user's own subtrees: the executives above
	her grid, which she reads to record their visits, are not hers to count."""
	frappe.local.flags.fulian_counting_own_subtrees = True
	try:
		yield
	finally:
		frappe.local.flags.fulian_counting_own_subtrees = False


COUNTING_ROLE = "Fulian Viewer"


def count_condition(doctype: str, user: str | None = None, table: str | None = None) -> str:
	"""SQL condition for statistics, which return counts and sums, never rows: the records the user
	may read, plus everything in the subtrees where she is a statistics viewer ('' = unrestricted).
	So a viewer counts divorce-counselling records she may not open."""
	user = user or frappe.session.user
	if user in UNSCOPED_USERS:
		return ""
	return subtree.condition(doctype, counting_paths(doctype, user), table)


def counting_paths(doctype: str, user: str) -> list[str]:
	"""The tree paths of the subtrees whose records of `doctype` the user counts."""
	roles = (granting_roles(doctype, "read") | {COUNTING_ROLE}) & set(frappe.get_roles(user))
	return assigned_paths(user, roles)


def query_conditions(user: str | None = None, doctype: str | None = None) -> str:
	"""permission_query_conditions hook: list, count, link search, report view, export."""
	return scope_condition(doctype, user)


def has_permission(doc, ptype: str = "read", user: str | None = None, debug: bool = False) -> bool | None:
	"""has_permission hook: agrees with `query_conditions` for reads, and guards writes on both the
	stored grid and the new one, so a record cannot be pulled into (or pushed out of) scope."""
	user = user or frappe.session.user
	if user in UNSCOPED_USERS:
		return True
	grids = _grids_to_check(doc, ptype)
	if grids is None:
		return None  # nothing to place yet: role permissions and mandatory checks decide
	if not grids:
		return "System Manager" in frappe.get_roles(user)  # a new root node of the tree
	paths = subtree.paths_of(grids)
	prefixes = user_paths(user, doc.doctype, ptype)
	if doc.doctype in READ_FROM_BELOW and ptype in ("read", "select"):
		return all(within_or_above(paths[grid], prefixes) for grid in grids if grid in paths)
	return all(within(paths[grid], prefixes) for grid in grids if grid in paths)


def _grids_to_check(doc, ptype: str) -> set[str] | None:
	is_new = doc.is_new() if hasattr(doc, "is_new") else not doc.get("creation")
	writing = ptype in WRITE_PTYPES
	if doc.doctype == GRID:
		grids = set() if is_new else {doc.name}
		parent = doc.get("parent_governance_grid")
		if (
			writing
			and parent
			and (is_new or frappe.db.get_value(GRID, doc.name, "parent_governance_grid") != parent)
		):
			grids.add(parent)  # creating or moving a node needs rights where it lands
		return grids
	grids = {doc.get(SCOPE_FIELD)} - {None, ""}
	if writing and not is_new:
		if stored := frappe.db.get_value(doc.doctype, doc.name, SCOPE_FIELD):
			grids.add(stored)
	return grids or None


def assignment_has_permission(doc, ptype: str = "read", user: str | None = None, debug: bool = False):
	"""Grid Role Assignment: System Managers manage access everywhere; Fulian Admins within scope."""
	user = user or frappe.session.user
	if user in UNSCOPED_USERS or "System Manager" in frappe.get_roles(user):
		return True
	return has_permission(doc, ptype, user)


def assignment_query_conditions(user: str | None = None, doctype: str | None = None) -> str:
	user = user or frappe.session.user
	if "System Manager" in frappe.get_roles(user):
		return ""
	return scope_condition("Grid Role Assignment", user)


def settings_has_permission(doc, ptype: str = "read", user: str | None = None, debug: bool = False):
	"""Fulian Settings are city-wide: only an admin assigned at a root node may change them."""
	user = user or frappe.session.user
	if ptype in ("read", "select", "print") or user in UNSCOPED_USERS:
		return None
	if "System Manager" in frappe.get_roles(user):
		return True
	return _at_a_root(user_paths(user, "Fulian Settings", ptype))


def _at_a_root(paths) -> bool:
	roots = frappe.get_all(GRID, filters={"parent_governance_grid": ("is", "not set")}, pluck="tree_path")
	return bool(set(roots) & set(paths))


def is_city_admin(user: str | None = None) -> bool:
	"""A Fulian Admin assigned at the top of the tree (city-wide duties: retention)."""
	user = user or frappe.session.user
	if user in UNSCOPED_USERS:
		return True
	return "Fulian Admin" in frappe.get_roles(user) and _at_a_root(assigned_paths(user, ("Fulian Admin",)))


def retention_has_permission(doc, ptype: str = "read", user: str | None = None, debug: bool = False):
	"""Retention runs list records of every grid: city admins only."""
	return is_city_admin(user)


def retention_query_conditions(user: str | None = None, doctype: str | None = None) -> str:
	return "" if is_city_admin(user) else DENY


def roles_here(grid: str | None, user: str | None = None) -> set[str]:
	"""The app roles `user` holds through active assignments whose subtree contains `grid`: the
	roles that count for a record placed there (a chair elsewhere is no chair here)."""
	return roles_at_path(subtree.path_of(grid), user)


def roles_at_path(path: str | None, user: str | None = None) -> set[str]:
	"""`roles_here` for a record's stamped tree path (one query fewer)."""
	user = user or frappe.session.user
	if not path:
		return set()
	held = {role for role, paths in _assignment_paths(user).items() if within(path, paths)}
	return held & set(frappe.get_roles(user))


class GridMoveError(frappe.PermissionError):
	pass


def stamp_grid_path(doc, method=None):
	"""doc_events validate: a scoped record carries its grid's path (see the module docstring).
	A record moves to another grid only through `api.records.move_to_grid` (handlers at both ends,
	a reason, logged): a plain save that changes the grid is refused."""
	moving_matters = doc.doctype != "Grid Role Assignment"  # re-pointing an assignment is access admin
	if (
		moving_matters
		and not doc.is_new()
		and not doc.flags.moving_grid
		and frappe.session.user not in UNSCOPED_USERS
	):
		stored = frappe.db.get_value(doc.doctype, doc.name, SCOPE_FIELD)
		if stored and stored != doc.get(SCOPE_FIELD):
			frappe.throw(
				frappe._("A record moves to another grid only with the Move to Another Grid action."),
				GridMoveError,
			)
	doc.set(PATH_FIELD, subtree.path_of(doc.get(SCOPE_FIELD)))


def _workflow_roles_here(doc, user: str) -> set[str]:
	"""The roles that count for `doc`'s workflow: Frappe roles outside the app as they are, app
	roles only where they were assigned."""
	from fulian_grid.roles import APP_ROLES

	return (set(frappe.get_roles(user)) - set(APP_ROLES)) | roles_here(doc.get(SCOPE_FIELD), user)


def allowed_transitions(doc, transitions: list[dict], user: str | None = None) -> list[dict]:
	"""`transitions` offered to `user` on `doc`: those whose role she holds where it lies."""
	user = user or frappe.session.user
	if user in UNSCOPED_USERS:
		return transitions
	roles = _workflow_roles_here(doc, user)
	return [t for t in transitions if t.get("allowed") in roles]


def check_workflow_transition(doc, method=None):
	"""doc_events validate: a change of workflow state on an app record must be a transition whose
	role the user holds where the record lies (Frappe checks roles site-wide)."""
	from frappe.model.workflow import get_workflow_name

	user = frappe.session.user
	if doc.is_new() or doc.flags.system_update or user in UNSCOPED_USERS or not doc.get(SCOPE_FIELD):
		return
	workflow = get_workflow_name(doc.doctype)
	if not workflow:
		return
	state_field = frappe.get_cached_value("Workflow", workflow, "workflow_state_field")
	before = doc.get_doc_before_save()
	if not before or before.get(state_field) == doc.get(state_field):
		return
	roles = _workflow_roles_here(doc, user)
	transitions = frappe.get_all(
		"Workflow Transition",
		filters={"parent": workflow, "state": before.get(state_field), "next_state": doc.get(state_field)},
		pluck="allowed",
	)
	if not set(transitions) & roles:
		frappe.throw(
			frappe._("Your role does not allow this step here: your role in this record's grid decides."),
			frappe.PermissionError,
		)


def evaluation_has_permission(doc, ptype: str = "read", user: str | None = None, debug: bool = False):
	"""Duty Evaluation: the per-grid rule, and an executive never changes her own evaluation, even
	when she also holds an evaluating role (a grid chair is usually an executive too)."""
	user = user or frappe.session.user
	if ptype in WRITE_PTYPES and user not in UNSCOPED_USERS:
		executive = doc.get("federation_executive")
		if executive and frappe.db.get_value("Federation Executive", executive, "user") == user:
			return False
	return has_permission(doc, ptype, user, debug)


def users_covering(path: str | None, roles) -> list[str]:
	"""Users holding an active assignment of `roles` in a subtree that contains the record at
	tree path `path` (whom an alert about it goes to)."""
	if not path:
		return []
	assignment, grid, active = _active_assignments()
	users = (
		active.select(assignment.user)
		.where(assignment.role.isin(list(roles)) & grid.tree_path.isin(subtree.ancestor_paths(path)))
		.run(pluck=True)
	)
	return sorted(set(users))


def keep_rows_in_their_record(doc, method=None):
	"""doc_events before_validate / before_update_after_submit / before_cancel: every table row of
	an app record that is not new is a row of this record. Frappe saves a row by its name alone
	(`UPDATE … WHERE name=%s`) and then sets its parent: a client naming a row of another record
	(another county's household member) overwrote that row and took it into her own record."""
	from fulian_grid.utils import is_app_doctype

	if doc.is_new() and not doc.get_all_children():
		return
	if not is_app_doctype(doc.doctype):
		return
	for df in doc.meta.get_table_fields():
		names = [row.name for row in doc.get(df.fieldname) or [] if row.name and not row.is_new()]
		if not names:
			continue
		elsewhere = frappe.get_all(
			df.options,
			filters={"name": ("in", names)},
			fields=["name", "parent", "parenttype"],
		)
		if any((row.parent, row.parenttype) != (doc.name, doc.doctype) for row in elsewhere):
			frappe.throw(
				frappe._("A row of another record cannot be saved in this one."), frappe.PermissionError
			)
