"""The standing attack suite's common shape: families of hostile trials and their tally.

A family is a function `(rng, workdir) -> Outcome` that builds one hostile input from `rng`,
feeds it to the program the way an attacker or a failing disk would, and says what happened.
Family modules in this package export `FAMILIES: dict[str, Family]`. The pytest files run each
family for a fixed budget (CI); `python -m tests.attack.run` runs any budget and prints the
figures that docs/SECURITY.md quotes.
"""

from __future__ import annotations

import random
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path


@dataclass(frozen=True, kw_only=True)
class Outcome:
    """What one hostile trial did to the program."""

    refused: bool  # the input met a clean, one-line refusal
    crashed: bool = False  # an exception escaped where a refusal was due
    changed: bool = False  # the receiving database changed although the input was refused
    traceback: bool = False  # a Python traceback reached the user's terminal
    detail: str = ""  # for a failure: what to look at (never personal data)

    @property
    def failed(self) -> bool:
        """A trial fails when anything but a clean outcome happened."""
        return self.crashed or self.changed or self.traceback


Family = Callable[[random.Random, Path], Outcome]


@dataclass
class Tally:
    """Counts for one family over a run."""

    cases: int = 0
    refused: int = 0
    crashed: int = 0
    changed: int = 0
    tracebacks: int = 0
    failures: list[str] = field(default_factory=list)

    def add(self, outcome: Outcome) -> None:
        """Count one outcome (and keep the first few failures' details)."""
        self.cases += 1
        self.refused += outcome.refused
        self.crashed += outcome.crashed
        self.changed += outcome.changed
        self.tracebacks += outcome.traceback
        if outcome.failed and len(self.failures) < 5:
            self.failures.append(outcome.detail)


def run_family(family: Family, cases: int, seed: int, workdir: Path) -> Tally:
    """Run `cases` trials of one family, each in its own fresh folder under `workdir`."""
    tally = Tally()
    rng = random.Random(seed)
    for i in range(cases):
        trial_dir = workdir / f"t{i}"
        trial_dir.mkdir(parents=True)
        tally.add(family(rng, trial_dir))
    return tally
