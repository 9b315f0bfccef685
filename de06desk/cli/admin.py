"""Administration subcommands: backup and restore."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from de06desk.backup import (
    BackupInfo,
    backup_database,
    inspect_backup,
    open_backup_copy,
    restore_backup,
)
from de06desk.domain.i18n import DomainError, msg
from de06desk.store import Store
from de06desk.store.users import User

from .common import add_db_argument, db_path, login, open_store


def register(sub: argparse._SubParsersAction) -> None:
    """Add the `backup` and `restore` subcommands."""
    p = sub.add_parser("backup", help="sao lưu cơ sở dữ liệu vào một thư mục (USB…)")
    add_db_argument(p)
    p.add_argument("--out", type=Path, required=True, help="thư mục đặt tệp sao lưu")
    p.set_defaults(handler=cmd_backup)

    p = sub.add_parser("restore", help="khôi phục cơ sở dữ liệu từ tệp sao lưu (cần quản trị)")
    add_db_argument(p)
    p.add_argument("backup", type=Path, help="tệp sao lưu .de06bak")
    p.add_argument("--yes", action="store_true", help="không hỏi lại trước khi thay thế")
    p.add_argument(
        "--other-unit",
        action="store_true",
        help="cho phép khôi phục bản sao lưu của đơn vị khác (thay toàn bộ dữ liệu)",
    )
    p.set_defaults(handler=cmd_restore)


def cmd_backup(args: argparse.Namespace) -> int:
    """Back up the database (administrators and officers)."""
    with open_store(args) as store:
        actor = login(store)
        if actor.role not in ("admin", "officer"):
            raise DomainError(
                msg("Sao lưu cần quyền cán bộ hoặc quản trị.", "Backup needs an officer or admin.")
            )
        path = backup_database(store, args.out, user=actor.username)
    print(f"Đã sao lưu vào {path}")
    return 0


def cmd_restore(args: argparse.Namespace) -> int:
    """Show what the backup holds, then (confirmed) replace the database with it."""
    info = inspect_backup(args.backup)
    print(describe(info))
    path = db_path(args)
    actor = _admin_for(path, args.backup)
    if not args.yes and not _confirm(path):
        print("Đã hủy; không thay đổi gì.")
        return 1
    result = restore_backup(path, args.backup, actor, allow_other_unit=args.other_unit)
    kept = f" Bản cũ được giữ tại {result.kept_copy}." if result.kept_copy else ""
    print(f"Đã khôi phục {path} từ {args.backup.name}.{kept}")
    return 0


def describe(info: BackupInfo) -> str:
    """The restore preview as text lines."""
    lines = [
        f"Tệp sao lưu: {info.path.name}",
        f"Đơn vị: {info.unit_code} ({info.role})",
        f"Tạo lúc: {info.created_at}",
        f"Lược đồ: {info.schema_version}, phiên bản phần mềm {info.app_version}",
    ]
    lines += [f"  {form_id}: {count}" for form_id, count in sorted(info.counts.items())]
    return "\n".join(lines)


def _admin_for(path: Path, backup: Path) -> User:
    # Restoring over a database needs an administrator of that database. With no database yet
    # (a new or repaired PC) the administrator of the backup itself must log in: the file is
    # worth nothing to someone who cannot log in to it.
    if path.exists():
        with Store.open(path) as store:
            actor = login(store)
    else:
        with open_backup_copy(backup) as store:
            actor = login(store)
    if actor.role != "admin":
        raise DomainError(
            msg("Khôi phục dữ liệu cần quyền quản trị.", "Restoring needs an administrator.")
        )
    return actor


def _confirm(path: Path) -> bool:
    if not sys.stdin or not sys.stdin.isatty():
        raise DomainError(
            msg(
                "Thêm --yes để xác nhận thay thế {p}.",
                "Add --yes to confirm replacing {p}.",
                p=str(path),
            )
        )
    answer = input(f"Thay thế {path} bằng bản sao lưu này? [y/N] ").strip().lower()
    return answer in ("y", "yes", "c", "có", "co")
