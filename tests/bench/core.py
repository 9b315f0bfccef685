"""What every benchmark shares: results, the registry, timing helpers."""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
REPEATS = int(os.environ.get("DE06_BENCH_REPEATS", "5"))


@dataclass
class Result:
    """One measured figure against its goal."""

    name: str
    measured: float
    goal: float
    unit: str
    note: str = ""
    # A floor instead of a ceiling (a rate that must stay high): ok when measured ≥ goal.
    at_least: bool = False

    @property
    def ok(self) -> bool:
        return self.measured >= self.goal if self.at_least else self.measured <= self.goal

    @property
    def goal_text(self) -> str:
        """The goal as printed: "< 3 ×", or "≥ 0.8 ×" for a floor."""
        return f"{'≥' if self.at_least else '<'} {self.goal:g} {self.unit}"


BENCHMARKS: dict[str, Callable[[Path], list[Result]]] = {}


def benchmark(
    name: str,
) -> Callable[[Callable[[Path], list[Result]]], Callable[[Path], list[Result]]]:
    """Register a benchmark function (it gets a private temporary folder)."""

    def register(fn: Callable[[Path], list[Result]]) -> Callable[[Path], list[Result]]:
        BENCHMARKS[name] = fn
        return fn

    return register


def median_time(fn: Callable[[], object], repeats: int = REPEATS) -> float:
    """Median wall time of `fn` over `repeats` runs, in seconds."""
    times = []
    for _ in range(repeats):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def p95(values: list[float]) -> float:
    """95th percentile (nearest rank)."""
    ordered = sorted(values)
    return ordered[max(0, round(0.95 * len(ordered)) - 1)]


def run_python(code: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    """Run a snippet in a fresh interpreter (for start-up and peak-memory figures)."""
    return subprocess.run(
        [sys.executable, "-c", code],
        capture_output=True,
        text=True,
        check=True,
        cwd=ROOT,
        env={**os.environ, **(env or {})},
    )
