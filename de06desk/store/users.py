"""User accounts: who may log in, with which role. Passwords are stored only as scrypt hashes."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Literal

from de06desk.domain.i18n import msg
from de06desk.domain.passwords import hash_password, verify_password

from .database import Store, utc_now
from .errors import StoreError

UserRole = Literal["admin", "officer", "viewer"]
MAX_FAILED_ATTEMPTS = 5
LOCKOUT = timedelta(minutes=5)


@dataclass(frozen=True)
class User:
    """An account (never carries the password hash out of the store)."""

    username: str
    display_name: str
    role: UserRole
    active: bool


def create_user(
    store: Store, username: str, password: str, *, role: UserRole, display_name: str, by: str
) -> User:
    """Add an account; refuses a taken name or a password shorter than 4 characters."""
    username = username.strip()
    if not username or len(username) > 40:
        raise StoreError(msg("Tên đăng nhập không hợp lệ.", "Invalid user name."))
    if len(password) < 4:
        raise StoreError(
            msg("Mật khẩu cần ít nhất 4 ký tự.", "The password needs at least 4 characters.")
        )
    with store.transaction():
        if store.conn.execute("SELECT 1 FROM users WHERE username = ?", (username,)).fetchone():
            raise StoreError(
                msg("Tên đăng nhập “{u}” đã có.", "User name “{u}” is taken.", u=username)
            )
        now = utc_now()
        store.conn.execute(
            "INSERT INTO users(username, display_name, role, password_hash, created_at, updated_at)"
            " VALUES (?, ?, ?, ?, ?, ?)",
            (username, display_name or username, role, hash_password(password), now, now),
        )
        store.audit("user_create", by, detail=f"{username} ({role})")
    return User(username, display_name or username, role, True)


def list_users(store: Store) -> list[User]:
    """All accounts, by user name."""
    rows = store.conn.execute(
        "SELECT username, display_name, role, active FROM users ORDER BY username"
    )
    return [User(r[0], r[1], r[2], bool(r[3])) for r in rows]


def authenticate(store: Store, username: str, password: str) -> User:
    """Check a log-in; counts failures and locks the account for a while after too many."""
    row = store.conn.execute(
        "SELECT username, display_name, role, active, password_hash, failed_attempts, locked_until"
        " FROM users WHERE username = ?",
        (username,),
    ).fetchone()
    refused = StoreError(msg("Sai tên đăng nhập hoặc mật khẩu.", "Wrong user name or password."))
    if row is None or not row["active"]:
        with store.transaction():
            store.audit("login_failed", username or "?")
        raise refused
    now = datetime.now(UTC)
    if row["locked_until"] and datetime.fromisoformat(row["locked_until"]) > now:
        raise StoreError(
            msg(
                "Tài khoản tạm khóa do nhập sai nhiều lần; thử lại sau {m} phút.",
                "Account locked after repeated failures; try again in {m} minutes.",
                m=int(LOCKOUT.total_seconds() // 60),
            )
        )
    ok = verify_password(password, row["password_hash"])
    with store.transaction():
        if ok:
            store.conn.execute(
                "UPDATE users SET failed_attempts = 0, locked_until = NULL WHERE username = ?",
                (username,),
            )
            store.audit("login", username)
        else:
            failures = row["failed_attempts"] + 1
            locked = (now + LOCKOUT).isoformat() if failures >= MAX_FAILED_ATTEMPTS else None
            store.conn.execute(
                "UPDATE users SET failed_attempts = ?, locked_until = ? WHERE username = ?",
                (0 if locked else failures, locked, username),
            )
            store.audit("login_failed", username)
    if not ok:
        raise refused
    return User(row["username"], row["display_name"], row["role"], True)


def set_password(store: Store, username: str, password: str, *, by: str) -> None:
    """Reset a user's password (an administrator's action, audited)."""
    if len(password) < 4:
        raise StoreError(
            msg("Mật khẩu cần ít nhất 4 ký tự.", "The password needs at least 4 characters.")
        )
    with store.transaction():
        cur = store.conn.execute(
            "UPDATE users SET password_hash = ?, failed_attempts = 0, locked_until = NULL,"
            " updated_at = ? WHERE username = ?",
            (hash_password(password), utc_now(), username),
        )
        if cur.rowcount == 0:
            raise StoreError(msg("Không có người dùng “{u}”.", "No user “{u}”.", u=username))
        store.audit("password_reset", by, detail=username)
