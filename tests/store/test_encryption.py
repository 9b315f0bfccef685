"""Encryption at rest, switched on: what someone who copies the files sees, and who gets in.

The database is made the way officers make it (`de06desk demo`, encrypted); then its file, its
WAL while the app is writing, and a backup are searched byte by byte for the citizens' ID
numbers, names and phones in every encoding the app could have written them in.
"""

from __future__ import annotations

import contextlib
import io
import shutil
import sqlite3
from pathlib import Path

import pytest

from de06desk.backup import backup_database, inspect_backup, restore_backup
from de06desk.cli import main
from de06desk.demo import DEMO_PASSWORD, DEMO_USER
from de06desk.domain.text import fold
from de06desk.store import Store, StoreError
from de06desk.store.crypto import keyring_path
from de06desk.store.encryption import encrypt_database
from de06desk.store.users import (
    create_user,
    is_encrypted,
    log_in,
    set_active,
    set_password,
    unlock,
    unlock_with_recovery_code,
)

CITIZENS = 120


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, str]:
    """An encrypted demo database made by the CLI, and the recovery code it printed."""
    db = tmp_path_factory.mktemp("enc") / "demo.db"
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        assert main(["demo", "--db", str(db), "--citizens", str(CITIZENS), "--weeks", "2"]) == 0
    code = out.getvalue().split("MÃ KHÔI PHỤC", 1)[1].splitlines()[1].strip()
    return db, code


@pytest.fixture
def db(demo: tuple[Path, str], tmp_path: Path) -> Path:
    """A private copy of the encrypted demo database and its keyring."""
    target = tmp_path / "demo.db"
    shutil.copy2(demo[0], target)
    shutil.copy2(keyring_path(demo[0]), keyring_path(target))
    return target


@pytest.fixture
def as_admin(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("DE06_USER", DEMO_USER)
    monkeypatch.setenv("DE06_PASSWORD", DEMO_PASSWORD)


def _needles(store: Store) -> list[bytes]:
    """Every citizen's ID number, name and phone in every encoding worth trying."""
    values: set[str] = set()
    for c in store.list_records("citizen"):
        for name in ("id_number", "full_name", "phone"):
            if c.get(name):
                values.add(str(c[name]))
    # Short values would match random bytes by chance; every real one is ≥ 9 characters.
    values = {v for v in values if len(v) >= 9}
    assert len(values) > CITIZENS  # names and ID numbers at least
    out: list[bytes] = []
    for v in values:
        for text in {v, fold(v), v.upper()}:
            out += [text.encode("utf-8"), text.encode("utf-16-le"), text.encode("utf-16-be")]
    return out


def _leaks(data: bytes, needles: list[bytes]) -> list[bytes]:
    return [n for n in needles if n in data]


def test_copied_files_reveal_no_personal_data(db: Path, tmp_path: Path) -> None:
    assert is_encrypted(db)
    store, _ = log_in(db, DEMO_USER, DEMO_PASSWORD)
    with store:
        needles = _needles(store)
        # The WAL while the app is writing: a citizen renamed, the connection still open.
        someone = store.list_records("citizen", limit=1)[0]
        renamed = "Nguyễn Thị Bảo Mật"
        needles += [renamed.encode("utf-8"), fold(renamed).encode("utf-8")]
        values = {**someone.values, "full_name": renamed}
        store.save_record("citizen", values, user=DEMO_USER, uuid=someone.uuid)
        wal = Path(f"{db}-wal").read_bytes()
        assert len(wal) > 0
        backup = backup_database(store, tmp_path / "usb", user=DEMO_USER)
    assert inspect_backup(backup).encrypted
    for name, data in (
        ("database", db.read_bytes()),
        ("wal", wal),
        ("backup", backup.read_bytes()),
        ("keyring", keyring_path(db).read_bytes()),
    ):
        assert not _leaks(data, needles), f"personal data readable in the {name}"
    # Sanity: the same search finds them in a plaintext copy, so it would catch a leak.
    plain = tmp_path / "plain.db"
    with Store.open(db, key=unlock(db, DEMO_USER, DEMO_PASSWORD)) as enc:
        enc.conn.execute(f"ATTACH DATABASE '{plain}' AS plain KEY ''")
        enc.conn.execute("SELECT sqlcipher_export('plain')")
        enc.conn.execute("DETACH DATABASE plain")
    assert _leaks(plain.read_bytes(), needles)


def test_stdlib_sqlite_cannot_read_the_file(db: Path) -> None:
    conn = sqlite3.connect(f"file:{db}?mode=ro", uri=True)
    with pytest.raises(sqlite3.DatabaseError):
        conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
    conn.close()
    with pytest.raises(StoreError):
        Store.open(db)  # nor the app itself without the key


def test_wrong_password_is_refused_quietly(
    db: Path, capfd: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    with pytest.raises(StoreError, match=r"Sai tên"):
        log_in(db, DEMO_USER, "not-the-password")
    with pytest.raises(StoreError):
        log_in(db, "nobody", DEMO_PASSWORD)
    monkeypatch.setenv("DE06_USER", DEMO_USER)
    monkeypatch.setenv("DE06_PASSWORD", "not-the-password")
    assert main(["user", "list", "--db", str(db)]) == 1
    out, err = capfd.readouterr()
    # One line of refusal, and nothing from SQLCipher itself on the console.
    assert err.strip().count("\n") == 0 and "Sai tên đăng nhập" in err
    assert "ERROR" not in err and "CORE" not in err and out == ""


def test_cli_commands_work_on_the_encrypted_database(
    db: Path, as_admin: None, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    assert main(["user", "list", "--db", str(db)]) == 0
    assert DEMO_USER in capsys.readouterr().out
    assert main(["check", "--db", str(db), "--json"]) == 0
    assert main(["backup", "--db", str(db), "--out", str(tmp_path / "usb")]) == 0


def test_recovery_code_unlocks_and_resets_an_admin(
    db: Path, demo: tuple[Path, str], monkeypatch: pytest.MonkeyPatch
) -> None:
    code = demo[1]
    assert unlock_with_recovery_code(db, code.lower().replace("-", " ")) == unlock(
        db, DEMO_USER, DEMO_PASSWORD
    )
    with pytest.raises(StoreError):
        unlock_with_recovery_code(db, "AAAAA-BBBBB-CCCCC-DDDDD-EEEEE")
    monkeypatch.setenv("DE06_RECOVERY_CODE", code)
    monkeypatch.setenv("DE06_PASSWORD", "a-brand-new-one")
    assert main(["user", "recover", "--db", str(db), DEMO_USER]) == 0
    store, user = log_in(db, DEMO_USER, "a-brand-new-one")
    with store:
        assert user.role == "admin"
        actions = [r[0] for r in store.conn.execute("SELECT username FROM audit")]
        assert "recovery-code" in actions
    with pytest.raises(StoreError):
        log_in(db, DEMO_USER, DEMO_PASSWORD)


def test_disabled_user_cannot_log_in(
    db: Path,
    as_admin: None,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    assert unlock(db, "canbo", DEMO_PASSWORD)
    assert main(["user", "disable", "--db", str(db), "canbo"]) == 0
    with pytest.raises(StoreError):
        unlock(db, "canbo", DEMO_PASSWORD)  # the key entry is gone, not only the flag
    with pytest.raises(StoreError):
        log_in(db, "canbo", DEMO_PASSWORD)
    assert main(["user", "list", "--db", str(db)]) == 0
    assert "canbo\tofficer" in capsys.readouterr().out
    # The last administrator cannot lock everyone out.
    assert main(["user", "disable", "--db", str(db), DEMO_USER]) == 1
    monkeypatch.setenv("DE06_NEW_PASSWORD", "again-1234")
    assert main(["user", "enable", "--db", str(db), "canbo"]) == 0
    log_in(db, "canbo", "again-1234")[0].close()


def test_new_users_and_password_resets_rewrap_the_key(db: Path) -> None:
    store, _ = log_in(db, DEMO_USER, DEMO_PASSWORD)
    with store:
        with pytest.raises(StoreError, match="8"):
            create_user(store, "lan", "short", role="viewer", display_name="Lan", by="admin")
        create_user(store, "lan", "long-enough", role="viewer", display_name="Lan", by="admin")
    store, user = log_in(db, "lan", "long-enough")
    with store:
        assert user.role == "viewer"
        with pytest.raises(StoreError):
            set_active(store, DEMO_USER, False, by="lan")  # last admin
    store, _ = log_in(db, DEMO_USER, DEMO_PASSWORD)
    with store:
        set_password(store, "lan", "changed-pass", by=DEMO_USER)
    with pytest.raises(StoreError):
        log_in(db, "lan", "long-enough")
    log_in(db, "lan", "changed-pass")[0].close()


def test_encrypted_backup_restores_on_a_new_pc(
    db: Path, demo: tuple[Path, str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("DE06_USER", DEMO_USER)
    monkeypatch.setenv("DE06_PASSWORD", DEMO_PASSWORD)
    store, _ = log_in(db, DEMO_USER, DEMO_PASSWORD)
    with store:
        count = store.count_records("citizen")
        backup = backup_database(store, tmp_path / "usb", user=DEMO_USER)
    # A new PC: no database yet. The backup's administrator logs in to the backup itself.
    fresh = tmp_path / "pc2" / "de06desk.db"
    fresh.parent.mkdir()
    assert main(["restore", "--db", str(fresh), str(backup), "--yes"]) == 0
    assert is_encrypted(fresh) and keyring_path(fresh).exists()
    store, _ = log_in(fresh, DEMO_USER, DEMO_PASSWORD)
    with store:
        assert store.count_records("citizen") == count
        assert [r[0] for r in store.conn.execute("PRAGMA integrity_check")] == ["ok"]
    # Another new PC, passwords forgotten: the recovery code restores it.
    other = tmp_path / "pc3" / "de06desk.db"
    other.parent.mkdir()
    monkeypatch.setenv("DE06_RECOVERY_CODE", demo[1])
    monkeypatch.delenv("DE06_PASSWORD")
    assert main(["restore", "--db", str(other), str(backup), "--yes"]) == 0
    assert unlock_with_recovery_code(other, demo[1])
    # And over the live database, by its administrator.
    monkeypatch.delenv("DE06_RECOVERY_CODE")
    monkeypatch.setenv("DE06_PASSWORD", DEMO_PASSWORD)
    assert main(["restore", "--db", str(db), str(backup), "--yes"]) == 0
    store, _ = log_in(db, DEMO_USER, DEMO_PASSWORD)
    store.close()


def test_restore_refuses_an_encrypted_backup_without_its_key(db: Path, tmp_path: Path) -> None:
    store, admin = log_in(db, DEMO_USER, DEMO_PASSWORD)
    with store:
        backup = backup_database(store, tmp_path / "usb", user=DEMO_USER)
    before = db.read_bytes()
    with pytest.raises(StoreError, match=r"mã hóa"):
        restore_backup(db, backup, admin)
    assert db.read_bytes() == before


def test_plaintext_database_is_encrypted_in_place(
    demo_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    with Store.open(demo_path) as store:
        count = store.count_records("citizen")
        create_user(store, "lan", "long-enough", role="officer", display_name="Lan", by="t")
        needles = _needles(store)
    with pytest.raises(StoreError):
        encrypt_database(demo_path, "lan", "long-enough")  # officers may not
    monkeypatch.setenv("DE06_USER", DEMO_USER)
    monkeypatch.setenv("DE06_PASSWORD", DEMO_PASSWORD)
    assert main(["admin", "encrypt", "--db", str(demo_path)]) == 0
    out = capsys.readouterr().out
    assert "MÃ KHÔI PHỤC" in out and "canbo" in out and "lan" in out
    assert is_encrypted(demo_path) and not _leaks(demo_path.read_bytes(), needles)
    assert not Path(f"{demo_path}-wal").exists() or not _leaks(
        Path(f"{demo_path}-wal").read_bytes(), needles
    )
    store, _ = log_in(demo_path, DEMO_USER, DEMO_PASSWORD)
    with store:
        assert store.count_records("citizen") == count
        assert store.conn.execute("SELECT count(*) FROM citizens_fts").fetchone()[0] > 0
        actions = [r[0] for r in store.conn.execute("SELECT action FROM audit")]
        assert "encrypt_database" in actions
        # The others need a new password before they can unlock the file.
        with pytest.raises(StoreError):
            unlock(demo_path, "lan", "long-enough")
    assert main(["admin", "encrypt", "--db", str(demo_path)]) == 1  # already encrypted


def test_wrong_passwords_lock_the_account_and_reach_the_audit(db: Path) -> None:
    from de06desk.store.users import MAX_FAILED_ATTEMPTS

    for _ in range(MAX_FAILED_ATTEMPTS):
        with pytest.raises(StoreError, match=r"Sai tên"):
            log_in(db, "canbo", "guess-guess")
    # Locked now, even with the right password; the administrator is not affected.
    with pytest.raises(StoreError, match=r"tạm khóa"):
        log_in(db, "canbo", DEMO_PASSWORD)
    store, _ = log_in(db, DEMO_USER, DEMO_PASSWORD)
    with store:
        failed = store.conn.execute(
            "SELECT count(*) FROM audit WHERE action = 'login_failed' AND username = 'canbo'"
        ).fetchone()[0]
    assert failed == MAX_FAILED_ATTEMPTS


def test_the_app_backs_up_daily_at_start_and_on_close(db: Path) -> None:
    from de06desk.backup import backups_dir, list_backups
    from de06desk.ui.app import close_backup, start_daily_backup

    store, _ = log_in(db, DEMO_USER, DEMO_PASSWORD)
    with store:
        start_daily_backup(store).join()
        [daily] = list_backups(backups_dir() / "daily")
        assert inspect_backup(daily).encrypted
        start_daily_backup(store).join()  # once a day
        assert list_backups(backups_dir() / "daily") == [daily]
        close_backup(store)
        [closing] = list_backups(backups_dir() / "close")
        assert inspect_backup(closing).encrypted
