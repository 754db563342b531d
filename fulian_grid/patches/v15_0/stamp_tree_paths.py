from fulian_grid.tree_paths import stamp_all


def execute():
	stamp_all()
