"""Synthetic data at real scale for the benchmarks, cached under tests/bench/data/."""

from __future__ import annotations

import random
import shutil
from datetime import date
from pathlib import Path

from de06desk.demo import make_demo
from de06desk.store import Store
from de06desk.store.bulk import insert_records

DATA = Path(__file__).parent / "data"
TODAY = date(2026, 11, 18)
COMMUNE_CITIZENS = 30_000
COMMUNE_WEEKS = 104


def commune_db(
    citizens: int = COMMUNE_CITIZENS,
    weeks: int = COMMUNE_WEEKS,
    seed: int = 1,
    commune_code: str = "03037",
) -> Path:
    """A commune at scale: 30,000 citizens and two years of drives, cases and sessions."""
    path = DATA / f"commune_{commune_code}_{citizens}_{weeks}_{seed}.db"
    if not path.exists():
        DATA.mkdir(parents=True, exist_ok=True)
        tmp = path.with_suffix(".tmp")
        _remove(tmp)
        make_demo(
            tmp, seed=seed, weeks=weeks, citizens=citizens, commune_code=commune_code, today=TODAY
        )
        tmp.rename(path)
    return path


def million_citizens_db(total: int = 1_000_000) -> Path:
    """A commune database whose citizen list has `total` rows (for the list benchmarks)."""
    path = DATA / f"citizens_{total}.db"
    if path.exists():
        return path
    base = commune_db(citizens=20_000, weeks=8, seed=2, commune_code="00004")
    tmp = path.with_suffix(".tmp")
    _remove(tmp)
    shutil.copy2(base, tmp)
    store = Store.open(tmp)
    try:
        rng = random.Random(7)
        existing = store.list_records("citizen", limit=20_000)
        remaining = total - store.count_records("citizen")
        records = (dict(rng.choice(existing).values) for _ in range(remaining))
        insert_records(store, "citizen", records, user="bench", validate=False)
    finally:
        store.close()
    tmp.rename(path)
    return path


def fresh_copy(source: Path, folder: Path) -> Path:
    """A private copy of a cached database, so a writing benchmark starts from the same state."""
    target = folder / source.name
    shutil.copy2(source, target)
    return target


def _remove(path: Path) -> None:
    for suffix in ("", "-wal", "-shm"):
        Path(str(path) + suffix).unlink(missing_ok=True)
