"""Run in a fresh interpreter by the hub-import benchmark, so its peak memory is its own.

`python -m tests.bench.import_child HUB.db KEY [--chunk N] PACKAGE...` imports the packages (each
must apply) into HUB.db (encrypted under the hex data key KEY, or plaintext if KEY is "-"),
imports them again (each must be "already imported"), and prints one JSON line: seconds for
each pass, rows, the process's CPU time (both passes, both threads) and its resident-memory
high-water mark (VmHWM) in MiB. With `--chunk N` the first pass imports N packages per call
and `chunks` gives each call's packages, rows, wall and CPU seconds and the hub file's size
after it (how the cost grows with the hub).
"""

from __future__ import annotations

import json
import resource
import sys
import time
from pathlib import Path

from de06desk.store import Store
from de06desk.sync import import_packages


def peak_rss_mib() -> float:
    """This process's resident-set high-water mark (Linux /proc), in MiB."""
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) / 1024
    return float("nan")


def _cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_SELF)
    return usage.ru_utime + usage.ru_stime


def main(hub_path: Path, key: bytes | None, packages: list[Path], chunk: int = 0) -> int:
    """Import, re-import, report."""
    store = Store.open(hub_path, key=key)
    chunks: list[dict[str, float]] = []
    try:
        start = time.perf_counter()
        first = []
        step = chunk or len(packages) or 1
        for at in range(0, len(packages), step):
            began, cpu = time.perf_counter(), _cpu()
            outcomes = import_packages(store, packages[at : at + step])
            first += outcomes
            chunks.append(
                {
                    "packages": at + len(outcomes),
                    "rows": sum(o.rows for o in outcomes),
                    "seconds": time.perf_counter() - began,
                    "cpu_s": _cpu() - cpu,
                    "bytes": sum(
                        p.stat().st_size
                        for p in (hub_path, hub_path.with_name(hub_path.name + "-wal"))
                        if p.exists()
                    ),
                }
            )
        imported = time.perf_counter() - start
        start = time.perf_counter()
        again = import_packages(store, packages)
        reimported = time.perf_counter() - start
    finally:
        store.close()
    wrong = [o for o in first if o.status != "applied"] + [
        o for o in again if o.status != "already"
    ]
    if wrong:
        print(f"unexpected: {wrong[0].path.name}: {wrong[0].status}: {wrong[0].message}")
        return 1
    usage = resource.getrusage(resource.RUSAGE_SELF)
    result = {
        "cpu_s": usage.ru_utime + usage.ru_stime,
        "import_s": imported,
        "reimport_s": reimported,
        "rows": sum(o.rows for o in first),
        "peak_mib": peak_rss_mib(),
        "chunks": chunks,
    }
    print(json.dumps(result))
    return 0


if __name__ == "__main__":
    key = None if sys.argv[2] == "-" else bytes.fromhex(sys.argv[2])
    rest = sys.argv[3:]
    chunk = 0
    if rest and rest[0] == "--chunk":
        chunk, rest = int(rest[1]), rest[2:]
    sys.exit(main(Path(sys.argv[1]), key, [Path(p) for p in rest], chunk))
