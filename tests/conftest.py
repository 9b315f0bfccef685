"""Shared fixtures: a fresh database per test, an offscreen Qt, a cached demo database, a hub with
communes that trust it (sync, hub screens and the command line use them)."""

from __future__ import annotations

import os
import shutil
import sqlite3
from collections.abc import Callable, Iterator
from datetime import date
from pathlib import Path

import pytest

# GUI tests run without a display (CI has none); set before Qt is imported anywhere.
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from de06desk.store import Store
from de06desk.sync import init_hub, public_key_file, set_hub, trust_commune

TEST_COMMUNE = "00004"  # Phường Ba Đình, Thành phố Hà Nội (a real 2025 unit code)
DEMO_TODAY = date(2026, 11, 18)  # a Wednesday in ISO week 2026-W47
HUB_CODE = "HN01"
SECOND_COMMUNE = "00008"


@pytest.fixture(autouse=True)
def _isolated_data_dir(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch):
    """Never touch the real user data folder or settings from a test."""
    data = tmp_path_factory.mktemp("data")
    monkeypatch.setenv("DE06_DATA_DIR", str(data))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(data / "config"))
    monkeypatch.delenv("DE06_USER", raising=False)
    monkeypatch.delenv("DE06_PASSWORD", raising=False)


@pytest.fixture
def store(tmp_path: Path):
    """A new, empty commune database on a real file."""
    s = Store.create(tmp_path / "commune.db", unit_code=TEST_COMMUNE)
    yield s
    s.close()


@pytest.fixture(scope="session")
def demo_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A demo commune made once per test session (fixed seed and date)."""
    from de06desk.demo import make_demo

    path = tmp_path_factory.mktemp("demo") / "demo.db"
    make_demo(path, seed=6, weeks=8, citizens=600, commune_code="00004", today=DEMO_TODAY)
    return path


@pytest.fixture
def demo_path(demo_template: Path, tmp_path: Path) -> Path:
    """A private copy of the demo database for one test."""
    target = tmp_path / "demo.db"
    shutil.copy2(demo_template, target)
    return target


@pytest.fixture
def demo_store(demo_path: Path):
    """The demo database, open."""
    s = Store.open(demo_path)
    yield s
    s.close()


@pytest.fixture(scope="session")
def second_demo_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Another demo commune, made once per session."""
    from de06desk.demo import make_demo

    path = tmp_path_factory.mktemp("demo2") / "demo2.db"
    make_demo(path, seed=8, weeks=4, citizens=150, commune_code=SECOND_COMMUNE, today=DEMO_TODAY)
    return path


@pytest.fixture
def hub(tmp_path: Path) -> Iterator[Store]:
    """A new hub database with its keys."""
    store = init_hub(tmp_path / "hub.db", unit_code=HUB_CODE, name="Công an Thành phố Hà Nội")
    yield store
    store.close()


def connect(hub: Store, commune: Store) -> None:
    """Exchange keys both ways, as the two officers would with key files."""
    set_hub(commune, public_key_file(hub), user="admin")
    trust_commune(hub, public_key_file(commune), user="admin")


@pytest.fixture
def commune(demo_path: Path, hub: Store) -> Iterator[Store]:
    """The demo commune, registered at the hub and holding the hub's key."""
    store = Store.open(demo_path)
    connect(hub, store)
    yield store
    store.close()


@pytest.fixture
def second_commune(second_demo_template: Path, tmp_path: Path, hub: Store) -> Iterator[Store]:
    """A second demo commune, registered at the same hub."""
    target = tmp_path / "demo2.db"
    shutil.copy2(second_demo_template, target)
    store = Store.open(target)
    connect(hub, store)
    yield store
    store.close()


def snapshot(path: Path) -> tuple[bytes, list[str]]:
    """The file's bytes and a full SQL dump (the store must be closed)."""
    assert not Path(str(path) + "-wal").exists() or Path(str(path) + "-wal").stat().st_size == 0
    data = path.read_bytes()
    if not data.startswith(b"SQLite format 3\x00"):
        return data, []  # encrypted: any change to it changes the bytes
    conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        dump = list(conn.iterdump())
    finally:
        conn.close()
    return data, dump


@pytest.fixture
def unchanged() -> Callable[[Path, Callable[[Store], object]], object]:
    """Run `action(store)` on a freshly opened database and assert the file did not change."""

    def check(path: Path, action: Callable[[Store], object]) -> object:
        before = snapshot(path)
        store = Store.open(path)
        try:
            result = action(store)
        finally:
            store.close()
        after = snapshot(path)
        assert after[1] == before[1], "database content changed"
        assert after[0] == before[0], "database file bytes changed"
        return result

    return check
