from fulian_grid.install import add_default_key_group_categories


def execute():
	add_default_key_group_categories()
