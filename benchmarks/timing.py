"""The one timer of the benchmarks: a warm-up call, then the median and the slowest of `runs`."""

import statistics
import time


def timed(fn, runs=20):
	fn()  # warm
	samples = []
	for _ in range(runs):
		start = time.perf_counter()
		fn()
		samples.append((time.perf_counter() - start) * 1000)
	return statistics.median(samples), max(samples)
