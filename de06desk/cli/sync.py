"""Sync subcommands: `keys` (key files), `hub` (the upper level), `sync` (export and import)."""

from __future__ import annotations

import argparse
import json
import sys
from datetime import date
from pathlib import Path

from de06desk.actions import sync as act
from de06desk.actions.admin import create_hub_database
from de06desk.domain.files import atomic_write
from de06desk.domain.i18n import DomainError, msg
from de06desk.domain.text import printable
from de06desk.domain.weeks import format_moment
from de06desk.reports.rollup import lower_hub_status
from de06desk.store import Store
from de06desk.sync import hub_status
from de06desk.sync.hub import DEFAULT_SILENT_DAYS, expected_communes, unregistered_json
from de06desk.sync.keys import PublicKeyFile

from .common import (
    FIRST_ADMIN_HELP,
    add_db_argument,
    db_path,
    login,
    new_admin,
    open_store,
    print_first_admin,
    print_recovery_code,
)


def register(sub: argparse._SubParsersAction) -> None:
    """Add the keys, hub and sync subcommands."""
    p = sub.add_parser("keys", help="khóa ký và mã hóa gói đồng bộ")
    keys = p.add_subparsers(dest="keys_command", metavar="ACTION", required=True)
    q = keys.add_parser("export", help="ghi tệp khóa công khai của đơn vị này")
    add_db_argument(q)
    q.add_argument("--out", type=Path, required=True, help="tệp khóa công khai sẽ ghi (.pub)")
    q.set_defaults(handler=cmd_keys_export)
    q = keys.add_parser(
        "set-hub", help="đặt khóa công khai của cấp trên (của xã; hoặc của một cấp trên)"
    )
    add_db_argument(q)
    q.add_argument("keyfile", type=Path, help="tệp khóa công khai của cấp trên")
    q.set_defaults(handler=cmd_keys_set_hub)

    p = sub.add_parser("hub", help="cấp trên (huyện/tỉnh): nhận gói của các xã")
    hub = p.add_subparsers(dest="hub_command", metavar="ACTION", required=True)
    q = hub.add_parser(
        "init", help="tạo cơ sở dữ liệu cấp trên và cặp khóa", description=FIRST_ADMIN_HELP
    )
    add_db_argument(q)
    q.add_argument("--unit-code", required=True, help="mã đơn vị cấp trên (chữ/số)")
    q.add_argument("--name", required=True, help="tên đơn vị cấp trên")
    q.add_argument("--key-out", type=Path, required=True, help="tệp khóa công khai sẽ ghi")
    q.add_argument("--province", help="mã tỉnh (danh mục 2025) khi cấp trên là một tỉnh/thành phố")
    q.set_defaults(handler=cmd_hub_init)
    q = hub.add_parser("trust", help="đăng ký khóa công khai của một xã")
    add_db_argument(q)
    q.add_argument("keyfile", type=Path, help="tệp khóa công khai của xã")
    q.add_argument(
        "--replace",
        action="store_true",
        help="thay khóa đã đăng ký của xã này (chỉ sau khi gọi điện đối chiếu vân tay)",
    )
    q.add_argument(
        "--outside-province",
        action="store_true",
        help="nhận một xã không thuộc tỉnh của cấp trên này",
    )
    q.set_defaults(handler=cmd_hub_trust)
    q = hub.add_parser("status", help="tình hình nhận gói của các xã")
    add_db_argument(q)
    q.add_argument("--json", action="store_true", help="in dạng JSON")
    q.add_argument(
        "--silent-days",
        type=int,
        default=DEFAULT_SILENT_DAYS,
        help=f"coi là im lặng sau số ngày không gửi (mặc định {DEFAULT_SILENT_DAYS})",
    )
    q.set_defaults(handler=cmd_hub_status)
    q = hub.add_parser("send", help="ghi gói gửi xuống một xã (xác nhận, chỉ tiêu)")
    add_db_argument(q)
    q.add_argument("--to", required=True, help="mã xã nhận")
    q.add_argument("--out", type=Path, required=True, help="thư mục ghi gói")
    q.set_defaults(handler=cmd_hub_send)
    q = hub.add_parser(
        "publish-forms", help="phát hành bộ biểu mẫu và cài đặt cho các xã (gửi bằng hub send)"
    )
    add_db_argument(q)
    q.add_argument("folder", type=Path, help="thư mục chứa các tệp biểu mẫu (*.toml)")
    q.add_argument(
        "--recipient",
        action="append",
        default=None,
        help="một dòng “Nơi nhận” của báo cáo xã (lặp lại cho mỗi dòng)",
    )
    q.add_argument("--report-code", help="ký hiệu báo cáo của xã (vd. BC-CAX)")
    q.set_defaults(handler=cmd_hub_publish_forms)
    q = hub.add_parser("target", help="đặt chỉ tiêu cho một xã (gửi xuống bằng hub send)")
    add_db_argument(q)
    q.add_argument("--to", required=True, help="mã xã")
    q.add_argument(
        "--kind",
        required=True,
        choices=["level2_accounts", "cleanup_cases", "support_sessions"],
        help="loại chỉ tiêu",
    )
    q.add_argument("--value", type=int, required=True, help="chỉ tiêu (số lượng)")
    q.add_argument("--start", type=date.fromisoformat, required=True, help="từ ngày (YYYY-MM-DD)")
    q.add_argument("--due", type=date.fromisoformat, required=True, help="hạn (YYYY-MM-DD)")
    q.set_defaults(handler=cmd_hub_target)

    p = sub.add_parser("sync", help="đồng bộ bằng USB: xuất và nhập gói")
    sync = p.add_subparsers(dest="sync_command", metavar="ACTION", required=True)
    q = sync.add_parser(
        "export",
        help="ghi gói các thay đổi từ lần gửi trước (ở cấp trên: gói số liệu tổng hợp theo tuần)",
    )
    add_db_argument(q)
    q.add_argument("--out", type=Path, required=True, help="thư mục ghi gói (ví dụ ổ USB)")
    which = q.add_mutually_exclusive_group()
    which.add_argument(
        "--full", action="store_true", help="gửi toàn bộ dữ liệu, không chỉ thay đổi"
    )
    which.add_argument(
        "--to-commune",
        action="store_true",
        help="ở máy thứ hai (sync clone-device): ghi gói cho máy của xã",
    )
    which.add_argument(
        "--to-devices",
        action="store_true",
        help="ở máy của xã: ghi gói cho các máy thứ hai",
    )
    q.add_argument(
        "--weeks",
        type=int,
        help="ở cấp trên: số tuần gần nhất gửi lên (mặc định: từ tuần của lần gửi trước)",
    )
    q.set_defaults(handler=cmd_sync_export)
    q = sync.add_parser("import", help="nhập một hoặc nhiều gói")
    add_db_argument(q)
    q.add_argument("packages", type=Path, nargs="+", help="tệp .de06sync")
    q.set_defaults(handler=cmd_sync_import)
    q = sync.add_parser("clone-device", help="tạo bản sao cho máy thứ hai của cùng xã")
    add_db_argument(q)
    q.add_argument("--out", type=Path, required=True, help="tệp cơ sở dữ liệu mới")
    q.set_defaults(handler=cmd_sync_clone)


def _read_key(path: Path) -> PublicKeyFile:
    return PublicKeyFile.read(path)


def cmd_keys_export(args: argparse.Namespace) -> int:
    with open_store(args) as store:
        key = act.write_public_key(store, login(store), args.out).value
    print(f"Đã ghi {args.out} ({key.unit_code}). Vân tay: {key.fingerprint}")
    return 0


def cmd_keys_set_hub(args: argparse.Namespace) -> int:
    key = _read_key(args.keyfile)
    with open_store(args) as store:
        old = act.set_hub_key(store, login(store), key).value
    if old is not None and old.fingerprint != key.fingerprint:
        print(f"Đã thay khóa cấp trên cũ {old.unit_code} (vân tay {old.fingerprint}).")
    name = printable(key.unit_name)
    print(f"Đã đặt khóa cấp trên {key.unit_code} ({name}). Vân tay: {key.fingerprint}")
    print("Hãy đối chiếu vân tay này với cấp trên (qua điện thoại) trước khi gửi gói.")
    return 0


def cmd_hub_init(args: argparse.Namespace) -> int:
    path = db_path(args)
    username, password = new_admin()
    key, code = create_hub_database(
        path,
        unit_code=args.unit_code,
        name=args.name,
        username=username,
        password=password,
        province=args.province,
    )
    with atomic_write(args.key_out) as tmp:
        tmp.write_text(key.to_text(), encoding="utf-8")
    print(f"Đã tạo cơ sở dữ liệu cấp trên {path} ({args.unit_code}, đã mã hóa).")
    print(f"Khóa công khai: {args.key_out}. Vân tay: {key.fingerprint}")
    print_first_admin(username)
    print_recovery_code(code)
    return 0


def cmd_hub_trust(args: argparse.Namespace) -> int:
    key = _read_key(args.keyfile)
    with open_store(args) as store:
        done = act.trust_commune_key(
            store,
            login(store),
            key,
            replace=args.replace,
            outside_province=args.outside_province,
        )
    if done.value.replaced is not None:
        print(f"Đã THAY khóa của {key.unit_code}.")
        print(f"  Vân tay cũ: {done.value.replaced.fingerprint}")
        print(f"  Vân tay mới: {key.fingerprint}")
    print(f"Đã đăng ký {key.unit_code} ({printable(key.unit_name)}). Vân tay: {key.fingerprint}")
    print("Hãy đối chiếu vân tay này với xã (qua điện thoại).")
    return 0


def cmd_hub_status(args: argparse.Namespace) -> int:
    with open_store(args) as store:
        login(store)
        _require_hub(store.role)
        statuses = hub_status(store, silent_days=args.silent_days)
        # A province hub expects every commune of its province (as the Các xã screen lists).
        unregistered = sorted(set(expected_communes(store)) - {s.unit_code for s in statuses})
        below = lower_hub_status(store, silent_days=args.silent_days)
    if args.json:
        entries = [s.to_json() for s in statuses] + [unregistered_json(c) for c in unregistered]
        entries.sort(key=lambda e: str(e["unit_code"]))
        print(json.dumps(entries, ensure_ascii=False, indent=2))
        return 0
    print("Mã xã\tGói\tSố cuối\tNgày gói cuối\tThiếu\tTình trạng\tNhật ký\tTên")
    for s in statuses:
        missing = "; ".join(
            (f"{d[:8]}: " if len(s.devices) > 1 else "") + ", ".join(map(str, seqs))
            for d, seqs in s.missing.items()
        )
        state = "IM LẶNG" if s.silent else "đều đặn"
        when = format_moment(s.last_package_at, with_time=False) or "chưa gửi"
        last = "" if s.last_seq is None else str(s.last_seq)
        audit = "CẢNH BÁO" if s.audit_flags else ("khớp" if s.audit_head else "-")
        print(
            f"{s.unit_code}\t{s.packages}\t{last}\t{when}\t{missing or '-'}\t{state}\t{audit}\t"
            + printable(s.unit_name)
        )
    if unregistered:
        print(f"Chưa đăng ký khóa ({len(unregistered)} xã): {', '.join(unregistered)}")
    silent = [s.unit_code for s in statuses if s.silent]
    if below:
        print("Cấp dưới\tGói số liệu\tNgày gói cuối\tTình trạng\tTên")
    for h in below:
        when = format_moment(h.last_package_at, with_time=False) if h.last_package_at else None
        state = "IM LẶNG" if h.silent else "đều đặn"
        print(
            f"{h.unit_code}\t{h.packages}\t{when or 'chưa gửi'}\t{state}\t" + printable(h.unit_name)
        )
    silent += [h.unit_code for h in below if h.silent]
    if silent:
        print(f"Im lặng quá {args.silent_days} ngày: {', '.join(silent)}")
    for s in statuses:
        for flag in s.audit_flags:
            print(f"CẢNH BÁO {s.unit_code}: {flag.describe()}")
    return 0


def cmd_hub_send(args: argparse.Namespace) -> int:
    with open_store(args) as store:
        result = act.send(store, login(store), args.to, args.out).value
    print(result.path)
    return 0


def cmd_hub_publish_forms(args: argparse.Namespace) -> int:
    settings = {}
    if args.recipient:
        settings["recipients"] = "\n".join(args.recipient)
    if args.report_code:
        settings["report_code"] = args.report_code
    with open_store(args) as store:
        down = act.publish_forms(store, login(store), args.folder, settings).value
    print(f"Đã phát hành {down.describe().vi}")
    print("Gói gửi xuống xã tiếp theo (hub send) sẽ mang bộ biểu mẫu này.")
    return 0


def cmd_hub_target(args: argparse.Namespace) -> int:
    values = {"kind": args.kind, "value": args.value, "start_on": args.start, "due_on": args.due}
    with open_store(args) as store:
        record = act.set_target(store, login(store), args.to, values).value
    print(f"Đã đặt chỉ tiêu {args.kind} = {args.value} cho {args.to} ({record.uuid}).")
    return 0


def cmd_sync_export(args: argparse.Namespace) -> int:
    if args.to_commune:
        export = act.to_commune
    elif args.to_devices:
        export = act.to_devices
    else:
        export = act.export_full if args.full else act.export
    with open_store(args) as store:
        # A hub's package goes to its upper hub and carries figures; a device package asked
        # at a hub goes on to its action, which refuses it there.
        if store.role == "hub" and not (args.to_commune or args.to_devices):
            return _export_summary(store, args)
        if args.weeks is not None:
            raise DomainError(
                msg(
                    "--weeks chỉ dùng ở cơ sở dữ liệu cấp trên.",
                    "--weeks is for a hub database only.",
                )
            )
        result = export(store, login(store), args.out).value
    if result is None:
        hint = "" if args.to_commune or args.to_devices else " (--full để gửi toàn bộ)"
        print(f"Không có thay đổi nào từ lần gửi trước; không ghi gói.{hint}")
        return 0
    print(result.path)
    return 0


def _export_summary(store: Store, args: argparse.Namespace) -> int:
    if args.full:
        raise DomainError(
            msg(
                "Cấp trên gửi số liệu tổng hợp theo tuần, không có --full; dùng --weeks N.",
                "A hub sends weekly summary figures, there is no --full; use --weeks N.",
            )
        )
    done = act.export_up(store, login(store), args.out, weeks=args.weeks).value
    first, last = done.weeks[0], done.weeks[-1]
    print(done.result.path)
    print(
        f"Số liệu tổng hợp {done.communes} xã, phường; tuần {first.label()} đến {last.label()} "
        f"({len(done.weeks)} tuần) gửi {done.result.recipient}."
    )
    return 0


_LABELS = {
    "applied": "ĐÃ NHẬP",
    "already": "ĐÃ CÓ",
    "refused": "TỪ CHỐI",
    "cancelled": "ĐÃ HỦY",
}


def cmd_sync_import(args: argparse.Namespace) -> int:
    with open_store(args) as store:
        # Logs in only before the first write: a run of refused packages leaves no trace.
        done = act.import_sync_packages(store, lambda: login(store), args.packages)
    outcomes = done.value
    for outcome in outcomes:
        # The file name and the message quote what a stick held: printed, never obeyed.
        name, message = printable(outcome.path.name), printable(outcome.message, 1000)
        print(f"{_LABELS[outcome.status]}\t{name}\t{message}")
    for warning in done.warnings:
        print(f"de06desk: {warning}", file=sys.stderr)
    return 1 if any(o.status in ("refused", "cancelled") for o in outcomes) else 0


def cmd_sync_clone(args: argparse.Namespace) -> int:
    with open_store(args) as store:
        act.clone(store, login(store), args.out)
    print(f"Đã tạo {args.out} cho máy thứ hai (mã thiết bị mới, cùng khóa của xã).")
    return 0


def _require_hub(role: str) -> None:
    if role != "hub":
        raise DomainError(
            msg("Lệnh này dùng cho cơ sở dữ liệu cấp trên.", "This command is for a hub database.")
        )
