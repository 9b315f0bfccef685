"""Backup files: a consistent copy of the database (SQLite online backup API) with a manifest.

A backup file (`.de06bak`) is::

    b"DE06BAK\\n" | 4-byte big-endian length | manifest (UTF-8 JSON) | SHA-256 of the manifest
    | SQLite file

The manifest is cleartext-safe — unit code, device id, times, schema and form versions, change
number and record counts, never a personal value — so a restore can say what a file is (and
refuse a foreign one) before touching anything. The payload is the database as SQLite's backup
API saw it at one instant, checked with `PRAGMA integrity_check`, and guarded by a SHA-256 in
the manifest so a truncated or bit-flipped copy on a USB stick is refused, not restored.

Every file is written as `<name>.part`, fsynced, renamed into place and then read back: a power
cut leaves either the old state or the whole new file, never half a backup under the real name.
This module is the only place that touches backup bytes and SQL; the policy (names, rotation,
who may restore) lives in `de06desk.backup`.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import struct
import tempfile
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, BinaryIO

from de06desk import __version__
from de06desk.config import create_private
from de06desk.domain.files import atomic_write, fsync_dir
from de06desk.domain.i18n import msg

from . import dbapi
from .crypto import Keyring, keyring_path
from .database import Store, utc_now
from .errors import StoreError
from .migrations import SCHEMA_VERSION

MAGIC = b"DE06BAK\n"
FORMAT_VERSION = 1
# A manifest is a few kilobytes; a bigger length field means a hostile or damaged file.
MAX_MANIFEST_BYTES = 1024 * 1024
_CHUNK = 1024 * 1024
_SQLITE_HEADER = b"SQLite format 3\x00"


@dataclass(frozen=True)
class BackupInfo:
    """What a backup file says about itself (the restore preview)."""

    path: Path
    unit_code: str
    role: str
    device_id: str
    created_at: str
    schema_version: int
    app_version: str
    change_no: int
    audit_id: int
    counts: dict[str, int] = field(default_factory=dict)
    encrypted: bool = False
    payload_size: int = 0
    payload_sha256: str = ""
    # The database's keyring file as it was (only for an encrypted payload): what lets the
    # backup's users, or the recovery code, open it on another PC.
    keyring: bytes | None = None

    def manifest(self) -> dict[str, Any]:
        """The JSON manifest written into the file."""
        return {
            "format": FORMAT_VERSION,
            "app": "de06desk",
            "app_version": self.app_version,
            "unit_code": self.unit_code,
            "role": self.role,
            "device_id": self.device_id,
            "created_at": self.created_at,
            "schema_version": self.schema_version,
            "change_no": self.change_no,
            "audit_id": self.audit_id,
            "counts": self.counts,
            "encrypted": self.encrypted,
            "payload_size": self.payload_size,
            "payload_sha256": self.payload_sha256,
            "keyring": self.keyring.decode("utf-8") if self.keyring is not None else None,
        }

    def unlock(self, label: str, secret: str) -> bytes:
        """The payload's data key from the copy of the keyring (a user's or the recovery entry)."""
        if self.keyring is None:
            raise StoreError(
                msg(
                    "Bản sao lưu {p} không có tệp khóa.",
                    "Backup {p} holds no key file.",
                    p=self.path.name,
                )
            )
        return Keyring.from_bytes(self.keyring).unlock(label, secret)


def write_backup(store: Store, target: Path) -> BackupInfo:
    """Write a verified backup of `store` to `target` (atomically); returns its manifest.

    Raises StoreError with a one-line reason (disk full, folder not writable…) and leaves no
    partial file behind; the database itself is only read.
    """
    target = Path(target)
    # The snapshot is staged next to the database (local disk), not on the USB stick, so a
    # slow or full stick never holds a SQLite file open mid-copy.
    fd, staged_name = tempfile.mkstemp(
        prefix=".de06bak-", suffix=".tmp", dir=str(store.path.parent)
    )
    os.close(fd)
    staged = Path(staged_name)
    try:
        info = _snapshot(store, staged)
        # Written as `<name>.part` (PART_GLOB sweeps what a killed backup leaves), 0600.
        with (
            _as_store_error(target.parent),
            atomic_write(target, private=True, temp_name=target.name + ".part") as part,
            open(part, "wb") as out,
        ):
            _write_file(out, info, staged)
        # Read back what the stick really holds: USB sticks lie about writes.
        return read_backup(target, verify=True)
    finally:
        staged.unlink(missing_ok=True)
        remove_sidecars(staged)


# Older than this, a temporary file of a backup is a leftover: no backup takes an hour, so
# its writer was killed (power cut, task manager), and nothing else will ever remove it.
STALE_SECONDS = 3600
# What a backup leaves while it runs: the snapshot beside the database (with its SQLite
# sidecars) and the `.part` file in the target folder.
SNAPSHOT_GLOB = ".de06bak-*.tmp*"
PART_GLOB = "*.de06bak.part"


def sweep_stale_temporaries(*folders: Path) -> list[Path]:
    """Remove backup temporaries older than `STALE_SECONDS` from `folders`; returns them.

    Fresh ones are left alone: they may belong to a backup running right now in another
    process (the app's close backup while a script backs up).
    """
    removed = []
    now = time.time()
    for folder in folders:
        for pattern in (SNAPSHOT_GLOB, PART_GLOB):
            for leftover in folder.glob(pattern):
                with contextlib.suppress(OSError):
                    if now - leftover.stat().st_mtime > STALE_SECONDS and leftover.is_file():
                        leftover.unlink()
                        removed.append(leftover)
    return removed


def read_backup(path: Path, *, verify: bool = True) -> BackupInfo:
    """The manifest of a backup file; with `verify`, also check the payload's SHA-256.

    Raises StoreError for anything that is not an intact de06desk backup.
    """
    path = Path(path)
    with _as_store_error(path, reading=True), path.open("rb") as handle:
        manifest, offset = _read_header(handle, path)
        info = _info_from_manifest(path, manifest)
        if verify:
            digest, size = _hash_rest(handle)
            if size != info.payload_size or digest != info.payload_sha256:
                raise _corrupt(path)
        elif path.stat().st_size != offset + info.payload_size:
            raise _corrupt(path)
    return info


def extract_payload(backup: Path, dest: Path, key: bytes | None = None) -> BackupInfo:
    """Copy the database inside `backup` to `dest` (fsynced), checking hash and integrity.

    An encrypted payload is integrity-checked only when its data key is given (`key`).
    """
    backup = Path(backup)
    read_backup(backup, verify=False)
    remove_sidecars(dest)
    try:
        create_private(dest)
        with backup.open("rb") as handle, dest.open("wb") as out:
            manifest, _ = _read_header(handle, backup)
            info = _info_from_manifest(backup, manifest)
            hasher, size = hashlib.sha256(), 0
            while chunk := handle.read(_CHUNK):
                hasher.update(chunk)
                size += len(chunk)
                _write_all(out, chunk)
            out.flush()
            os.fsync(out.fileno())
    except OSError as exc:
        dest.unlink(missing_ok=True)
        raise _os_error(dest.parent, exc) from None
    except BaseException:
        dest.unlink(missing_ok=True)
        raise
    if size != info.payload_size or hasher.hexdigest() != info.payload_sha256:
        dest.unlink(missing_ok=True)
        raise _corrupt(backup)
    if not info.encrypted or key is not None:
        try:
            check_database_file(dest, key if info.encrypted else None)
        except StoreError:
            dest.unlink(missing_ok=True)
            raise _corrupt(backup) from None
    return info


def check_database_file(path: Path, key: bytes | None = None) -> dict[str, str]:
    """Run `PRAGMA integrity_check` on a database file (encrypted under `key`); its meta table.

    Raises StoreError if the file is damaged, is not a de06desk database or the key is wrong.
    """
    if key is None:
        with path.open("rb") as handle:
            if handle.read(16) != _SQLITE_HEADER:
                raise StoreError(
                    msg("Tệp {p} bị hỏng.", "{p} is damaged.", p=path.name),
                )
    conn = dbapi.connect(path, key, readonly=True)
    try:
        result = [r[0] for r in conn.execute("PRAGMA integrity_check")]
        if result != ["ok"]:
            raise StoreError(msg("Tệp {p} bị hỏng.", "{p} is damaged.", p=path.name))
        meta = {r[0]: r[1] for r in conn.execute("SELECT key, value FROM meta")}
    except dbapi.DatabaseError:
        raise StoreError(msg("Tệp {p} bị hỏng.", "{p} is damaged.", p=path.name)) from None
    finally:
        conn.close()
    if "schema_version" not in meta:
        raise StoreError(
            msg(
                "Tệp {p} không phải cơ sở dữ liệu de06desk.",
                "{p} is not a de06desk database.",
                p=path.name,
            )
        )
    return meta


def database_unit_code(path: Path, key: bytes | None = None) -> str | None:
    """The unit code of an existing database file, or None if it cannot be read."""
    try:
        conn = dbapi.connect(path, key, readonly=True)
    except (StoreError, *dbapi.Error):
        return None
    try:
        row = conn.execute("SELECT value FROM meta WHERE key = 'unit_code'").fetchone()
    except dbapi.DatabaseError:
        return None
    finally:
        conn.close()
    return row[0] if row else None


def replace_database(
    db_path: Path,
    staged: Path,
    keep_copy: Path | None,
    *,
    current_key: bytes | None = None,
    staged_key: bytes | None = None,
) -> None:
    """Put `staged` in place of `db_path` atomically, first copying the current file aside.

    The caller must have closed every Store on `db_path`. The current database (encrypted under
    `current_key`) is copied with the online backup API (consistent even with a WAL), under
    the same key, and its WAL is checkpointed away, so a stale `-wal` can never be replayed
    onto the restored file (encrypted under `staged_key`).
    """
    if db_path.exists():
        try:
            conn = dbapi.connect(db_path, current_key)
            try:
                if keep_copy is not None:
                    # A leftover under this name (a restore killed in the same second) may be
                    # half-written: SQLCipher would refuse it as a wrong key, not overwrite it.
                    keep_copy.unlink(missing_ok=True)
                    remove_sidecars(keep_copy)
                    create_private(keep_copy)
                    copy = dbapi.connect(keep_copy, current_key)
                    try:
                        conn.backup(copy)
                        copy.execute("PRAGMA journal_mode = DELETE")
                    finally:
                        copy.close()
                    _fsync_file(keep_copy)
                busy = conn.execute("PRAGMA wal_checkpoint(TRUNCATE)").fetchone()[0]
                if busy:
                    raise StoreError(
                        msg(
                            "Cơ sở dữ liệu đang được mở ở nơi khác; hãy đóng phần mềm rồi thử lại.",
                            "The database is open elsewhere; close de06desk and try again.",
                        )
                    )
            finally:
                conn.close()
        except dbapi.Error as exc:
            raise StoreError(
                msg(
                    "Không sao chép được cơ sở dữ liệu hiện tại ({e}); chưa thay đổi gì.",
                    "Could not copy the current database ({e}); nothing was changed.",
                    e=str(exc),
                )
            ) from None
        remove_sidecars(db_path)
    _to_wal(staged, staged_key)
    with _as_store_error(db_path.parent):
        os.replace(staged, db_path)
        fsync_dir(db_path.parent)


def remove_sidecars(path: Path) -> None:
    """Delete a database file's leftover journal/WAL files before the name is reused.

    A hot journal or WAL left by a killed process must never be replayed onto a different
    file that later takes the same name.
    """
    for suffix in ("-journal", "-wal", "-shm"):
        Path(str(path) + suffix).unlink(missing_ok=True)


# ---- internals ----------------------------------------------------------------------------


def _snapshot(store: Store, staged: Path) -> BackupInfo:
    """Online-backup `store` into `staged`, check it, and describe it (counts from the copy).

    An encrypted database is copied page by page under its own key, so the payload is exactly
    as protected as the database; the keyring goes into the manifest, reduced to what opens
    this copy's key (during a re-key it also holds the next key, which would not open it).
    """
    keyring = None
    if store.key is not None:
        keyring = Keyring.load(keyring_path(store.path)).only(store.key).to_bytes()
    try:
        dest = dbapi.connect(staged, store.key)
        try:
            store.conn.backup(dest)
            # A self-contained file: no -wal needed beside it once it is inside the backup.
            dest.execute("PRAGMA journal_mode = DELETE")
            if [r[0] for r in dest.execute("PRAGMA integrity_check")] != ["ok"]:
                raise StoreError(
                    msg(
                        "Bản sao của cơ sở dữ liệu không toàn vẹn; cơ sở dữ liệu có thể đã hỏng.",
                        "The copy of the database failed its integrity check; "
                        "the database may be damaged.",
                    )
                )
            meta = {r[0]: r[1] for r in dest.execute("SELECT key, value FROM meta")}
            tables = {r[0] for r in dest.execute("SELECT name FROM sqlite_master")}
            counts = {
                form.id: _count(dest, form.table) for form in store.forms if form.table in tables
            }
            change_row = dest.execute(
                "SELECT value FROM counters WHERE name = 'change_no'"
            ).fetchone()
            audit_id = dest.execute("SELECT coalesce(max(id), 0) FROM audit").fetchone()[0]
        finally:
            dest.close()
    except dbapi.Error as exc:
        raise StoreError(
            msg(
                "Không tạo được bản sao lưu ({e}); dữ liệu không bị ảnh hưởng.",
                "Could not make the backup ({e}); your data is unaffected.",
                e=str(exc),
            )
        ) from None
    _fsync_file(staged)
    digest, size = _hash_file(staged)
    return BackupInfo(
        path=staged,
        unit_code=meta.get("unit_code", ""),
        role=meta.get("role", "commune"),
        device_id=meta.get("device_id", ""),
        created_at=utc_now(),
        schema_version=int(meta.get("schema_version", "0")),
        app_version=__version__,
        change_no=int(change_row[0]) if change_row else 0,
        audit_id=int(audit_id),
        counts=counts,
        encrypted=store.key is not None,
        payload_size=size,
        payload_sha256=digest,
        keyring=keyring,
    )


def _count(conn: dbapi.Connection, table: str) -> int:
    return int(conn.execute(f'SELECT count(*) FROM "{table}" WHERE deleted = 0').fetchone()[0])


def _to_wal(path: Path, key: bytes | None) -> None:
    """Switch a staged file to WAL before it takes the database's name.

    The switch rewrites page 1 under a rollback journal; done after the rename, a kill at that
    moment would leave a hot journal on the live database (which the app then cannot open
    read-only). Done here, a kill only spoils the staged copy.
    """
    try:
        conn = dbapi.connect(path, key)
        try:
            conn.execute("PRAGMA journal_mode = WAL")
        finally:
            conn.close()
    except dbapi.Error as exc:
        raise StoreError(
            msg(
                "Không chuẩn bị được bản khôi phục ({e}); chưa thay đổi gì.",
                "Could not prepare the restored copy ({e}); nothing was changed.",
                e=str(exc),
            )
        ) from None
    remove_sidecars(path)
    _fsync_file(path)


def _write_file(out: BinaryIO, info: BackupInfo, staged: Path) -> None:
    manifest = json.dumps(info.manifest(), ensure_ascii=False, sort_keys=True).encode("utf-8")
    header = MAGIC + struct.pack(">I", len(manifest)) + manifest
    _write_all(out, header + hashlib.sha256(manifest).digest())
    with staged.open("rb") as src:
        while chunk := src.read(_CHUNK):
            _write_all(out, chunk)


def _write_all(out: BinaryIO, data: bytes) -> None:
    """Write bytes (the single write path, so tests can simulate a full disk here)."""
    out.write(data)


def _read_header(handle: BinaryIO, path: Path) -> tuple[dict[str, Any], int]:
    if handle.read(len(MAGIC)) != MAGIC:
        raise StoreError(
            msg(
                "Tệp {p} không phải bản sao lưu de06desk.",
                "{p} is not a de06desk backup.",
                p=path.name,
            )
        )
    raw_len = handle.read(4)
    if len(raw_len) != 4:
        raise _corrupt(path)
    (length,) = struct.unpack(">I", raw_len)
    if length > MAX_MANIFEST_BYTES:
        raise _corrupt(path)
    raw = handle.read(length)
    if len(raw) != length or handle.read(32) != hashlib.sha256(raw).digest():
        raise _corrupt(path)
    try:
        manifest = json.loads(raw.decode("utf-8"))
    except (UnicodeDecodeError, ValueError):
        raise _corrupt(path) from None
    if not isinstance(manifest, dict) or manifest.get("app") != "de06desk":
        raise _corrupt(path)
    fmt = manifest.get("format")
    if not isinstance(fmt, int) or fmt > FORMAT_VERSION:
        raise StoreError(
            msg(
                "Bản sao lưu {p} được tạo bởi phiên bản mới hơn của de06desk; "
                "hãy cập nhật phần mềm.",
                "Backup {p} was made by a newer de06desk; update the app.",
                p=path.name,
            )
        )
    return manifest, len(MAGIC) + 4 + length + 32


def _info_from_manifest(path: Path, m: dict[str, Any]) -> BackupInfo:
    try:
        counts = m.get("counts") or {}
        if not isinstance(counts, dict):
            raise TypeError
        info = BackupInfo(
            path=path,
            unit_code=_text(m["unit_code"]),
            role=_text(m.get("role", "commune")),
            device_id=_text(m.get("device_id", "")),
            created_at=_text(m["created_at"]),
            schema_version=_int(m["schema_version"]),
            app_version=_text(m.get("app_version", "")),
            change_no=_int(m.get("change_no", 0)),
            audit_id=_int(m.get("audit_id", 0)),
            counts={_text(k): _int(v) for k, v in counts.items()},
            encrypted=m.get("encrypted") is True,
            payload_size=_int(m["payload_size"]),
            payload_sha256=_text(m["payload_sha256"]),
            keyring=_text(m["keyring"]).encode("utf-8") if m.get("keyring") is not None else None,
        )
    except (KeyError, TypeError, ValueError):
        raise _corrupt(path) from None
    if info.schema_version > SCHEMA_VERSION:
        raise StoreError(
            msg(
                "Bản sao lưu {p} dùng lược đồ {v}, mới hơn phần mềm này ({s}); "
                "hãy cập nhật de06desk.",
                "Backup {p} uses schema {v}, newer than this app ({s}); update de06desk.",
                p=path.name,
                v=info.schema_version,
                s=SCHEMA_VERSION,
            )
        )
    return info


def _text(value: Any) -> str:
    if not isinstance(value, str):
        raise TypeError
    return value


def _int(value: Any) -> int:
    if not isinstance(value, int) or isinstance(value, bool) or value < 0:
        raise TypeError
    return value


def _hash_file(path: Path) -> tuple[str, int]:
    with path.open("rb") as handle:
        return _hash_rest(handle)


def _hash_rest(handle: BinaryIO) -> tuple[str, int]:
    hasher, size = hashlib.sha256(), 0
    while chunk := handle.read(_CHUNK):
        hasher.update(chunk)
        size += len(chunk)
    return hasher.hexdigest(), size


def _fsync_file(path: Path) -> None:
    with path.open("rb+") as handle:
        os.fsync(handle.fileno())


def _corrupt(path: Path) -> StoreError:
    return StoreError(
        msg(
            "Bản sao lưu {p} bị hỏng hoặc không đầy đủ; không khôi phục được từ tệp này.",
            "Backup {p} is damaged or incomplete; it cannot be restored.",
            p=path.name,
        )
    )


def _os_error(folder: Path, exc: OSError, *, reading: bool = False) -> StoreError:
    if reading:
        return StoreError(
            msg(
                "Không đọc được {d}: {e}.",
                "Cannot read {d}: {e}.",
                d=str(folder),
                e=exc.strerror or str(exc),
            )
        )
    return StoreError(
        msg(
            "Không ghi được vào {d}: {e}. Dữ liệu không bị ảnh hưởng.",
            "Cannot write to {d}: {e}. Your data is unaffected.",
            d=str(folder),
            e=exc.strerror or str(exc),
        )
    )


@contextlib.contextmanager
def _as_store_error(folder: Path, *, reading: bool = False) -> Iterator[None]:
    """Turn an OSError (disk full, read-only, missing folder) into one readable line."""
    try:
        yield
    except OSError as exc:
        raise _os_error(folder, exc, reading=reading) from None
