"""Backup policy: manual backups, the automatic rotating set, the restore preview and restore.

The bytes and SQL live in `de06desk.store.backup`; this module decides names, where automatic
backups go and how many are kept, and who may restore what. No Qt, no SQL: the GUI calls these
functions from a background task, the CLI calls them directly.

Automatic backups go to `data_dir()/backups/daily` (one per calendar day, the last 7 kept) and
`data_dir()/backups/close` (when the app closes and something changed, the last 10 kept), so a
bad day's mistakes can be undone from yesterday and a broken disk loses at most one session.

A backup of an encrypted database is encrypted under the same data key and carries a copy of
the keyring, so it restores on another PC with one of its users' passwords or the recovery code.
"""

from __future__ import annotations

import logging
import re
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Literal

from de06desk.config import data_dir, private_folder
from de06desk.domain.i18n import DomainError, msg
from de06desk.store import Store, StoreError
from de06desk.store.audit_queries import last_audit_id
from de06desk.store.backup import (
    BackupInfo,
    database_unit_code,
    extract_payload,
    read_backup,
    remove_sidecars,
    replace_database,
    sweep_stale_temporaries,
    write_backup,
)
from de06desk.store.crypto import Keyring, keyring_path
from de06desk.store.database import SYSTEM_USER
from de06desk.store.users import User

__all__ = [
    "KEEP",
    "BackupInfo",
    "RestoreResult",
    "auto_backup",
    "backup_database",
    "backup_name",
    "backups_dir",
    "inspect_backup",
    "list_backups",
    "open_backup_copy",
    "prune_backups",
    "restore_backup",
]

log = logging.getLogger(__name__)

AutoKind = Literal["daily", "close"]
SUFFIX = ".de06bak"
# How many automatic backups of each kind are kept per unit.
KEEP: dict[AutoKind, int] = {"daily": 7, "close": 10}
_NAME = re.compile(r"^(?P<unit>[A-Za-z0-9]+)_(?P<stamp>\d{8}-\d{6})(?:-\d+)?\.de06bak$")


@dataclass(frozen=True)
class RestoreResult:
    """What a restore did: the backup it used and where the replaced database was kept."""

    info: BackupInfo
    kept_copy: Path | None


def backups_dir() -> Path:
    """Folder of the automatic backups (`<data dir>/backups`)."""
    return data_dir() / "backups"


def backup_name(unit_code: str, when: datetime | None = None) -> str:
    """`<unit>_<yyyymmdd-HHMMSS>.de06bak`, in local time so officers recognise it."""
    stamp = (when or datetime.now()).strftime("%Y%m%d-%H%M%S")
    return f"{unit_code}_{stamp}{SUFFIX}"


def backup_database(
    store: Store, out_dir: Path, *, user: str = SYSTEM_USER, reason: str = "manual"
) -> Path:
    """Back up `store` into `out_dir` (created if needed); returns the new file's path.

    The backup is audited (who, which file, why) before the snapshot is taken, so the backup
    contains its own audit entry; a failure is audited too. Raises StoreError with a one-line
    reason when the folder cannot be written (full disk, read-only stick, not a folder).
    """
    out_dir = Path(out_dir)
    try:
        private_folder(out_dir)
    except OSError as exc:
        raise StoreError(
            msg(
                "Không tạo được thư mục {d}: {e}. Dữ liệu không bị ảnh hưởng.",
                "Cannot create folder {d}: {e}. Your data is unaffected.",
                d=str(out_dir),
                e=exc.strerror or str(exc),
            )
        ) from None
    sweep_stale_temporaries(store.path.parent, out_dir)
    target = _free_name(out_dir, store.unit_code)
    with store.transaction():
        store.audit("backup", user, detail=f"{reason}: {target.name}")
    try:
        write_backup(store, target)
    except DomainError as exc:
        with store.transaction():
            store.audit("backup_failed", user, detail=f"{reason}: {target.name}: {exc.message.en}")
        raise
    return target


def inspect_backup(path: Path) -> BackupInfo:
    """The restore preview: unit, time, schema, record counts — after checking the whole file."""
    return read_backup(Path(path), verify=True)


def restore_backup(
    db_path: Path,
    backup_path: Path,
    user: User,
    *,
    allow_other_unit: bool = False,
    key: bytes | None = None,
    current_key: bytes | None = None,
) -> RestoreResult:
    """Replace the database at `db_path` with the one inside `backup_path`.

    Only an administrator may restore. Refuses a damaged or foreign file, a newer schema, and a
    backup of another unit unless `allow_other_unit`. The current database (if any) is copied
    to `<name>.before-restore-<time>.db` first and replaced atomically: a crash at any moment
    leaves either the old or the restored database. Every Store on `db_path` must be closed.

    An encrypted backup needs its data key (`key`, from `BackupInfo.unlock`) and is checked
    with it before anything is replaced; its keyring then replaces the database's. An
    encrypted current database needs its own key (`current_key`) to be copied aside; the
    copy keeps the current keyring beside it.
    """
    db_path, backup_path = Path(db_path), Path(backup_path)
    if user.role != "admin":
        raise DomainError(
            msg("Khôi phục dữ liệu cần quyền quản trị.", "Restoring needs an administrator.")
        )
    info = read_backup(backup_path, verify=True)
    if info.encrypted and (key is None or info.keyring is None):
        raise StoreError(
            msg(
                "Bản sao lưu {p} đã được mã hóa: cần mật khẩu của một tài khoản trong bản sao "
                "lưu hoặc mã khôi phục.",
                "Backup {p} is encrypted: it needs the password of one of its accounts or the "
                "recovery code.",
                p=backup_path.name,
            )
        )
    current_unit = database_unit_code(db_path, current_key) if db_path.exists() else None
    if current_unit and current_unit != info.unit_code and not allow_other_unit:
        raise StoreError(
            msg(
                "Bản sao lưu {p} là của đơn vị {b}, không phải đơn vị {c} của cơ sở dữ liệu này; "
                "không khôi phục.",
                "Backup {p} belongs to unit {b}, not to this database's unit {c}; not restored.",
                p=backup_path.name,
                b=info.unit_code,
                c=current_unit,
            )
        )
    staged = db_path.with_name(db_path.name + ".restoring")
    stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
    kept = (
        db_path.with_name(f"{db_path.stem}.before-restore-{stamp}{db_path.suffix}")
        if db_path.exists()
        else None
    )
    if kept is not None:
        remove_sidecars(kept)
    new_key = key if info.encrypted else None
    ring = keyring_path(db_path)
    try:
        extract_payload(backup_path, staged, new_key)
        if kept is not None and ring.exists():
            Keyring.load(ring).save(keyring_path(kept))
        replace_database(db_path, staged, kept, current_key=current_key, staged_key=new_key)
        # After the swap: a crash in between leaves the old keyring, which still opens the
        # restored file whenever both come from the same database (the usual restore).
        if info.keyring is not None:
            Keyring.from_bytes(info.keyring).save(ring)
        else:
            ring.unlink(missing_ok=True)
    finally:
        staged.unlink(missing_ok=True)
        remove_sidecars(staged)
    # Store.open migrates an older schema (after its own copy) and proves the file opens.
    with Store.open(db_path, key=new_key) as store, store.transaction():
        store.audit(
            "restore",
            user.username,
            detail=(
                f"{backup_path.name} (unit {info.unit_code}, {info.created_at}); "
                f"previous database kept as {kept.name if kept else '-'}"
            ),
        )
    log.info("restored %s from %s", db_path.name, backup_path.name)
    return RestoreResult(info, kept)


@contextmanager
def open_backup_copy(backup_path: Path, key: bytes | None = None) -> Iterator[Store]:
    """A throw-away opened copy of the database inside a backup (to log in against it).

    Used when restoring onto a PC with no database: the backup's own administrator must log
    in. An encrypted backup needs its data key. The copy lives in the data folder and is
    deleted on exit.
    """
    with tempfile.TemporaryDirectory(prefix=".de06restore-", dir=data_dir()) as tmp:
        staged = Path(tmp) / "backup.db"
        extract_payload(Path(backup_path), staged, key)
        with Store.open(staged, key=key) as store:
            yield store


def list_backups(folder: Path, unit_code: str | None = None) -> list[Path]:
    """Backup files in `folder` (of one unit if given), oldest first by the time in the name."""
    if not folder.is_dir():
        return []
    found = []
    for path in folder.iterdir():
        match = _NAME.match(path.name)
        if match and (unit_code is None or match["unit"] == unit_code):
            found.append((match["stamp"], path.name, path))
    return [p for _, _, p in sorted(found)]


def prune_backups(folder: Path, unit_code: str, keep: int) -> list[Path]:
    """Delete all but the newest `keep` backups of a unit in `folder`; returns what went."""
    old = list_backups(folder, unit_code)[:-keep] if keep > 0 else list_backups(folder, unit_code)
    for path in old:
        path.unlink(missing_ok=True)
    # Half-written files from a backup killed mid-write never count as backups.
    sweep_stale_temporaries(folder)
    return old


def auto_backup(store: Store, kind: AutoKind, *, folder: Path | None = None) -> Path | None:
    """The automatic backup of `kind`, if one is due; returns its path or None if skipped.

    `daily`: the first call on a calendar day makes one. `close`: made when records or the
    audit log changed since the last close backup. The oldest backups beyond `KEEP` go.
    """
    target_dir = (folder or backups_dir()) / kind
    unit = store.unit_code
    existing = list_backups(target_dir, unit)
    if existing and _is_current(kind, existing[-1], store):
        return None
    path = backup_database(store, target_dir, reason=f"auto-{kind}")
    prune_backups(target_dir, unit, KEEP[kind])
    return path


# ---- internals ----------------------------------------------------------------------------


def _is_current(kind: AutoKind, latest: Path, store: Store) -> bool:
    if kind == "daily":
        match = _NAME.match(latest.name)
        return match is not None and match["stamp"][:8] == datetime.now().strftime("%Y%m%d")
    try:
        info = read_backup(latest, verify=False)
    except DomainError:
        return False  # a damaged last backup is never a reason to skip the next one
    return info.change_no == store.current_change_no() and info.audit_id == last_audit_id(store)


def _free_name(folder: Path, unit_code: str) -> Path:
    base = backup_name(unit_code)[: -len(SUFFIX)]
    target, counter = folder / f"{base}{SUFFIX}", 2
    while target.exists():  # two backups in the same second
        target, counter = folder / f"{base}-{counter}{SUFFIX}", counter + 1
    return target
