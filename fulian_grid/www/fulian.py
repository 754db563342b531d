"""/fulian: the entry page of the field app (frontend/, built into public/frontend by `bench build`;
the build copies its index.html here as fulian.html). The page carries the CSRF token and who is
logged in — nothing else: every record comes through api/field.py, scoped like the desk."""

import frappe

no_cache = 1


def get_context(context):
	csrf_token = frappe.sessions.get_csrf_token()
	frappe.db.commit()  # nosemgrep: the CSRF token is kept with the session (as frappe/hrms does)
	context.csrf_token = csrf_token
	context.user = frappe.session.user
	context.full_name = frappe.utils.get_fullname(frappe.session.user)
	context.lang = frappe.local.lang or "zh"
	return context
