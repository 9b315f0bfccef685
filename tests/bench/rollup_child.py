"""Run in a fresh interpreter by the national roll-up benchmark, so its peak memory is its own.

`python -m tests.bench.rollup_child NATIONAL.db WEEK OUT.pdf PACKAGE...` imports the summary
packages (each must apply) into the national hub, then builds the weekly summary of WEEK
(an ISO week key, 2026-W47) and its PDF, and prints one JSON line: seconds of the import and
of the report, lines imported and the process's resident-memory high-water mark in MiB.
"""

from __future__ import annotations

import json
import sys
import time
from pathlib import Path

from de06desk.domain.weeks import parse_week
from de06desk.reports.header import report_header
from de06desk.reports.pdf import render_pdf
from de06desk.reports.rollup import import_summaries
from de06desk.reports.summary import build_summary
from de06desk.store import Store
from tests.bench.import_child import peak_rss_mib


def main(hub_path: Path, week: str, pdf: Path, packages: list[Path]) -> int:
    """Import, report, print the figures."""
    store = Store.open(hub_path)
    try:
        start = time.perf_counter()
        outcomes = import_summaries(store, packages, authorize=lambda: "bench")
        imported = time.perf_counter() - start
        wrong = [o for o in outcomes if o.status != "applied"]
        if wrong:
            print(f"unexpected: {wrong[0].path.name}: {wrong[0].status}: {wrong[0].message}")
            return 1
        period = parse_week(week)
        start = time.perf_counter()
        summary = build_summary(store, period)
        render_pdf(summary, report_header(store), pdf)
        reported = time.perf_counter() - start
    finally:
        store.close()
    result = {
        "import_s": imported,
        "report_s": reported,
        "lines": sum(o.rows for o in outcomes),
        "communes": len(summary.table("ranking").rows),
        "peak_mib": peak_rss_mib(),
    }
    print(json.dumps(result))
    return 0


if __name__ == "__main__":
    sys.exit(main(Path(sys.argv[1]), sys.argv[2], Path(sys.argv[3]), list(map(Path, sys.argv[4:]))))
