"""`report weekly`: the weekly summary as a PDF, an Excel workbook or JSON, without a screen."""

from __future__ import annotations

import argparse
import json
from pathlib import Path

from de06desk.domain.i18n import DomainError, msg
from de06desk.domain.weeks import (
    Period,
    current_week,
    parse_date,
    parse_period,
    parse_week,
    range_period,
)
from de06desk.reports.files import atomic_output
from de06desk.reports.header import report_header
from de06desk.reports.model import Summary
from de06desk.reports.pdf import render_pdf
from de06desk.reports.summary import build_summary
from de06desk.reports.xlsx import write_xlsx
from de06desk.store import Store
from de06desk.sync import hub_status

from .common import add_db_argument, login, open_store

FORMATS = (".pdf", ".xlsx", ".json")


def register(sub: argparse._SubParsersAction) -> None:
    """Add `report weekly`."""
    p = sub.add_parser("report", help="báo cáo kết quả thực hiện Đề án 06")
    report = p.add_subparsers(dest="report_command", metavar="ACTION", required=True)
    q = report.add_parser(
        "weekly",
        help="báo cáo tuần (hoặc tháng, khoảng ngày) ra tệp .pdf, .xlsx hoặc .json",
        description="Mặc định là tuần hiện tại. Tệp .json là số liệu tổng hợp (khóa cố định).",
    )
    add_db_argument(q)
    when = q.add_mutually_exclusive_group()
    when.add_argument(
        "--week", metavar="2026-W47", help="tuần ISO, ví dụ 2026-W47 (mặc định: tuần hiện tại)"
    )
    when.add_argument("--month", metavar="2026-11", help="tháng, ví dụ 2026-11 hoặc 11/2026")
    when.add_argument(
        "--from", dest="date_from", metavar="dd/mm/yyyy", help="từ ngày (dd/mm/yyyy), đi cùng --to"
    )
    q.add_argument(
        "--to", dest="date_to", metavar="dd/mm/yyyy", help="đến ngày (dd/mm/yyyy), đi cùng --from"
    )
    q.add_argument("--unit", metavar="MÃ", help="tại cấp trên: mã một xã (mặc định: toàn địa bàn)")
    q.add_argument(
        "--number", default="", metavar="SỐ", help="số văn bản in sau “Số:” (mặc định để trống)"
    )
    q.add_argument(
        "--out", type=Path, required=True, metavar="TỆP", help="tệp kết quả .pdf, .xlsx hoặc .json"
    )
    q.set_defaults(handler=cmd_report_weekly)


def report_period(args: argparse.Namespace) -> Period:
    """The period chosen by --week / --month / --from and --to (default: this ISO week)."""
    if args.date_to and not args.date_from:
        raise DomainError(
            msg("--to cần đi cùng --from (từ ngày).", "--to needs --from (the start date).")
        )
    if args.date_from:
        if not args.date_to:
            raise DomainError(
                msg("--from cần đi cùng --to (đến ngày).", "--from needs --to (the end date).")
            )
        return range_period(parse_date(args.date_from), parse_date(args.date_to))
    if args.month:
        period = parse_period(args.month)
        if period.kind != "month":
            raise DomainError(
                msg(
                    "Không hiểu tháng “{text}”. Hãy viết năm-tháng, ví dụ 2026-11.",
                    "Cannot read month “{text}”. Write year-month, e.g. 2026-11.",
                    text=args.month,
                )
            )
        return period
    if args.week:
        return parse_week(args.week)
    return current_week()


def output_format(out: Path) -> str:
    """ ".pdf", ".xlsx" or ".json" from the file name; anything else is refused."""
    suffix = out.suffix.lower()
    if suffix not in FORMATS:
        raise DomainError(
            msg(
                "Không ghi được dạng tệp “{suffix}”: hãy đặt tên tệp kết thúc bằng .pdf, .xlsx "
                "hoặc .json.",
                "Cannot write a “{suffix}” file: name the file .pdf, .xlsx or .json.",
                suffix=out.suffix or out.name,
            )
        )
    return suffix


def check_unit(store: Store, unit: str | None) -> None:
    """--unit names a commune registered at this hub; a commune database reports on itself."""
    if not unit or unit == store.unit_code:
        return
    if store.role != "hub":
        raise DomainError(
            msg(
                "--unit chỉ dùng ở cơ sở dữ liệu cấp trên; cơ sở dữ liệu này là của xã {own}.",
                "--unit is for a hub database; this database belongs to commune {own}.",
                own=store.unit_code,
            )
        )
    if unit not in {s.unit_code for s in hub_status(store)}:
        raise DomainError(
            msg(
                "Cấp trên chưa đăng ký xã có mã {unit}. Xem danh sách: de06desk hub status.",
                "No commune with code {unit} is registered at this hub. See: de06desk hub status.",
                unit=unit,
            )
        )


def write_json(summary: Summary, out: Path) -> Path:
    """The summary's stable-key dictionary as UTF-8 JSON (atomically)."""
    with atomic_output(out) as tmp:
        tmp.write_text(
            json.dumps(summary.to_dict(), ensure_ascii=False, indent=2) + "\n", encoding="utf-8"
        )
    return out


def cmd_report_weekly(args: argparse.Namespace) -> int:
    """Build the summary for the chosen period and unit, and write it in the file's format."""
    fmt = output_format(args.out)
    period = report_period(args)
    with open_store(args) as store:
        login(store)
        check_unit(store, args.unit)
        summary = build_summary(store, period, args.unit)
        header = report_header(store, args.unit, number=args.number)
    if fmt == ".pdf":
        render_pdf(summary, header, args.out)
    elif fmt == ".xlsx":
        write_xlsx(summary, header, args.out)
    else:
        write_json(summary, args.out)
    print(args.out)
    return 0
