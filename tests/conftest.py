"""Shared fixtures: a fresh database per test, an offscreen Qt, a cached demo database."""

from __future__ import annotations

import os
import shutil
from datetime import date
from pathlib import Path

import pytest

# GUI tests run without a display (CI has none); set before Qt is imported anywhere.
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from de06desk.store import Store

TEST_COMMUNE = "00004"  # Phường Ba Đình, Thành phố Hà Nội (a real 2025 unit code)
DEMO_TODAY = date(2026, 11, 18)  # a Wednesday in ISO week 2026-W47


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
