"""The one declaration of server-owned fields (domain/server_owned.py) matches the DocTypes: every
declared field exists, is read only in the form and is not copied by the desk's Duplicate (a copy
would carry the source's clocks, counts and paths into the new record, and be refused)."""

import json
from pathlib import Path

import pytest

from fulian_grid.domain.server_owned import ANY_DOCTYPE, SERVER_OWNED, declared

DOCTYPES = Path(__file__).resolve().parent.parent / "fulian_grid" / "fulian_grid" / "doctype"


def doctype_json(name: str) -> dict:
	path = DOCTYPES / name.lower().replace(" ", "_") / f"{name.lower().replace(' ', '_')}.json"
	return json.loads(path.read_text())


@pytest.mark.parametrize("doctype", sorted(set(SERVER_OWNED) - {ANY_DOCTYPE}))
def test_declared_fields_exist_read_only(doctype):
	fields = {f["fieldname"]: f for f in doctype_json(doctype)["fields"]}
	for fieldname in SERVER_OWNED[doctype]:
		assert fieldname in fields, (doctype, fieldname)
		assert fields[fieldname].get("read_only"), (doctype, fieldname)


@pytest.mark.parametrize("doctype", sorted(set(SERVER_OWNED) - {ANY_DOCTYPE, "Identity Access Log"}))
def test_declared_fields_are_not_copied(doctype):
	fields = {f["fieldname"]: f for f in doctype_json(doctype)["fields"]}
	for fieldname in declared(doctype, fields):
		assert fields[fieldname].get("no_copy"), (doctype, fieldname)


def test_any_doctype_fields_apply_where_present():
	assert declared("Volunteer Team", ["grid_path", "member_count", "team_name"]) == (
		"member_count",
		"grid_path",
	)
	assert declared("Concern Item", ["item_name"]) == ()
