"""Run in a fresh interpreter by the list-import benchmark, so its peak memory is its own.

`python -m tests.bench.list_import_child bare FILE.xlsx` reads the workbook with pandas +
calamine and nothing else (the reference); `python -m tests.bench.list_import_child import
DB FILE.xlsx` imports it end to end as `de06desk import citizens --yes` does (read, guess the
columns, preview, write in one transaction). Each prints one JSON line: seconds, rows, CPU
time, and the process's resident-memory high-water mark (VmHWM) in MiB.
"""

from __future__ import annotations

import json
import resource
import sys
import time
from pathlib import Path

from tests.bench.import_child import peak_rss_mib


def bare(path: Path) -> dict[str, float]:
    """pandas.read_excel with the calamine engine: the floor an import cannot beat."""
    import pandas as pd

    start = time.perf_counter()
    frame = pd.read_excel(path, engine="calamine", header=None)
    return {"seconds": time.perf_counter() - start, "rows": len(frame)}


def full_import(db: Path, path: Path) -> dict[str, float]:
    """Read, map, preview and write, as the command line does."""
    from de06desk.quality.citizen_import import apply_import, plan_import, read_table
    from de06desk.quality.profiles import propose_mapping
    from de06desk.store import Store

    store = Store.open(db)
    try:
        start = time.perf_counter()
        table = read_table(path)
        read = time.perf_counter() - start
        mapping, _ = propose_mapping(store, "citizens", table.headers)
        plan = plan_import(store, table, mapping, create_villages=True)
        planned = time.perf_counter() - start
        if plan.refused:
            raise SystemExit(f"refused: {plan.refused[0].row_no}: {plan.refused[0].reason.vi}")
        result = apply_import(store, plan, "bench")
        seconds = time.perf_counter() - start
    finally:
        store.close()
    return {
        "seconds": seconds,
        "read_s": read,
        "plan_s": planned - read,
        "rows": result.added + result.updated,
    }


if __name__ == "__main__":
    if sys.argv[1] == "bare":
        figures = bare(Path(sys.argv[2]))
    else:
        figures = full_import(Path(sys.argv[2]), Path(sys.argv[3]))
    usage = resource.getrusage(resource.RUSAGE_SELF)
    figures["cpu_s"] = usage.ru_utime + usage.ru_stime
    figures["peak_mib"] = peak_rss_mib()
    print(json.dumps(figures))
