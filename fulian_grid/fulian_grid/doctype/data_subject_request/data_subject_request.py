# Copyright (c) 2026, fulian_grid developers
# License: MIT. See LICENSE
"""A person's request to access, copy, correct or delete her information (PIPL arts. 44–47): the
day it is due (days in Fulian Settings), the answer and when it was given."""

import frappe
from frappe.utils import getdate, today

from fulian_grid import settings
from fulian_grid.domain import DomainError
from fulian_grid.domain.casework import check_answer, request_due
from fulian_grid.permissions import users_covering
from fulian_grid.privacy import SensitiveDocument
from fulian_grid.utils import throw


class DataSubjectRequestError(frappe.ValidationError):
	pass


class DataSubjectRequest(SensitiveDocument):
	# begin: auto-generated types
	# This code is auto-generated. Do not modify anything in this block.

	from typing import TYPE_CHECKING

	if TYPE_CHECKING:
		from frappe.types import DF

		answer: DF.SmallText | None
		answered_on: DF.Date | None
		details: DF.SmallText
		due_on: DF.Date | None
		governance_grid: DF.Link
		grid_path: DF.Data | None
		infringement_report: DF.Link | None
		is_overdue: DF.Check
		overdue_notified: DF.Check
		received_on: DF.Date
		request_kind: DF.Literal["Access", "Copy", "Correction", "Deletion"]
		requester_contact: DF.Data | None
		requester_name: DF.Data
		status: DF.Literal["Open", "Answered", "Refused"]

	# end: auto-generated types
	def validate(self):
		received = getdate(self.received_on)
		try:
			if received > getdate(today()):
				raise DomainError("A request cannot be dated in the future")
			check_answer(
				received,
				self.status,
				getdate(self.answered_on) if self.answered_on else None,
				self.answer,
				getdate(today()),
			)
		except DomainError as error:
			throw(error, DataSubjectRequestError)
		self.due_on = request_due(received, settings.data_request_days())
		self.is_overdue = int(self.status == "Open" and getdate(self.due_on) < getdate(today()))


def remind_overdue_requests(on=None) -> int:
	"""Daily: an open request past its due date is flagged and told, once, to the one who recorded
	it and the handlers where it lies."""
	on = getdate(on or today())
	late = frappe.get_all(
		"Data Subject Request",
		filters={"status": "Open", "due_on": ("<", on), "overdue_notified": 0},
		fields=["name", "owner", "grid_path", "request_kind", "due_on"],
	)
	for row in late:
		roles = ("Fulian Admin", "Fulian Officer", "Fulian Grid Chair")
		for user in sorted({row.owner, *users_covering(row.grid_path, roles)} - {"Administrator"}):
			frappe.get_doc(
				{
					"doctype": "ToDo",
					"allocated_to": user,
					"reference_type": "Data Subject Request",
					"reference_name": row.name,
					"priority": "High",
					"date": on,
					"description": frappe._(
						"A personal information request ({0}) is overdue since {1}"
					).format(frappe._(row.request_kind), row.due_on),
				}
			).insert(ignore_permissions=True)
		frappe.db.set_value(
			"Data Subject Request", row.name, {"is_overdue": 1, "overdue_notified": 1}, update_modified=False
		)
	return len(late)
