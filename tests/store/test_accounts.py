"""Accounts: lock-out expires, passwords never reach the database file or the logs."""

from __future__ import annotations

import logging
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

import de06desk.store.users as users
from de06desk.logs import setup_logging
from de06desk.store import Store, StoreError
from de06desk.store.users import (
    LOCKOUT,
    MAX_FAILED_ATTEMPTS,
    authenticate,
    create_user,
    set_password,
)

PASSWORD = "Mật-khẩu-Rất-Riêng-7391"


class _Clock(datetime):
    """`datetime` whose now() can be moved forward by the test."""

    shift = timedelta(0)

    @classmethod
    def now(cls, tz=None):  # type: ignore[override]
        return datetime.now(tz) + cls.shift


def _lock(store: Store) -> None:
    for _ in range(MAX_FAILED_ATTEMPTS):
        with pytest.raises(StoreError):
            authenticate(store, "lan", "wrong")


def test_lockout_expires_after_the_delay(store: Store, monkeypatch: pytest.MonkeyPatch) -> None:
    create_user(store, "lan", PASSWORD, role="officer", display_name="Lan", by="init")
    monkeypatch.setattr(users, "datetime", _Clock)
    _lock(store)
    _Clock.shift = LOCKOUT - timedelta(seconds=5)
    with pytest.raises(StoreError, match="tạm khóa"):
        authenticate(store, "lan", PASSWORD)  # even the right password waits
    _Clock.shift = LOCKOUT + timedelta(seconds=5)
    assert authenticate(store, "lan", PASSWORD).username == "lan"
    _Clock.shift = timedelta(0)


def test_locked_account_does_not_count_guesses(store: Store, monkeypatch) -> None:
    create_user(store, "lan", PASSWORD, role="officer", display_name="Lan", by="init")
    _lock(store)
    row = store.conn.execute("SELECT locked_until FROM users WHERE username='lan'").fetchone()
    until = datetime.fromisoformat(row[0])
    assert timedelta(0) < until - datetime.now(UTC) <= LOCKOUT
    for _ in range(3):
        with pytest.raises(StoreError, match="tạm khóa"):
            authenticate(store, "lan", "still-guessing")
    again = store.conn.execute("SELECT locked_until FROM users WHERE username='lan'").fetchone()
    assert again[0] == row[0]  # guessing during the lock does not extend or reset it


def test_passwords_never_in_the_file_or_logs(tmp_path: Path, monkeypatch) -> None:
    root = logging.getLogger()
    # setup_logging replaces the root handlers; give them back after the test.
    monkeypatch.setattr(root, "handlers", list(root.handlers))
    monkeypatch.setattr(root, "level", root.level)
    log_path = setup_logging(tmp_path)
    db = tmp_path / "commune.db"
    with Store.create(db, unit_code="00004") as store:
        create_user(store, "lan", PASSWORD, role="admin", display_name="Lan", by="init")
        authenticate(store, "lan", PASSWORD)
        with pytest.raises(StoreError):
            authenticate(store, "lan", PASSWORD + "x")  # a near miss is not logged either
        set_password(store, "lan", PASSWORD[::-1], by="lan")
        logging.getLogger("de06desk").info("session for %s", "lan")
        # Before the checkpoint the pages live in the WAL: look there too.
        wal = Path(f"{db}-wal").read_bytes() if Path(f"{db}-wal").exists() else b""
    for handler in logging.getLogger().handlers:
        handler.flush()
    blobs = {"database": db.read_bytes(), "wal": wal, "log": log_path.read_bytes()}
    for secret in (PASSWORD, PASSWORD + "x", PASSWORD[::-1]):
        for encoding in ("utf-8", "utf-16-le"):
            needle = secret.encode(encoding)
            for name, blob in blobs.items():
                assert needle not in blob, f"password found in {name}"
