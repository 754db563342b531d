"""The app's roles and the role profiles that bundle them (plain data, no frappe import)."""

FULIAN_ADMIN = "Fulian Admin"
FULIAN_OFFICER = "Fulian Officer"
FULIAN_GRID_CHAIR = "Fulian Grid Chair"
FULIAN_EXECUTIVE = "Fulian Executive"
FULIAN_GRID_WORKER = "Fulian Grid Worker"
FULIAN_VIEWER = "Fulian Viewer"

APP_ROLES = (
	FULIAN_ADMIN,
	FULIAN_OFFICER,
	FULIAN_GRID_CHAIR,
	FULIAN_EXECUTIVE,
	FULIAN_GRID_WORKER,
	FULIAN_VIEWER,
)

# Roles that handle cases: they see identities in full within their scope.
HANDLER_ROLES = (FULIAN_ADMIN, FULIAN_OFFICER, FULIAN_GRID_CHAIR)
# roles that give roles per grid (Grid Role Assignment) and so pick roles in its Link field
ROLE_PICKING_ROLES = (FULIAN_ADMIN,)

DEFAULT_ROLE_PROFILES = {
	"Fulian City Administrator": (FULIAN_ADMIN, FULIAN_OFFICER, FULIAN_VIEWER),
	"Fulian Federation Officer": (FULIAN_OFFICER, FULIAN_VIEWER),
	"Fulian Grid Federation Chair": (FULIAN_GRID_CHAIR, FULIAN_EXECUTIVE),
	"Fulian Federation Executive": (FULIAN_EXECUTIVE,),
	"Fulian Grid Worker Profile": (FULIAN_GRID_WORKER,),
	"Fulian Statistics Viewer": (FULIAN_VIEWER,),
}

# The module profile an app user gets with her first Grid Role Assignment: her desk's sidebar
# shows the app's workspaces, not Frappe's (Users, Website, Build…). It hides; it grants nothing.
MODULE_PROFILE = "Fulian Grid"
