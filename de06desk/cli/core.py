"""Core subcommands: init, demo, user management."""

from __future__ import annotations

import argparse

from de06desk.domain.i18n import DomainError, msg
from de06desk.domain.units import get_commune
from de06desk.store import Store
from de06desk.store.users import create_user, list_users, set_password

from .common import add_db_argument, credentials, db_path, login, open_store


def register(sub: argparse._SubParsersAction) -> None:
    """Add the core subcommands."""
    p = sub.add_parser("init", help="tạo cơ sở dữ liệu mới cho một xã/phường")
    add_db_argument(p)
    p.add_argument("--commune", required=True, help="mã xã/phường theo danh mục 2025 (5 chữ số)")
    p.add_argument("--unit-name", help="tên đơn vị in trên báo cáo")
    p.set_defaults(handler=cmd_init)

    p = sub.add_parser("demo", help="tạo cơ sở dữ liệu mẫu (dữ liệu giả lập)")
    add_db_argument(p)
    p.add_argument(
        "--seed", type=int, default=6, help="hạt giống ngẫu nhiên (cùng hạt → cùng dữ liệu)"
    )
    p.add_argument("--weeks", type=int, default=12, help="số tuần dữ liệu, tính đến tuần hiện tại")
    p.add_argument("--citizens", type=int, default=1500, help="số công dân")
    p.add_argument("--commune", help="mã xã/phường (mặc định: chọn theo hạt giống)")
    p.set_defaults(handler=cmd_demo)

    p = sub.add_parser("user", help="quản lý tài khoản người dùng")
    user_sub = p.add_subparsers(dest="user_command", metavar="ACTION", required=True)
    q = user_sub.add_parser("add", help="thêm người dùng (cần quyền quản trị)")
    add_db_argument(q)
    q.add_argument("username", help="tên đăng nhập mới")
    q.add_argument(
        "--role", choices=["admin", "officer", "viewer"], default="officer", help="vai trò"
    )
    q.add_argument("--name", default="", help="họ tên hiển thị")
    q.add_argument("--password", required=True, help="mật khẩu ban đầu")
    q.set_defaults(handler=cmd_user_add)
    q = user_sub.add_parser("list", help="liệt kê người dùng")
    add_db_argument(q)
    q.set_defaults(handler=cmd_user_list)
    q = user_sub.add_parser("reset-password", help="đặt lại mật khẩu (cần quyền quản trị)")
    add_db_argument(q)
    q.add_argument("username", help="tên đăng nhập")
    q.add_argument("--password", required=True, help="mật khẩu mới")
    q.set_defaults(handler=cmd_user_reset)


def cmd_init(args: argparse.Namespace) -> int:
    """Create an empty commune database and its first administrator."""
    from de06desk.demo import default_profile

    commune = get_commune(args.commune)
    path = db_path(args)
    username, password = credentials(" quản trị mới")
    store = Store.create(path, unit_code=commune.code)
    try:
        profile = default_profile(commune)
        if args.unit_name:
            profile["unit_name"] = args.unit_name
        create_user(store, username, password, role="admin", display_name=username, by="init")
        store.save_record("commune", profile, user=username)
    except BaseException:
        store.close()
        path.unlink(missing_ok=True)
        raise
    store.close()
    print(f"Đã tạo {path} cho {commune.full_name}.")
    return 0


def cmd_demo(args: argparse.Namespace) -> int:
    """Fill a new database with a realistic synthetic commune."""
    from de06desk.demo import DEMO_PASSWORD, DEMO_USER, make_demo

    if args.weeks < 1 or args.weeks > 260 or args.citizens < 10 or args.citizens > 2_000_000:
        raise DomainError(
            msg(
                "Số tuần phải từ 1 đến 260 và số công dân từ 10 đến 2.000.000.",
                "Weeks must be 1–260 and citizens 10–2,000,000.",
            )
        )
    path = db_path(args)
    summary = make_demo(
        path, seed=args.seed, weeks=args.weeks, citizens=args.citizens, commune_code=args.commune
    )
    print(f"Đã tạo dữ liệu mẫu {path}: {summary}")
    print(f"Đăng nhập: {DEMO_USER} / mật khẩu: {DEMO_PASSWORD}")
    return 0


def cmd_user_add(args: argparse.Namespace) -> int:
    with open_store(args) as store:
        actor = login(store)
        _require_admin(actor.role)
        create_user(
            store,
            args.username,
            args.password,
            role=args.role,
            display_name=args.name or args.username,
            by=actor.username,
        )
    print(f"Đã thêm người dùng {args.username} ({args.role}).")
    return 0


def cmd_user_list(args: argparse.Namespace) -> int:
    with open_store(args) as store:
        login(store)
        for user in list_users(store):
            state = "" if user.active else " (khóa)"
            print(f"{user.username}\t{user.role}\t{user.display_name}{state}")
    return 0


def cmd_user_reset(args: argparse.Namespace) -> int:
    with open_store(args) as store:
        actor = login(store)
        _require_admin(actor.role)
        set_password(store, args.username, args.password, by=actor.username)
    print(f"Đã đặt lại mật khẩu cho {args.username}.")
    return 0


def _require_admin(role: str) -> None:
    if role != "admin":
        raise DomainError(msg("Việc này cần quyền quản trị.", "This needs an administrator."))
