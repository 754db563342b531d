"""Business rules that need no database.

Nothing in this package imports frappe at module level, so tier-1 tests run them with plain pytest.
Functions return values or raise `DomainError` with an untranslated English message; controllers
translate the message with `_()` when they show it.
"""


def msg(text: str) -> str:
	"""Mark English source text for translation where `_()` is not available (no frappe here)."""
	return text


class DomainError(ValueError):
	"""A rule was broken. `message` is English source text with `{0}` placeholders; `args` fill them."""

	def __init__(self, message: str, *args):
		super().__init__(message.format(*args) if args else message)
		self.message = message
		self.args_ = args
