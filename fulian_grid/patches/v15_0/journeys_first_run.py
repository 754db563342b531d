"""Sites installed before: the Kanban cards' fields and translated role profile names."""

from fulian_grid.install import show_kanban_card_fields, translate_role_profile_names


def execute():
	show_kanban_card_fields()
	translate_role_profile_names()
