"""Revocation that works: disabling, resetting or demoting an account re-keys the database.

The attacker here is a former officer who kept a copy of the key file (`<db>.keys`, or the copy
inside any backup) and knows their old password. Before the re-key that pair unwraps the one
data key that opens the database for ever; after it, the key they hold opens nothing made
since — neither the current file nor the rows added later — while every remaining account and
the recovery code still get in, and old backups still open with the credentials of their day.
"""

from __future__ import annotations

import contextlib
import io
import json
import shutil
from pathlib import Path

import pytest

from de06desk.backup import backup_database, inspect_backup, restore_backup
from de06desk.cli import main
from de06desk.demo import DEMO_PASSWORD, DEMO_USER
from de06desk.store import Store, StoreError, dbapi
from de06desk.store.crypto import (
    RECOVERY_LABEL,
    Keyring,
    keyring_path,
    normalize_recovery_code,
    user_label,
    wrap_key,
)
from de06desk.store.users import (
    create_user,
    list_users,
    log_in,
    set_active,
    set_password,
    unlock,
    unlock_with_recovery_code,
)

OFFICER = "canbo"  # the demo's second account, same password as the administrator


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, str]:
    """An encrypted demo database made by the CLI, and the recovery code it printed."""
    db = tmp_path_factory.mktemp("rekey") / "demo.db"
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        assert main(["demo", "--db", str(db), "--citizens", "60", "--weeks", "2"]) == 0
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
def code(demo: tuple[Path, str]) -> str:
    return demo[1]


def _old_key(ring_bytes: bytes, username: str, password: str) -> bytes:
    """What the attacker gets from a copy of the key file and a password they knew."""
    return Keyring.from_bytes(ring_bytes).unlock(user_label(username), password)


def _opens(db: Path, key: bytes) -> bool:
    try:
        conn = dbapi.connect(db, key)
    except StoreError:
        return False
    conn.close()
    return True


def _add_village(db: Path, name: str) -> None:
    store, user = log_in(db, DEMO_USER, DEMO_PASSWORD)
    with store:
        store.save_record("village", {"name": name}, user=user.username)


def _assert_still_works(db: Path, code: str, *, users: dict[str, str]) -> None:
    """Every remaining account and the recovery code open the current database."""
    for username, password in users.items():
        store, user = log_in(db, username, password)
        with store:
            assert user.username == username
            assert store.count_records("citizen") > 0
    with Store.open(db, key=unlock_with_recovery_code(db, code)) as store:
        assert store.count_records("citizen") > 0


def test_disabled_user_with_an_old_key_file_opens_nothing_made_after(
    db: Path, code: str, tmp_path: Path
) -> None:
    old_ring = keyring_path(db).read_bytes()
    old_key = _old_key(old_ring, OFFICER, DEMO_PASSWORD)
    assert _opens(db, old_key)  # the attack works before the disable
    store, admin = log_in(db, DEMO_USER, DEMO_PASSWORD)
    with store:
        set_active(store, OFFICER, False, by=admin.username)
    _add_village(db, "Thôn Sau Khi Khóa")
    # The old key file put back beside the database, and the old password: nothing opens.
    keyring_path(db).write_bytes(old_ring)
    with pytest.raises(StoreError):
        unlock_and_open = log_in(db, OFFICER, DEMO_PASSWORD)
        unlock_and_open[0].close()
    assert not _opens(db, old_key)
    # A copy of the files taken now (WAL included) does not open with it either.
    copy = tmp_path / "stolen.db"
    shutil.copy2(db, copy)
    for suffix in ("-wal", "-shm"):
        if Path(f"{db}{suffix}").exists():
            shutil.copy2(f"{db}{suffix}", f"{copy}{suffix}")
    assert not _opens(copy, old_key)


def test_disable_keeps_the_others_and_the_recovery_code(db: Path, code: str) -> None:
    store, admin = log_in(db, DEMO_USER, DEMO_PASSWORD)
    with store:
        create_user(
            store, "lan", "mua-xuan-tuoi-41", role="officer", display_name="Lan", by="admin"
        )
        set_active(store, OFFICER, False, by=admin.username)
        actions = [r[0] for r in store.conn.execute("SELECT action FROM audit")]
    assert "rekey" in actions
    _assert_still_works(db, code, users={DEMO_USER: DEMO_PASSWORD, "lan": "mua-xuan-tuoi-41"})
    with pytest.raises(StoreError):
        unlock(db, OFFICER, DEMO_PASSWORD)


def test_password_reset_locks_out_the_old_password(db: Path, code: str) -> None:
    old_ring = keyring_path(db).read_bytes()
    old_key = _old_key(old_ring, OFFICER, DEMO_PASSWORD)
    store, admin = log_in(db, DEMO_USER, DEMO_PASSWORD)
    with store:
        set_password(store, OFFICER, "doi-moi-cong-77", by=admin.username)
    with pytest.raises(StoreError):
        unlock(db, OFFICER, DEMO_PASSWORD)
    assert not _opens(db, old_key)
    _assert_still_works(db, code, users={DEMO_USER: DEMO_PASSWORD, OFFICER: "doi-moi-cong-77"})


def test_lowering_a_role_rekeys(db: Path, code: str) -> None:
    from de06desk.store.users import set_role

    store, admin = log_in(db, DEMO_USER, DEMO_PASSWORD)
    with store:
        create_user(store, "hoa", "sen-tim-hong-52", role="admin", display_name="Hoa", by="admin")
    old_ring = keyring_path(db).read_bytes()
    old_key = _old_key(old_ring, "hoa", "sen-tim-hong-52")
    store, admin = log_in(db, DEMO_USER, DEMO_PASSWORD)
    with store:
        set_role(store, "hoa", "viewer", by=admin.username)
        roles = {u.username: u.role for u in list_users(store)}
        with pytest.raises(StoreError):
            set_role(store, DEMO_USER, "officer", by=admin.username)  # the last admin
    assert roles["hoa"] == "viewer"
    assert not _opens(db, old_key)
    _assert_still_works(db, code, users={DEMO_USER: DEMO_PASSWORD, "hoa": "sen-tim-hong-52"})
    # Raising a role gives nothing away: no re-key needed, the key stays.
    key_before = unlock(db, DEMO_USER, DEMO_PASSWORD)
    store, admin = log_in(db, DEMO_USER, DEMO_PASSWORD)
    with store:
        set_role(store, "hoa", "officer", by=admin.username)
    assert unlock(db, DEMO_USER, DEMO_PASSWORD) == key_before


def test_backup_made_before_the_disable_restores_with_the_old_credentials(
    db: Path, code: str, tmp_path: Path
) -> None:
    store, admin = log_in(db, DEMO_USER, DEMO_PASSWORD)
    with store:
        backup = backup_database(store, tmp_path / "usb", user=admin.username)
        set_active(store, OFFICER, False, by=admin.username)
    info = inspect_backup(backup)
    # The disabled officer's own old password still opens that old backup: it was valid then.
    key = info.unlock(user_label(OFFICER), DEMO_PASSWORD)
    new_pc = tmp_path / "pc2" / "de06desk.db"
    new_pc.parent.mkdir()
    restore_backup(new_pc, backup, admin, key=key)
    store, user = log_in(new_pc, OFFICER, DEMO_PASSWORD)
    with store:
        assert user.active and store.count_records("citizen") > 0
    # And the recovery code of that day.
    assert info.unlock(RECOVERY_LABEL, normalize_recovery_code(code)) == key
    # But the key in that backup does not open the current database.
    assert not _opens(db, key)


def test_rekey_inside_an_outer_transaction_runs_after_it_commits(db: Path) -> None:
    """The actions layer wraps user management in its own transaction."""
    old_key = _old_key(keyring_path(db).read_bytes(), OFFICER, DEMO_PASSWORD)
    store, admin = log_in(db, DEMO_USER, DEMO_PASSWORD)
    with store:
        with store.transaction():
            set_active(store, OFFICER, False, by=admin.username)
            store.save_record("village", {"name": "Thôn Cùng Giao Dịch"}, user="admin")
        assert store.key != old_key
        assert not _opens(db, old_key)
        # A failed outer transaction leaves the account and the key as they were.
        key = store.key
        with pytest.raises(RuntimeError), store.transaction():
            set_password(store, DEMO_USER, "never-applied", by=admin.username)
            raise RuntimeError("the action failed after the reset")
        assert store.key == key
    store, _ = log_in(db, DEMO_USER, DEMO_PASSWORD)
    store.close()


def test_an_interrupted_rekey_is_finished_at_the_next_log_in(db: Path, code: str) -> None:
    """The account change committed, the process died before the re-key: the next log-in
    of any remaining account re-keys (the marker is in the same transaction as the change)."""
    old_key = _old_key(keyring_path(db).read_bytes(), OFFICER, DEMO_PASSWORD)
    store, admin = log_in(db, DEMO_USER, DEMO_PASSWORD)
    with store:
        # What a kill right after the commit leaves: the marker, no re-key yet.
        store.after_commit = lambda fn: None  # type: ignore[method-assign]
        set_active(store, OFFICER, False, by=admin.username)
    assert _opens(db, old_key)
    store, _ = log_in(db, DEMO_USER, DEMO_PASSWORD)
    store.close()
    assert not _opens(db, old_key)
    _assert_still_works(db, code, users={DEMO_USER: DEMO_PASSWORD})


def _legacy_keyring(db: Path, code: str, key: bytes) -> None:
    """Rewrite the keyring as the first encrypted version wrote it (version 1 entries)."""
    ring = Keyring.from_bytes(keyring_path(db).read_bytes())
    entries = [
        wrap_key(key, secret, label=label, db_id=ring.db_id).to_json()
        for label, secret in (
            (RECOVERY_LABEL, normalize_recovery_code(code)),
            (user_label(DEMO_USER), DEMO_PASSWORD),
            (user_label(OFFICER), DEMO_PASSWORD),
        )
    ]
    data = {"format": "de06desk-keyring", "version": 1, "db_id": ring.db_id, "entries": entries}
    keyring_path(db).write_text(json.dumps(data), encoding="utf-8")


def test_an_old_format_keyring_keeps_working_and_migrates(db: Path, code: str) -> None:
    key = unlock(db, DEMO_USER, DEMO_PASSWORD)
    assert key is not None
    _legacy_keyring(db, code, key)
    assert json.loads(keyring_path(db).read_text())["version"] == 1
    store, admin = log_in(db, DEMO_USER, DEMO_PASSWORD)  # the administrator migrates here
    with store:
        create_user(
            store, "lan", "mua-xuan-tuoi-41", role="officer", display_name="Lan", by="admin"
        )
        # The officer has not logged in since the update and the recovery code was never
        # entered: a re-key now would lock them out. The disable is done, the re-key waits,
        # and the message says for whom.
        with pytest.raises(StoreError, match=rf"{OFFICER}.*khôi phục"):
            set_active(store, "lan", False, by=admin.username)
        assert not {u.username: u.active for u in list_users(store)}["lan"]
    with pytest.raises(StoreError):
        unlock(db, "lan", "mua-xuan-tuoi-41")  # the disabled account's entry is gone already
    assert _opens(db, key)  # but the old key still opens the file: said in the message
    # The officer logs in (and is migrated by doing so); the recovery code still waits.
    store, _ = log_in(db, OFFICER, DEMO_PASSWORD)
    store.close()
    assert _opens(db, key)
    assert unlock_with_recovery_code(db, code) == key  # entered once: migrated
    # The next log-in re-keys.
    store, _ = log_in(db, DEMO_USER, DEMO_PASSWORD)
    store.close()
    assert not _opens(db, key)
    assert json.loads(keyring_path(db).read_text())["version"] == 2
    _assert_still_works(db, code, users={DEMO_USER: DEMO_PASSWORD, OFFICER: DEMO_PASSWORD})


def test_cli_disable_and_reset_rekey(
    db: Path, code: str, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    old_key = _old_key(keyring_path(db).read_bytes(), OFFICER, DEMO_PASSWORD)
    monkeypatch.setenv("DE06_USER", DEMO_USER)
    monkeypatch.setenv("DE06_PASSWORD", DEMO_PASSWORD)
    assert main(["user", "disable", "--db", str(db), OFFICER]) == 0
    assert not _opens(db, old_key)
    assert main(["user", "list", "--db", str(db)]) == 0
    assert OFFICER in capsys.readouterr().out
    _assert_still_works(db, code, users={DEMO_USER: DEMO_PASSWORD})


def test_settings_screen_disables_and_says_what_old_backups_still_open(
    qtbot, db: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QMessageBox, QPushButton

    from de06desk.ui.context import AppContext
    from de06desk.ui.screens.settings import UsersPanel

    old_key = _old_key(keyring_path(db).read_bytes(), OFFICER, DEMO_PASSWORD)
    store, admin = log_in(db, DEMO_USER, DEMO_PASSWORD)
    said: list[str] = []
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Yes)
    monkeypatch.setattr(QMessageBox, "information", lambda parent, title, text: said.append(text))
    with store:
        panel = UsersPanel(AppContext(db, store, admin))
        qtbot.addWidget(panel)
        row = next(
            r for r in range(panel.table.rowCount()) if panel.table.item(r, 0).text() == OFFICER
        )
        panel.table.selectRow(row)
        button = panel.findChild(QPushButton, "toggle_user")
        qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
        assert panel.table.item(row, 3).text() == "Đã khóa"
    assert len(said) == 1
    assert "khóa mới" in said[0] and "bản sao lưu làm trước" in said[0]
    assert not _opens(db, old_key)


def test_cli_role_and_recovery_code_check(
    db: Path, code: str, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    key = unlock(db, DEMO_USER, DEMO_PASSWORD)
    assert key is not None
    monkeypatch.setenv("DE06_USER", DEMO_USER)
    monkeypatch.setenv("DE06_PASSWORD", DEMO_PASSWORD)
    assert main(["user", "set-role", "--db", str(db), OFFICER, "admin"]) == 0  # raised: same key
    assert _opens(db, key)
    assert main(["user", "set-role", "--db", str(db), OFFICER, "viewer"]) == 0  # lowered
    assert not _opens(db, key)
    monkeypatch.setenv("DE06_RECOVERY_CODE", "AAAAA-BBBBB-CCCCC-DDDDD-EEEEE")
    assert main(["admin", "check-recovery-code", "--db", str(db)]) == 1
    assert "không đúng" in capsys.readouterr().err
    monkeypatch.setenv("DE06_RECOVERY_CODE", code)
    assert main(["admin", "check-recovery-code", "--db", str(db)]) == 0


def test_a_busy_database_is_not_rekeyed_half_way(db: Path, code: str) -> None:
    """SQLCipher's rekey that cannot get the write lock leaves its connection writing under
    the new key while reading under the old one: one more write and no key opens the file
    (tried). The re-key must drop that connection, keep the old key, and finish later."""
    old_key = _old_key(keyring_path(db).read_bytes(), OFFICER, DEMO_PASSWORD)
    store, admin = log_in(db, DEMO_USER, DEMO_PASSWORD)
    with store:
        store.conn.execute("PRAGMA busy_timeout = 50")
        other = dbapi.connect(db, store.key)
        queue = store.after_commit

        def while_another_process_saves(work):
            def run() -> None:
                other.execute("BEGIN IMMEDIATE")  # between the commit and the re-key
                try:
                    work()
                finally:
                    other.execute("ROLLBACK")

            queue(run)

        store.after_commit = while_another_process_saves  # type: ignore[method-assign]
        with pytest.raises(StoreError, match=r"đăng nhập sau"):
            set_active(store, OFFICER, False, by=admin.username)
        other.close()
        # The account change stands; the store still works, under the old key.
        assert not {u.username: u.active for u in list_users(store)}[OFFICER]
        store.save_record("village", {"name": "Thôn Lúc Bận"}, user="admin")
        assert store.key == old_key
    assert [r[0] for r in dbapi.connect(db, old_key).execute("PRAGMA integrity_check")] == ["ok"]
    # The next log-in re-keys.
    store, _ = log_in(db, DEMO_USER, DEMO_PASSWORD)
    with store:
        assert store.count_records("village", where={"name": "Thôn Lúc Bận"}) == 1
    assert not _opens(db, old_key)
    _assert_still_works(db, code, users={DEMO_USER: DEMO_PASSWORD})


def test_restoring_an_older_backup_over_the_rekeyed_database(
    db: Path, code: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The administrator's own password was reset after the backup (a re-key): the current
    password no longer opens that backup, the recovery code of its day does."""
    store, admin = log_in(db, DEMO_USER, DEMO_PASSWORD)
    with store:
        store.save_record("village", {"name": "Thôn Trong Bản Sao"}, user="admin")
        backup = backup_database(store, tmp_path / "usb", user=admin.username)
        set_password(store, DEMO_USER, "quan-ly-sang-88", by=admin.username)
    monkeypatch.setenv("DE06_USER", DEMO_USER)
    monkeypatch.setenv("DE06_PASSWORD", "quan-ly-sang-88")
    err = io.StringIO()
    with contextlib.redirect_stderr(err):
        assert main(["restore", "--db", str(db), str(backup), "--yes"]) == 1
    assert "trước khi khóa dữ liệu được đổi" in err.getvalue()
    monkeypatch.setenv("DE06_RECOVERY_CODE", code)
    assert main(["restore", "--db", str(db), str(backup), "--yes"]) == 0
    # The restored file is the backup's, under the backup's key and keyring: the passwords
    # of that day.
    store, _ = log_in(db, DEMO_USER, DEMO_PASSWORD)
    with store:
        assert store.count_records("village", where={"name": "Thôn Trong Bản Sao"}) == 1
