"""Run the standing attack suite.

    python -m tests.attack.run [--cases N] [--seed S] [--family NAME]...

Every module `tests/attack/*.py` that exports `FAMILIES` contributes its families; `--cases`
is the total, spread evenly over the families chosen. Prints one row per family (cases,
refused, crashed, changed, tracebacks) and exits 1 if any trial failed. docs/SECURITY.md
quotes its figures.
"""

from __future__ import annotations

import argparse
import importlib
import pkgutil
import random
import shutil
import sys
import tempfile
import time
from pathlib import Path

import tests.attack
from tests.attack.core import Family, Tally, run_family


def all_families() -> dict[str, Family]:
    """Every family of every attack module, by name (a name may appear only once)."""
    found: dict[str, Family] = {}
    for info in pkgutil.iter_modules(tests.attack.__path__):
        if info.name in ("core", "run") or info.name.startswith("test_"):
            continue
        module = importlib.import_module(f"tests.attack.{info.name}")
        for name, family in getattr(module, "FAMILIES", {}).items():
            if name in found:
                raise SystemExit(f"attack family {name!r} is defined twice")
            found[name] = family
    return found


def split(total: int, names: list[str]) -> dict[str, int]:
    """`total` cases spread over `names` as evenly as possible (each at least one)."""
    base, extra = divmod(max(total, len(names)), len(names))
    return {name: base + (i < extra) for i, name in enumerate(names)}


def table(rows: dict[str, tuple[Tally, float]]) -> str:
    """The figures as a Markdown table (what docs/SECURITY.md shows)."""
    head = "| family | cases | refused | crashed | changed | tracebacks | seconds |"
    lines = [head, "|---|---|---|---|---|---|---|"]
    totals = Tally()
    for name, (t, seconds) in rows.items():
        lines.append(
            f"| {name} | {t.cases:,} | {t.refused:,} | {t.crashed} | {t.changed} | "
            f"{t.tracebacks} | {seconds:.0f} |"
        )
        for field in ("cases", "refused", "crashed", "changed", "tracebacks"):
            setattr(totals, field, getattr(totals, field) + getattr(t, field))
    lines.append(
        f"| **total** | {totals.cases:,} | {totals.refused:,} | {totals.crashed} | "
        f"{totals.changed} | {totals.tracebacks} | {sum(s for _, s in rows.values()):.0f} |"
    )
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    """Run the chosen families and print their figures; 1 if anything failed."""
    parser = argparse.ArgumentParser(prog="python -m tests.attack.run", description=__doc__)
    parser.add_argument("--cases", type=int, default=300, help="total cases over the families")
    parser.add_argument("--seed", type=int, default=None, help="seed (default: random, printed)")
    parser.add_argument(
        "--family", action="append", default=[], help="only this family (repeatable)"
    )
    args = parser.parse_args(argv)
    families = all_families()
    chosen = args.family or sorted(families)
    unknown = [name for name in chosen if name not in families]
    if unknown:
        parser.error(f"unknown family {unknown[0]!r}; known: {', '.join(sorted(families))}")
    seed = args.seed if args.seed is not None else random.SystemRandom().randrange(2**31)
    print(f"seed {seed}; families: {', '.join(chosen)}", flush=True)
    rows: dict[str, tuple[Tally, float]] = {}
    work = Path(tempfile.mkdtemp(prefix="de06desk-attack-"))
    for i, (name, cases) in enumerate(split(args.cases, chosen).items()):
        started = time.monotonic()
        tally = run_family(families[name], cases, seed + i, work / name)
        rows[name] = (tally, time.monotonic() - started)
        print(f"  {name}: {tally.cases} cases in {rows[name][1]:.0f} s", flush=True)
    print(table(rows))
    failures = [(name, d) for name, (t, _) in rows.items() for d in t.failures]
    for name, detail in failures:
        print(f"FAILED {name}: {detail}")
    if failures:
        print(f"The failed trials' folders are kept under {work}")
        return 1
    shutil.rmtree(work, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
