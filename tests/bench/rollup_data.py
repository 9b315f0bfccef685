"""Data of the national roll-up benchmark: province hubs' summary packages for a national hub.

Figures are synthetic but shaped as a real commune's (8 villages, every declared figure, keys
from the forms' choices); the packages are written by the real writer (encrypted, signed,
read back), one per province.
"""

from __future__ import annotations

import random
from collections.abc import Callable, Iterator
from datetime import date, timedelta
from pathlib import Path

from de06desk.domain.weeks import Period, week_of
from de06desk.reports import figures as fig
from de06desk.reports.rollup import summary_line
from de06desk.sync import init_hub, public_key_file, set_hub, trust_commune
from de06desk.sync.export import MemberPlan, write_package
from de06desk.sync.package import SUMMARY_NAME

# Every commune of the 2025 map in 34 provinces, a year of weeks (docs/BENCHMARKS.md).
NATIONAL_COMMUNES = 3321
NATIONAL_PROVINCES = 34
NATIONAL_WEEKS = 52

_KEYS: dict[str, list[fig.Key]] = {
    "cleanup": [("dung", "phone"), ("du", "missing_field"), ("sach", "duplicate_person")],
    "reasons": ["no_signal", "no_smartphone", None],
    "drives": ["office", "village", "school", "workplace"],
    "support_types": ["vneid", "documents", "online_service", "cashless"],
    "support_services": ["birth_registration", None],
}
_VILLAGES: list[fig.Key] = [*(f"Thôn {i}" for i in range(1, 9)), None]


def synthetic_figures(code: str, week: int, rng: random.Random) -> fig.UnitFigures:
    """One commune's figures for the `week`-th week, with made-up counts."""
    unit = fig.UnitFigures(code, f"Xã Thử Nghiệm {code}")
    for figure in fig.FIGURES:
        keys = _VILLAGES if figure.places else _KEYS.get(figure.name, [None])
        unit.tables[figure.name] = {
            key: [
                f"2026-0{1 + week % 9}-1{week % 10}"
                if column.merge == "earliest"
                else rng.randrange(0, 40) * (week + 1)
                for column in figure.columns
            ]
            for key in keys
        }
    return unit


def rollup_packages(
    tmp: Path, communes: int, provinces: int, weeks: int
) -> tuple[Path, list[Path]]:
    """A national hub trusting `provinces` province hubs, and one summary package from each
    with `weeks` weeks (up to last week) of its share of `communes`."""
    national = init_hub(tmp / "national.db", unit_code="VN", name="Ban chỉ đạo quốc gia")
    last = week_of(date.today() - timedelta(days=7))
    periods = [week_of(last.start - timedelta(days=7 * back)) for back in range(weeks)][::-1]
    rng = random.Random(2025)
    per = -(-communes // provinces)
    packages = []
    try:
        for p in range(provinces):
            code = f"{p + 1:02d}"
            province = init_hub(tmp / f"p{code}.db", unit_code=code, name=f"Công an tỉnh {code}")
            set_hub(province, public_key_file(national), user="bench")
            trust_commune(national, public_key_file(province), user="bench")
            mine = [f"{c:05d}" for c in range(p * per + 1, min(communes, (p + 1) * per) + 1)]
            with province:
                result = write_package(
                    province,
                    tmp / "usb",
                    kind="summary",
                    recipient=public_key_file(national),
                    plans=[MemberPlan(SUMMARY_NAME, _chunks(mine, periods, rng))],
                    change_from=0,
                    change_to=0,
                    full=True,
                    progress=lambda _f, _t: None,
                    cancelled=lambda: False,
                    user="bench",
                )
            packages.append(result.path)
    finally:
        national.close()
    return tmp / "national.db", packages


def _chunks(
    codes: list[str], periods: list[Period], rng: random.Random
) -> Callable[[], Iterator[bytes]]:
    return lambda: _lines(codes, periods, rng)


def _lines(codes: list[str], periods: list[Period], rng: random.Random) -> Iterator[bytes]:
    for w, period in enumerate(periods):
        yield b"".join(
            summary_line(period, period.end, (), synthetic_figures(c, w, rng)) for c in codes
        )
