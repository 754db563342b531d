# Copyright (c) 2026, fulian_grid developers
# License: MIT. See LICENSE

from frappe.model.document import Document

from fulian_grid import settings


class ServicePoint(Document):
	# begin: auto-generated types
	# This code is auto-generated. Do not modify anything in this block.

	from typing import TYPE_CHECKING

	if TYPE_CHECKING:
		from frappe.types import DF

		from fulian_grid.fulian_grid.doctype.service_point_signage.service_point_signage import (
			ServicePointSignage,
		)

		address: DF.SmallText | None
		governance_grid: DF.Link
		grid_path: DF.Data | None
		in_service: DF.Check
		opening_hours: DF.Data | None
		point_kind: DF.Link
		point_name: DF.Data
		signage: DF.Table[ServicePointSignage]
		signage_complete: DF.Check
		women_federation: DF.Link | None

	# end: auto-generated types
	def before_insert(self):
		self.start_signage_checklist()

	def validate(self):
		self.signage_complete = int(bool(self.signage) and all(row.in_place for row in self.signage))

	def start_signage_checklist(self):
		"""A new point starts from the brand's signage checklist (Fulian Settings, appendix A)."""
		if self.signage:
			return
		for requirement in settings.signage_requirements():
			self.append("signage", {"requirement": requirement})
