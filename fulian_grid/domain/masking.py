"""How personal data is shown to those who do not need it in full (PIPL: sensitive information).

One rule per kind of value; every sensitive DocType, report and export uses these."""

import re

MASK = "*"


def mask_id_number(value: str | None) -> str:
	"""`370502199001011234` → `3705**********1234` (region prefix and last four kept)."""
	value = (value or "").strip()
	if len(value) <= 8:
		return MASK * len(value)
	return value[:4] + MASK * (len(value) - 8) + value[-4:]


def mask_phone(value: str | None) -> str:
	"""`13812345678` → `138****5678`; other numbers keep only their last four digits."""
	digits = re.sub(r"\D", "", value or "")
	if len(digits) == 11 and digits.startswith("1"):
		return digits[:3] + MASK * 4 + digits[-4:]
	if len(digits) <= 4:
		return MASK * len(digits)
	return MASK * (len(digits) - 4) + digits[-4:]


def mask_name(value: str | None) -> str:
	"""Chinese names keep the surname: `王芳` → `王*`, `欧阳娜娜` → `欧***`; others keep the initial."""
	value = (value or "").strip()
	if not value:
		return ""
	return value[0] + MASK * max(len(value) - 1, 1)


def mask_address(value: str | None, keep: int = 6) -> str:
	"""Keep the district-level start of an address: `东营区文汇街道盛园社区3号楼2单元` → `东营区文汇街****`."""
	value = (value or "").strip()
	if len(value) <= keep:
		return value[:2] + MASK * 4 if len(value) > 2 else MASK * 4
	return value[:keep] + MASK * 4
