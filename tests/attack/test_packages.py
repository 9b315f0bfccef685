"""The package and key-file attack families, each for a small fixed budget (CI).

Every trial must meet a clean one-line refusal: no exception, no traceback, no escape code on
the terminal, the hub's file byte-for-byte unchanged. The long run (`python -m tests.attack.run`)
runs the same families for as many cases as asked.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from .core import run_family
from .packages import FAMILIES

# Trials per family here; the families are fast (tens to hundreds per second) once the shared
# communes and hub exist, so all of them together stay well under a minute.
BUDGET = 40
SEED = 15


@pytest.mark.parametrize("name", sorted(FAMILIES))
def test_family_meets_only_clean_refusals(name: str, tmp_path: Path) -> None:
    tally = run_family(FAMILIES[name], BUDGET, SEED, tmp_path)
    assert tally.cases == BUDGET
    assert (tally.crashed, tally.changed, tally.tracebacks) == (0, 0, 0), tally.failures
    assert tally.refused == tally.cases, tally.failures
