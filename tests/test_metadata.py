"""Every JSON the app ships passes every metadata rule, and every rule catches a broken sample."""

import copy
from pathlib import Path

import pytest

import metacheck
from metacheck import load_app

PACKAGE = Path(__file__).resolve().parent.parent / "fulian_grid"


@pytest.fixture(scope="module")
def app():
	return load_app(PACKAGE)


@pytest.fixture
def broken(app):
	return copy.deepcopy(app)


@pytest.mark.parametrize("rule", metacheck.RULES, ids=lambda r: r.__name__)
def test_app_passes_rule(app, rule):
	assert rule(app) == []


def test_app_is_not_empty(app):
	assert {"Governance Grid", "Women Federation", "Fulian Settings"} <= set(app.doctypes)
	assert len(metacheck.translatable_strings(app)) > 100


def _doctype(app, name="Women Group"):
	return app.doctypes[name]


def test_repeated_or_badly_named_fieldname_is_caught(broken):
	fields = _doctype(broken)["fields"]
	fields.append(dict(fields[0]))
	fields.append({"fieldname": "BadName", "fieldtype": "Data", "label": "Bad"})
	problems = metacheck.check_fieldnames(broken)
	assert any("repeats" in p for p in problems)
	assert any("'BadName' is not snake_case" in p for p in problems)


def test_unknown_fieldtype_is_caught(broken):
	_doctype(broken)["fields"][0]["fieldtype"] = "Textarea"
	assert metacheck.check_fieldtypes(broken) == [
		"Women Group: field 'group_name' has unknown fieldtype 'Textarea'"
	]


def test_unknown_link_target_is_caught(broken):
	_doctype(broken)["fields"].append({"fieldname": "x", "fieldtype": "Link", "options": "Customer"})
	assert "links to unknown DocType 'Customer'" in metacheck.check_link_targets(broken)[0]


def test_table_pointing_at_non_child_is_caught(broken):
	_doctype(broken)["fields"].append({"fieldname": "x", "fieldtype": "Table", "options": "Women Federation"})
	assert "not a child table" in metacheck.check_link_targets(broken)[0]


def test_select_without_options_is_caught(broken):
	_doctype(broken)["fields"].append({"fieldname": "x", "fieldtype": "Select", "options": "\n"})
	assert metacheck.check_selects(broken) == ["Women Group: Select field 'x' has no options"]


def test_missing_permissions_and_unknown_role_are_caught(broken):
	_doctype(broken)["permissions"] = []
	_doctype(broken, "Women Federation")["permissions"].append({"role": "Accounts User", "read": 1})
	problems = metacheck.check_permissions(broken)
	assert "Women Group: has no permission rows" in problems
	assert "Women Federation: permission names unknown role 'Accounts User'" in problems


@pytest.mark.parametrize("name", ["Project", "ToDo", "Volunteer"])
def test_name_clash_with_frappe_or_erpnext_is_caught(broken, name):
	broken.doctypes[name] = {"name": name, "fields": []}
	assert metacheck.check_name_clashes(broken) == [f"{name}: clashes with a Frappe or ERPNext DocType"]


def test_shared_naming_series_is_caught(broken):
	_doctype(broken)["autoname"] = "LP-.YYYY.-.#####"
	assert metacheck.check_naming_series(broken) == [
		"Led Project, Women Group: share the naming series prefix 'LP-'"
	]


def test_identity_field_copied_on_duplicate_is_caught(broken):
	_doctype(broken)["fields"].append({"fieldname": "leader_phone", "fieldtype": "Data", "permlevel": 1})
	assert metacheck.check_identities_not_copied(broken) == [
		"Women Group: identity field leader_phone is not no_copy"
	]


def test_field_missing_from_the_type_block_is_caught(broken):
	_doctype(broken)["fields"].append({"fieldname": "motto", "fieldtype": "Data", "label": "Motto"})
	assert metacheck.check_type_blocks(broken) == ["Women Group: type block lacks motto"]


def _workflow():
	return {
		"name": "Sample Flow",
		"document_type": "Women Group",
		"states": [
			{"state": "Draft", "doc_status": "0", "allow_edit": "Fulian Grid Worker"},
			{"state": "Closed", "doc_status": "1", "allow_edit": "Fulian Grid Chair"},
			{"state": "Cancelled", "doc_status": "2", "allow_edit": "Fulian Grid Chair"},
		],
		"transitions": [
			{"state": "Draft", "action": "Close", "next_state": "Closed", "allowed": "Fulian Grid Chair"},
		],
	}


def test_sound_workflow_passes(broken):
	broken.workflows = {"Sample Flow": _workflow()}
	assert metacheck.check_workflows(broken) == []


def test_workflow_with_missing_state_role_or_bad_docstatus_is_caught(broken):
	flow = _workflow()
	flow["transitions"] += [
		{"state": "Draft", "action": "Go", "next_state": "Nowhere", "allowed": "Fulian Grid Chair"},
		{"state": "Draft", "action": "Close", "next_state": "Closed", "allowed": "Stranger"},
		{"state": "Closed", "action": "Undo", "next_state": "Draft", "allowed": "Fulian Grid Chair"},
		{"state": "Draft", "action": "Void", "next_state": "Cancelled", "allowed": "Fulian Grid Chair"},
	]
	broken.workflows = {"Sample Flow": flow}
	problems = "\n".join(metacheck.check_workflows(broken))
	assert "missing state 'Nowhere'" in problems
	assert "unknown role 'Stranger'" in problems
	assert "moves docstatus 1 -> 0" in problems
	assert "moves docstatus 0 -> 2" in problems


def test_report_with_missing_doctype_or_role_is_caught(broken):
	broken.reports["Broken"] = {"ref_doctype": "Nothing Here", "roles": [{"role": "Stranger"}]}
	broken.reports["Roleless"] = {"ref_doctype": "Women Group", "roles": []}
	problems = metacheck.check_reports(broken)
	assert "report Broken: unknown ref_doctype 'Nothing Here'" in problems
	assert "report Broken: names unknown role 'Stranger'" in problems
	assert "report Roleless: has no roles" in problems


def test_untranslated_label_option_and_message_are_caught(broken):
	_doctype(broken)["fields"].append(
		{"fieldname": "x", "fieldtype": "Select", "label": "Brand New Label", "options": "Fresh Option"}
	)
	broken.code_messages.add("A fresh message {0}")
	problems = metacheck.check_translations(broken)
	assert "no zh translation for 'Brand New Label'" in problems
	assert "no zh translation for 'Fresh Option'" in problems
	assert "no zh translation for 'A fresh message {0}'" in problems


def test_default_master_records_are_translatable(app):
	assert {"Single Mothers", "Policy and Law Publicity", "Home Visits"} <= app.default_records


def test_code_messages_are_extracted_from_python_and_js(app):
	assert "The check digit of the ID number is wrong; please check the number" in app.code_messages  # msg()
	assert "Valid To cannot be before Valid From" in app.code_messages  # _()
	assert "Add Child Node" in app.code_messages  # __() in JS


def test_doctype_without_test_module_is_caught(broken, tmp_path):
	broken.doctype_dirs["Women Group"] = tmp_path / "women_group"
	assert metacheck.check_test_modules(broken) == ["Women Group: has no test module test_women_group.py"]


def test_grid_scope_list_must_match_governance_grid_fields(broken):
	broken.grid_scoped.discard("Women Group")
	broken.grid_scoped.add("Fulian Settings")
	problems = metacheck.check_grid_scope(broken)
	assert "Women Group: has governance_grid but is not in _GRID_SCOPED_DOCTYPES" in problems
	assert "Fulian Settings: listed as grid-scoped but has no governance_grid" in problems


def test_scoped_doctype_without_an_indexed_grid_path_is_caught(broken):
	fields = broken.doctypes["Women Group"]["fields"]
	broken.doctypes["Women Group"]["fields"] = [f for f in fields if f["fieldname"] != "grid_path"]
	assert (
		"Women Group: has no indexed grid_path (the scope rule filters on it)"
		in metacheck.check_grid_scope(broken)
	)


def _record(app, doctype, name):
	return next(r for r in app.other_records if r.get("doctype") == doctype and r["name"] == name)


def test_chart_and_card_fields_and_options_are_checked(broken):
	chart = _record(broken, "Dashboard Chart", "Active Ledger Entries by Risk Level")
	chart["group_by_based_on"] = "risk"
	chart["filters_json"] = '[["Screening Ledger", "status", "=", "Open", false]]'
	_record(broken, "Dashboard Chart", "Counselling Outcomes")["source"] = "Nope"
	card = _record(broken, "Number Card", "Volunteer Sessions")
	card["aggregate_function_based_on"] = ""
	card = _record(broken, "Number Card", "Overdue Visits")
	card["dynamic_filters_json"] = '[["Screening Ledger", "next_visit", "<", "frappe.datetime.get_today()"]]'
	problems = metacheck.check_cards_and_charts(broken)
	assert "dashboard chart Counselling Outcomes: chart source 'Nope' is not shipped" in problems
	assert (
		"dashboard chart Active Ledger Entries by Risk Level: Screening Ledger has no field 'risk'"
		in problems
	)
	assert (
		"dashboard chart Active Ledger Entries by Risk Level: Screening Ledger.status has no option 'Open'"
		in problems
	)
	assert "number card Volunteer Sessions: Sum needs aggregate_function_based_on" in problems
	assert "number card Overdue Visits: filter on unknown field Screening Ledger.next_visit" in problems


def test_workspace_block_without_a_matching_row_is_caught(broken):
	workspace = _record(broken, "Workspace", "Fulian Grid")
	workspace["charts"] = [row for row in workspace["charts"] if row["chart_name"] != "Counselling Outcomes"]
	workspace["number_cards"][0]["label"] = "Something Else"
	problems = metacheck.check_cards_and_charts(broken)
	assert "workspace Fulian Grid: chart block 'Counselling Outcomes' has no row in charts" in problems
	assert any("number card row 'Something Else'" in p for p in problems)


def test_chart_names_are_translatable(app):
	names = {"Active Ledger Entries by Risk Level", "Loan Amount by Month"}
	assert names <= metacheck.translatable_strings(app)
