"""Identity fields: kinds, normalisation, checks, masks and blind-index input (domain/identity.py)."""

import pytest

from fulian_grid.domain import DomainError
from fulian_grid.domain import identity as kinds


@pytest.mark.parametrize(
	"fieldname,fieldtype,kind",
	[
		("id_number", "Data", kinds.ID_NUMBER),
		("phone", "Data", kinds.MOBILE),
		("guardian_phone", "Data", kinds.MOBILE),
		("mobile", "Data", kinds.MOBILE),
		("contact", "Data", kinds.PHONE),
		("subject_name", "Data", kinds.NAME),
		("household_head", "Data", kinds.NAME),
		("consent_given_by", "Data", kinds.NAME),
		("building", "Data", kinds.ADDRESS),
		("address", "Small Text", kinds.ADDRESS),
		("birth_date", "Date", kinds.DATE),
		("counselling_notes", "Small Text", kinds.TEXT),
		("suspect", "Small Text", kinds.TEXT),
		("description", "Text", kinds.TEXT),
		("household", "Data", kinds.NAME),  # anything else typed on one line: kept like a name
	],
)
def test_kind_follows_name_and_type(fieldname, fieldtype, kind):
	assert kinds.kind_of(fieldname, fieldtype) == kind


def test_masks_show_enough_to_recognise_never_enough_to_find():
	assert kinds.mask(kinds.ID_NUMBER, "370502199001011234") == "3705**********1234"
	assert kinds.mask(kinds.MOBILE, "13812345678") == "138****5678"
	assert kinds.mask(kinds.NAME, "欧阳娜娜") == "欧***"
	assert kinds.mask(kinds.TEXT, "丈夫长期殴打") == kinds.TEXT_MASK
	assert kinds.mask(kinds.DATE, "1990-01-01") is None
	assert kinds.mask(kinds.NAME, "") == "" and kinds.mask(kinds.DATE, None) is None


def test_normalisation_is_what_a_person_means():
	assert kinds.normalize(kinds.ID_NUMBER, " 11010519491231002x ") == "11010519491231002X"
	assert kinds.normalize(kinds.MOBILE, "+86 138-1234-5678") == "13812345678"
	assert kinds.normalize(kinds.NAME, " 王\u3000芳 ") == "王 芳"  # full-width space folded (NFKC)
	assert kinds.normalize(kinds.ID_NUMBER, "１１０１０５１９４９１２３１００２Ｘ") == "11010519491231002X"  # noqa: RUF001 (full-width input, NFKC-folded)
	assert kinds.normalize(kinds.TEXT, " 男，40岁左右 ") == "男，40岁左右"  # free text is kept as written


@pytest.mark.parametrize(
	"kind,value",
	[
		(kinds.ID_NUMBER, "110105194912310021"),  # check digit
		(kinds.MOBILE, "12345"),
		(kinds.NAME, "王*"),  # a masked copy retyped
		(kinds.ID_NUMBER, "1101**********002X"),
		(kinds.TEXT, kinds.TEXT_MASK),
	],
)
def test_bad_values_are_refused(kind, value):
	with pytest.raises(DomainError):
		kinds.check(kind, value)


def test_good_values_pass():
	for kind, value in (
		(kinds.ID_NUMBER, "11010519491231002X"),
		(kinds.MOBILE, "13812345678"),
		(kinds.PHONE, "0546-8123456"),
		(kinds.NAME, "王芳"),
		(kinds.DATE, "1990-01-01"),
	):
		kinds.check(kind, value)


def test_lookup_keys_normalise_and_separate_namespaces():
	assert kinds.lookup_key(kinds.ID_NUMBER, "11010519491231002x") == "id:11010519491231002X"
	# a mobile typed with a prefix and a contact number written with dashes meet in one namespace
	assert kinds.lookup_key(kinds.MOBILE, "+8613812345678") == kinds.lookup_key(kinds.PHONE, "138-1234-5678")
	assert kinds.lookup_key(kinds.NAME, "王芳") != kinds.lookup_key(kinds.PHONE, "王芳")
	assert kinds.lookup_key(kinds.TEXT, "notes") is None and kinds.lookup_key(kinds.NAME, "") is None


def test_blind_index_is_keyed_deterministic_and_not_a_bare_hash():
	import hashlib

	from cryptography.fernet import Fernet

	secret = kinds.index_secret(Fernet.generate_key().decode())
	other = kinds.index_secret(Fernet.generate_key().decode())
	index = kinds.blind_index(secret, kinds.ID_NUMBER, "11010519491231002x")
	assert index == kinds.blind_index(secret, kinds.ID_NUMBER, " 11010519491231002X")
	assert index != kinds.blind_index(other, kinds.ID_NUMBER, "11010519491231002X")
	assert index != hashlib.sha256(b"id:11010519491231002X").hexdigest()
	assert index != hashlib.sha256(b"11010519491231002X").hexdigest()
	assert kinds.blind_index(secret, kinds.TEXT, "notes") is None
