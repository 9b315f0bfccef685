"""Administration subcommands: backup, restore, and encrypting an older plaintext database."""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

from de06desk.actions import admin as act
from de06desk.backup import BackupInfo, inspect_backup
from de06desk.domain.i18n import DomainError, msg
from de06desk.store import StoreError
from de06desk.store.users import unlock_with_recovery_code

from .common import (
    add_db_argument,
    credentials,
    db_path,
    encrypted_db_path,
    login,
    open_store,
    print_recovery_code,
    secret,
)


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

    p = sub.add_parser("admin", help="quản trị: mã hóa cơ sở dữ liệu cũ")
    admin = p.add_subparsers(dest="admin_command", metavar="ACTION", required=True)
    q = admin.add_parser(
        "encrypt", help="mã hóa cơ sở dữ liệu chưa mã hóa (tạo trước phiên bản này)"
    )
    add_db_argument(q)
    q.set_defaults(handler=cmd_encrypt)
    q = admin.add_parser(
        "check-recovery-code",
        help="thử mã khôi phục (DE06_RECOVERY_CODE hoặc gõ vào); chuyển mục khóa kiểu cũ",
    )
    add_db_argument(q)
    q.set_defaults(handler=cmd_check_recovery_code)


def cmd_backup(args: argparse.Namespace) -> int:
    """Back up the database (administrators and officers)."""
    with open_store(args) as store:
        path = act.backup(store, login(store), args.out).value
    print(f"Đã sao lưu vào {path}")
    return 0


def cmd_restore(args: argparse.Namespace) -> int:
    """Show what the backup holds, then (confirmed) replace the database with it.

    An encrypted backup is unlocked with the acting administrator's password (as it was when
    the backup was made) or, with DE06_RECOVERY_CODE set, with the backup's recovery code.
    """
    info = inspect_backup(args.backup)
    print(describe(info))
    path = db_path(args)
    code = os.environ.get("DE06_RECOVERY_CODE")
    if code and not path.exists() and info.encrypted:
        username, password = "", ""
    else:
        username, password = credentials()
    grant = act.authorize_restore(path, info, username, password, code)
    if not args.yes and not _confirm(path):
        print("Đã hủy; không thay đổi gì.")
        return 1
    result = act.restore(grant, path, args.backup, allow_other_unit=args.other_unit).value
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


def cmd_encrypt(args: argparse.Namespace) -> int:
    """Encrypt a plaintext database in place (an administrator of it logs in)."""
    path = db_path(args)
    if not path.exists():
        raise StoreError(
            msg("Không tìm thấy cơ sở dữ liệu {p}.", "Database {p} not found.", p=str(path))
        )
    username, password = credentials()
    result = act.encrypt(path, username, password).value
    print(f"Đã mã hóa {path}.")
    print_recovery_code(result.recovery_code)
    if result.need_new_password:
        print(
            "Các tài khoản sau cần được quản trị đặt mật khẩu mới trước khi đăng nhập "
            "(de06desk user reset-password): " + ", ".join(result.need_new_password)
        )
    print(
        "Các bản sao lưu cũ (trước khi mã hóa) vẫn chưa được mã hóa: hãy xóa chúng khi đã có "
        "bản sao lưu mới."
    )
    return 0


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


def cmd_check_recovery_code(args: argparse.Namespace) -> int:
    """Check the printed recovery code against the database's key file.

    Nothing is opened or changed, except that a recovery entry in the old key-file format is
    converted (which a re-key needs: store/rekey.py). The code comes from DE06_RECOVERY_CODE
    or the terminal.
    """
    path = encrypted_db_path(args)
    code = secret("DE06_RECOVERY_CODE", "Mã khôi phục: ")
    try:
        unlock_with_recovery_code(path, code)
    except StoreError:
        raise DomainError(
            msg(
                "Mã khôi phục không đúng với cơ sở dữ liệu này.",
                "The recovery code does not match this database.",
            )
        ) from None
    print("Mã khôi phục đúng; hãy cất lại nơi an toàn.")
    return 0
