"""Subcommands for data quality: import citizen lists, run the checks, print follow-up lists."""

from __future__ import annotations

import argparse
import json
import sys
from typing import Any

from de06desk.actions.admin import import_citizens, import_status, undo_citizen_import
from de06desk.actions.core import require
from de06desk.domain.i18n import DomainError, msg
from de06desk.domain.text import fold, printable
from de06desk.quality.checks import (
    CHECK_LABELS,
    CRITERION_LABELS,
    check_approval_days,
    run_checks,
    summary_counts,
)
from de06desk.quality.citizen_import import (
    SKIPPED_KINDS,
    field_label,
    list_imports,
    plan_import,
    read_table,
    write_refusals,
)
from de06desk.quality.field_lists import export_followup
from de06desk.quality.mapping import KINDS
from de06desk.quality.profiles import resolve_mapping
from de06desk.quality.status_import import plan_status_import
from de06desk.quality.tables import ENCODINGS, RawTable
from de06desk.store import Store

from .common import add_db_argument, login, open_store

# How many refused rows the preview prints before "… and N more".
_SHOWN_REFUSALS = 10
EXIT_NOT_CONFIRMED = 2


def register(sub: argparse._SubParsersAction) -> None:
    """Add `import`, `check` and `followup`."""
    p = sub.add_parser(
        "import",
        help="nhập danh sách công dân hoặc trạng thái VNeID từ Excel/CSV, hoàn tác lần nhập",
    )
    import_sub = p.add_subparsers(dest="import_command", metavar="ACTION", required=True)
    q = import_sub.add_parser("citizens", help="nhập danh sách công dân (.xlsx, .xls, .csv)")
    add_db_argument(q)
    q.add_argument("file", help="tệp danh sách")
    q.add_argument("--yes", action="store_true", help="ghi luôn, không hỏi xác nhận")
    q.add_argument("--encoding", choices=ENCODINGS, help="bảng mã của tệp CSV (mặc định: tự nhận)")
    q.add_argument("--sheet", help="tên trang tính (mặc định: trang đầu)")
    q.add_argument("--refusals", help="lưu các dòng bị từ chối vào tệp .xlsx hoặc .csv")
    q.add_argument(
        "--create-villages", action="store_true", help="tạo thôn/xóm chưa có trong danh mục"
    )
    q.add_argument("--village", help="một thôn/xóm cho mọi dòng không ghi thôn/xóm")
    _add_map_argument(q)
    q.set_defaults(handler=cmd_import_citizens)
    q = import_sub.add_parser(
        "status", help="nhập danh sách trạng thái VNeID (mức 1, mức 2, phê duyệt, kích hoạt)"
    )
    add_db_argument(q)
    q.add_argument("file", help="tệp danh sách trạng thái")
    q.add_argument("--yes", action="store_true", help="ghi luôn, không hỏi xác nhận")
    q.add_argument("--encoding", choices=ENCODINGS, help="bảng mã của tệp CSV (mặc định: tự nhận)")
    q.add_argument("--sheet", help="tên trang tính (mặc định: trang đầu)")
    q.add_argument("--refusals", help="lưu các dòng bị từ chối vào tệp .xlsx hoặc .csv")
    _add_map_argument(q)
    q.set_defaults(handler=cmd_import_status)
    q = import_sub.add_parser("undo", help="hoàn tác một lần nhập")
    add_db_argument(q)
    q.add_argument("batch_id", help="mã lần nhập (xem `import list`)")
    q.set_defaults(handler=cmd_import_undo)
    q = import_sub.add_parser("list", help="liệt kê các lần nhập")
    add_db_argument(q)
    q.set_defaults(handler=cmd_import_list)

    p = sub.add_parser("check", help="kiểm tra chất lượng dữ liệu (đúng, đủ, sạch, sống)")
    add_db_argument(p)
    p.add_argument("--json", action="store_true", help="in kết quả dạng JSON")
    p.add_argument(
        "--approval-days",
        type=int,
        default=30,
        help="số ngày sau phê duyệt mà chưa kích hoạt thì báo (mặc định 30)",
    )
    p.set_defaults(handler=cmd_check)

    p = sub.add_parser("followup", help="xuất danh sách công dân cần theo dõi của một thôn/xóm")
    add_db_argument(p)
    p.add_argument("--village", required=True, help="tên thôn/xóm (không cần dấu)")
    p.add_argument("--out", required=True, help="tệp kết quả .pdf hoặc .xlsx")
    p.set_defaults(handler=cmd_followup)


def _add_map_argument(q: argparse.ArgumentParser) -> None:
    q.add_argument(
        "--map",
        action="append",
        default=[],
        metavar='"CỘT=trường"',
        help='ghép cột của tệp với một trường, ví dụ --map "Số CCCD/ĐDCN=id_number" '
        "(lặp lại được; được nhớ cho lần sau)",
    )


def _mapping(store: Store, kind: str, table: RawTable, options: list[str]) -> dict[str, int]:
    """Saved profile or guess, with --map on top; prints which columns go where."""
    form = store.form("citizen" if kind == "citizens" else "drive_roster")
    labels = {n: field_label(form, n).vi for n in KINDS[kind]}
    mapping, from_profile = resolve_mapping(store, kind, table.headers, options, labels)
    sheet = f" (trang {printable(table.sheet)})" if table.sheet else ""
    print(f"Tệp: {printable(table.path.name)}{sheet}")
    columns = ", ".join(
        f"{labels[n]} ← “{printable(table.headers[c], 60)}”" for n, c in mapping.items()
    )
    print(f"Ghép cột{' (theo lần nhập trước)' if from_profile else ''}: {columns}")
    return mapping


def _print_skipped(table: RawTable) -> None:
    if table.skipped:
        kinds = ", ".join(SKIPPED_KINDS[k].vi for k in dict.fromkeys(k for _, k in table.skipped))
        print(f"Bỏ qua {len(table.skipped)} dòng không phải dữ liệu ({kinds}).")


def _go_ahead(args: argparse.Namespace, plan: Any) -> int | None:
    """None to write the previewed `plan`; else the exit code: 0 when it writes nothing,
    EXIT_NOT_CONFIRMED when nobody confirmed."""
    if not plan.to_add and not plan.to_update:
        print("Không có gì để ghi.")
        return 0
    if args.yes:
        return None
    answer = _confirm("Tiếp tục?")
    if answer is None:
        print("Chưa ghi gì: không có người xác nhận. Chạy lại với --yes để ghi.", file=sys.stderr)
        return EXIT_NOT_CONFIRMED
    if not answer:
        print("Đã hủy, không ghi gì.")
        return EXIT_NOT_CONFIRMED
    return None


def _confirm(question: str) -> bool | None:
    """True/False from the person at the terminal, None when there is nobody to ask."""
    if not sys.stdin or not sys.stdin.isatty():
        return None
    answer = input(f"{question} [c/K] ").strip()
    return fold(answer) in ("c", "co", "y", "yes")


def cmd_import_citizens(args: argparse.Namespace) -> int:
    """Preview an import, ask, then write it in one transaction."""
    with open_store(args) as store:
        user = login(store)
        # Refused before the file is even read: the preview shows personal data.
        require(store, user, "citizens.import")
        table = read_table(args.file, encoding=args.encoding, sheet=args.sheet)
        mapping = _mapping(store, "citizens", table, args.map)
        plan = plan_import(
            store, table, mapping, create_villages=args.create_villages, village=args.village
        )
        print(plan.summary().vi)
        unused = plan.unused_note()
        if unused is not None:
            print(printable(unused.vi, limit=1000))
        if plan.villages_to_create:
            print("Thôn/xóm sẽ tạo mới: " + ", ".join(plan.villages_to_create))
        if plan.notes:
            print(
                f"{len(plan.notes)} dòng có số định danh không khớp năm sinh/giới tính "
                "(vẫn được nhập; xem bằng lệnh `check`)."
            )
        _print_refusals(args, plan)
        stop = _go_ahead(args, plan)
        if stop is not None:
            return stop
        result = import_citizens(store, user, plan).value
    print(
        f"Đã nhập: thêm {result.added}, cập nhật {result.updated}, bị từ chối {result.refused}"
        + (f", tạo {result.villages_created} thôn/xóm" if result.villages_created else "")
        + f". Mã lần nhập: {result.batch_id} (hoàn tác: de06desk import undo {result.batch_id})."
    )
    return 0


def _print_refusals(args: argparse.Namespace, plan: Any) -> None:
    for refusal in plan.refused[:_SHOWN_REFUSALS]:
        print(f"  Dòng {refusal.row_no}: {printable(refusal.reason.vi)}")
    if len(plan.refused) > _SHOWN_REFUSALS:
        print(f"  … và {len(plan.refused) - _SHOWN_REFUSALS} dòng khác.")
    if args.refusals and plan.refused:
        out = write_refusals(plan, args.refusals)
        print(f"Đã lưu các dòng bị từ chối vào {out}.")


def cmd_import_status(args: argparse.Namespace) -> int:
    """Preview a VNeID status list against the commune's records, ask, then write it."""
    with open_store(args) as store:
        user = login(store)
        # Refused before the file is even read: the preview shows personal data.
        require(store, user, "status.import")
        table = read_table(args.file, encoding=args.encoding, sheet=args.sheet)
        mapping = _mapping(store, "status", table, args.map)
        _print_skipped(table)
        plan = plan_status_import(store, table, mapping)
        print(plan.summary().vi)
        for conflict in plan.conflicts[:_SHOWN_REFUSALS]:
            print(
                f"  Khác với xã — dòng {conflict.row_no} ({printable(conflict.name)}): "
                f"{printable(conflict.message.vi)}"
            )
        if len(plan.conflicts) > _SHOWN_REFUSALS:
            print(f"  … và {len(plan.conflicts) - _SHOWN_REFUSALS} dòng khác với xã.")
        _print_refusals(args, plan)
        stop = _go_ahead(args, plan)
        if stop is not None:
            return stop
        result = import_status(store, user, plan).value
    print(
        f"Đã nhập trạng thái: thêm vào danh sách đợt {result.added}, cập nhật {result.updated}, "
        f"bị từ chối {result.refused}. Mã lần nhập: {result.batch_id} "
        f"(hoàn tác: de06desk import undo {result.batch_id})."
    )
    return 0


def cmd_import_undo(args: argparse.Namespace) -> int:
    """Undo one import batch."""
    with open_store(args) as store:
        undo_citizen_import(store, login(store), args.batch_id)
    print(f"Đã hoàn tác lần nhập {args.batch_id}.")
    return 0


def cmd_import_list(args: argparse.Namespace) -> int:
    """List import batches, newest first."""
    with open_store(args) as store:
        login(store)
        batches = list_imports(store)
    if not batches:
        print("Chưa có lần nhập nào.")
    for b in batches:
        state = f"đã hoàn tác {b.undone_at[:16]}" if b.undone_at else ""
        print(
            f"{b.batch_id}\t{b.created_at[:16]}\t{b.username}\t{b.source}\t"
            f"{'trạng thái' if b.kind == 'status' else 'công dân'}\t"
            f"+{b.added} ~{b.updated} ✗{b.refused}\t{state}".rstrip()
        )
    return 0


def cmd_check(args: argparse.Namespace) -> int:
    """Run the checks; a table for people, or JSON for scripts."""
    check_approval_days(args.approval_days)
    with open_store(args) as store:
        login(store)
        findings = run_checks(store, approval_days=args.approval_days)
    if args.json:
        json.dump([f.as_dict() for f in findings], sys.stdout, ensure_ascii=False, indent=1)
        print()
        return 0
    for finding in findings:
        print(
            f"{CRITERION_LABELS[finding.criterion].vi}\t{CHECK_LABELS[finding.check].vi}\t"
            f"{finding.name}\t{finding.message.vi}"
        )
    counts = {k: v for k, v in summary_counts(findings).items() if v}
    print(f"Tổng cộng {len(findings)} vấn đề.")
    for check, count in counts.items():
        print(f"  {CHECK_LABELS[check].vi}: {count}")
    return 0


def _village_by_name(store: Store, name: str) -> str:
    villages = store.list_records("village", order_by="name")
    wanted = fold(name)
    exact = [v for v in villages if fold(v["name"]) == wanted]
    partial = [v for v in villages if wanted in fold(v["name"])]
    chosen = exact or partial
    if len(chosen) == 1:
        return chosen[0].uuid
    names = ", ".join(v["name"] for v in (chosen or villages))
    raise DomainError(
        msg(
            "Không xác định được thôn/xóm “{n}”. Có: {names}.",
            "Cannot tell which village “{n}” is. There are: {names}.",
            n=name,
            names=names,
        )
    )


def cmd_followup(args: argparse.Namespace) -> int:
    """Write a village's follow-up list (personal data; audited)."""
    with open_store(args) as store:
        user = login(store)
        village = _village_by_name(store, args.village)
        result = export_followup(store, village, args.out, user=user.username)
    print(
        f"Đã xuất {result.rows} dòng ({result.approved_not_activated} chưa kích hoạt, "
        f"{result.open_cases} hồ sơ làm sạch) của {result.village_name} vào {result.path}. "
        "Tệp có thông tin cá nhân: giữ kín, xóa khi xong việc."
    )
    return 0
