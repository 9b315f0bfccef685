"""User accounts: who may log in, with which role. Passwords are stored only as scrypt hashes.

For an encrypted database every active account also has an entry in the keyring (a key pair
under its password, to which the data key is sealed; `store.crypto`), and `log_in` unlocks it
before the database opens. Creating a user or setting a password gives it a new key pair.
Disabling an account, resetting its password or lowering its role re-keys the database
(`store.rekey`): a new data key for the remaining accounts only, so the old password and any
old copy of the key file open nothing made afterwards.
"""

from __future__ import annotations

import contextlib
import json
import logging
import re
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

from de06desk.domain.files import atomic_write
from de06desk.domain.i18n import msg
from de06desk.domain.passwords import (
    MIN_PASSWORD_LENGTH as MIN_PASSWORD_LENGTH,  # where callers have always found it
)
from de06desk.domain.passwords import (
    hash_password,
    password_problem,
    verify_password,
)
from de06desk.domain.roles import ROLE_RANK, AccountRole
from de06desk.domain.text import printable
from de06desk.forms import FormSet

from . import dbapi
from .crypto import RECOVERY_LABEL, Keyring, keyring_path, normalize_recovery_code, user_label
from .database import Store, utc_now
from .errors import StoreError
from .rekey import run_due_rekey, schedule_rekey

log = logging.getLogger(__name__)

MAX_FAILED_ATTEMPTS = 5
LOCKOUT = timedelta(minutes=5)
# A user name is typed at the log-in and printed in lists and the audit: letters (any
# language's), digits, dot, dash and underscore — no spaces, newlines or terminal escapes.
_USERNAME = re.compile(r"[^\W_]([\w.\-]*[^\W_])?")
MAX_USERNAME_LENGTH = 40


@dataclass(frozen=True)
class User:
    """An account (never carries the password hash out of the store)."""

    username: str
    display_name: str
    role: AccountRole
    active: bool


def create_user(
    store: Store, username: str, password: str, *, role: AccountRole, display_name: str, by: str
) -> User:
    """Add an account; refuses a taken or malformed name, or a weak password."""
    username = check_username(username)
    if len(display_name) > 80 or not display_name.isprintable():
        raise StoreError(
            msg(
                "Họ tên hiển thị không hợp lệ: tối đa 80 ký tự, không ký tự điều khiển.",
                "Invalid display name: at most 80 characters, no control characters.",
            )
        )
    check_password(password, username)
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
        # Last, inside the transaction: if the keyring cannot be written the account is not
        # created either, so no user exists who could never log in.
        _wrap_for(store, username, password)
    return User(username, display_name or username, role, True)


def list_users(store: Store) -> list[User]:
    """All accounts, by user name."""
    rows = store.conn.execute(
        "SELECT username, display_name, role, active FROM users ORDER BY username"
    )
    return [User(r[0], r[1], r[2], bool(r[3])) for r in rows]


def authenticate(
    store: Store, username: str, password: str, *, password_proven: bool = False
) -> User:
    """Check a log-in; counts failures and locks the account for a while after too many.

    `password_proven` says the password has just unwrapped this user's keyring entry: that
    is a scrypt check of the same password, so the hash is not checked a second time (it
    would cost the log-in another 0.1–0.25 s and prove nothing more). The active flag and the
    lock-out are still checked, and the log-in is audited.
    """
    if not _storable(username):
        username = "?"  # no account can have this name: refused (and audited) like any other
    row = store.conn.execute(
        "SELECT username, display_name, role, active, password_hash, failed_attempts, locked_until"
        " FROM users WHERE username = ?",
        (username,),
    ).fetchone()
    refused = StoreError(msg("Sai tên đăng nhập hoặc mật khẩu.", "Wrong user name or password."))
    _audit_failed_unlocks(store)
    if row is None or not row["active"]:
        with store.transaction():
            store.audit("login_failed", username or "?")
        raise refused
    now = datetime.now(UTC)
    if row["locked_until"] and datetime.fromisoformat(row["locked_until"]) > now:
        raise _locked()
    ok = password_proven or verify_password(password, row["password_hash"])
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
    _finish_rekey(store)
    return User(row["username"], row["display_name"], row["role"], True)


def set_password(store: Store, username: str, password: str, *, by: str) -> None:
    """Reset a user's password (an administrator's action, audited).

    On an encrypted database the account gets a new key pair under the new password and the
    database is re-keyed once the transaction commits, so the old password opens nothing
    made afterwards, even with an old copy of the key file.
    """
    if not _storable(username):
        raise _no_user(username)
    check_password(password, username)
    with store.transaction():
        cur = store.conn.execute(
            "UPDATE users SET password_hash = ?, failed_attempts = 0, locked_until = NULL,"
            " updated_at = ? WHERE username = ?",
            (hash_password(password), utc_now(), username),
        )
        if cur.rowcount == 0:
            raise _no_user(username)
        store.audit("password_reset", by, detail=username)
        active = store.conn.execute(
            "SELECT active FROM users WHERE username = ?", (username,)
        ).fetchone()[0]
        if active:
            _wrap_for(store, username, password)
            schedule_rekey(store, by=by, reason=f"password_reset {username}")


def set_active(
    store: Store, username: str, active: bool, *, by: str, password: str | None = None
) -> None:
    """Disable or re-enable an account (an administrator's action, audited).

    Disabling re-keys an encrypted database once the transaction commits: the remaining
    accounts and the recovery code get a new data key, the user's keyring entry goes, and
    their old password opens nothing made afterwards, even with an old copy of the key file.
    Re-enabling an account of an encrypted database needs a new password (`password`), since
    its entry is gone. The last active administrator cannot be disabled: nobody could manage
    the database any more.
    """
    if not _storable(username):
        raise _no_user(username)
    with store.transaction():
        row = store.conn.execute(
            "SELECT role, active FROM users WHERE username = ?", (username,)
        ).fetchone()
        if row is None:
            raise _no_user(username)
        if not active and row["role"] == "admin":
            admins = store.conn.execute(
                "SELECT count(*) FROM users WHERE role = 'admin' AND active = 1"
            ).fetchone()[0]
            if admins <= 1 and row["active"]:
                raise StoreError(
                    msg(
                        "Không thể khóa quản trị viên cuối cùng.",
                        "The last active administrator cannot be disabled.",
                    )
                )
        if active and store.key is not None and password is None:
            raise StoreError(
                msg(
                    "Mở lại tài khoản cần đặt mật khẩu mới.",
                    "Re-enabling an account needs a new password.",
                )
            )
        store.conn.execute(
            "UPDATE users SET active = ?, failed_attempts = 0, locked_until = NULL, updated_at = ?"
            " WHERE username = ?",
            (int(active), utc_now(), username),
        )
        store.audit("user_enable" if active else "user_disable", by, detail=username)
        if active and password is not None:
            set_password(store, username, password, by=by)
        elif not active and row["active"]:
            schedule_rekey(store, by=by, reason=f"user_disable {username}")


def set_role(store: Store, username: str, role: AccountRole, *, by: str) -> None:
    """Change an account's role (an administrator's action, audited).

    Lowering a role re-keys an encrypted database once the transaction commits (old copies of
    the key file stop working; the account itself keeps access at its new role). The last
    active administrator cannot be demoted.
    """
    if role not in ROLE_RANK:
        raise StoreError(msg("Vai trò không hợp lệ.", "Invalid role."))
    with store.transaction():
        row = store.conn.execute(
            "SELECT role, active FROM users WHERE username = ?", (username,)
        ).fetchone()
        if row is None:
            raise StoreError(msg("Không có người dùng “{u}”.", "No user “{u}”.", u=username))
        old = row["role"]
        if old == role:
            return
        if old == "admin" and row["active"]:
            admins = store.conn.execute(
                "SELECT count(*) FROM users WHERE role = 'admin' AND active = 1"
            ).fetchone()[0]
            if admins <= 1:
                raise StoreError(
                    msg(
                        "Không thể hạ quyền quản trị viên cuối cùng.",
                        "The last active administrator cannot be demoted.",
                    )
                )
        store.conn.execute(
            "UPDATE users SET role = ?, updated_at = ? WHERE username = ?",
            (role, utc_now(), username),
        )
        store.audit("user_role", by, detail=f"{username}: {old} -> {role}")
        # Lowering a role (a higher rank to a lower one) re-keys the database.
        if row["active"] and ROLE_RANK[role] < ROLE_RANK.get(old, 0):
            schedule_rekey(store, by=by, reason=f"user_role {username} {old} -> {role}")


def check_password(password: str, username: str = "") -> None:
    """Refuse a weak new password (`domain.passwords.password_problem` says which)."""
    problem = password_problem(password, username)
    if problem is not None:
        raise StoreError(problem)


def _storable(username: str) -> bool:
    """Whether `username` can be looked up at all (a lone surrogate cannot reach SQLite)."""
    try:
        username.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


def check_username(username: str) -> str:
    """`username` without surrounding spaces, if it is a valid new user name."""
    username = username.strip()
    if len(username) > MAX_USERNAME_LENGTH or not _USERNAME.fullmatch(username):
        raise StoreError(
            msg(
                "Tên đăng nhập không hợp lệ: 1–{n} chữ cái hoặc chữ số, có thể thêm dấu chấm, "
                "gạch ngang, gạch dưới ở giữa (ví dụ: lan.nguyen).",
                "Invalid user name: 1–{n} letters or digits, with dots, dashes or underscores "
                "inside (e.g. lan.nguyen).",
                n=MAX_USERNAME_LENGTH,
            )
        )
    return username


def is_encrypted(path: Path) -> bool:
    """Whether the database file at `path` is encrypted (needs a log-in to open at all)."""
    return dbapi.is_encrypted(path)


def unlock(path: Path, username: str, password: str) -> bytes | None:
    """The data key of the database at `path` via this user's keyring entry.

    None for a plaintext database (nothing to unlock). A wrong password and an unknown user
    are refused alike, after the same scrypt cost. A wrong password never reaches the
    database (it cannot be opened), so failures are counted in `<db>.attempts` beside it: the
    same lock-out as `authenticate` applies, and the next log-in writes them to the audit.

    While a re-key is under way (or was killed) the keyring holds two keys: the one that
    opens the file is returned. An entry still in the version-1 form is migrated here, the
    one moment its password is known (`store.crypto`).
    """
    if not dbapi.is_encrypted(path):
        return None
    if not (_storable(username) and _storable(password)):
        # Text no account or password can hold: the same refusal, at the same cost.
        username, password = "?", ""
    attempts = _Attempts.load(path)
    if attempts.locked(username):
        raise _locked()
    try:
        key = _unlock_entry(path, user_label(username), password)
    except StoreError:
        attempts.failed(username)
        attempts.save()
        raise
    if attempts.clear(username):
        attempts.save()
    return key


def unlock_with_recovery_code(path: Path, code: str) -> bytes:
    """The data key of an encrypted database via its printed recovery code (which migrates a
    version-1 recovery entry, so the next re-key can include it)."""
    return _unlock_entry(Path(path), RECOVERY_LABEL, normalize_recovery_code(code))


def _unlock_entry(path: Path, label: str, secret: str) -> bytes:
    ring_path = keyring_path(path)
    ring = Keyring.load(ring_path)
    keys = ring.unlock_all(label, secret)
    key = keys[0]
    if len(keys) > 1:
        # A re-key was under way: whichever key opens the file is the right one (a wrong key
        # fails at the first page read and writes nothing).
        key = next((k for k in keys if _opens(path, k)), key)
    if ring.is_legacy(label) and len(ring.generations) <= 1 and _opens(path, key):
        ring.add(label, key, secret)
        try:
            ring.save(ring_path)
        except StoreError as exc:
            # The old entry still works; migrating can wait for the next log-in.
            log.warning("key file entry not migrated: %s", exc.message.en)
    return key


def _opens(path: Path, key: bytes) -> bool:
    try:
        dbapi.connect(path, key).close()
    except (StoreError, *dbapi.Error):
        return False
    return True


def log_in(
    path: Path, username: str, password: str, *, forms: FormSet | None = None
) -> tuple[Store, User]:
    """Unlock the keyring (if encrypted), open the database, and authenticate the user.

    The order matters: the password both unwraps the data key and is checked against the
    account's hash, lock-out and active flag, and the log-in is audited. The caller owns
    (and must close) the returned Store.
    """
    path = Path(path)
    key = unlock(path, username, password)
    store = Store.open(path, forms=forms, key=key)
    try:
        user = authenticate(store, username, password, password_proven=key is not None)
    except BaseException:
        store.close()
        raise
    return store, user


def _no_user(username: str) -> StoreError:
    return StoreError(msg("Không có người dùng “{u}”.", "No user “{u}”.", u=printable(username)))


def _locked() -> StoreError:
    return StoreError(
        msg(
            "Tài khoản tạm khóa do nhập sai nhiều lần; thử lại sau {m} phút.",
            "Account locked after repeated failures; try again in {m} minutes.",
            m=int(LOCKOUT.total_seconds() // 60),
        )
    )


@dataclass
class _Attempts:
    """Failed unlocks of an encrypted database, kept beside it until the next log-in.

    The file is not protected (nothing in it is secret: user names and times); whoever can
    edit it can copy the database and guess offline anyway. It holds the lock-out at the
    keyboard, which is what it is for.
    """

    path: Path
    users: dict[str, dict[str, Any]]
    pending: list[list[str]]

    @classmethod
    def load(cls, db_path: Path) -> _Attempts:
        path = db_path.with_name(db_path.name + ".attempts")
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
            users, pending = dict(data["users"]), list(data["pending"])
        except (OSError, ValueError, TypeError, KeyError):
            # Missing or damaged: start again rather than lock everyone out.
            users, pending = {}, []
        return cls(path, users, pending)

    def locked(self, username: str) -> bool:
        until = self.users.get(username, {}).get("locked_until")
        if not until:
            return False
        try:
            return datetime.fromisoformat(until) > datetime.now(UTC)
        except (TypeError, ValueError):
            return False

    def failed(self, username: str) -> None:
        entry = self.users.setdefault(username, {"failures": 0, "locked_until": None})
        failures = int(entry.get("failures") or 0) + 1
        now = datetime.now(UTC)
        locked = failures >= MAX_FAILED_ATTEMPTS
        entry["failures"] = 0 if locked else failures
        entry["locked_until"] = (now + LOCKOUT).isoformat() if locked else None
        self.pending.append([now.isoformat(timespec="milliseconds"), username[:40]])
        # A flood of guesses must not grow the file without end.
        del self.pending[:-1000]

    def clear(self, username: str) -> bool:
        return self.users.pop(username, None) is not None

    def take_pending(self) -> list[list[str]]:
        pending, self.pending = self.pending, []
        return pending

    def save(self) -> None:
        # Not being able to count a failure must not turn into a crash at the log-in.
        with (
            contextlib.suppress(OSError),
            atomic_write(self.path, private=True, temp_name=self.path.name + ".part") as part,
        ):
            part.write_text(
                json.dumps({"users": self.users, "pending": self.pending}), encoding="utf-8"
            )


def _audit_failed_unlocks(store: Store) -> None:
    """Write the failed unlocks counted outside the database into its audit log."""
    if store.key is None:
        return
    attempts = _Attempts.load(store.path)
    pending = attempts.take_pending()
    if not pending:
        return
    with store.transaction():
        for item in pending:
            if isinstance(item, list) and len(item) == 2:
                store.audit(
                    "login_failed", str(item[1]) or "?", detail=f"wrong password at {item[0]}"
                )
    attempts.save()


def _finish_rekey(store: Store) -> None:
    """Finish a re-key that a crash or a busy database left undone (at any log-in)."""
    if store.key is None or store.conn.in_transaction:
        return
    try:
        run_due_rekey(store)
    except StoreError as exc:
        # The log-in itself is fine; the marker stays, and the next log-in tries again.
        log.warning("re-key not finished: %s", exc.message.en)


def _wrap_for(store: Store, username: str, password: str) -> None:
    if store.key is None:
        return
    path = keyring_path(store.path)
    ring = Keyring.load(path)
    before = ring.to_bytes()
    ring.add(user_label(username), store.key, password)
    ring.save(path)
    # If the account change rolls back (here or in the caller's transaction), so does this.
    store.on_rollback(lambda: Keyring.from_bytes(before).save(path))
