from datetime import date

import pytest

from fulian_grid.domain.ids import (
	birth_date_from_id,
	gender_from_id,
	id_check_char,
	id_number_error,
	mobile_error,
	normalize_mobile,
)

# A well-known valid sample from GB 11643 documentation: 11010519491231002X.
VALID = "11010519491231002X"


def test_check_digit_of_known_sample():
	assert id_check_char(VALID[:17]) == "X"


def test_valid_number_passes_and_lowercase_x_is_accepted():
	assert id_number_error(VALID) is None
	assert id_number_error(VALID.lower()) is None


@pytest.mark.parametrize(
	"value",
	[
		"110105194912310021",
		"11010519491231002",
		"1101051949123100211",
		"11010519491331002X",
		"A1010519491231002X",
		"",
	],
)
def test_invalid_numbers_are_refused(value):
	assert id_number_error(value) is not None


def test_every_wrong_check_digit_is_caught():
	wrong = [c for c in "0123456789X" if c != VALID[17]]
	assert all(id_number_error(VALID[:17] + c) for c in wrong)


def test_birth_date_and_gender():
	assert birth_date_from_id(VALID) == date(1949, 12, 31)
	assert gender_from_id(VALID) == "Female"  # 17th digit 2 is even


@pytest.mark.parametrize("value", ["13812345678", "+86 138-1234-5678", "008619912345678"])
def test_valid_mobiles(value):
	assert mobile_error(value) is None


@pytest.mark.parametrize("value", ["12812345678", "1381234567", "138123456789", "abc", ""])
def test_invalid_mobiles(value):
	assert mobile_error(value) is not None


def test_normalize_mobile_strips_prefix():
	assert normalize_mobile("+86 138 1234 5678") == "13812345678"
