"""Backups: the file format, verification, rotation, restore and its refusals, the CLI."""

from __future__ import annotations

import errno
import os
from pathlib import Path

import pytest

import de06desk.store.backup as store_backup
from de06desk.backup import (
    KEEP,
    auto_backup,
    backup_database,
    inspect_backup,
    list_backups,
    restore_backup,
)
from de06desk.cli import main
from de06desk.store import Store, StoreError
from de06desk.store.users import User, create_user
from tests.conftest import TEST_COMMUNE

ADMIN = User("admin", "Quản trị", "admin", True)
OFFICER = User("lan", "Lan", "officer", True)


def _village(store: Store, name: str = "Thôn Đông") -> str:
    return store.save_record("village", {"name": name}, user="admin").uuid


def _citizen(store: Store, village: str, name: str = "Nguyễn Văn An") -> str:
    values = {
        "full_name": name,
        "village": village,
        "id_number": "001090012345",
        "living_status": "living",
        "birth_year": 1990,
        "sex": "male",
    }
    return store.save_record("citizen", values, user="admin").uuid


def test_backup_is_verified_and_previewable(store: Store, tmp_path: Path) -> None:
    village = _village(store)
    _citizen(store, village)
    path = backup_database(store, tmp_path / "usb", user="admin")
    assert path.name.startswith(f"{TEST_COMMUNE}_") and path.suffix == ".de06bak"
    info = inspect_backup(path)
    assert info.unit_code == TEST_COMMUNE
    assert info.device_id == store.device_id
    assert info.counts["village"] == 1 and info.counts["citizen"] == 1
    assert info.schema_version >= 1 and not info.encrypted
    # The manifest is cleartext: it must never carry a personal value.
    header = path.read_bytes()[:4096]
    assert b"001090012345" not in header.split(b"SQLite format 3")[0]
    actions = [r[0] for r in store.conn.execute("SELECT action FROM audit")]
    assert "backup" in actions
    assert not list(tmp_path.glob("usb/*.part"))
    assert not list(store.path.parent.glob(".de06bak-*"))


def test_two_backups_in_one_second_get_distinct_names(store: Store, tmp_path: Path) -> None:
    first = backup_database(store, tmp_path)
    second = backup_database(store, tmp_path)
    assert first != second and first.exists() and second.exists()


@pytest.mark.parametrize("damage", ["truncate", "flip", "magic", "empty", "sqlite"])
def test_damaged_or_foreign_files_are_refused(store: Store, tmp_path: Path, damage: str) -> None:
    _village(store)
    path = backup_database(store, tmp_path / "b")
    data = bytearray(path.read_bytes())
    if damage == "truncate":
        data = data[: len(data) - 100]
    elif damage == "flip":
        data[-3000] ^= 0x40
    elif damage == "magic":
        data[:7] = b"NOTOURS"
    elif damage == "empty":
        data = bytearray()
    else:
        data = bytearray(store.path.read_bytes())  # a raw database is not a backup
    path.write_bytes(bytes(data))
    with pytest.raises(StoreError, match=r"(bị hỏng|không phải bản sao lưu)"):
        inspect_backup(path)
    with pytest.raises(StoreError):
        restore_backup(store.path, path, ADMIN)
    assert store.count_records("village") == 1


def test_restore_replaces_atomically_and_keeps_the_old_copy(tmp_path: Path) -> None:
    db = tmp_path / "commune.db"
    with Store.create(db, unit_code=TEST_COMMUNE) as s:
        village = _village(s)
        backup = backup_database(s, tmp_path / "b")
        _citizen(s, village, "Trần Thị Bình")  # made after the backup
    result = restore_backup(db, backup, ADMIN)
    assert result.kept_copy is not None and result.kept_copy.exists()
    assert result.info.counts["village"] == 1
    with Store.open(db) as s:
        assert s.count_records("citizen") == 0
        assert s.count_records("village") == 1
        last = s.conn.execute("SELECT action, username FROM audit ORDER BY id DESC").fetchone()
        assert tuple(last) == ("restore", "admin")
    with Store.open(result.kept_copy) as old:
        assert old.count_records("citizen") == 1
    assert not (tmp_path / "commune.db.restoring").exists()


def test_restore_onto_a_new_pc(tmp_path: Path) -> None:
    with Store.create(tmp_path / "old.db", unit_code=TEST_COMMUNE) as s:
        _village(s)
        backup = backup_database(s, tmp_path / "b")
    target = tmp_path / "new" / "de06desk.db"
    target.parent.mkdir()
    result = restore_backup(target, backup, ADMIN)
    assert result.kept_copy is None
    with Store.open(target) as s:
        assert s.count_records("village") == 1


def test_restore_of_another_unit_is_refused_unless_forced(tmp_path: Path) -> None:
    with Store.create(tmp_path / "other.db", unit_code="00007") as s:
        _village(s, "Thôn Tây")
        backup = backup_database(s, tmp_path / "b")
    db = tmp_path / "commune.db"
    with Store.create(db, unit_code=TEST_COMMUNE) as s:
        _village(s)
    with pytest.raises(StoreError, match="00007"):
        restore_backup(db, backup, ADMIN)
    with Store.open(db) as s:
        assert s.unit_code == TEST_COMMUNE
    restore_backup(db, backup, ADMIN, allow_other_unit=True)
    with Store.open(db) as s:
        assert s.unit_code == "00007"


def test_only_an_admin_restores(store: Store, tmp_path: Path) -> None:
    backup = backup_database(store, tmp_path / "b")
    with pytest.raises(Exception, match="quản trị"):
        restore_backup(store.path, backup, OFFICER)


def test_disk_full_gives_one_line_and_loses_nothing(
    store: Store, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _village(store)
    out = tmp_path / "usb"
    earlier = backup_database(store, out)

    def full(handle: object, data: bytes) -> None:
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    monkeypatch.setattr(store_backup, "_write_all", full)
    with pytest.raises(StoreError) as caught:
        backup_database(store, out)
    text = str(caught.value)
    assert "\n" not in text and os.strerror(errno.ENOSPC) in text
    assert list_backups(out) == [earlier]  # the good backup is still the only one
    assert not list(out.glob("*.part"))
    assert store.count_records("village") == 1
    actions = [r[0] for r in store.conn.execute("SELECT action FROM audit ORDER BY id")]
    assert actions[-1] == "backup_failed"


@pytest.mark.parametrize("kind", ["parent_is_file", "proc"])
def test_unwritable_folder_gives_one_line(store: Store, tmp_path: Path, kind: str) -> None:
    # Tests run as root, where a chmod'ed folder is still writable; a folder under a regular
    # file, or under /proc, cannot be written by anyone.
    if kind == "parent_is_file":
        blocker = tmp_path / "not-a-folder"
        blocker.write_text("x")
        out = blocker / "backups"
    else:
        out = Path("/proc/self/de06-backups")
    with pytest.raises(StoreError) as caught:
        backup_database(store, out)
    assert "\n" not in str(caught.value)
    assert store.count_records("village") == 0


def test_restore_failure_leaves_the_database_alone(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    db = tmp_path / "commune.db"
    with Store.create(db, unit_code=TEST_COMMUNE) as s:
        _village(s)
        backup = backup_database(s, tmp_path / "b")
        _village(s, "Thôn Bắc")

    def full(handle: object, data: bytes) -> None:
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    monkeypatch.setattr(store_backup, "_write_all", full)
    with pytest.raises(StoreError, match=os.strerror(errno.ENOSPC)):
        restore_backup(db, backup, ADMIN)
    with Store.open(db) as s:
        assert s.count_records("village") == 2
    assert not (tmp_path / "commune.db.restoring").exists()


def test_automatic_rotation(store: Store, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    folder = tmp_path / "auto"
    first = auto_backup(store, "close", folder=folder)
    assert first is not None
    assert auto_backup(store, "close", folder=folder) is None  # nothing changed since
    assert auto_backup(store, "daily", folder=folder) is not None
    assert auto_backup(store, "daily", folder=folder) is None  # one per day
    # Many sessions: only the newest KEEP["close"] stay.
    names = iter(f"{TEST_COMMUNE}_29990101-{i:06d}.de06bak" for i in range(100))
    monkeypatch.setattr("de06desk.backup.backup_name", lambda unit, when=None: next(names))
    for i in range(KEEP["close"] + 3):
        _village(store, f"Thôn {i}")
        assert auto_backup(store, "close", folder=folder) is not None
    kept = list_backups(folder / "close", TEST_COMMUNE)
    assert len(kept) == KEEP["close"]
    assert inspect_backup(kept[-1]).counts["village"] == KEEP["close"] + 3


def test_cli_backup_and_restore(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys) -> None:
    db = tmp_path / "commune.db"
    with Store.create(db, unit_code=TEST_COMMUNE) as s:
        create_user(s, "admin", "secret-pw", role="admin", display_name="A", by="init")
        create_user(s, "xem", "secret-pw", role="viewer", display_name="V", by="init")
        _village(s)
    monkeypatch.setenv("DE06_USER", "xem")
    monkeypatch.setenv("DE06_PASSWORD", "secret-pw")
    assert main(["backup", "--db", str(db), "--out", str(tmp_path / "usb")]) == 1
    monkeypatch.setenv("DE06_USER", "admin")
    assert main(["backup", "--db", str(db), "--out", str(tmp_path / "usb")]) == 0
    (backup,) = list_backups(tmp_path / "usb")
    with Store.open(db) as s:
        _village(s, "Thôn Bắc")
    capsys.readouterr()
    # Without --yes and without a terminal the restore refuses and changes nothing.
    assert main(["restore", "--db", str(db), str(backup)]) == 1
    assert "--yes" in capsys.readouterr().err
    assert main(["restore", "--db", str(db), str(backup), "--yes"]) == 0
    out = capsys.readouterr().out
    assert "village: 1" in out
    with Store.open(db) as s:
        assert s.count_records("village") == 1
    # A new PC: the backup's own administrator logs in.
    fresh = tmp_path / "fresh" / "x.db"
    fresh.parent.mkdir()
    assert main(["restore", "--db", str(fresh), str(backup), "--yes"]) == 0
    monkeypatch.setenv("DE06_PASSWORD", "wrong")
    fresh2 = tmp_path / "fresh" / "y.db"
    assert main(["restore", "--db", str(fresh2), str(backup), "--yes"]) == 1
    assert not fresh2.exists()


def test_cli_backup_to_unwritable_place(tmp_path: Path, monkeypatch, capsys) -> None:
    db = tmp_path / "commune.db"
    with Store.create(db, unit_code=TEST_COMMUNE) as s:
        create_user(s, "admin", "secret-pw", role="admin", display_name="A", by="init")
    monkeypatch.setenv("DE06_USER", "admin")
    monkeypatch.setenv("DE06_PASSWORD", "secret-pw")
    blocker = tmp_path / "file"
    blocker.write_text("x")
    assert main(["backup", "--db", str(db), "--out", str(blocker / "sub")]) == 1
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and err.startswith("de06desk: ")
