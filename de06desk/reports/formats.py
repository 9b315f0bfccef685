"""How figures are written on paper and on screen: 1.234, 85,2%, "–" for no value.

Shared by the PDF, the Excel file's text cells and the app's preview, so a number reads the
same everywhere.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass
from datetime import date
from decimal import ROUND_HALF_UP, Decimal

from de06desk.domain.i18n import Language, current_language
from de06desk.domain.weeks import Period, format_date

from .model import Cell, ColumnKind, Summary

NO_VALUE = "–"
# The language figures and words are written in while a report is built or printed; unset,
# the interface's language (the dashboard follows it; the PDF and Excel files pin Vietnamese).
_LANGUAGE: ContextVar[Language | None] = ContextVar("report_language", default=None)


def report_language_now() -> Language:
    """The language reports are being written in."""
    return _LANGUAGE.get() or current_language()


@contextmanager
def report_language(lang: Language) -> Iterator[None]:
    """Write reports in `lang` inside the block (this thread only)."""
    token = _LANGUAGE.set(lang)
    try:
        yield
    finally:
        _LANGUAGE.reset(token)


def t(vi: str) -> str:
    """A report's Vietnamese words in the report language (words_en.EN holds the English)."""
    if report_language_now() != "en":
        return vi
    from .words_en import EN

    return EN.get(vi, vi)


# Decimals of a percentage; the workbook's number format (xlsx.NUMBER_FORMATS) says the same.
PCT_PLACES = 1


def format_int(value: int | float) -> str:
    """Thousands separated by dots, Vietnamese style: 1234567 → "1.234.567" ("1,234,567" in
    English)."""
    text = f"{int(round_half_up(value, 0)):,}"
    return text if report_language_now() == "en" else text.replace(",", ".")


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
    text = f"{round_half_up(value, PCT_PLACES, shift=2):.1f}"
    return (text if report_language_now() == "en" else text.replace(".", ",")) + "%"


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
    english = report_language_now() == "en"
    if period.kind == "week":
        word = "week" if english else "tuần"
        return f"{word} {period.start.isocalendar().week} ({start} – {end})"
    if period.kind == "month":
        if english:
            return f"{period.start.month:02d}/{period.start.year}"
        return f"tháng {period.start.month:02d} năm {period.start.year}"
    return f"from {start} to {end}" if english else f"từ ngày {start} đến ngày {end}"


@dataclass(frozen=True)
class PeriodWords:
    """How a period kind reads, in the report language: column heads comparing two periods
    ("Tuần này", "Tuần trước"), a sentence's opening ("Trong tuần"), the previous period inside
    a sentence ("tuần trước") and the bare span word ("tuần")."""

    now: str
    before: str
    within: str
    previous: str
    span: str


# The one table of period words (Vietnamese; words_en.EN has the English). A period that is
# neither a week nor a month is "kỳ".
_PERIOD_WORDS = {
    "week": ("Tuần này", "Tuần trước", "Trong tuần", "tuần trước", "tuần"),
    "month": ("Tháng này", "Tháng trước", "Trong tháng", "tháng trước", "tháng"),
    "range": ("Kỳ này", "Kỳ trước", "Trong kỳ", "kỳ trước", "kỳ"),
}


def period_wording(period: Period) -> PeriodWords:
    """Every word for `period`'s kind, in the report language."""
    words = _PERIOD_WORDS.get(period.kind, _PERIOD_WORDS["range"])
    return PeriodWords(*(t(w) for w in words))


def period_words(period: Period) -> tuple[str, str]:
    """("Tuần này", "Tuần trước") — or month / period — for columns comparing two periods."""
    words = period_wording(period)
    return words.now, words.before


def places_chart_title(summary: Summary) -> str:
    """Caption of the bars per village (per commune at a hub); the Excel sheet reuses it."""
    span = period_wording(summary.period).span
    if report_language_now() == "en":
        where = "commune" if summary.scope == "hub" else "village"
        return f"Chart 1. Level-2 e-ID accounts activated this {span}, by {where}"
    where = "xã, phường" if summary.scope == "hub" else "thôn, tổ dân phố"
    return f"Biểu đồ 1. Tài khoản định danh điện tử mức 2 kích hoạt trong {span}, theo {where}"


def compare_chart_title(summary: Summary) -> str:
    """Caption of the this-period-against-the-previous bars."""
    now, before = period_words(summary.period)
    if report_language_now() == "en":
        return f"Chart 2. {now} against {before.lower()}"
    return f"Biểu đồ 2. So sánh {now.lower()} với {before.lower()}"


def trend_chart_title(summary: Summary) -> str:
    """Caption of the progress-over-weeks chart."""
    weeks = len(summary.trend)
    if report_language_now() == "en":
        return f"Chart 3. Level-2 e-ID accounts week by week (last {weeks} weeks)"
    return f"Biểu đồ 3. Tiến độ tài khoản định danh điện tử mức 2 theo tuần ({weeks} tuần gần nhất)"


def week_tick(start: date) -> str:
    """A week on a chart's axis: "T47" (Vietnamese "tuần"), "W47" in English."""
    number = start.isocalendar().week
    return f"W{number}" if report_language_now() == "en" else f"T{number}"
