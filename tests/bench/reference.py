"""The physical reference for sync speed: the `sqlite3` command-line shell's CSV `.import`.

The same rows the package carries (every form's rows as stored, `search_text` included) are
written to CSV files, untimed; then `sqlite3` imports them in one transaction into an empty
database of the same kind, made by `Store.create`. Three variants, because the search index
dominates SQLite's own cost:

- `as-is`: the app's tables unchanged (indexes, and the search index's triggers firing per row);
- `index-once`: the same tables and indexes, but the search index built once at the end
  (FTS5 'rebuild'), which is how SQLite loads a full-text-indexed table fastest;
- `plain`: the bare tables, no index and no trigger: the floor "disk and SQLite allow".

The shell gets the same `synchronous = FULL` and page cache as the app's own import.
"""

from __future__ import annotations

import csv
import shutil
import sqlite3
import subprocess
import time
from pathlib import Path
from typing import Literal

from de06desk.store.sync_state import BULK_CACHE_KIB

Mode = Literal["as-is", "index-once", "plain"]
MODES: tuple[Mode, ...] = ("as-is", "index-once", "plain")


def sqlite_cli() -> str:
    """Path of the `sqlite3` shell (Makefile `debs` installs it)."""
    found = shutil.which("sqlite3")
    if found is None:
        raise SystemExit("the benchmarks need the sqlite3 shell: apt-get install -y sqlite3")
    return found


def dump_csv(db: Path, folder: Path) -> tuple[list[tuple[str, Path]], int]:
    """Every record table's rows (in the order they were written) as CSV files; returns
    (table, file) pairs and the number of rows.
    """
    from de06desk.forms import load_forms
    from de06desk.forms.bookkeeping import table_columns

    folder.mkdir(parents=True, exist_ok=True)
    conn = sqlite3.connect(f"file:{db}?mode=ro", uri=True)
    files: list[tuple[str, Path]] = []
    total = 0
    try:
        for form in load_forms():
            columns = table_columns(form)
            quoted = ", ".join(f'"{c}"' for c in columns)
            cursor = conn.execute(f'SELECT {quoted} FROM "{form.table}" ORDER BY rowid')
            target = folder / f"{form.table}.csv"
            count = 0
            with target.open("w", newline="", encoding="utf-8") as handle:
                writer = csv.writer(handle)
                writer.writerow(columns)
                while batch := cursor.fetchmany(10_000):
                    writer.writerows(batch)
                    count += len(batch)
            if count:
                files.append((form.table, target))
                total += count
            else:
                target.unlink()
    finally:
        conn.close()
    return files, total


def empty_database(path: Path, role: str) -> Path:
    """An empty database of this kind, with the app's schema."""
    from de06desk.store import Store

    Store.create(path, unit_code="01" if role == "hub" else "00004", role=role).close()  # type: ignore[arg-type]
    return path


def import_seconds(template: Path, files: list[tuple[str, Path]], work: Path, mode: Mode) -> float:
    """Wall time of `sqlite3 DB` importing `files` into a fresh copy of `template`."""
    db = work / f"reference-{mode}.db"
    for suffix in ("", "-wal", "-shm"):
        Path(f"{db}{suffix}").unlink(missing_ok=True)
    shutil.copy2(template, db)
    conn = sqlite3.connect(db)
    fts_tables: list[str] = []
    try:
        objects = conn.execute(
            "SELECT type, name FROM sqlite_master WHERE type IN ('index', 'trigger')"
            " AND sql IS NOT NULL"
        ).fetchall()
        for kind, name in objects:
            search_trigger = kind == "trigger" and name.endswith(("_fts_ai", "_fts_ad", "_fts_au"))
            if mode == "plain" or (mode == "index-once" and search_trigger):
                conn.execute(f'DROP {kind.upper()} "{name}"')
            if search_trigger and name.endswith("_ai"):
                fts_tables.append(name[: -len("_ai")])
        conn.commit()
    finally:
        conn.close()
    # The same durability and page cache as the app's import (store.sync_state).
    script = ["PRAGMA synchronous = FULL;", f"PRAGMA cache_size = {-BULK_CACHE_KIB};", "BEGIN;"]
    script += [f'.import --csv --skip 1 "{path}" "{table}"' for table, path in files]
    if mode == "index-once":
        script += [f'INSERT INTO "{fts}"("{fts}") VALUES (\'rebuild\');' for fts in fts_tables]
    script.append("COMMIT;")
    start = time.perf_counter()
    subprocess.run([sqlite_cli(), str(db)], input="\n".join(script), text=True, check=True)
    elapsed = time.perf_counter() - start
    for suffix in ("", "-wal", "-shm"):
        Path(f"{db}{suffix}").unlink(missing_ok=True)
    return elapsed
