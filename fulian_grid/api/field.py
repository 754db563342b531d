"""The field app's endpoints (the phone PWA at /fulian): a grid worker's and an executive's day.

Every write goes through the DocTypes' own controllers — the per-grid rule, the workflow, the
vault (identities sealed before anything stores them) and the server-owned fields apply exactly as
on the desk. Records made from a phone's draft are made once per idempotency key; updates carry the
`modified` the phone last saw and are refused when the record changed since (submissions.py).
Replies carry names, states and masked copies only, never an identity value: the phone keeps
nothing it would leak if lost."""

import base64
import binascii
import io
import json
import re

import frappe
from frappe import _
from frappe.model.workflow import apply_workflow
from frappe.utils import cint, now_datetime, today

from fulian_grid import subtree
from fulian_grid.fulian_grid.doctype.volunteer_team.volunteer_team import team_users
from fulian_grid.queries import field as queries
from fulian_grid.server_owned import set_by_server, workflow_fields
from fulian_grid.submissions import check_not_stale, submit_once

FILE_REPORT = "File Report"  # the workflow's first step (setup/workflows/infringement_report.json)
SOURCES = ("Home Visit", "Walk-in", "Hotline", "Police", "School", "Hospital", "Other")


def _parsed(value) -> dict:
	if isinstance(value, str):
		try:
			value = json.loads(value)
		except ValueError:
			value = None
	if not isinstance(value, dict):
		frappe.throw(_("The draft could not be read"), frappe.ValidationError)
	return value


def _executive_serving(grid: str) -> str | None:
	"""The user's own executive record whose area covers `grid` (the visitor, the discoverer)."""
	for executive in queries.my_executives():
		areas = [frappe.db.get_value("Federation Executive", executive, "governance_grid")]
		areas += frappe.get_all("Executive Post", filters={"parent": executive}, pluck="governance_grid")
		if subtree.grid_within(grid, areas):
			return executive
	return None


# ---- 今日走访 my visits ----------------------------------------------------------------------


@frappe.whitelist()
def my_visits() -> list[dict]:
	"""The ledger entries I keep, overdue first, then due soon (masked names only)."""
	frappe.has_permission("Screening Ledger", "read", throw=True)
	return queries.visit_rows()


PHOTO_BYTES = 8 * 1024 * 1024  # what a phone sends after shrinking its photo is far less
PHOTO_SIDE = 2048
PHOTO_PIXELS = 50_000_000  # a phone camera's largest; more is a decompression bomb
_LOCATION = re.compile(r"^\s*(-?\d{1,2}(?:\.\d+)?)\s*,\s*(-?\d{1,3}(?:\.\d+)?)\s*$")


def _photo_jpeg(photo) -> bytes | None:
	"""The visit's photo as a JPEG drawn again from its pixels: whatever the phone sent, nothing of
	the camera's metadata (the exact GPS position of the victim's home, the phone's model, the time)
	is kept. Anything that is not a picture is refused before the visit is made."""
	if not photo:
		return None
	from PIL import Image, ImageOps, UnidentifiedImageError

	unreadable = _("The photo could not be read; take it again")
	data = photo.get("data") if isinstance(photo, dict) else None
	if not isinstance(data, str) or len(data) > PHOTO_BYTES * 4 // 3 + 4:
		frappe.throw(unreadable, frappe.ValidationError)
	try:
		raw = base64.b64decode(data, validate=True)
		with Image.open(io.BytesIO(raw)) as image:
			if image.format not in ("JPEG", "PNG", "WEBP") or image.width * image.height > PHOTO_PIXELS:
				raise UnidentifiedImageError(image.format)  # read from the header, before any decoding
			upright = ImageOps.exif_transpose(image).convert("RGB")
		upright.thumbnail((PHOTO_SIDE, PHOTO_SIDE))
		out = io.BytesIO()
		upright.save(out, "JPEG", quality=85)  # no exif= : no metadata at all
	except (binascii.Error, ValueError, OSError, UnidentifiedImageError, Image.DecompressionBombError):
		frappe.throw(unreadable, frappe.ValidationError)
	return out.getvalue()


def _coarse_location(location) -> str | None:
	"""Where the visit took place to two decimals of a degree (about 1 km), whatever precision the
	phone sent; None when none was sent (the default: she ticks it per visit)."""
	if location in (None, ""):
		return None
	match = _LOCATION.match(location) if isinstance(location, str) else None
	lat, lon = (float(match[1]), float(match[2])) if match else (91.0, 0.0)
	if not (-90 <= lat <= 90 and -180 <= lon <= 180):
		frappe.throw(_("The location could not be read"), frappe.ValidationError)
	return f"{lat:.2f},{lon:.2f}"


def _attach_photo(visit, content: bytes) -> None:
	"""A private File of the visit, made as the user (Frappe's File checks and the traces rule apply)."""
	frappe.get_doc(
		{
			"doctype": "File",
			"file_name": f"{visit.name}-photo.jpg",
			"attached_to_doctype": "Home Visit",
			"attached_to_name": visit.name,
			"is_private": 1,
			"content": content,
		}
	).insert()


@frappe.whitelist(methods=["POST"])
def log_visit(draft: str | dict) -> dict:
	"""Log and submit a home visit to a ledger entry from the phone's draft:
	{idempotency_key, screening_ledger, findings, follow_up, visit_date?, photo?: {file_name, data
	(base64)}, location?: "lat,lon"}. The photo becomes a private attachment of the visit and the
	location (only when she ticked it) an identity field of it, in the same transaction as the visit
	and under the same key: a resent draft makes neither a second visit nor a second photo."""
	draft = _parsed(draft)
	entry = frappe.get_doc("Screening Ledger", draft.get("screening_ledger"))
	entry.check_permission("read")
	photo = _photo_jpeg(draft.get("photo"))
	location = _coarse_location(draft.get("location"))

	def make():
		visitor = _executive_serving(entry.governance_grid) or entry.responsible_executive
		if not visitor:
			frappe.throw(_("This ledger entry has no responsible executive to log the visit for"))
		visit = frappe.get_doc(
			{
				"doctype": "Home Visit",
				"visit_date": draft.get("visit_date") or today(),
				"federation_executive": visitor,
				"governance_grid": entry.governance_grid,
				"screening_ledger": entry.name,
				"findings": draft.get("findings"),
				"follow_up_needed": 1 if draft.get("follow_up") else 0,
				"follow_up": draft.get("follow_up"),
				"visit_location": location,
			}
		)
		visit.insert()
		visit.submit()
		if photo:
			_attach_photo(visit, photo)
		return visit

	name, created = submit_once(draft.get("idempotency_key"), "Home Visit", make)
	visit = frappe.get_doc("Home Visit", name)
	visit.check_permission("read")
	return {
		"name": name,
		"created": created,
		"visit_date": visit.visit_date,
		"next_visit_due": frappe.db.get_value("Screening Ledger", entry.name, "next_visit_due"),
		"photo": bool(
			frappe.db.exists(
				{"doctype": "File", "attached_to_doctype": "Home Visit", "attached_to_name": name}
			)
		),
	}


# ---- 随手报 quick report, 我的上报 my reports -------------------------------------------------


@frappe.whitelist(methods=["POST"])
def quick_report(draft: str | dict) -> dict:
	"""File an infringement report from the phone's draft: {idempotency_key, governance_grid,
	urgency, concern_items: [name], victims: [{victim_name, age, is_minor, gender, id_number,
	contact}], description, suspect?, home_visit?, screening_ledger?, source?}. The identities go
	into the vault as on the desk form; the workflow's first step is applied."""
	draft = _parsed(draft)

	def make():
		grid = draft.get("governance_grid")
		source = draft.get("source") or ("Home Visit" if draft.get("home_visit") else "Other")
		if source not in SOURCES:
			frappe.throw(_("Unknown source: {0}").format(source))
		report = frappe.get_doc(
			{
				"doctype": "Infringement Report",
				"discovered_at": now_datetime(),
				"discovered_by": _executive_serving(grid) if grid else None,
				"source": source,
				"governance_grid": grid,
				"urgency": draft.get("urgency") or "Normal",
				"legal_basis": "Statutory Duty",
				"home_visit": draft.get("home_visit"),
				"screening_ledger": draft.get("screening_ledger"),
				"description": draft.get("description"),
				"suspect": draft.get("suspect"),
				"concern_items": [{"concern_item": item} for item in draft.get("concern_items") or []],
				"victims": [
					{
						key: victim.get(key)
						for key in ("victim_name", "gender", "age", "is_minor", "id_number", "contact")
						if victim.get(key) not in (None, "")
					}
					for victim in draft.get("victims") or []
					if isinstance(victim, dict)
				],
			}
		)
		report.insert()
		# the workflow's own step, taken by this endpoint as the desk's 上报 takes it: its state
		# fields are the server's to set here (the transition still checks her roles in the grid)
		set_by_server(report, *workflow_fields("Infringement Report"))
		return apply_workflow(report, FILE_REPORT)

	name, created = submit_once(draft.get("idempotency_key"), "Infringement Report", make)
	report = frappe.get_doc("Infringement Report", name)
	report.check_permission("read")
	return {
		"name": name,
		"created": created,
		"workflow_state": report.workflow_state,
		"state_label": _(report.workflow_state),
		"status": report.status,
		"reported_at": report.reported_at,
		"report_due": report.report_due,
		"verification_due": report.verification_due,
		"victim_count": report.victim_count,
	}


@frappe.whitelist()
def my_reports() -> list[dict]:
	"""The reports I filed or discovered: state, deadlines, what the handler asked for."""
	frappe.has_permission("Infringement Report", "read", throw=True)
	return queries.report_rows()


@frappe.whitelist()
def report_options() -> dict:
	"""What the quick-report form offers: my grids (where I may create a report), the concern items."""
	frappe.has_permission("Infringement Report", "create", throw=True)
	grids = frappe.get_list(
		"Governance Grid",
		filters={"level": ("in", ["Grid", "Micro-grid", "Community"])},
		fields=["name", "grid_name", "level"],
		order_by="tree_path asc",
		limit_page_length=queries.LIST_LIMIT,
	)
	creatable = [
		g for g in grids if frappe.has_permission("Infringement Report", "create", doc=_report_in(g.name))
	]
	items = frappe.get_all("Concern Item", fields=["name"], order_by="name asc", pluck="name")
	return {
		"grids": creatable,
		"concern_items": [{"name": item, "label": _(item)} for item in items],
		"urgencies": [{"name": u, "label": _(u)} for u in ("Immediate Danger", "Urgent", "Normal")],
	}


def _report_in(grid: str):
	return frappe.get_doc({"doctype": "Infringement Report", "governance_grid": grid})


# ---- 社区吹哨 service requests --------------------------------------------------------------


@frappe.whitelist()
def service_requests() -> list[dict]:
	"""Open service requests of my grids (and those my teams were told of)."""
	frappe.has_permission("Service Request", "read", throw=True)
	return queries.request_rows()


def _request(name: str, modified: str | None):
	request = frappe.get_doc("Service Request", name)
	request.check_permission("read")
	check_not_stale(request, modified)
	return request


def _request_reply(request) -> dict:
	request.reload()
	return {
		"name": request.name,
		"status": request.status,
		"taken_by_team": request.taken_by_team,
		"modified": request.modified,
	}


@frappe.whitelist(methods=["POST"])
def take_request(name: str, modified: str, volunteer_team: str | None = None) -> dict:
	"""报到: take the request as my team (the first told team she sits on, unless named)."""
	request = _request(name, modified)
	if not volunteer_team:
		told = [row.volunteer_team for row in request.notified_teams]
		seats = [team for team in told if frappe.session.user in team_users(team)]
		if not seats and request.has_permission("write"):
			seats = told  # a handler here reports a told team for duty, as on the desk
		if not seats:
			frappe.throw(_("Only the team's leader or members may report for duty"), frappe.PermissionError)
		volunteer_team = seats[0]
	request.report_for_duty(volunteer_team)
	return _request_reply(request)


@frappe.whitelist(methods=["POST"])
def close_request(name: str, modified: str, feedback: str) -> dict:
	"""Close a request my team took, with feedback."""
	request = _request(name, modified)
	request.close_request(feedback)
	return _request_reply(request)


# ---- 我领办的项目 my led projects -------------------------------------------------------------


@frappe.whitelist()
def my_projects() -> list[dict]:
	"""My led and co-led projects: progress, milestones, overdue ones flagged."""
	return queries.project_rows()


@frappe.whitelist(methods=["POST"])
def tick_milestone(project: str, milestone: str, modified: str, done: int = 1) -> dict:
	"""Mark a milestone of my project done today (or not done)."""
	if project not in queries.led_project_names():
		frappe.throw(_("Only the project's lead or co-leads may tick its milestones"), frappe.PermissionError)
	doc = frappe.get_doc("Led Project", project)
	check_not_stale(doc, modified)
	row = next((row for row in doc.milestones if row.name == milestone), None)
	if row is None:
		frappe.throw(_("This milestone is not one of the project's"))
	row.done_on = today() if cint(done) else None
	doc.save()
	return next(p for p in queries.project_rows() if p["name"] == project)
