"""Command line: `de06desk` alone starts the app; subcommands do the same work without a screen.

Each area registers its subcommands from its own module; this file only wires them and turns
refusals into one line on stderr with a non-zero exit.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from pathlib import Path

from de06desk import __version__
from de06desk.domain.i18n import DomainError

from . import admin, argparse_vi, audit, core, quality, report, sync

# Modules with a `register(subparsers)` function, in the order their commands are listed.
COMMAND_MODULES = [core, admin, audit, sync, quality, report]


def build_parser() -> argparse.ArgumentParser:
    """The full argument parser (also used by the tests that check every command has help)."""
    argparse_vi.install()
    parser = argparse.ArgumentParser(
        prog="de06desk",
        description="de06desk — công cụ thực hiện Đề án 06 cấp xã (offline).",
    )
    parser.add_argument(
        "--version",
        action="version",
        version=f"de06desk {__version__}",
        help=argparse_vi.VERSION_HELP,
    )
    parser.add_argument("--db", type=Path, help="cơ sở dữ liệu mở khi chạy giao diện")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    for module in COMMAND_MODULES:
        module.register(sub)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point of the `de06desk` command."""
    parser = build_parser()
    args = parser.parse_args(argv)
    if args.command is None:
        from de06desk.ui.app import run_gui

        return run_gui(args.db)
    try:
        return int(args.handler(args) or 0)
    except DomainError as exc:
        print(f"de06desk: {exc}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        print("de06desk: đã hủy / cancelled", file=sys.stderr)
        return 130
    except OSError as exc:
        print(
            f"de06desk: {exc.strerror or exc}: {exc.filename or ''}".rstrip(": "), file=sys.stderr
        )
        return 1
