"""The weekly summary as an Excel workbook: the same tables as the PDF, one sheet each.

The cells hold the figures themselves (numbers, shares 0..1), not their printed text, so the
file can be summed and charted; number formats make them read like the PDF.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from datetime import datetime
from pathlib import Path

from openpyxl import Workbook
from openpyxl.styles import Alignment, Font
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

from de06desk import workbook
from de06desk.domain.progress import CancelCheck, Cancelled, Progress, never_cancelled, no_progress
from de06desk.domain.weeks import format_date

from .files import atomic_output
from .formats import (
    compare_chart_title,
    period_phrase,
    period_words,
    places_chart_title,
    report_language,
    t,
    trend_chart_title,
    week_tick,
)
from .header import ReportHeader
from .model import Cell, ColumnKind, Summary, Table

FIRST_SHEET = "Tổng hợp"
NUMBER_FORMATS: dict[ColumnKind, str] = {"int": "#,##0", "days": "#,##0", "pct": "0.0%"}
# Rows above a table's header: its title, then a blank line.
HEADER_ROW = 3
_BAD_SHEET_CHARS = re.compile(r"[\[\]:*?/\\]")
_SHEET_MAX = 31


def sheet_name(title: str, taken: set[str]) -> str:
    """An Excel-safe sheet name (≤ 31 characters, no []:*?/\\) not yet in `taken`.

    A long title is cut at the end of a word, never inside one ("Kết quả kích ho").
    """
    base = _BAD_SHEET_CHARS.sub(" ", title).strip().strip("'") or "Bảng"
    base = re.sub(r"\s+", " ", base)
    name = _whole_words(base, _SHEET_MAX)
    n = 2
    # Excel compares sheet names without regard to case.
    while name.casefold() in {t.casefold() for t in taken}:
        suffix = f" ({n})"
        name = _whole_words(base, _SHEET_MAX - len(suffix)) + suffix
        n += 1
    taken.add(name)
    return name


def _whole_words(text: str, limit: int) -> str:
    """The longest run of whole words of `text` within `limit` characters (no dangling ",.-")."""
    if len(text) <= limit:
        return text
    cut = text[: limit + 1].rsplit(" ", 1)[0] if " " in text[:limit] else text[:limit]
    return cut.rstrip(" ,.;-–(").rstrip() or text[:limit]


def _put_rows(sheet: Worksheet, first_row: int, rows: Sequence[Sequence[Cell]]) -> None:
    # Through the one cell writer: a place name like "=1+1" stays text (issue 15).
    for r, row in enumerate(rows, start=first_row):
        for c, value in enumerate(row, start=1):
            workbook.put(sheet, r, c, value)


def _tables(summary: Summary) -> list[tuple[str, Table]]:
    """(caption, table): the summary's tables numbered as in the PDF, then the charts' data."""
    out = [(f"Bảng {i}. {t.title}", t) for i, t in enumerate(summary.tables(), start=1)]
    place = "Xã, phường" if summary.scope == "hub" else "Thôn, tổ dân phố"
    if summary.activations_by_place:
        table = Table(
            key="activations_by_place",
            title=places_chart_title(summary),
            columns=(place, "Đã kích hoạt"),
            kinds=("text", "int"),
            rows=tuple(summary.activations_by_place),
        )
        out.append((table.title, table))
    if summary.compare:
        now, before = period_words(summary.period)
        table = Table(
            key="compare",
            title=compare_chart_title(summary),
            columns=("Chỉ số", before, now),
            kinds=("text", "int", "int"),
            rows=tuple(summary.compare),
        )
        out.append((table.title, table))
    if summary.trend:
        table = Table(
            key="trend",
            title=trend_chart_title(summary),
            columns=(
                t("Tuần"),
                t("Từ ngày"),
                t("Đến ngày"),
                t("Tiếp nhận"),
                t("Phê duyệt"),
                t("Kích hoạt"),
                t("Đã kích hoạt (lũy kế)"),
                t("Chỉ tiêu"),
            ),
            kinds=("text", "text", "text", "int", "int", "int", "int", "int"),
            rows=tuple(
                (
                    week_tick(w.start),
                    format_date(w.start),
                    format_date(w.end),
                    w.received,
                    w.approved,
                    w.activated,
                    w.cumulative_activated,
                    w.target,
                )
                for w in summary.trend
            ),
        )
        out.append((table.title, table))
    return out


def _style_table(sheet: Worksheet, table: Table, first_row: int) -> None:
    """Bold header, number formats, a bold total row, column widths from the content."""
    bold = Font(bold=True)
    for cell in sheet[first_row]:
        cell.font = bold
        cell.alignment = Alignment(horizontal="center", vertical="center", wrap_text=True)
    last = first_row + len(table.rows)
    for c, kind in enumerate(table.kinds, start=1):
        fmt = NUMBER_FORMATS.get(kind)
        if fmt:
            for r in range(first_row + 1, last + 1):
                sheet.cell(row=r, column=c).number_format = fmt
    if table.total_row and table.rows:
        for cell in sheet[last]:
            cell.font = bold
    for c, column in enumerate(table.columns, start=1):
        values = [column] + [_shown(row[c - 1]) for row in table.rows]
        width = max(len(v) for v in values) + 2
        cap = 50 if table.kinds[c - 1] == "text" else 18
        sheet.column_dimensions[get_column_letter(c)].width = max(10, min(width, cap))


def _shown(value: Cell) -> str:
    if isinstance(value, float):
        return f"{value:.1%}"
    return "" if value is None else str(value)


def _front_sheet(sheet: Worksheet, summary: Summary, header: ReportHeader) -> None:
    now, before = period_words(summary.period)
    about = [
        ("Đơn vị", header.unit_name),
        ("Cơ quan chủ quản", header.parent_body),
        ("Số liệu của", header.about or summary.unit_name),
        ("Mã đơn vị", summary.unit_code),
        ("Kỳ báo cáo", period_phrase(summary.period)),
        ("Từ ngày", format_date(summary.period.start)),
        ("Đến ngày", format_date(summary.period.end)),
        ("Số liệu tính đến hết ngày", format_date(summary.counted_to)),
        ("Ngày báo cáo", format_date(header.report_date)),
        ("Lập lúc", datetime.now().strftime("%d/%m/%Y %H:%M")),
    ]
    _put_rows(sheet, HEADER_ROW, [["Mục", "Nội dung"], *map(list, about)])
    headline_row = HEADER_ROW + len(about) + 2
    headlines = [[h.label, h.value, h.previous, h.target] for h in summary.headlines]
    _put_rows(sheet, headline_row, [["Chỉ số chính", now, before, "Chỉ tiêu"], *headlines])
    workbook.put(sheet, 1, 1, f"Báo cáo kết quả thực hiện Đề án 06 {period_phrase(summary.period)}")
    sheet["A1"].font = Font(bold=True, size=14)
    for row in (HEADER_ROW, headline_row):
        for cell in sheet[row]:
            cell.font = Font(bold=True)
    for r, h in enumerate(summary.headlines, start=headline_row + 1):
        fmt = NUMBER_FORMATS.get(h.kind, "General")
        for c in (2, 3):
            sheet.cell(row=r, column=c).number_format = fmt
        sheet.cell(row=r, column=4).number_format = NUMBER_FORMATS["int"]
    sheet.column_dimensions["A"].width = 40
    sheet.column_dimensions["B"].width = max(
        20, min(60, max((len(str(v)) for _, v in about), default=10) + 2)
    )
    for col in "CD":
        sheet.column_dimensions[col].width = 14
    sheet.freeze_panes = f"A{HEADER_ROW + 1}"


def write_xlsx(
    summary: Summary,
    header: ReportHeader,
    out: Path,
    *,
    progress: Progress = no_progress,
    cancelled: CancelCheck = never_cancelled,
) -> Path:
    """Write the summary to an .xlsx workbook at `out` (atomically) and return the path.

    First sheet: the unit, the period and the headline figures; then one sheet per table,
    its title in the first row and a bold, frozen header row below it.
    """
    with report_language(summary.lang):
        return _write_xlsx(summary, header, Path(out), progress, cancelled)


def _write_xlsx(
    summary: Summary, header: ReportHeader, out: Path, progress: Progress, cancelled: CancelCheck
) -> Path:
    tables = _tables(summary)
    book = Workbook()
    front = book.active
    assert isinstance(front, Worksheet)  # a new workbook's one sheet
    front.title = FIRST_SHEET
    _front_sheet(front, summary, header)
    taken = {FIRST_SHEET}
    for i, (caption, table) in enumerate(tables, start=1):
        if cancelled():
            raise Cancelled()
        progress(i / (len(tables) + 1), "Đang ghi bảng tính…")
        sheet = book.create_sheet(sheet_name(caption.removeprefix("Bảng "), taken))
        _put_rows(sheet, HEADER_ROW, [list(table.columns), *map(list, table.rows)])
        workbook.put(sheet, 1, 1, caption).font = Font(bold=True, size=13)
        _style_table(sheet, table, HEADER_ROW)
        sheet.freeze_panes = f"A{HEADER_ROW + 1}"
    with atomic_output(out) as tmp:
        workbook.save(book, tmp)
    progress(1.0, "Đã ghi bảng tính.")
    return out
