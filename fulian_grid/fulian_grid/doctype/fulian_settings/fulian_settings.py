# Copyright (c) 2026, fulian_grid developers
# License: MIT. See LICENSE
"""妇联网格设置: read through fulian_grid/settings.py; a change is saved only when coherent."""

import frappe
from frappe.model.document import Document

from fulian_grid import settings
from fulian_grid.utils import check


class SettingsError(frappe.ValidationError):
	pass


class FulianSettings(Document):
	def validate(self):
		check(settings.check, self, exc=SettingsError)
