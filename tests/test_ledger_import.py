from datetime import date

import pytest

from fulian_grid.domain import DomainError
from fulian_grid.domain.ledger_import import header_map, prepare

TODAY = date(2026, 11, 28)
GRIDS = {"TA1CG1": "1/1/1/1/1/", "TB1CG1": "1/2/1/1/1/"}
CATEGORIES = {
	"Children in Distress": ("Children in Distress", "High"),
	"困境儿童": ("Children in Distress", "High"),
	"Left-behind Women": ("Left-behind Women", "Low"),
	"留守妇女": ("Left-behind Women", "Low"),
}
CADENCE = {"High": 7, "Medium": 30, "Low": 90}
HEADER = [
	"网格",
	"姓名",
	"性别",
	"出生日期",
	"身份证号",
	"联系电话",
	"住址",
	"重点群体类别",
	"风险等级",
	"排查日期",
]


def run(*rows, writable=None):
	return prepare([HEADER, *rows], GRIDS, writable, CATEGORIES, CADENCE, TODAY)


def test_a_chinese_ledger_row_is_prepared_as_the_controller_would():
	result = run(
		[
			"TA1CG1",
			"王芳",
			"女",
			"2015-03-02",
			"370502201503021247",
			"13812345678",
			"东营区文汇街道盛园社区3号楼",
			"困境儿童、留守妇女",
			"",
			"2026/11/20",
		]
	)
	assert not result.errors
	row = result.rows[0]
	assert row["grid_path"] == "1/1/1/1/1/" and row["subject_name"] == "王芳"  # sealed by the writer
	assert row["is_minor"] == 1 and row["birth_year"] == 2015 and row["id_number"] == "370502201503021247"
	assert row["categories"] == [
		{"key_group_category": "Children in Distress"},
		{"key_group_category": "Left-behind Women"},
	]
	assert row["risk_level"] == "High"  # no level given: the highest of its categories
	assert row["next_visit_due"] == date(2026, 11, 27) and row["phone"] == "13812345678"


def test_every_bad_row_is_reported_with_its_row_number_and_nothing_is_prepared_silently():
	result = run(
		["TA1CG1", "李娜", "女", "", "370502199001011230", "", "", "留守妇女", "", ""],  # bad check digit
		["XX", "张敏", "女", "", "", "", "", "留守妇女", "", ""],
		[],  # a blank line is skipped
		["TA1CG1", "赵静", "女", "", "", "", "", "不存在的类别", "", ""],
		["TA1CG1", "刘艳", "女", "2090-01-01", "", "", "", "留守妇女", "", ""],
		["TA1CG1", "陈红", "女", "", "", "", "", "留守妇女", "极高", ""],
	)
	assert [number for number, _error in result.errors] == [2, 3, 5, 6, 7]
	assert "XX" in str(result.errors[1][1]) and "不存在的类别" in str(result.errors[2][1])


def test_rows_outside_the_importers_grids_are_refused():
	result = run(["TB1CG1", "王芳", "女", "", "", "", "", "留守妇女", "", ""], writable=["1/1/"])
	assert result.errors and "TB1CG1" in str(result.errors[0][1])
	assert not run(["TA1CG1", "王芳", "女", "", "", "", "", "留守妇女", "", ""], writable=["1/1/"]).errors


def test_english_headers_and_a_missing_required_column():
	assert header_map(["Governance Grid", "Subject Name", "Key Group Categories"]) == {
		"governance_grid": 0,
		"subject_name": 1,
		"categories": 2,
	}
	with pytest.raises(DomainError):
		header_map(["网格", "姓名"])
