"""Tests of citizen import, data-quality checks and follow-up lists."""
