from datetime import date

import pytest

from fulian_grid.domain import DomainError
from fulian_grid.domain.ids import (
	birth_date_from_id,
	check_id_number,
	check_mobile,
	gender_from_id,
	id_check_char,
	normalize_mobile,
)

# A well-known valid sample from GB 11643 documentation: 11010519491231002X.
VALID = "11010519491231002X"


def test_check_digit_of_known_sample():
	assert id_check_char(VALID[:17]) == "X"


def test_valid_number_passes_and_lowercase_x_is_accepted():
	check_id_number(VALID)
	check_id_number(VALID.lower())


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
	with pytest.raises(DomainError):
		check_id_number(value)


def test_every_wrong_check_digit_is_caught():
	wrong = [c for c in "0123456789X" if c != VALID[17]]
	for c in wrong:
		with pytest.raises(DomainError, match="check digit"):
			check_id_number(VALID[:17] + c)


def test_birth_date_and_gender():
	assert birth_date_from_id(VALID) == date(1949, 12, 31)
	assert gender_from_id(VALID) == "Female"  # 17th digit 2 is even


@pytest.mark.parametrize("value", ["13812345678", "+86 138-1234-5678", "008619912345678"])
def test_valid_mobiles(value):
	check_mobile(value)


@pytest.mark.parametrize("value", ["12812345678", "1381234567", "138123456789", "abc", ""])
def test_invalid_mobiles(value):
	with pytest.raises(DomainError):
		check_mobile(value)


def test_normalize_mobile_strips_prefix():
	assert normalize_mobile("+86 138 1234 5678") == "13812345678"
