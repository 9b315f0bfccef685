"""Core subcommands: init, demo, user management.

`init` and `demo` always make an encrypted database (docs/SECURITY.md §3) and print its
recovery code once.
"""

from __future__ import annotations

import argparse

from de06desk.actions import admin as act
from de06desk.actions.admin import (
    RECOVERY_ACTOR,
    CommuneSetup,
    create_commune_database,
    new_encrypted_database,
)
from de06desk.domain.i18n import DomainError, msg
from de06desk.domain.roles import ACCOUNT_ROLES
from de06desk.domain.text import printable
from de06desk.domain.units import get_commune
from de06desk.store import Store
from de06desk.store.users import list_users, unlock_with_recovery_code

from .common import (
    FIRST_ADMIN_HELP,
    add_db_argument,
    db_path,
    encrypted_db_path,
    login,
    new_admin,
    new_password,
    open_store,
    print_first_admin,
    print_recovery_code,
    secret,
)

# Never on the command line: other users of the PC can read it (ps, shell history).
NEW_PASSWORD_HELP = (
    "Mật khẩu mới được hỏi hai lần trong cửa sổ lệnh, hoặc lấy từ biến môi trường "
    "DE06_NEW_PASSWORD, hoặc từ hai dòng giống nhau ở đầu vào chuẩn (stdin)."
)


def register(sub: argparse._SubParsersAction) -> None:
    """Add the core subcommands."""
    p = sub.add_parser(
        "init", help="tạo cơ sở dữ liệu mới cho một xã/phường", description=FIRST_ADMIN_HELP
    )
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
    q = user_sub.add_parser(
        "add", help="thêm người dùng (cần quyền quản trị)", description=NEW_PASSWORD_HELP
    )
    add_db_argument(q)
    q.add_argument("username", help="tên đăng nhập mới")
    q.add_argument("--role", choices=sorted(ACCOUNT_ROLES), default="officer", help="vai trò")
    q.add_argument("--name", default="", help="họ tên hiển thị")
    q.set_defaults(handler=cmd_user_add)
    q = user_sub.add_parser("list", help="liệt kê người dùng")
    add_db_argument(q)
    q.set_defaults(handler=cmd_user_list)
    q = user_sub.add_parser(
        "reset-password",
        help="đặt lại mật khẩu (cần quyền quản trị)",
        description=NEW_PASSWORD_HELP,
    )
    add_db_argument(q)
    q.add_argument("username", help="tên đăng nhập")
    q.set_defaults(handler=cmd_user_reset)
    q = user_sub.add_parser("disable", help="khóa tài khoản (cần quyền quản trị)")
    add_db_argument(q)
    q.add_argument("username", help="tên đăng nhập")
    q.set_defaults(handler=cmd_user_disable)
    q = user_sub.add_parser(
        "enable",
        help="mở lại tài khoản với mật khẩu mới (cần quản trị)",
        description=NEW_PASSWORD_HELP,
    )
    add_db_argument(q)
    q.add_argument("username", help="tên đăng nhập")
    q.set_defaults(handler=cmd_user_enable)
    q = user_sub.add_parser("set-role", help="đổi vai trò của một tài khoản (cần quản trị)")
    add_db_argument(q)
    q.add_argument("username", help="tên đăng nhập")
    q.add_argument("role", choices=sorted(ACCOUNT_ROLES), help="vai trò mới")
    q.set_defaults(handler=cmd_user_set_role)
    q = user_sub.add_parser(
        "recover", help="đặt lại mật khẩu quản trị bằng mã khôi phục (khi quên mọi mật khẩu)"
    )
    add_db_argument(q)
    q.add_argument("username", help="tài khoản quản trị cần đặt lại mật khẩu")
    q.set_defaults(handler=cmd_user_recover)


def cmd_init(args: argparse.Namespace) -> int:
    """Create an empty commune database and its first administrator."""
    from de06desk.demo import default_profile

    commune = get_commune(args.commune)
    path = db_path(args)
    username, password = new_admin()
    profile = default_profile(commune)
    if args.unit_name:
        profile["unit_name"] = args.unit_name
    code = create_commune_database(
        path, CommuneSetup(commune, profile, username, password, display_name=username)
    )
    print(f"Đã tạo {path} (đã mã hóa) cho {commune.full_name}.")
    print_first_admin(username)
    print_recovery_code(code)
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
    with new_encrypted_database(path) as (key, code):
        summary = make_demo(
            path,
            seed=args.seed,
            weeks=args.weeks,
            citizens=args.citizens,
            commune_code=args.commune,
            key=key,
        )
    print(f"Đã tạo dữ liệu mẫu {path} (đã mã hóa): {summary}")
    print(f"Đăng nhập: {DEMO_USER} / mật khẩu: {DEMO_PASSWORD}")
    print_recovery_code(code)
    return 0


def cmd_user_add(args: argparse.Namespace) -> int:
    """Add an account (administrators)."""
    with open_store(args) as store:
        act.add_user(
            store,
            login(store),
            args.username,
            new_password(args.username),
            role=args.role,
            display_name=args.name or args.username,
        )
    print(f"Đã thêm người dùng {printable(args.username)} ({args.role}).")
    return 0


def cmd_user_list(args: argparse.Namespace) -> int:
    """List the accounts."""
    with open_store(args) as store:
        login(store)
        for user in list_users(store):
            state = "" if user.active else " (khóa)"
            # Accounts made before names were restricted may hold escape codes.
            print(f"{printable(user.username)}\t{user.role}\t{printable(user.display_name)}{state}")
    return 0


def cmd_user_reset(args: argparse.Namespace) -> int:
    """Set a new password for an account (administrators)."""
    with open_store(args) as store:
        act.reset_password(store, login(store), args.username, new_password(args.username))
    print(f"Đã đặt lại mật khẩu cho {args.username}.")
    return 0


def cmd_user_disable(args: argparse.Namespace) -> int:
    """Disable an account: it can no longer log in or unlock the database (administrators)."""
    with open_store(args) as store:
        act.disable_user(store, login(store), args.username)
    print(f"Đã khóa tài khoản {args.username}.")
    return 0


def cmd_user_enable(args: argparse.Namespace) -> int:
    """Re-enable an account with a new password (administrators)."""
    with open_store(args) as store:
        act.enable_user(store, login(store), args.username, new_password(args.username))
    print(f"Đã mở lại tài khoản {args.username}.")
    return 0


def cmd_user_set_role(args: argparse.Namespace) -> int:
    """Give an account another role (administrators)."""
    with open_store(args) as store:
        act.change_role(store, login(store), args.username, args.role)
    print(f"Đã đổi vai trò của {args.username} thành {args.role}.")
    return 0


def cmd_user_recover(args: argparse.Namespace) -> int:
    """Set a new password for an administrator with the recovery code (all passwords lost).

    The code comes from DE06_RECOVERY_CODE or the terminal, the new password from DE06_PASSWORD
    or the terminal; the reset is audited as done with the recovery code.
    """
    path = encrypted_db_path(args)
    key = unlock_with_recovery_code(path, secret("DE06_RECOVERY_CODE", "Mã khôi phục: "))
    password = secret("DE06_PASSWORD", f"Mật khẩu mới cho {args.username}: ")
    with Store.open(path, key=key) as store:
        admin = next(
            (u for u in list_users(store) if u.username == args.username and u.role == "admin"),
            None,
        )
        if admin is None:
            raise DomainError(
                msg(
                    "Không có tài khoản quản trị “{u}”.",
                    "No administrator account “{u}”.",
                    u=args.username,
                )
            )
        # The recovery code stands for an administrator (audited as "recovery-code").
        if admin.active:
            act.reset_password(store, RECOVERY_ACTOR, args.username, password)
        else:
            act.enable_user(store, RECOVERY_ACTOR, args.username, password)
    print(f"Đã đặt mật khẩu mới cho {args.username}; hãy đăng nhập lại.")
    return 0
