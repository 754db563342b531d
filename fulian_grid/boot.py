"""What the desk knows of the app at login (hooks.py boot_session)."""

import frappe

from fulian_grid.utils import MODULE


def boot_session(bootinfo):
	# the app's DocTypes, readable or not: the desk refuses a record of one by its address with a
	# permission message rather than "page not found" (public/js/desk.js)
	bootinfo.fulian_grid_doctypes = frappe.get_all(
		"DocType", filters={"module": MODULE, "istable": 0}, pluck="name"
	)
