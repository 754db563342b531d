"""Appendix C drawn from a workflow's own states and transitions, as SVG (no dependencies).

States are laid out in columns by their distance from the first state; each transition is an
arrow labelled with its action (and the role allowed). An edited workflow draws its new shape."""

from collections import defaultdict, deque
from html import escape

BOX_W, BOX_H, GAP_X, GAP_Y, MARGIN, LINE = 130, 44, 120, 56, 30, 20


def layers(states: list[str], transitions: list[dict]) -> dict[str, int]:
	"""Column of each state: shortest number of transitions from the first state."""
	column = {states[0]: 0} if states else {}
	queue = deque(states[:1])
	outgoing = defaultdict(list)
	for t in transitions:
		outgoing[t["state"]].append(t["next_state"])
	while queue:
		state = queue.popleft()
		for nxt in outgoing[state]:
			if nxt not in column:
				column[nxt] = column[state] + 1
				queue.append(nxt)
	last = max(column.values(), default=-1)
	for state in states:  # unreachable states go in a last column
		column.setdefault(state, last + 1)
	return column


def flowchart_svg(
	title: str, states: list[str], transitions: list[dict], labels: dict[str, str] | None = None
) -> str:
	"""Arrows carry the action; a legend under the chart lists who may take each action."""
	labels = labels or {}
	tr = lambda text: labels.get(text, text)  # noqa: E731
	column = layers(states, transitions)
	rows = defaultdict(int)
	position = {}
	for state in states:
		col = column[state]
		position[state] = (MARGIN + col * (BOX_W + GAP_X), MARGIN + 40 + rows[col] * (BOX_H + GAP_Y))
		rows[col] += 1
	legend = list(dict.fromkeys((t["action"], t.get("allowed") or "") for t in transitions))
	chart_height = MARGIN + 40 + max(rows.values(), default=1) * (BOX_H + GAP_Y)
	width = MARGIN * 2 + (max(column.values(), default=0) + 1) * (BOX_W + GAP_X)
	height = chart_height + MARGIN + LINE * (len(legend) + 1)
	parts = [
		f'<svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="{height}" font-family="sans-serif" font-size="12">',
		'<defs><marker id="arrow" markerWidth="10" markerHeight="7" refX="10" refY="3.5" orient="auto">'
		'<polygon points="0 0, 10 3.5, 0 7" fill="#555"/></marker></defs>',
		f'<text x="{MARGIN}" y="{MARGIN + 10}" font-size="16" font-weight="bold">{escape(title)}</text>',
	]
	drawn = defaultdict(int)
	for t in transitions:
		if t["state"] not in position or t["next_state"] not in position:
			continue
		(x1, y1), (x2, y2) = position[t["state"]], position[t["next_state"]]
		forward = x2 > x1 or (x2 == x1 and y2 > y1)
		# forward arrows leave right and arc above; backward ones leave left/bottom and arc below
		nth = drawn[(t["state"], t["next_state"])]
		drawn[(t["state"], t["next_state"])] += 1
		if forward:
			start, end = (x1 + BOX_W, y1 + BOX_H / 2), (x2, y2 + BOX_H / 2)
			bend = -18 - 14 * nth
		else:
			start, end = (x1 + BOX_W / 2, y1 + BOX_H), (x2 + BOX_W / 2, y2 + BOX_H)
			bend = 40 + 14 * nth
		mid_x, mid_y = (start[0] + end[0]) / 2, (start[1] + end[1]) / 2 + bend
		parts.append(
			f'<path d="M{start[0]},{start[1]} Q{mid_x},{mid_y} {end[0]},{end[1]}" fill="none" stroke="#555" marker-end="url(#arrow)"/>'
		)
		label_y = (start[1] + end[1]) / 2 + bend / 2 + (-4 if forward else 12)
		parts.append(
			f'<text x="{mid_x}" y="{label_y}" text-anchor="middle" fill="#333" stroke="#fff" stroke-width="3" paint-order="stroke">{escape(tr(t["action"]))}</text>'
		)
	for state, (x, y) in position.items():
		parts.append(
			f'<rect x="{x}" y="{y}" width="{BOX_W}" height="{BOX_H}" rx="8" fill="#fdecee" stroke="#c8102e"/>'
		)
		parts.append(
			f'<text x="{x + BOX_W / 2}" y="{y + BOX_H / 2 + 4}" text-anchor="middle">{escape(tr(state))}</text>'
		)
	for index, (action, allowed) in enumerate(legend, start=1):
		line = tr(action) + (f"：{tr(allowed)}" if allowed else "")
		parts.append(
			f'<text x="{MARGIN}" y="{chart_height + MARGIN + index * LINE}" fill="#333">{escape(line)}</text>'
		)
	parts.append("</svg>")
	return "\n".join(parts)
