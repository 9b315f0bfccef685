"""kill -9 in the middle of a big import leaves the hub as it was, or with the whole package."""

from __future__ import annotations

import json
import os
import random
import signal
import sqlite3
import subprocess
import sys
import time
import uuid
from pathlib import Path

from de06desk.store import Store
from de06desk.store.sync_state import copy_database
from de06desk.sync import export_package, import_packages

_CHILD = """
import sys
from pathlib import Path
from de06desk.store import Store
from de06desk.sync import import_packages
store = Store.open(Path(sys.argv[1]))
print("ready", flush=True)
[outcome] = import_packages(store, [Path(sys.argv[2])])
print(outcome.status, flush=True)
store.close()
"""


def _grow(commune: Store, copies: int) -> int:
    """Duplicate the commune's citizens (new UUIDs and change numbers) to make a big package."""
    conn = commune.conn
    rows = [dict(r) for r in conn.execute("SELECT * FROM citizens WHERE deleted = 0")]
    columns = list(rows[0])
    change = commune.current_change_no()
    batch = []
    for _ in range(copies):
        for row in rows:
            change += 1
            batch.append({**row, "uuid": str(uuid.uuid4()), "change_no": change})
    marks = ", ".join("?" for _ in columns)
    quoted = ", ".join(f'"{c}"' for c in columns)
    with commune.transaction():
        conn.executemany(
            f"INSERT INTO citizens ({quoted}) VALUES ({marks})",
            ([r[c] for c in columns] for r in batch),
        )
        conn.execute("UPDATE counters SET value = ? WHERE name = 'change_no'", (change,))
    return commune.count_records("citizen", include_deleted=True)


def _state(path: Path, unit: str) -> tuple[str, int, int]:
    conn = sqlite3.connect(path)
    try:
        check = conn.execute("PRAGMA integrity_check").fetchone()[0]
        citizens = conn.execute(
            "SELECT count(*) FROM citizens WHERE unit_code = ?", (unit,)
        ).fetchone()[0]
        packages = conn.execute("SELECT count(*) FROM sync_received").fetchone()[0]
    finally:
        conn.close()
    return check, citizens, packages


def test_kill_during_import(commune: Store, hub: Store, tmp_path: Path) -> None:
    total = _grow(commune, 6)
    result = export_package(commune, tmp_path / "usb", full=True)
    assert result is not None
    hub.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    pristine = tmp_path / "pristine.db"
    copy_database(hub, pristine)
    # Measure a complete import once, in-process, to aim the kills inside it.
    started = time.monotonic()
    [outcome] = import_packages(hub, [result.path])
    duration = time.monotonic() - started
    assert outcome.status == "applied", outcome.message
    hub.close()
    rng = random.Random(5)
    env = {**os.environ, "PYTHONPATH": str(Path(__file__).resolve().parents[2])}
    seen: list[int] = []
    for attempt in range(3):
        target = tmp_path / f"hub{attempt}.db"
        with Store.open(pristine) as source:
            copy_database(source, target)
        child = subprocess.Popen(
            [sys.executable, "-c", _CHILD, str(target), str(result.path)],
            stdout=subprocess.PIPE,
            text=True,
            env=env,
        )
        assert child.stdout is not None
        assert child.stdout.readline().strip() == "ready"
        time.sleep(rng.uniform(0.1, 1.0) * duration)
        child.send_signal(signal.SIGKILL)
        child.wait(timeout=30)
        check, citizens, packages = _state(target, commune.unit_code)
        assert check == "ok"
        assert (citizens, packages) in ((0, 0), (total, 1)), json.dumps([citizens, packages])
        seen.append(citizens)
    assert seen  # each attempt ended all-or-nothing (which one depends on timing)
