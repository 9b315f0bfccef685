"""Upgrade path, through the command line: a newer de06desk opens an older database.

An upgrade migrates the file after copying it aside (the copy keeps the old schema, so a
failed or regretted upgrade loses nothing); a database from a newer de06desk is refused with
a message and left byte-for-byte unchanged. "Older" is made two ways, as it happens in the
field: an older schema version, and a form that gained a field (DE06_FORMS_DIR points the
program at an edited copy of forms/).
"""

from __future__ import annotations

import hashlib
import re
import shutil
import sqlite3
from pathlib import Path

import pytest

from de06desk.cli import main
from de06desk.config import forms_dir
from de06desk.demo import DEMO_PASSWORD, DEMO_USER
from de06desk.store import Store
from de06desk.store.migrations import SCHEMA_VERSION


@pytest.fixture(autouse=True)
def _demo_login(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("DE06_USER", DEMO_USER)
    monkeypatch.setenv("DE06_PASSWORD", DEMO_PASSWORD)


def _meta(path: Path, key: str) -> str | None:
    conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        row = conn.execute("SELECT value FROM meta WHERE key = ?", (key,)).fetchone()
        return row[0] if row else None
    finally:
        conn.close()


def _set_schema_version(path: Path, version: int) -> None:
    conn = sqlite3.connect(path)
    with conn:
        conn.execute("UPDATE meta SET value = ? WHERE key = 'schema_version'", (str(version),))
    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    conn.close()


def _columns(path: Path, table: str) -> set[str]:
    conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        return {row[1] for row in conn.execute(f'PRAGMA table_info("{table}")')}
    finally:
        conn.close()


def _backups(path: Path) -> list[Path]:
    return sorted(path.parent.glob(f"{path.stem}.before-migration-*{path.suffix}"))


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _forms_with_new_field(tmp_path: Path) -> Path:
    """A copy of forms/ where `citizen` (version bumped) gained an optional text field."""
    folder = tmp_path / "forms-next"
    shutil.copytree(forms_dir(), folder)
    citizen = folder / "citizen.toml"
    text = citizen.read_text(encoding="utf-8")
    text, bumped = re.subn(
        r"^version = (\d+)$",
        lambda m: f"version = {int(m.group(1)) + 1}",
        text,
        count=1,
        flags=re.MULTILINE,
    )
    assert bumped == 1
    text += (
        "\n[[fields]]\n"
        'name = "other_name"\n'
        'type = "text"\n'
        'label_vi = "Tên gọi khác"\n'
        'label_en = "Other name"\n'
        "max_length = 100\n"
    )
    citizen.write_text(text, encoding="utf-8")
    return folder


def test_older_schema_is_migrated_after_a_backup(
    demo_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    _set_schema_version(demo_path, SCHEMA_VERSION - 1)
    before = _digest(demo_path)

    assert main(["user", "list", "--db", str(demo_path)]) == 0
    assert DEMO_USER in capsys.readouterr().out

    assert _meta(demo_path, "schema_version") == str(SCHEMA_VERSION)
    [backup] = _backups(demo_path)
    assert _digest(backup) == before  # the copy is the file as it was, untouched
    assert _meta(backup, "schema_version") == str(SCHEMA_VERSION - 1)

    # Opened again: nothing left to migrate, so no second copy.
    assert main(["user", "list", "--db", str(demo_path)]) == 0
    assert _backups(demo_path) == [backup]


def test_a_field_added_to_a_form_is_migrated_after_a_backup(
    demo_path: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("DE06_FORMS_DIR", str(_forms_with_new_field(tmp_path)))
    citizens = Store.open(demo_path)
    count = citizens.count_records("citizen")
    citizens.close()

    assert main(["user", "list", "--db", str(demo_path)]) == 0

    assert "other_name" in _columns(demo_path, "citizens")
    [backup] = _backups(demo_path)
    assert "other_name" not in _columns(backup, "citizens")
    with Store.open(demo_path) as store:
        assert store.count_records("citizen") == count  # nothing lost on the way
        assert store.migration_backup is None  # already migrated: nothing more to do


def test_store_reports_what_it_migrated(demo_path: Path) -> None:
    """What the UI needs to tell the user after an upgrade (see installer/README.md)."""
    _set_schema_version(demo_path, SCHEMA_VERSION - 1)
    with Store.open(demo_path) as store:
        assert store.migrated_from == SCHEMA_VERSION - 1
        assert store.migration_backup is not None
        assert store.migration_backup == _backups(demo_path)[0]
    with Store.open(demo_path) as store:
        assert store.migrated_from is None
        assert store.migration_backup is None


def test_cli_says_it_migrated(demo_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    _set_schema_version(demo_path, SCHEMA_VERSION - 1)
    assert main(["user", "list", "--db", str(demo_path)]) == 0
    err = capsys.readouterr().err
    assert _backups(demo_path)[0].name in err


def test_database_from_a_newer_version_is_refused_unchanged(
    demo_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    _set_schema_version(demo_path, SCHEMA_VERSION + 1)
    before = _digest(demo_path)

    assert main(["user", "list", "--db", str(demo_path)]) == 1

    err = capsys.readouterr().err
    assert "phiên bản mới hơn" in err
    assert f"{SCHEMA_VERSION + 1} > {SCHEMA_VERSION}" in err
    assert "Hãy cập nhật de06desk" in err
    assert _digest(demo_path) == before
    assert _backups(demo_path) == []
