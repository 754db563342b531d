# Copyright (c) 2026, fulian_grid developers
# License: MIT. See LICENSE
"""Work Statistics (工作统计): every figure of the seed's table for a subtree and period, one row
per child node and a total for the whole subtree. The figures, their small-cell rule
and the organization counts are in queries/statistics.py, shared with the Word export."""

from fulian_grid.queries.statistics import work_statistics


def execute(filters=None):
	return work_statistics(filters)
