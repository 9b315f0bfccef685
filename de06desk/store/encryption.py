"""Turning an existing plaintext database into an encrypted one (docs/SECURITY.md §3).

`sqlcipher_export()` writes an encrypted copy next to the database; the copy is checked
(integrity, same schema, same row counts in every table) and switched to WAL, the keyring is
written, and only then does the copy replace the plaintext file in one atomic rename. A crash
at any moment leaves the plaintext database as it was (a keyring beside a plaintext file is
ignored), or the finished encrypted one with its keyring. No plaintext copy is kept: that
would defeat the purpose; the original is untouched until the verified copy replaces it.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

from sqlcipher3 import dbapi2 as sqlcipher

from de06desk.domain.files import fsync_dir
from de06desk.domain.i18n import msg

from . import dbapi
from .backup import remove_sidecars
from .crypto import (
    RECOVERY_LABEL,
    Keyring,
    keyring_path,
    new_data_key,
    new_recovery_code,
    normalize_recovery_code,
    user_label,
)
from .database import Store
from .errors import StoreError
from .users import authenticate


@dataclass(frozen=True)
class EncryptResult:
    """What `encrypt_database` did: the recovery code (show once) and who must get a new
    password from an administrator (their old one cannot be wrapped without knowing it)."""

    recovery_code: str
    need_new_password: list[str]


def encrypt_database(path: Path, username: str, password: str) -> EncryptResult:
    """Encrypt the plaintext database at `path` in place; `username` must be an administrator.

    The administrator's password gets a keyring entry; other active accounts need a password
    reset (`set_password`) before they can log in again. Every Store on `path` must be closed.
    """
    path = Path(path)
    if dbapi.is_encrypted(path):
        raise StoreError(
            msg("Cơ sở dữ liệu {p} đã được mã hóa.", "{p} is already encrypted.", p=path.name)
        )
    with Store.open(path) as store:
        user = authenticate(store, username, password)
        if user.role != "admin":
            raise StoreError(
                msg("Mã hóa dữ liệu cần quyền quản trị.", "Encrypting needs an administrator.")
            )
        with store.transaction():
            store.audit("encrypt_database", username)
        others = [
            r[0]
            for r in store.conn.execute(
                "SELECT username FROM users WHERE active = 1 AND username != ? ORDER BY username",
                (username,),
            )
        ]
    key = new_data_key()
    staged = path.with_name(path.name + ".encrypting")
    staged.unlink(missing_ok=True)
    remove_sidecars(staged)
    try:
        write_encrypted_copy(path, staged, key)
        # The keyring must exist before the encrypted file takes the name: beside the still
        # plaintext database it is harmless, while an encrypted file without it is lost.
        code = new_recovery_code()
        ring = Keyring.new()
        ring.add(RECOVERY_LABEL, key, normalize_recovery_code(code))
        ring.add(user_label(username), key, password)
        ring.save(keyring_path(path))
        remove_sidecars(path)
        os.replace(staged, path)
        fsync_dir(path.parent)
    finally:
        staged.unlink(missing_ok=True)
        remove_sidecars(staged)
    return EncryptResult(code, others)


def write_encrypted_copy(path: Path, staged: Path, key: bytes) -> None:
    """Write the copy of the plaintext database `path`, encrypted under `key`, to `staged`;
    verify it and switch it to WAL. No keyring is made (the caller keeps the key)."""
    # SQLCipher's driver reads a plaintext file as plain SQLite; sqlcipher_export needs both
    # databases on one of its connections.
    conn = sqlcipher.connect(str(path), isolation_level=None)
    try:
        busy = conn.execute("PRAGMA wal_checkpoint(TRUNCATE)").fetchone()[0]
        if busy:
            raise StoreError(
                msg(
                    "Cơ sở dữ liệu đang được mở ở nơi khác; hãy đóng phần mềm rồi thử lại.",
                    "The database is open elsewhere; close de06desk and try again.",
                )
            )
        conn.execute("PRAGMA cipher_log_level = NONE")
        conn.execute(f"ATTACH DATABASE ? AS enc KEY \"x'{key.hex()}'\"", (str(staged),))
        conn.execute("SELECT sqlcipher_export('enc')")
        version = conn.execute("PRAGMA main.user_version").fetchone()[0]
        conn.execute(f"PRAGMA enc.user_version = {int(version)}")
        conn.execute("DETACH DATABASE enc")
        expected = _shape(conn)
    except sqlcipher.Error as exc:
        raise StoreError(
            msg(
                "Không mã hóa được cơ sở dữ liệu ({e}); chưa thay đổi gì.",
                "Could not encrypt the database ({e}); nothing was changed.",
                e=str(exc),
            )
        ) from None
    finally:
        conn.close()
    enc = dbapi.connect(staged, key)
    try:
        ok = [r[0] for r in enc.execute("PRAGMA integrity_check")] == ["ok"]
        if not ok or _shape(enc) != expected:
            raise StoreError(
                msg(
                    "Bản mã hóa không khớp với cơ sở dữ liệu; chưa thay đổi gì.",
                    "The encrypted copy does not match the database; nothing was changed.",
                )
            )
        enc.execute("PRAGMA journal_mode = WAL")
    finally:
        enc.close()
    remove_sidecars(staged)
    with staged.open("rb+") as handle:
        os.fsync(handle.fileno())


def _shape(conn: dbapi.Connection) -> dict[str, int]:
    """Every schema object, and the row count of every ordinary table."""
    shape: dict[str, int] = {}
    for kind, name in conn.execute("SELECT type, name FROM main.sqlite_master ORDER BY name"):
        virtual = kind == "table" and _is_virtual(conn, name)
        shape[f"{kind}:{name}"] = (
            int(conn.execute(f'SELECT count(*) FROM main."{name}"').fetchone()[0])
            if kind == "table" and not virtual
            else 0
        )
    return shape


def _is_virtual(conn: dbapi.Connection, name: str) -> bool:
    sql = conn.execute("SELECT sql FROM main.sqlite_master WHERE name = ?", (name,)).fetchone()[0]
    return bool(sql) and sql.upper().startswith("CREATE VIRTUAL")
