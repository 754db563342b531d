"""The referrals of a report were rows of a child table (Infringement Referral: agency, date, a
reply, outcome). They are Case Referral records now, with their own lifecycle and legal basis.

Each old row becomes a Case Referral of its report with the same agency, date and outcome (its
outcome taken from the vault, sealed again on the new record); "Awaiting Reply" becomes Sent. An
old row recorded no basis, so the new referral carries no identities. The old table and its
DocType then go (the `referrals` field left the report's form). Twice changes nothing: a row is
deleted as it is moved, and once the table is gone there is nothing to move."""

import frappe

from fulian_grid import vault

LEGACY = "Infringement Referral"
STATUS = {"Awaiting Reply": "Sent", "Accepted": "Accepted", "Declined": "Declined"}
DECLINED_BEFORE = "迁移自原转介记录：原记录未写明拒绝原因"  # the old rows had no reason field


def execute():
	if not frappe.db.table_exists(LEGACY):
		frappe.delete_doc("DocType", LEGACY, force=True, ignore_missing=True)
		return
	vault.ensure_table()
	rows = frappe.db.sql(
		f"""select name, parent, agency, sent_on, accepted, outcome from `tab{LEGACY}`
		where parenttype = 'Infringement Report' order by parent, idx""",
		as_dict=True,
	)
	for row in rows:
		if frappe.db.exists("Infringement Report", row.parent):
			move(row)
		forget(row.name)
	frappe.db.commit()  # nosemgrep: the moved records are kept before the table is dropped
	frappe.db.sql_ddl(f"drop table if exists `tab{LEGACY}`")
	frappe.delete_doc("DocType", LEGACY, force=True, ignore_missing=True)


def move(row) -> str:
	referral = frappe.get_doc(
		{
			"doctype": "Case Referral",
			"infringement_report": row.parent,
			"agency": row.agency or "Higher Federation",
			"sent_on": row.sent_on
			or frappe.utils.getdate(frappe.db.get_value("Infringement Report", row.parent, "creation")),
			"status": "Sent",  # a referral starts as sent; its reply is set below
			"carries_identities": 0,
			"outcome": outcome_of(row),
		}
	)
	referral.insert(ignore_permissions=True)
	status = STATUS.get(row.accepted or "", "Sent")
	if status != "Sent":
		values = {"status": status, "responded_on": referral.sent_on}
		if status == "Declined":
			values["decline_reason"] = DECLINED_BEFORE
		frappe.db.set_value("Case Referral", referral.name, values, update_modified=False)
	return referral.name


def outcome_of(row) -> str | None:
	"""The row's outcome: from the vault when it was sealed, else the column (before the vault)."""
	token = frappe.db.sql(
		f"select value from `{vault.TABLE}` where doctype = %s and name = %s and fieldname = 'outcome'",
		(LEGACY, row.name),
	)
	return vault.decrypt(token[0][0]) if token else row.outcome


def forget(name: str) -> None:
	frappe.db.sql(f"delete from `{vault.TABLE}` where doctype = %s and name = %s", (LEGACY, name))
	frappe.db.sql(f"delete from `tab{LEGACY}` where name = %s", (name,))
