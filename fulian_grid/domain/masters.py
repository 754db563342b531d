"""The master records the app ships (categories, items, kinds, topics, criteria): plain data, so
the installer and the demo data read the same lists. Defaults only: federations edit, disable or
delete them; migrate never brings them back."""

# The key groups screened (standard ch. 6), with the risk level a new ledger entry takes from them.
DEFAULT_KEY_GROUP_CATEGORIES = (
	("Women in Difficulty", "Key Women Group", "Medium"),
	("Left-behind Women", "Key Women Group", "Medium"),
	("Single Mothers", "Key Women Group", "Medium"),
	("Women with Disabilities", "Key Women Group", "Medium"),
	("Left-behind Children", "Key Children Group", "Medium"),
	("Children in Distress", "Key Children Group", "High"),
	("Families at Risk of Domestic Violence", "High-risk Family", "High"),
	("Families in Marriage Crisis", "High-risk Family", "Medium"),
)


# The "3 categories, 8 items" checked on every visit. The seed names marriage and family disputes,
# domestic violence and sexual assault; the items are defaults to complete or change without code.
DEFAULT_CONCERN_CATEGORIES = (
	("Marriage and Family Disputes", 0),
	("Domestic Violence", 1),
	("Sexual Assault and Other Crime Clues", 1),
)
DEFAULT_CONCERN_ITEMS = (
	("Marital Dispute", "Marriage and Family Disputes"),
	("Maintenance and Support Dispute", "Marriage and Family Disputes"),
	("Family Property and Inheritance Dispute", "Marriage and Family Disputes"),
	("Physical Violence", "Domestic Violence"),
	("Psychological Violence and Threats", "Domestic Violence"),
	("Abuse or Abandonment of Dependants", "Domestic Violence"),
	("Sexual Assault or Harassment", "Sexual Assault and Other Crime Clues"),
	("Trafficking and Other Crime Clues", "Sexual Assault and Other Crime Clues"),
)


# "N teams into the grid" (N支队伍进网格): the kinds of projects executives lead.
DEFAULT_LED_PROJECT_TYPES = (
	("Federation Team",),
	("Work Project",),
	("Family Building",),
	("Entrepreneurship Service",),
	("Marriage Counselling",),
	("Volunteer Service",),
)


# Kinds of volunteer service and of community needs posted to the teams.
DEFAULT_VOLUNTEER_SERVICE_KINDS = (
	("Caring Visits",),
	("Family Education Help",),
	("Law and Policy Publicity",),
	("Dispute Mediation Help",),
	("Care for the Elderly and Children",),
	("Entrepreneurship and Job Help",),
)


# Service positions (阵地) of the 贴心娘家人 brand.
DEFAULT_SERVICE_POINT_KINDS = (
	("Caring Chat Room",),
	("Women's Home",),
	("Children's Home",),
	("Family Education Station",),
)


# Appendix A: what a service position shows. Copied into Fulian Settings at install only.
DEFAULT_SIGNAGE_REQUIREMENTS = (
	("Brand Logo at the Entrance",),
	("Name Board of the Service Point",),
	("Opening Hours and Service Items on Display",),
	("Volunteer Roster and Contact Board",),
	("Working Rules on the Wall",),
)


# The six areas of executives' training (standard ch. 9).
DEFAULT_TRAINING_TOPICS = (
	("Policy and Law Publicity",),
	("Basic Information Collection",),
	("Public Opinion Collection",),
	("Safety-hazard Screening",),
	("Dispute Screening and Resolution",),
	("Livelihood Services",),
)


# Duty evaluation criteria: (name, indicator, weight %, target per period, how it is measured).
# Weights add up to 100.
DEFAULT_EVALUATION_CRITERIA = (
	("Home Visits", "Visits Made", 20, 30, "Submitted home visits she made in the period"),
	("Risk Screening", "Ledger Entries Screened", 15, 20, "Screening ledger entries she screened"),
	("Timely Reporting", "Reports Raised On Time", 10, 2, "Infringement reports she raised on time"),
	("Grid Deliberation", "Deliberations Convened", 10, 4, "Women's deliberations she convened"),
	("Projects Led", "Projects Led", 10, 1, "Projects she started leading in the period"),
	("Projects Completed", "Projects Completed", 10, 1, "Projects she led to completion"),
	("Volunteer Service", "Volunteer Hours", 10, 20, "Hours of volunteer service"),
	("Training", "Trainings Attended", 10, 4, "Duty-capacity trainings she attended"),
	("Committee Meetings", "Meetings Attended", 5, 4, "Executive committee meetings she attended"),
)
