"""Chinese resident ID numbers (GB 11643-1999) and mainland mobile numbers."""

import re
from datetime import date

from . import DomainError

_WEIGHTS = (7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2)
_CHECK_CHARS = "10X98765432"
_ID_SHAPE = re.compile(r"^\d{17}[\dX]$")
_MOBILE_SHAPE = re.compile(r"^1[3-9]\d{9}$")


def normalize_id_number(value: str | None) -> str:
	return (value or "").strip().upper()


def id_check_char(first17: str) -> str:
	"""The 18th character of an ID number, from its first 17 digits (ISO 7064 MOD 11-2)."""
	total = sum(int(digit) * weight for digit, weight in zip(first17, _WEIGHTS, strict=True))
	return _CHECK_CHARS[total % 11]


def check_id_number(value: str | None) -> None:
	"""Raise DomainError saying why `value` is not a valid 18-digit ID number."""
	number = normalize_id_number(value)
	if not _ID_SHAPE.match(number):
		raise DomainError("An ID number has 18 characters: 17 digits and a check digit (0-9 or X)")
	if birth_date_from_id(number) is None:
		raise DomainError("The birth date inside the ID number is not a real date")
	if id_check_char(number[:17]) != number[17]:
		raise DomainError("The check digit of the ID number is wrong; please check the number")


def birth_date_from_id(number: str) -> date | None:
	try:
		return date(int(number[6:10]), int(number[10:12]), int(number[12:14]))
	except ValueError:
		return None


def gender_from_id(number: str) -> str:
	"""GB 11643: the 17th digit is odd for men, even for women."""
	return "Male" if int(number[16]) % 2 else "Female"


def normalize_mobile(value: str | None) -> str:
	"""Strip spaces, dashes and a +86/0086 prefix."""
	digits = re.sub(r"[\s\-]", "", value or "")
	for prefix in ("+86", "0086"):
		if digits.startswith(prefix):
			digits = digits[len(prefix) :]
	return digits


def check_mobile(value: str | None) -> None:
	if not _MOBILE_SHAPE.match(normalize_mobile(value)):
		raise DomainError("A mobile number has 11 digits and starts with 13-19")
