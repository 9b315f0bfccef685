"""Benchmarks at real scale (`make bench`); not collected by the default test run."""
