"""The two SQLite drivers behind the store: stdlib `sqlite3` for plaintext files, SQLCipher
(`sqlcipher3`) for encrypted ones, opened the same way and caught with the same names.

`sqlcipher3`'s exceptions are not subclasses of `sqlite3.Error`, so every `except` in the store
uses the tuples below, which catch both drivers.
"""

from __future__ import annotations

import errno
import shutil
import sqlite3
from pathlib import Path
from typing import Any, Literal

from sqlcipher3 import dbapi2 as sqlcipher

from de06desk.domain.i18n import msg

from .crypto import sqlcipher_key_pragma
from .errors import DiskFullError, StoreError

Error = (sqlite3.Error, sqlcipher.Error)
DatabaseError = (sqlite3.DatabaseError, sqlcipher.DatabaseError)
IntegrityError = (sqlite3.IntegrityError, sqlcipher.IntegrityError)
OperationalError = (sqlite3.OperationalError, sqlcipher.OperationalError)
Row = sqlite3.Row | sqlcipher.Row
# Both drivers' connections have the same DB-API surface (execute, backup, in_transaction…).
Connection = Any

_SQLITE_HEADER = b"SQLite format 3\x00"


def connect(
    path: Path | str,
    key: bytes | None,
    *,
    readonly: bool = False,
    isolation_level: Literal["DEFERRED", "IMMEDIATE", "EXCLUSIVE"] | None = None,
    timeout: float = 10,
) -> Connection:
    """A connection to `path`: plaintext when `key` is None, else SQLCipher under `key`.

    With a key, a wrong key (or a plaintext or foreign file) is found at once and raised as
    StoreError; SQLCipher's own error lines on stderr are switched off first.
    """
    target, uri = (f"file:{path}?mode=ro", True) if readonly else (str(path), False)
    if key is None:
        conn = sqlite3.connect(target, uri=uri, isolation_level=isolation_level, timeout=timeout)
        conn.row_factory = sqlite3.Row
        return conn
    sidecars = _absent_sidecars(Path(path))
    conn = sqlcipher.connect(target, uri=uri, isolation_level=isolation_level, timeout=timeout)
    try:
        # Before the key: a wrong key must not print "ERROR CORE …" on the user's console.
        conn.execute("PRAGMA cipher_log_level = NONE")
        conn.execute(sqlcipher_key_pragma(key))
        conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
    except sqlcipher.DatabaseError as exc:
        conn.close()
        if is_disk_full(exc) or (not is_wrong_key(exc) and nearly_full(Path(path).parent)):
            # A full disk (or a file-size limit) cannot hold the WAL index; SQLCipher then
            # reports an I/O error or even a damaged file. Saying "wrong key" would send the
            # user after the password.
            _remove_empty(sidecars)
            raise DiskFullError(str(path)) from None
        raise wrong_key(Path(path)) from None
    conn.row_factory = sqlcipher.Row
    return conn


# Less free space than this when a write fails: the disk is the cause (the WAL index alone
# needs 32 KiB, a transaction's WAL frames more).
_NEARLY_FULL = 4 * 1024 * 1024
_DISK_FULL_ERRNOS = frozenset({errno.ENOSPC, errno.EFBIG, getattr(errno, "EDQUOT", errno.ENOSPC)})
_DISK_FULL_TEXTS = ("database or disk is full", "disk i/o error")


def is_wrong_key(exc: BaseException) -> bool:
    """Whether a SQLCipher error says the key does not open the file (SQLITE_NOTADB)."""
    return getattr(exc, "sqlite_errorname", "") == "SQLITE_NOTADB" or "not a database" in str(exc)


def nearly_full(folder: Path) -> bool:
    """Whether the disk holding `folder` has (almost) no room left."""
    try:
        return shutil.disk_usage(folder).free < _NEARLY_FULL
    except OSError:
        return False


def is_disk_full(exc: BaseException) -> bool:
    """Whether `exc` (or an error it was raised from) means the disk had no room to write.

    ENOSPC/EFBIG/EDQUOT from the OS, SQLite's "database or disk is full", and its "disk I/O
    error" (what SQLite says for EFBIG, a file-size limit) — both drivers.
    """
    seen: set[int] = set()
    current: BaseException | None = exc
    while current is not None and id(current) not in seen:
        seen.add(id(current))
        if isinstance(current, DiskFullError):
            return True
        if isinstance(current, OSError) and current.errno in _DISK_FULL_ERRNOS:
            return True
        if isinstance(current, Error) and str(current).lower() in _DISK_FULL_TEXTS:
            return True
        current = current.__cause__ or current.__context__
    return False


def _absent_sidecars(path: Path) -> list[Path]:
    return [p for p in (Path(f"{path}-wal"), Path(f"{path}-shm")) if not p.exists()]


def _remove_empty(sidecars: list[Path]) -> None:
    """Remove the WAL and index a failed open just created, if the WAL holds nothing.

    Left behind, a 0-byte WAL and a half-made index sit beside the database for ever; an
    empty WAL carries no data, so removing it cannot lose anything. Only after a full disk:
    files that did not exist a moment ago belong to this failed open.
    """
    wal = next((p for p in sidecars if p.name.endswith("-wal")), None)
    try:
        if wal is not None and wal.exists() and wal.stat().st_size > 0:
            return
        for sidecar in sidecars:
            sidecar.unlink(missing_ok=True)
    except OSError:
        pass  # best effort: the refusal that follows matters more


def is_encrypted(path: Path) -> bool:
    """Whether an existing, non-empty file is not a plaintext SQLite file (SQLCipher or foreign).

    A SQLCipher file starts with its random salt, never with the SQLite header.
    """
    try:
        with path.open("rb") as handle:
            header = handle.read(16)
    except OSError:
        return False
    return bool(header) and header != _SQLITE_HEADER


def wrong_key(path: Path) -> StoreError:
    """The refusal for a file the given key does not open."""
    return StoreError(
        msg(
            "Không mở được {p}: khóa không đúng, hoặc tệp không phải cơ sở dữ liệu de06desk.",
            "Cannot open {p}: wrong key, or not a de06desk database.",
            p=path.name,
        )
    )
