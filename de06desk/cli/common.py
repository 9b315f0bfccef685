"""Helpers shared by the subcommands: opening the database, knowing who acts."""

from __future__ import annotations

import argparse
import getpass
import os
import sys
from pathlib import Path

from de06desk.config import default_db_path
from de06desk.domain.i18n import DomainError, msg
from de06desk.store import Store
from de06desk.store.users import User, authenticate


def add_db_argument(parser: argparse.ArgumentParser) -> None:
    """The common `--db PATH` option (default: the user's data folder)."""
    parser.add_argument(
        "--db", type=Path, default=None, help="tệp cơ sở dữ liệu (mặc định: thư mục dữ liệu)"
    )


def db_path(args: argparse.Namespace) -> Path:
    """The database path chosen on the command line, or the default one."""
    return args.db or default_db_path()


def open_store(args: argparse.Namespace) -> Store:
    """Open the database named by `--db`."""
    return Store.open(db_path(args))


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


def login(store: Store) -> User:
    """Authenticate the acting user against the database."""
    user, password = credentials()
    return authenticate(store, user, password)
