from datetime import date, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from de06desk.domain import weeks
from de06desk.domain.i18n import DomainError
from de06desk.domain.weeks import (
    Period,
    current_week,
    format_date,
    month_period,
    parse_date,
    parse_date_or_year,
    parse_period,
    parse_week,
    range_period,
    week_of,
)


@pytest.fixture
def today_2026(monkeypatch: pytest.MonkeyPatch) -> date:
    today = date(2026, 11, 20)
    monkeypatch.setattr(weeks, "_today", lambda: today)
    return today


# ---- weeks -------------------------------------------------------------------------------


def test_week_47_of_2026_real_dates() -> None:
    week = parse_week("2026-W47")
    assert week == Period(date(2026, 11, 16), date(2026, 11, 22), "week")
    assert week.start.weekday() == 0
    assert week.label("vi") == "Tuần 47 (16/11/2026 – 22/11/2026)"
    assert week.label("en") == "Week 47 (16/11/2026 – 22/11/2026)"
    assert week.iso_key() == "2026-W47"
    assert week.days == 7


@pytest.mark.parametrize("text", ["2026-W47", "2026W47", "2026-w47", " 2026 - W 47 "])
def test_parse_week_forms(text: str) -> None:
    assert parse_week(text).iso_key() == "2026-W47"


def test_parse_week_single_digit() -> None:
    week = parse_week("2026-w7")
    assert week.iso_key() == "2026-W07"
    assert week.start == date.fromisocalendar(2026, 7, 1)


def test_week_boundary_sunday_night_and_monday() -> None:
    sunday = date(2026, 11, 22)
    monday = date(2026, 11, 23)
    assert week_of(sunday).iso_key() == "2026-W47"
    assert week_of(monday).iso_key() == "2026-W48"
    assert week_of(sunday).contains(sunday)
    assert not week_of(sunday).contains(monday)
    assert week_of(monday).start == monday


def test_week_53_exists_in_2026_not_in_2027() -> None:
    # 2026 starts on a Thursday, so it has 53 ISO weeks.
    assert date(2026, 12, 28).isocalendar().week == 53
    week = parse_week("2026-W53")
    assert week.start == date(2026, 12, 28)
    assert week.end == date(2027, 1, 3)
    assert week_of(date(2027, 1, 1)).iso_key() == "2026-W53"
    with pytest.raises(DomainError) as err:
        parse_week("2027-W53")
    assert "2027" in err.value.message.vi
    assert "52" in err.value.message.vi


def test_year_boundary_week_belongs_to_next_iso_year() -> None:
    # 29/12/2025 is the Monday of ISO week 1 of 2026.
    week = week_of(date(2025, 12, 31))
    assert week.iso_key() == "2026-W01"
    assert week.start == date(2025, 12, 29)
    assert week.label() == "Tuần 1 (29/12/2025 – 04/01/2026)"


@pytest.mark.parametrize("text", ["2026-W54", "2026-W00", "2026-W99", "2026-47", "W47", "", "abc"])
def test_parse_week_errors(text: str) -> None:
    with pytest.raises(DomainError):
        parse_week(text)


def test_previous_week_across_year() -> None:
    assert parse_week("2026-W01").previous().iso_key() == "2025-W52"
    assert parse_week("2027-W01").previous().iso_key() == "2026-W53"
    assert parse_week("2026-W47").previous().iso_key() == "2026-W46"


def test_current_week(today_2026: date) -> None:
    assert current_week().iso_key() == "2026-W47"
    assert current_week(date(2026, 1, 1)).iso_key() == "2026-W01"


@given(st.dates(min_value=date(1950, 1, 1), max_value=date(2100, 12, 31)))
def test_week_of_properties(d: date) -> None:
    week = week_of(d)
    assert week.contains(d)
    assert week.start.weekday() == 0
    assert week.end.weekday() == 6
    assert week.days == 7
    assert parse_week(week.iso_key()) == week
    assert parse_period(week.iso_key()) == week
    assert week.previous().end == week.start - timedelta(days=1)
    assert week.previous() < week


# ---- months and ranges -------------------------------------------------------------------


def test_month_period() -> None:
    month = month_period(2026, 11)
    assert (month.start, month.end, month.kind) == (date(2026, 11, 1), date(2026, 11, 30), "month")
    assert month.label("vi") == "Tháng 11/2026"
    assert month.label("en") == "November 2026"
    assert month.iso_key() == "2026-11"
    assert month.days == 30


def test_month_leap_february_and_previous() -> None:
    assert month_period(2024, 2).days == 29
    assert month_period(2026, 3).previous() == month_period(2026, 2)
    assert month_period(2026, 1).previous() == month_period(2025, 12)
    assert month_period(2026, 1).label() == "Tháng 01/2026"


@pytest.mark.parametrize("month", [0, 13, -1])
def test_month_invalid(month: int) -> None:
    with pytest.raises(DomainError):
        month_period(2026, month)


def test_range_period() -> None:
    period = range_period(date(2026, 11, 1), date(2026, 11, 15))
    assert period.label("vi") == "Từ 01/11/2026 đến 15/11/2026"
    assert period.label("en") == "From 01/11/2026 to 15/11/2026"
    assert period.iso_key() == "2026-11-01..2026-11-15"
    assert period.days == 15
    assert period.previous() == range_period(date(2026, 10, 17), date(2026, 10, 31))
    assert period.contains(date(2026, 11, 1))
    assert period.contains(date(2026, 11, 15))
    assert not period.contains(date(2026, 11, 16))
    assert not period.contains(date(2026, 10, 31))


def test_single_day_range() -> None:
    period = range_period(date(2026, 11, 1), date(2026, 11, 1))
    assert period.days == 1
    assert period.previous() == range_period(date(2026, 10, 31), date(2026, 10, 31))


def test_range_end_before_start() -> None:
    with pytest.raises(DomainError) as err:
        range_period(date(2026, 11, 15), date(2026, 11, 1))
    assert "01/11/2026" in err.value.message.vi
    assert "15/11/2026" in err.value.message.vi


def test_parse_period_forms() -> None:
    assert parse_period("2026-W47") == parse_week("2026-W47")
    assert parse_period("2026-11") == month_period(2026, 11)
    assert parse_period("11/2026") == month_period(2026, 11)
    assert parse_period("Tháng 3/2026") == month_period(2026, 3)
    assert parse_period("2026-11-01..2026-11-15") == range_period(
        date(2026, 11, 1), date(2026, 11, 15)
    )
    assert parse_period("01/11/2026..15/11/2026") == parse_period("2026-11-01..2026-11-15")


@pytest.mark.parametrize(
    "text", ["", "2026", "2026-13", "2026-11-15..2026-11-01", "2026-11-01..", "next week"]
)
def test_parse_period_errors(text: str) -> None:
    with pytest.raises(DomainError):
        parse_period(text)


@pytest.mark.parametrize(
    "period",
    [
        parse_week("2026-W47"),
        month_period(2026, 2),
        range_period(date(2026, 11, 1), date(2026, 11, 15)),
    ],
)
def test_iso_key_round_trips(period: Period) -> None:
    assert parse_period(period.iso_key()) == period


# ---- dates -------------------------------------------------------------------------------


def test_format_date() -> None:
    assert format_date(date(2026, 11, 17)) == "17/11/2026"
    assert format_date(date(2026, 1, 5)) == "05/01/2026"
    assert format_date(None) == ""


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("17/11/2026", date(2026, 11, 17)),
        ("5/1/2026", date(2026, 1, 5)),
        ("05-01-2026", date(2026, 1, 5)),
        ("05.01.2026", date(2026, 1, 5)),
        ("2026-11-17", date(2026, 11, 17)),
        ("2026-1-5", date(2026, 1, 5)),
        ("2026-11-17 00:00:00", date(2026, 11, 17)),
        ("2026-11-17T08:30", date(2026, 11, 17)),
        (" 29/02/2024 ", date(2024, 2, 29)),
    ],
)
def test_parse_date(text: str, expected: date) -> None:
    assert parse_date(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("5/1/26", date(2026, 1, 5)),
        ("5/1/00", date(2000, 1, 5)),
        ("5/1/27", date(1927, 1, 5)),
        ("5/1/99", date(1999, 1, 5)),
    ],
)
def test_parse_two_digit_year(today_2026: date, text: str, expected: date) -> None:
    assert parse_date(text) == expected


def test_parse_date_impossible_day() -> None:
    with pytest.raises(DomainError) as err:
        parse_date("31/02/2020")
    assert "31/02/2020" in err.value.message.vi
    assert "29" in err.value.message.vi
    assert "29" in err.value.message.en


@pytest.mark.parametrize(
    "text", ["", "hôm qua", "17/13/2026", "32/01/2026", "00/01/2026", "17/11", "17/11/2026/1"]
)
def test_parse_date_nonsense(text: str) -> None:
    with pytest.raises(DomainError):
        parse_date(text)


def test_parse_date_mixed_separators_rejected() -> None:
    with pytest.raises(DomainError):
        parse_date("17/11-2026")


@given(st.dates(min_value=date(1900, 1, 1), max_value=date(2100, 12, 31)))
def test_format_parse_round_trip(d: date) -> None:
    assert parse_date(format_date(d)) == d
    assert parse_date(d.isoformat()) == d


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("năm 1950", (None, 1950)),
        ("Năm 1950", (None, 1950)),
        ("nam 1950", (None, 1950)),
        ("1950", (None, 1950)),
        (1950, (None, 1950)),
        ("32874", (date(1990, 1, 1), 1990)),
        (32874, (date(1990, 1, 1), 1990)),
        (32874.0, (date(1990, 1, 1), 1990)),
        ("45000", (date(2023, 3, 15), 2023)),
        ("17/11/1984", (date(1984, 11, 17), 1984)),
        ("1984-11-17", (date(1984, 11, 17), 1984)),
        (date(1984, 11, 17), (date(1984, 11, 17), 1984)),
        ("", (None, None)),
        ("   ", (None, None)),
        (None, (None, None)),
    ],
)
def test_parse_date_or_year(today_2026: date, value: object, expected: tuple) -> None:
    assert parse_date_or_year(value) == expected  # type: ignore[arg-type]


def test_excel_serial_matches_excel_epoch() -> None:
    # Fewer than 5 digits is never a serial: "61" is neither a year nor a date.
    with pytest.raises(DomainError):
        parse_date_or_year("61")
    assert parse_date_or_year("10000") == (date(1927, 5, 18), 1927)
    assert parse_date_or_year("80000") == (date(2119, 1, 11), 2119)


@pytest.mark.parametrize("value", ["80001", "1799", "năm 2099", "1/2/3/4", "abc"])
def test_parse_date_or_year_errors(today_2026: date, value: str) -> None:
    with pytest.raises(DomainError):
        parse_date_or_year(value)
