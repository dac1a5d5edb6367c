"""Benchmarks: a generator of large realistic workspaces and `python -m benchmarks`."""
