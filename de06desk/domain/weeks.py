"""Reporting periods (ISO weeks, months, date ranges) and the dd/mm/yyyy dates used on screen.

Weeks are ISO weeks, Monday to Sunday. Dates are shown dd/mm/yyyy and stored as ISO 8601.
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from typing import Literal

from de06desk.domain.i18n import DomainError, Language, current_language, msg
from de06desk.domain.text import fold

PeriodKind = Literal["week", "month", "range"]

# Generous bounds around Project 06's years: a period outside them is a typing slip (0001, 9999)
# that would overflow the date arithmetic of "the period before" or scan ten thousand years.
FIRST_REPORT_YEAR, LAST_REPORT_YEAR = 1900, 2199

_MONTHS_EN = [
    "",
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
]


def _today() -> date:
    return date.today()


@dataclass(frozen=True, order=True)
class Period:
    """A closed date interval [start, end] of a given kind."""

    start: date
    end: date
    kind: PeriodKind

    def __post_init__(self) -> None:
        if self.end < self.start:
            raise DomainError(
                msg(
                    "Ngày kết thúc {end} đứng trước ngày bắt đầu {start}. Hãy chọn lại khoảng "
                    "thời gian.",
                    "End date {end} is before start date {start}. Choose the period again.",
                    start=format_date(self.start),
                    end=format_date(self.end),
                )
            )
        if self.start.year < FIRST_REPORT_YEAR or self.end.year > LAST_REPORT_YEAR:
            raise DomainError(
                msg(
                    "Kỳ báo cáo {start} – {end} nằm ngoài các năm {first}–{last}. Hãy kiểm tra "
                    "lại năm.",
                    "Period {start} – {end} is outside the years {first}–{last}. Check the year.",
                    start=format_date(self.start),
                    end=format_date(self.end),
                    first=FIRST_REPORT_YEAR,
                    last=LAST_REPORT_YEAR,
                )
            )

    @property
    def days(self) -> int:
        """Number of days in the period, both ends included."""
        return (self.end - self.start).days + 1

    def label(self, lang: Language | None = None) -> str:
        """Human label, e.g. "Tuần 47 (16/11/2026 – 22/11/2026)", "Tháng 11/2026"."""
        english = (lang or current_language()) == "en"
        start, end = format_date(self.start), format_date(self.end)
        if self.kind == "week":
            word = "Week" if english else "Tuần"
            return f"{word} {self.start.isocalendar().week} ({start} – {end})"
        if self.kind == "month":
            if english:
                return f"{_MONTHS_EN[self.start.month]} {self.start.year}"
            return f"Tháng {self.start.month:02d}/{self.start.year}"
        return f"From {start} to {end}" if english else f"Từ {start} đến {end}"

    def previous(self) -> Period:
        """The period of the same kind and length just before this one."""
        if self.kind == "week":
            return week_of(self.start - timedelta(days=7))
        if self.kind == "month":
            last = self.start - timedelta(days=1)
            return month_period(last.year, last.month)
        # A range reaching back to the first year compares with what is left before it.
        floor = date(FIRST_REPORT_YEAR, 1, 1)
        if self.start <= floor:
            raise DomainError(
                msg(
                    "Không có kỳ trước để so sánh: kỳ báo cáo bắt đầu từ năm {first}.",
                    "There is no period before to compare with: the report starts in {first}.",
                    first=FIRST_REPORT_YEAR,
                )
            )
        start = max(floor, self.start - timedelta(days=self.days))
        return range_period(start, self.start - timedelta(days=1))

    def contains(self, d: date) -> bool:
        """True when `d` falls within the period (ends included)."""
        if isinstance(d, datetime):
            d = d.date()
        return self.start <= d <= self.end

    def iso_key(self) -> str:
        """Stable text key: "2026-W47", "2026-11" or "2026-11-01..2026-11-15"."""
        if self.kind == "week":
            iso = self.start.isocalendar()
            return f"{iso.year}-W{iso.week:02d}"
        if self.kind == "month":
            return f"{self.start.year}-{self.start.month:02d}"
        return f"{self.start.isoformat()}..{self.end.isoformat()}"


def week_of(d: date) -> Period:
    """The ISO week (Monday–Sunday) containing `d`."""
    if isinstance(d, datetime):
        d = d.date()
    monday = d - timedelta(days=d.weekday())
    return Period(monday, monday + timedelta(days=6), "week")


def current_week(today: date | None = None) -> Period:
    """The ISO week containing `today` (default: the real today)."""
    return week_of(today or _today())


_WEEK_RE = re.compile(r"^\s*(\d{4})\s*-?\s*[wW]\s*(\d{1,2})\s*$")


def parse_week(text: str) -> Period:
    """Parse an ISO week such as "2026-W47", "2026W47" or "2026-w7"."""
    match = _WEEK_RE.match(text or "")
    if not match:
        raise DomainError(
            msg(
                "Không hiểu tuần “{text}”. Hãy viết theo dạng năm-W số tuần, ví dụ 2026-W47.",
                "Cannot read week “{text}”. Write it as year-W week number, e.g. 2026-W47.",
                text=(text or "").strip(),
            )
        )
    year, week = int(match[1]), int(match[2])
    try:
        monday = date.fromisocalendar(year, week, 1)
    except ValueError:
        weeks_in_year = date(year, 12, 28).isocalendar().week if 1 <= year <= 9999 else 52
        raise DomainError(
            msg(
                "Năm {year} không có tuần {week}: năm này có tuần 1 đến tuần {n}.",
                "Year {year} has no week {week}: it has weeks 1 to {n}.",
                year=year,
                week=week,
                n=weeks_in_year,
            )
        ) from None
    return week_of(monday)


def month_period(year: int, month: int) -> Period:
    """The calendar month `month` of `year`."""
    if not 1 <= month <= 12 or not 1 <= year <= 9999:
        raise DomainError(
            msg(
                "Tháng {month}/{year} không hợp lệ: tháng phải từ 1 đến 12.",
                "Month {month}/{year} is invalid: the month must be 1 to 12.",
                month=month,
                year=year,
            )
        )
    last_day = calendar.monthrange(year, month)[1]
    return Period(date(year, month, 1), date(year, month, last_day), "month")


def range_period(start: date, end: date) -> Period:
    """The dates from `start` to `end`, both included; `end` before `start` is rejected."""
    return Period(start, end, "range")


_MONTH_RE = re.compile(r"^\s*(\d{4})-(\d{1,2})\s*$")
_MONTH_VN_RE = re.compile(r"^\s*(?:thang\s*)?(\d{1,2})\s*/\s*(\d{4})\s*$")


def parse_period(text: str) -> Period:
    """Parse a week ("2026-W47"), a month ("2026-11" or "11/2026") or a date range
    ("2026-11-01..2026-11-15"; each side may also be dd/mm/yyyy)."""
    raw = (text or "").strip()
    if ".." in raw:
        left, _, right = raw.partition("..")
        return range_period(parse_date(left), parse_date(right))
    if match := _MONTH_RE.match(raw) or _MONTH_VN_RE.match(fold(raw)):
        first, second = int(match[1]), int(match[2])
        year, month = (first, second) if len(match[1]) == 4 else (second, first)
        return month_period(year, month)
    if _WEEK_RE.match(raw):
        return parse_week(raw)
    raise DomainError(
        msg(
            "Không hiểu khoảng thời gian “{text}”. Hãy viết tuần (2026-W47), tháng (2026-11) "
            "hoặc khoảng ngày (2026-11-01..2026-11-15).",
            "Cannot read period “{text}”. Write a week (2026-W47), a month (2026-11) or a date "
            "range (2026-11-01..2026-11-15).",
            text=raw,
        )
    )


def format_date(d: date | None) -> str:
    """dd/mm/yyyy, or "" for None."""
    if d is None:
        return ""
    return f"{d.day:02d}/{d.month:02d}/{d.year:04d}"


def format_moment(at: str | None, *, with_time: bool = True) -> str:
    """A stored UTC ISO time as this PC's local "dd/mm/yyyy HH:MM" ("" for None).

    The database keeps UTC so that devices agree; people read their own clock. Text that is
    not an ISO time is returned as it is.
    """
    if not at:
        return ""
    try:
        moment = datetime.fromisoformat(at)
    except ValueError:
        return at
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=UTC)
    local = moment.astimezone()
    return local.strftime("%d/%m/%Y %H:%M") if with_time else format_date(local.date())


_ISO_RE = re.compile(r"^(\d{4})-(\d{1,2})-(\d{1,2})(?:[T ]\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?)?$")
_DMY_RE = re.compile(r"^(\d{1,2})\s*([/.\-])\s*(\d{1,2})\s*\2\s*(\d{4}|\d{2})$")


def _make_date(year: int, month: int, day: int, shown: str) -> date:
    try:
        return date(year, month, day)
    except ValueError:
        pass
    if 1 <= month <= 12 and 1 <= year <= 9999:
        last = calendar.monthrange(year, month)[1]
        raise DomainError(
            msg(
                "Ngày {shown} không tồn tại: tháng {month}/{year} chỉ có {last} ngày. Hãy kiểm "
                "tra lại ngày.",
                "Date {shown} does not exist: {month}/{year} has only {last} days. Check the day.",
                shown=shown,
                month=month,
                year=year,
                last=last,
            )
        )
    raise DomainError(
        msg(
            "Ngày {shown} không tồn tại: tháng phải từ 1 đến 12. Hãy nhập theo dạng "
            "ngày/tháng/năm, ví dụ 17/11/2026.",
            "Date {shown} does not exist: the month must be 1 to 12. Enter it as "
            "day/month/year, e.g. 17/11/2026.",
            shown=shown,
        )
    )


def parse_date(text: str) -> date:
    """Parse dd/mm/yyyy, d/m/yyyy, d/m/yy or ISO yyyy-mm-dd ("-" and "." also separate).

    Two-digit years up to the current year's last two digits mean 20yy, the rest 19yy.
    """
    raw = (text or "").strip()
    if not raw:
        raise DomainError(
            msg(
                "Chưa nhập ngày. Hãy nhập theo dạng ngày/tháng/năm, ví dụ 17/11/2026.",
                "No date given. Enter it as day/month/year, e.g. 17/11/2026.",
            )
        )
    if match := _ISO_RE.match(raw):
        year, month, day = int(match[1]), int(match[2]), int(match[3])
        return _make_date(year, month, day, raw)
    if match := _DMY_RE.match(raw):
        day, month, year_text = int(match[1]), int(match[3]), match[4]
        year = int(year_text)
        if len(year_text) == 2:
            year += 2000 if year <= _today().year % 100 else 1900
        return _make_date(year, month, day, raw)
    raise DomainError(
        msg(
            "Không hiểu ngày “{text}”. Hãy nhập theo dạng ngày/tháng/năm, ví dụ 17/11/2026.",
            "Cannot read date “{text}”. Enter it as day/month/year, e.g. 17/11/2026.",
            text=raw,
        )
    )


_EXCEL_EPOCH = date(1899, 12, 30)  # day 0 of Excel's 1900 system, absorbing its 1900 leap bug
_YEAR_RE = re.compile(r"^(?:nam\s*)?(\d{4})$")


def parse_date_or_year(text: str | int | float | date | None) -> tuple[date | None, int | None]:
    """Parse a birth date that may be only a year.

    Returns (date, year): a full date gives (d, d.year); "1950" or "năm 1950" gives
    (None, 1950); an Excel serial number (all digits, at least 5 of them, 1–80000, as text or
    int) gives that day; blank text or None gives (None, None). Other text → `DomainError`.
    """
    if text is None:
        return None, None
    if isinstance(text, datetime):
        return text.date(), text.year
    if isinstance(text, date):
        return text, text.year
    if isinstance(text, float) and text.is_integer():
        text = int(text)
    raw = str(text).strip()
    if not raw:
        return None, None
    if raw.isascii() and raw.isdigit() and len(raw) >= 5:
        serial = int(raw)
        if 1 <= serial <= 80000:
            d = _EXCEL_EPOCH + timedelta(days=serial)
            return d, d.year
    if match := _YEAR_RE.match(fold(raw)):
        year = int(match[1])
        if not 1800 <= year <= _today().year:
            raise DomainError(
                msg(
                    "Năm {year} không hợp lệ: phải từ 1800 đến {now}. Hãy kiểm tra lại năm.",
                    "Year {year} is invalid: it must be between 1800 and {now}. Check the year.",
                    year=year,
                    now=_today().year,
                )
            )
        return None, year
    d = parse_date(raw)
    return d, d.year
