# Copyright (c) 2026, fulian_grid developers
# License: MIT. See LICENSE

from frappe import _
from frappe.model.document import Document

from fulian_grid.domain.projects import check_count
from fulian_grid.utils import check

# Session kinds counted as "trainings (巾帼电商, practical skills)" in the seed's figures.
TRAINING_KINDS = ("E-commerce Training", "Practical Skills Training", "Other Training")


class ServiceSession(Document):
	"""A family-education or training session, with its attendance."""

	def validate(self):
		check(check_count, _("Attendance"), self.attendance)
