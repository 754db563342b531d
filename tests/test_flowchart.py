from fulian_grid.domain.flowchart import flowchart_svg, layers

STATES = ["Draft", "Reported", "Verified", "Closed", "Orphan"]
TRANSITIONS = [
	{"state": "Draft", "action": "Report", "next_state": "Reported", "allowed": "Fulian Grid Worker"},
	{"state": "Reported", "action": "Verify", "next_state": "Verified", "allowed": "Fulian Grid Chair"},
	{"state": "Verified", "action": "Close", "next_state": "Closed", "allowed": "Fulian Grid Chair"},
	{"state": "Closed", "action": "Reopen", "next_state": "Verified", "allowed": "Fulian Officer"},
]


def test_layers_follow_distance_from_first_state():
	assert layers(STATES, TRANSITIONS) == {"Draft": 0, "Reported": 1, "Verified": 2, "Closed": 3, "Orphan": 4}


def test_svg_draws_every_state_and_transition_with_translated_labels():
	svg = flowchart_svg(
		"流程图",
		STATES,
		TRANSITIONS,
		labels={"Draft": "草稿", "Report": "上报", "Fulian Grid Worker": "女网格员"},
	)
	assert svg.startswith("<svg") and svg.endswith("</svg>")
	assert svg.count("<rect") == len(STATES)
	assert svg.count("<path") == len(TRANSITIONS)
	assert "草稿" in svg and "上报：女网格员" in svg
	assert "Verified" in svg  # untranslated labels fall back to the source text


def test_an_edited_workflow_draws_its_new_shape():
	edited = [
		*TRANSITIONS,
		{"state": "Draft", "action": "Discard", "next_state": "Orphan", "allowed": "Fulian Officer"},
	]
	assert layers(STATES, edited)["Orphan"] == 1
	assert flowchart_svg("x", STATES, edited).count("<path") == len(edited)


def test_names_are_escaped():
	svg = flowchart_svg("<b>", ["A&B"], [])
	assert "&lt;b&gt;" in svg and "A&amp;B" in svg
