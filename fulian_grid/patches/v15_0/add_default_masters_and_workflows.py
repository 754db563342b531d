from fulian_grid.install import add_default_masters, add_kanban_boards, add_workflows


def execute():
	add_default_masters()
	add_workflows()
	add_kanban_boards()
