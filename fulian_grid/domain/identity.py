"""What an identity field holds, and the one way each kind is normalised, checked and masked.

Every field at permlevel 1 or above of an app DocType is an identity field (custom fields added in
Customize Form too): its column keeps only the masked copy, the value itself lives in the vault.
The kind of a field follows from its name and type, so a field a federation adds without code is
masked sensibly: `guardian_phone` like a phone, `helper_name` like a name, a Small Text fully.
"""

import base64
import hashlib
import hmac
import re
import unicodedata

from fulian_grid.domain import DomainError, msg
from fulian_grid.domain.ids import check_id_number, check_mobile, normalize_id_number, normalize_mobile
from fulian_grid.domain.masking import MASK, mask_address, mask_id_number, mask_name, mask_phone

ID_NUMBER = "id_number"
MOBILE = "mobile"  # a mainland mobile number, checked
PHONE = "phone"  # any contact number or handle, not checked
NAME = "name"
ADDRESS = "address"
DATE = "date"  # a birth date: the column keeps nothing; a year or age is stored beside it
TEXT = "text"  # notes, descriptions: nothing of the text is shown

TEXT_MASK = MASK * 6
TEXT_TYPES = ("Small Text", "Text", "Long Text", "Text Editor", "Markdown Editor", "HTML Editor", "Code")
VALUE_TYPES = ("Data", "Date", "Datetime", *TEXT_TYPES)  # the field types the vault can hold

# First match wins; patterns are matched against the fieldname.
_BY_NAME = (
	(re.compile(r"id_number|id_card|identity_number"), ID_NUMBER),
	(re.compile(r"mobile|phone"), MOBILE),
	(re.compile(r"contact|wechat|telephone"), PHONE),
	(re.compile(r"address|building|residence|domicile"), ADDRESS),
	(re.compile(r"name|household_head|given_by|guardian|parent"), NAME),
)


def kind_of(fieldname: str, fieldtype: str) -> str:
	"""The kind of an identity field, from its type and name."""
	if fieldtype in ("Date", "Datetime"):
		return DATE
	if fieldtype in TEXT_TYPES and not re.search("address", fieldname):
		return TEXT
	for pattern, kind in _BY_NAME:
		if pattern.search(fieldname):
			return kind
	return ADDRESS if fieldtype in TEXT_TYPES else NAME


def normalize(kind: str, value):
	"""The form a value is stored and compared in (blind indexes are taken of this form)."""
	if value is None or kind == DATE:
		return value
	if kind in (TEXT, ADDRESS):
		return str(value).strip()  # what she wrote, full-width punctuation and all
	value = unicodedata.normalize("NFKC", str(value)).strip()  # full-width digits and spaces folded
	if kind == ID_NUMBER:
		return normalize_id_number(value)
	if kind == MOBILE:
		return normalize_mobile(value)
	if kind == NAME:
		return re.sub(r"\s+", " ", value)
	return value


def check(kind: str, value) -> None:
	"""Raise DomainError when a typed value cannot be what the field holds (a masked copy retyped
	is refused: it would store the stars as if they were the value)."""
	if value in (None, "") or kind == DATE:
		return
	if looks_masked(kind, value):
		raise DomainError(msg("Enter the full value, not its masked copy: {0}"), value)
	if kind == ID_NUMBER:
		check_id_number(value)
	if kind == MOBILE:
		check_mobile(value)


def mask(kind: str, value):
	"""The copy a column keeps: enough to recognise a record, never enough to find a person."""
	if value in (None, ""):
		return None if kind == DATE else value
	if kind == DATE:
		return None
	if kind == TEXT:
		return TEXT_MASK
	return {ID_NUMBER: mask_id_number, MOBILE: mask_phone, PHONE: mask_phone, ADDRESS: mask_address}.get(
		kind, mask_name
	)(str(value))


def looks_masked(kind: str, value) -> bool:
	"""A value that is a masked copy (typed back, copied from another record or an old version)."""
	if not isinstance(value, str) or kind == DATE:
		return False
	return value == TEXT_MASK if kind == TEXT else MASK in value


# Kinds that offices look up exactly (dedupe); a mobile and a contact number share one namespace.
_LOOKUP_NAMESPACE = {ID_NUMBER: "id", MOBILE: "phone", PHONE: "phone", NAME: "name"}


def lookup_key(kind: str, value) -> str | None:
	"""The text a blind index is taken of (HMAC'd by the vault), or None for kinds not looked up."""
	namespace = _LOOKUP_NAMESPACE.get(kind)
	value = normalize(kind, value)
	if not namespace or not value:
		return None
	if namespace == "phone":
		value = re.sub(r"\D", "", normalize_mobile(value))
	return f"{namespace}:{value}"


def index_secret(site_key: str) -> bytes:
	"""The blind-index secret, derived from the site's Fernet key: one secret to back up, yet an
	index never equals anything computed with the encryption key itself."""
	return hmac.new(
		base64.urlsafe_b64decode(site_key), b"fulian_grid blind index v1", hashlib.sha256
	).digest()


def blind_index(secret: bytes, kind: str, value) -> str | None:
	"""A keyed HMAC of the normalised value (never a bare hash: without the secret, a table of
	every ID number or phone number is of no use)."""
	text = lookup_key(kind, value)
	return hmac.new(secret, text.encode(), hashlib.sha256).hexdigest() if text else None


LOOKUP_KINDS = {"id_number": ID_NUMBER, "phone": MOBILE, "name": NAME}  # what the lookup endpoint takes
