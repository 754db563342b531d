import pytest

from fulian_grid.domain.masking import mask_address, mask_id_number, mask_name, mask_phone


@pytest.mark.parametrize(
	"value,masked",
	[
		("370502199001011234", "3705**********1234"),
		("11010519491231002X", "1101**********002X"),
		("370502900101123", "3705*******1123"),
		("1234", "****"),
		("", ""),
		(None, ""),
	],
)
def test_id_numbers_keep_region_and_last_four(value, masked):
	assert mask_id_number(value) == masked


@pytest.mark.parametrize(
	"value,masked",
	[
		("13812345678", "138****5678"),
		("138-1234-5678", "138****5678"),
		("0546-8123456", "*******3456"),
		("110", "***"),
		(None, ""),
	],
)
def test_phones(value, masked):
	assert mask_phone(value) == masked


@pytest.mark.parametrize("value,masked", [("王芳", "王*"), ("欧阳娜娜", "欧***"), ("李", "李*"), ("", "")])
def test_names_keep_the_surname(value, masked):
	assert mask_name(value) == masked


def test_addresses_keep_the_district_start():
	assert mask_address("东营区文汇街道盛园社区3号楼2单元") == "东营区文汇街****"
	assert mask_address("盛园") == "****"


def test_masked_value_never_contains_the_hidden_digits():
	value = "370502199001011234"
	assert "19900101" not in mask_id_number(value)
