"""“The community blows the whistle, the teams report for duty” (社区吹哨、队伍报到).

A service request posted on a grid node goes to the volunteer teams of that node's subtree; one of
them takes it (reports for duty) and closes it with feedback."""

from fulian_grid.domain import DomainError
from fulian_grid.domain.tree import within

AWAITING = "Awaiting Team"
TAKEN = "Team Reported"
CLOSED = "Request Closed"
STAGES = (AWAITING, TAKEN, CLOSED)


def check_team_in_subtree(team: str, team_path: str | None, request_path: str | None) -> None:
	"""Only a team placed in the requesting grid's subtree (tree paths) may take the request."""
	if not (request_path and within(team_path, [request_path])):
		raise DomainError("Team {0} does not serve the grid of this request", team)


def stage_of(taken_by: str | None, closed: bool) -> str:
	if closed:
		return CLOSED
	return TAKEN if taken_by else AWAITING


def check_closing(taken_by: str | None, feedback: str | None) -> None:
	"""A request is closed by the team that took it, with feedback on what was done."""
	if not taken_by:
		raise DomainError("A request must be taken by a team before it is closed")
	if not (feedback or "").strip():
		raise DomainError("Please give feedback before closing the request")
