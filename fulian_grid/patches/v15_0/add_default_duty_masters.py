from fulian_grid.install import add_default_duty_masters


def execute():
	add_default_duty_masters()
