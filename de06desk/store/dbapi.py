"""The two SQLite drivers behind the store: stdlib `sqlite3` for plaintext files, SQLCipher
(`sqlcipher3`) for encrypted ones, opened the same way and caught with the same names.

`sqlcipher3`'s exceptions are not subclasses of `sqlite3.Error`, so every `except` in the store
uses the tuples below, which catch both drivers.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path
from typing import Any

from sqlcipher3 import dbapi2 as sqlcipher

from de06desk.domain.i18n import msg

from .crypto import sqlcipher_key_pragma
from .errors import StoreError

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
    isolation_level: str | None = None,
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
    conn = sqlcipher.connect(target, uri=uri, isolation_level=isolation_level, timeout=timeout)
    try:
        # Before the key: a wrong key must not print "ERROR CORE …" on the user's console.
        conn.execute("PRAGMA cipher_log_level = NONE")
        conn.execute(sqlcipher_key_pragma(key))
        conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
    except sqlcipher.DatabaseError:
        conn.close()
        raise wrong_key(Path(path)) from None
    conn.row_factory = sqlcipher.Row
    return conn


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
