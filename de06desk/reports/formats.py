"""How figures are written on paper and on screen: 1.234, 85,2%, "–" for no value.

Shared by the PDF, the Excel file's text cells and the app's preview, so a number reads the
same everywhere.
"""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal

from de06desk.domain.weeks import Period, format_date

from .model import Cell, ColumnKind, Summary

NO_VALUE = "–"
# Decimals of a percentage; the workbook's number format (xlsx.NUMBER_FORMATS) says the same.
PCT_PLACES = 1


def format_int(value: int | float) -> str:
    """Thousands separated by dots, Vietnamese style: 1234567 → "1.234.567"."""
    return f"{int(round_half_up(value, 0)):,}".replace(",", ".")


def round_half_up(value: float, places: int, *, shift: int = 0) -> Decimal:
    """`value` rounded the way Excel and people round: halves away from zero.

    Python's own rounding works on the binary double (27/1200 = 0.02249999… → 2,2%) while
    Excel shows the same cell as 2,3%: rounding the shortest decimal that prints the float
    gives one answer on paper, on screen and in the workbook.
    `shift` moves the decimal point first, exactly (2 for a share shown in per cent).
    """
    step = Decimal(1).scaleb(-places)
    return Decimal(repr(float(value))).scaleb(shift).quantize(step, rounding=ROUND_HALF_UP)


def format_pct(value: float) -> str:
    """A 0..1 share with one decimal and a decimal comma: 0.852 → "85,2%", 0.0225 → "2,3%"."""
    return f"{round_half_up(value, PCT_PLACES, shift=2):.1f}".replace(".", ",") + "%"


def format_cell(value: Cell, kind: ColumnKind) -> str:
    """One table cell as printed; a missing figure is "–" (e.g. a rate with nothing to divide)."""
    if value is None:
        return "" if kind == "text" else NO_VALUE
    if kind == "text" or isinstance(value, str):
        return str(value)
    if kind == "pct":
        return format_pct(float(value))
    return format_int(value)


def period_phrase(period: Period) -> str:
    """The period as it reads inside a sentence or a subject line.

    "tuần 47 (16/11/2026 – 22/11/2026)", "tháng 11 năm 2026", "từ ngày 01/11/2026 đến ngày
    15/11/2026".
    """
    start, end = format_date(period.start), format_date(period.end)
    if period.kind == "week":
        return f"tuần {period.start.isocalendar().week} ({start} – {end})"
    if period.kind == "month":
        return f"tháng {period.start.month:02d} năm {period.start.year}"
    return f"từ ngày {start} đến ngày {end}"


def period_words(period: Period) -> tuple[str, str]:
    """("Tuần này", "Tuần trước") — or month / period — for columns comparing two periods."""
    if period.kind == "week":
        return "Tuần này", "Tuần trước"
    if period.kind == "month":
        return "Tháng này", "Tháng trước"
    return "Kỳ này", "Kỳ trước"


def places_chart_title(summary: Summary) -> str:
    """Caption of the bars per village (per commune at a hub); the Excel sheet reuses it."""
    where = "xã, phường" if summary.scope == "hub" else "thôn, tổ dân phố"
    span = {"week": "tuần", "month": "tháng"}.get(summary.period.kind, "kỳ")
    return f"Biểu đồ 1. Tài khoản định danh điện tử mức 2 kích hoạt trong {span}, theo {where}"


def compare_chart_title(summary: Summary) -> str:
    """Caption of the this-period-against-the-previous bars."""
    now, before = period_words(summary.period)
    return f"Biểu đồ 2. So sánh {now.lower()} với {before.lower()}"
