"""Data-quality checks over the citizen list and the citizen-list import."""
