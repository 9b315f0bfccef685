"""Accounts: hashed passwords, lock-out, audit of log-ins."""

from __future__ import annotations

import pytest

from de06desk.store import Store, StoreError
from de06desk.store.users import MAX_FAILED_ATTEMPTS, authenticate, create_user, set_password


def test_password_is_hashed_and_checked(store: Store) -> None:
    create_user(store, "lan", "mật-khẩu-06", role="officer", display_name="Lan", by="init")
    stored = store.conn.execute("SELECT password_hash FROM users").fetchone()[0]
    assert "mật-khẩu-06" not in stored and stored.startswith("scrypt$")
    assert authenticate(store, "lan", "mật-khẩu-06").role == "officer"
    with pytest.raises(StoreError, match="Sai tên đăng nhập hoặc mật khẩu"):
        authenticate(store, "lan", "sai")
    actions = [r[0] for r in store.conn.execute("SELECT action FROM audit ORDER BY id")]
    assert actions[-2:] == ["login", "login_failed"]


def test_repeated_failures_lock_the_account(store: Store) -> None:
    create_user(store, "lan", "secret-pw", role="officer", display_name="Lan", by="init")
    for _ in range(MAX_FAILED_ATTEMPTS):
        with pytest.raises(StoreError):
            authenticate(store, "lan", "wrong")
    with pytest.raises(StoreError, match="tạm khóa"):
        authenticate(store, "lan", "secret-pw")


def test_admin_reset_unlocks(store: Store) -> None:
    create_user(store, "lan", "secret-pw", role="officer", display_name="Lan", by="init")
    for _ in range(MAX_FAILED_ATTEMPTS):
        with pytest.raises(StoreError):
            authenticate(store, "lan", "wrong")
    set_password(store, "lan", "new-secret-pw", by="admin")
    assert authenticate(store, "lan", "new-secret-pw").username == "lan"
