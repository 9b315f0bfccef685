"""Helpers shared by the subcommands: opening the database, knowing who acts."""

from __future__ import annotations

import argparse
import getpass
import os
import sys
from pathlib import Path
from weakref import WeakKeyDictionary

from de06desk.config import default_db_path
from de06desk.domain.i18n import DomainError, msg
from de06desk.domain.text import printable
from de06desk.store import Store
from de06desk.store.users import User, authenticate, is_encrypted, unlock

# The credentials that unlocked each encrypted store, so `login(store)` does not ask again.
_unlocked_by: WeakKeyDictionary[Store, tuple[str, str]] = WeakKeyDictionary()


def add_db_argument(parser: argparse.ArgumentParser) -> None:
    """The common `--db PATH` option (default: the user's data folder)."""
    parser.add_argument(
        "--db", type=Path, default=None, help="tệp cơ sở dữ liệu (mặc định: thư mục dữ liệu)"
    )


def db_path(args: argparse.Namespace) -> Path:
    """The database path chosen on the command line, or the default one."""
    return args.db or default_db_path()


def open_store(args: argparse.Namespace) -> Store:
    """Open the database named by `--db`, ready to use.

    An encrypted database needs credentials to open at all (DE06_USER and DE06_PASSWORD, or
    the terminal): they unlock its key here, and `login(store)` checks them against the
    account (hash, lock-out, audit) without asking again — so a command that refuses its input
    before `login` still leaves no trace. A plaintext database (tests, development, or one not
    yet encrypted) opens without credentials, as before.
    """
    path = db_path(args)
    if path.exists() and is_encrypted(path):
        user, password = credentials()
        store = Store.open(path, key=unlock(path, user, password))
        _unlocked_by[store] = (user, password)
    else:
        store = Store.open(path)
    if store.migration_backup is not None:
        print(
            f"Đã nâng cấp cơ sở dữ liệu {path.name}; bản sao trước khi nâng cấp: "
            f"{store.migration_backup}",
            file=sys.stderr,
        )
    return store


def credentials(prompt_for: str = "") -> tuple[str, str]:
    """User name and password from DE06_USER/DE06_PASSWORD, else asked on the terminal."""
    user, password = os.environ.get("DE06_USER"), os.environ.get("DE06_PASSWORD")
    if user and password is not None:
        return user, password
    if not sys.stdin or not sys.stdin.isatty():
        raise DomainError(
            msg(
                "Cần đăng nhập: đặt DE06_USER và DE06_PASSWORD, hoặc chạy trong cửa sổ lệnh.",
                "Log-in needed: set DE06_USER and DE06_PASSWORD, or run in a terminal.",
            )
        )
    user = user or input(f"Tên đăng nhập{prompt_for}: ").strip()
    return user, getpass.getpass("Mật khẩu: ")


# Said in the help of every command that makes a database (init, hub init).
FIRST_ADMIN_HELP = (
    "Tài khoản quản trị đầu tiên: nếu đã đặt DE06_USER và DE06_PASSWORD thì hai biến này TRỞ "
    "THÀNH tên và mật khẩu quản trị của cơ sở dữ liệu mới (lệnh in ra tên đó); nếu không, tên "
    "và mật khẩu (nhập hai lần) được hỏi trong cửa sổ lệnh."
)


def new_admin() -> tuple[str, str]:
    """The first administrator of a new database: DE06_USER/DE06_PASSWORD (the command then
    says so with `print_first_admin`, never silently), else a name and a password typed twice
    on the terminal."""
    user, password = os.environ.get("DE06_USER"), os.environ.get("DE06_PASSWORD")
    if user and password is not None:
        return user, password
    if not sys.stdin or not sys.stdin.isatty():
        raise DomainError(
            msg(
                "Cần tài khoản quản trị đầu tiên: đặt DE06_USER và DE06_PASSWORD, hoặc chạy "
                "trong cửa sổ lệnh.",
                "A first administrator is needed: set DE06_USER and DE06_PASSWORD, or run in a "
                "terminal.",
            )
        )
    user = input("Tên đăng nhập của quản trị đầu tiên: ").strip()
    first = getpass.getpass("Mật khẩu: ")
    if getpass.getpass("Nhập lại mật khẩu: ") != first:
        raise DomainError(
            msg(
                "Hai lần nhập mật khẩu không giống nhau; chưa tạo gì.",
                "The two passwords differ; nothing was created.",
            )
        )
    return user, first


def print_first_admin(username: str) -> None:
    """Say which account the new database's administrator is, and where it came from."""
    where = " (từ DE06_USER/DE06_PASSWORD)" if os.environ.get("DE06_USER") == username else ""
    print(f"Tài khoản quản trị đầu tiên: {printable(username, 40)}{where}.")


def new_password(username: str) -> str:
    """A new password for `username`: DE06_NEW_PASSWORD, else typed twice on the terminal,
    else two identical lines on standard input (scripts). Never a command-line argument.
    """
    value = os.environ.get("DE06_NEW_PASSWORD")
    if value:
        return value
    shown = printable(username, 40)
    if sys.stdin and sys.stdin.isatty():
        first = getpass.getpass(f"Mật khẩu mới cho {shown}: ")
        second = getpass.getpass("Nhập lại mật khẩu mới: ")
    else:
        lines = [sys.stdin.readline() if sys.stdin else "" for _ in range(2)]
        first, second = (line.rstrip("\r\n") for line in lines)
        if not first:
            raise DomainError(
                msg(
                    "Cần mật khẩu mới cho {u}: đặt DE06_NEW_PASSWORD, hoặc đưa hai dòng giống "
                    "nhau vào đầu vào chuẩn, hoặc chạy trong cửa sổ lệnh.",
                    "A new password for {u} is needed: set DE06_NEW_PASSWORD, or give two "
                    "identical lines on standard input, or run in a terminal.",
                    u=shown,
                )
            )
    if first != second:
        raise DomainError(
            msg(
                "Hai lần nhập mật khẩu mới không giống nhau; không thay đổi gì.",
                "The two new passwords differ; nothing was changed.",
            )
        )
    return first


def login(store: Store) -> User:
    """Authenticate the acting user against the database (the one who unlocked it, if any)."""
    user, password = _unlocked_by.get(store) or credentials()
    return authenticate(store, user, password)


def print_recovery_code(code: str) -> None:
    """Show the recovery code once, with what it is for."""
    print(
        "\nMÃ KHÔI PHỤC (chỉ hiện một lần — hãy chép lại và cất nơi an toàn, tách khỏi máy):\n"
        f"    {code}\n"
        "Nếu quên mọi mật khẩu quản trị, chỉ mã này mở lại được dữ liệu "
        "(de06desk user recover).\n"
    )


def secret(variable: str, prompt: str) -> str:
    """A secret (recovery code, password) from the environment variable, else the terminal."""
    value = os.environ.get(variable)
    if value:
        return value
    if not sys.stdin or not sys.stdin.isatty():
        raise DomainError(
            msg(
                "Cần {v} hoặc chạy trong cửa sổ lệnh.",
                "Set {v} or run in a terminal.",
                v=variable,
            )
        )
    return getpass.getpass(prompt)


def encrypted_db_path(args: argparse.Namespace) -> Path:
    """The `--db` path, refused unless it is an encrypted database (what a recovery code opens)."""
    path = db_path(args)
    if not path.exists() or not is_encrypted(path):
        raise DomainError(
            msg(
                "Mã khôi phục chỉ dùng cho cơ sở dữ liệu đã mã hóa.",
                "The recovery code is only for an encrypted database.",
            )
        )
    return path
