from fulian_grid.install import add_brand_signage_defaults, add_project_and_service_masters


def execute():
	"""Existing sites get the led-project, volunteer-service and service-point defaults once."""
	add_project_and_service_masters()
	add_brand_signage_defaults()
