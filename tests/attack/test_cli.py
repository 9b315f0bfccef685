"""CI budget of the command-line, workbook and disk-full attack families (tests/attack/cli.py).

Fixed seeds, so a failure here reproduces with `python -m tests.attack.run --family NAME
--seed S --cases N`. The long run and its figures are in docs/SECURITY.md.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.attack.cli import FAMILIES
from tests.attack.core import run_family

# (family, cases, seed): about 50 s together on the shared 2-core machine.
BUDGET = [("cli-args", 200, 15), ("formula", 60, 15), ("disk-full", 10, 15)]


@pytest.mark.parametrize(("name", "cases", "seed"), BUDGET, ids=[b[0] for b in BUDGET])
def test_family_holds(name: str, cases: int, seed: int, tmp_path: Path) -> None:
    tally = run_family(FAMILIES[name], cases, seed, tmp_path)
    assert tally.cases == cases
    assert (tally.crashed, tally.changed, tally.tracebacks) == (0, 0, 0), tally.failures
    # The family really attacked: most trials met a refusal (or, for formulas, neutral text).
    assert tally.refused >= cases // 3
