"""Command line: `de06desk` alone starts the app; subcommands do the same work without a screen.

Each area registers its subcommands from its own module; this file only wires them and turns
refusals into one line on stderr with a non-zero exit. No command prints a Python traceback:
an unexpected error is one line naming the log file that holds the details (docs/SECURITY.md).
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any, NoReturn

from de06desk import __version__
from de06desk.domain.i18n import DomainError
from de06desk.domain.text import printable
from de06desk.logs import record_crash
from de06desk.store.dbapi import is_disk_full
from de06desk.store.errors import disk_full_message

from . import admin, argparse_vi, audit, core, quality, report, sync

# The longest error line printed: a 5,000-character argument is quoted, not echoed whole.
_LINE = 600
# Modules with a `register(subparsers)` function, in the order their commands are listed.
COMMAND_MODULES = [core, admin, audit, sync, quality, report]


class _Parser(argparse.ArgumentParser):
    """argparse with its refusal on one line (the usage is one `--help` away)."""

    def error(self, message: str) -> NoReturn:
        # argparse's own words (Vietnamese through argparse_vi), without the usage block.
        # argparse's `_` (gettext's, imported there) is not in typeshed's argparse.
        text = argparse._("%(prog)s: error: %(message)s\n") % {  # type: ignore[attr-defined]
            "prog": self.prog,
            "message": message,
        }
        line = printable(f"{text.rstrip()} (xem: {self.prog} --help)", _LINE)
        self.exit(2, line + "\n")

    def _get_values(self, action: argparse.Action, arg_strings: list[str]) -> Any:
        # Python 3.11 turns the single value "--" (`--name=--`) into an empty list, which
        # then reaches a handler expecting text; it is a value like any other.
        if action.option_strings and action.nargs is None and arg_strings == ["--"]:
            value = self._get_value(action, "--")
            self._check_value(action, value)
            return value
        return super()._get_values(action, arg_strings)


def build_parser() -> argparse.ArgumentParser:
    """The full argument parser (also used by the tests that check every command has help)."""
    argparse_vi.install()
    parser = _Parser(
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
    # A file name or argument the terminal cannot show (a lone surrogate) is printed escaped
    # rather than ending the command with UnicodeEncodeError.
    for stream in (sys.stdout, sys.stderr):
        reconfigure = getattr(stream, "reconfigure", None)
        if reconfigure is not None:
            reconfigure(errors="backslashreplace")
    parser = build_parser()
    args = parser.parse_args(argv)
    if args.command is None:
        from de06desk.ui.app import run_gui

        return run_gui(args.db)
    try:
        return int(args.handler(args) or 0)
    except DomainError as exc:
        # One line whatever the message quotes (a name with a newline or an escape code).
        print(printable(f"de06desk: {exc}", _LINE), file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        print("de06desk: đã hủy / cancelled", file=sys.stderr)
        return 130
    except Exception as exc:  # the last line of defence: one line, never a traceback
        return _unexpected(exc, args)


def _unexpected(exc: Exception, args: argparse.Namespace) -> int:
    """One line for an error no command turned into a refusal; the details go to the log."""
    if is_disk_full(exc):
        where = getattr(exc, "filename", None) or ""
        print(printable(f"de06desk: {disk_full_message(str(where))}", _LINE), file=sys.stderr)
        return 1
    if isinstance(exc, OSError):
        line = f"de06desk: {exc.strerror or exc}: {exc.filename or ''}".rstrip(": ")
        print(printable(line, _LINE), file=sys.stderr)
        return 1
    command = " ".join(str(v) for k, v in vars(args).items() if k.endswith("command") and v)
    log = record_crash(exc, f"de06desk {command}")
    where = (
        f"chi tiết đã ghi vào {log}"
        if log is not None
        else "không ghi được nhật ký (ổ đĩa đầy hoặc thư mục không ghi được)"
    )
    print(
        f"de06desk: lỗi không mong đợi ({type(exc).__name__}); {where}. Hãy gửi tệp này cho "
        "người hỗ trợ kỹ thuật.",
        file=sys.stderr,
    )
    return 70
