"""The `audit` subcommand: checking the audit log's hash chain (read-only)."""

from __future__ import annotations

import argparse

from de06desk.actions.admin import verify_audit
from de06desk.domain.audit_chain import describe_chain

from .common import add_db_argument, login, open_store


def register(sub: argparse._SubParsersAction) -> None:
    """Add `audit verify`."""
    p = sub.add_parser("audit", help="nhật ký hoạt động: kiểm tra tính nguyên vẹn")
    audit = p.add_subparsers(dest="audit_command", metavar="ACTION", required=True)
    q = audit.add_parser(
        "verify",
        help="kiểm tra chuỗi mã băm của nhật ký (mã thoát 1 nếu có mục bị sửa hoặc xóa)",
    )
    add_db_argument(q)
    q.set_defaults(handler=cmd_audit_verify)


def cmd_audit_verify(args: argparse.Namespace) -> int:
    """Say whether the audit log's hash chain is whole; exit 1 where it is broken."""
    with open_store(args) as store:
        report = verify_audit(store, login(store)).value
    print(describe_chain(report))
    return 0 if report.whole else 1
