"""The weekly summary: every figure of the dashboard, the PDF, the Excel file and the hub.

`build_summary` asks the store for grouped counts (store.summary_queries; the counting rules
are in docs/ARCHITECTURE.md), turns them into per-unit figures, and lays the figures out as a
`Summary`. At a hub the area's figures are the sum of its communes' figures, built by the very
same code as each commune's own summary — so the hub cannot disagree with its communes.
Only counts leave this module: no names, ID numbers or phones.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date, timedelta

from de06desk.domain.i18n import DomainError, Language, msg
from de06desk.domain.progress import CancelCheck, Cancelled, Progress, never_cancelled, no_progress
from de06desk.domain.text import fold
from de06desk.domain.units import get_commune
from de06desk.domain.weeks import Period, format_date, week_of
from de06desk.quality.checks import run_checks
from de06desk.quality.checks import summary_counts as quality_counts
from de06desk.store import Store
from de06desk.store import summary_queries as q
from de06desk.store.sync_state import list_peers, registered_communes
from de06desk.store.sync_state import list_received as received_packages
from de06desk.sync.audit_heads import audit_flags

from .figures import (
    NOTHING,
    Raw,
    Span,
    UnitFigures,
    gather,
    merge,
    split,
    unit_figures,
)
from .figures import (
    received as received_figures,
)
from .formats import report_language, t
from .model import Section, Summary, TrendWeek
from .wording import ROMAN, lay_out, make_table

# Weeks shown by the progress chart (a quarter: enough to see whether the target will be met).
TREND_WEEKS = 12


def build_summary(
    store: Store,
    period: Period,
    unit_code: str | None = None,
    *,
    quality: bool = True,
    today: date | None = None,
    lang: Language = "vi",
    progress: Progress = no_progress,
    cancelled: CancelCheck = never_cancelled,
) -> Summary:
    """The summary of `period` for this database, counted to `as_of_day(period, today)`.

    A commune database gives its own summary (`unit_code` is ignored: every row is its own).
    A hub gives scope "hub": the whole area's figures, a ranking of its communes and `units`,
    one commune Summary each (registered communes without data included, as zeros); with
    `unit_code` a hub gives that commune's summary alone. `quality` adds section IV, the
    data-quality check counts, at a commune only: the checks read every citizen and are not
    split by unit, so a hub (and each of its units) has no section IV. Raises `Cancelled`
    when `cancelled()` turns true; nothing is written either way.

    One "as of" rule: a period still running is counted to `today` (the real date unless
    given), never to its last day, so the report, the dashboard, the Quality screen and
    `check` give the same figures on the same day; a period not yet begun raises DomainError.

    `lang` is the language of every word and number in it: Vietnamese for the official PDF
    and Excel file, the interface's language on the dashboard.
    """
    with report_language(lang):
        return _build_summary(store, period, unit_code, quality, today, progress, cancelled)


def _build_summary(
    store: Store,
    period: Period,
    unit_code: str | None,
    quality: bool,
    today: date | None,
    progress: Progress,
    cancelled: CancelCheck,
) -> Summary:
    as_of = as_of_day(period, today)
    steps = _Steps(progress, cancelled)
    is_hub = store.role == "hub"
    scope_unit = unit_code if is_hub else None
    forms = store.forms
    raw = gather(store, Span.of(period, as_of), scope_unit, lambda f, text: steps.step(f, t(text)))
    if not is_hub or unit_code is not None:
        trend = weekly_trend(store, as_of, scope_unit)
    if not is_hub:
        figures = unit_figures(forms, raw, store.unit_code, _unit_name(store, store.unit_code))
        if quality:
            steps.step(0.7, t("Kiểm tra chất lượng dữ liệu"))
            findings = run_checks(store, today=as_of)
            figures.quality = quality_counts(findings)
        steps.step(0.95, t("Lập báo cáo"))
        return replace(lay_out(forms, figures, period, as_of, "commune"), trend=trend)
    present = _reported(store, raw)
    if unit_code is not None:
        figures = unit_figures(forms, raw, unit_code, _unit_name(store, unit_code))
        figures.has_data = unit_code in present
        return replace(lay_out(forms, figures, period, as_of, "commune"), trend=trend)
    units = _own_communes(store, raw, present, steps)
    tiers, below = _below(store, period)
    if not units and period.kind != "week" and lower_hubs(store):
        raise DomainError(
            msg(
                "Các đơn vị cấp dưới gửi số liệu theo tuần: hãy chọn một tuần.",
                "The units below send their figures by week: choose a week.",
            )
        )
    name = store.get_meta("unit_name") or store.unit_code
    area = merge(forms, store.unit_code, name, [*units, *tiers])
    steps.step(0.95, t("Lập báo cáo"))
    trend, unit_trends = _trends(store, as_of, None)
    communes = sorted([*units, *below], key=lambda u: u.unit_code)
    # Each commune whose records are here gets its own summary; communes known only from
    # hubs below are ranked and summed, not laid out one by one (a national hub has 3,321).
    summaries = tuple(
        replace(
            lay_out(forms, u, period, as_of, "commune"),
            trend=unit_trends.get(u.unit_code, ()),
        )
        for u in units
    )
    hub = lay_out(
        forms, area, period, as_of, "hub", units=communes, unit_summaries=summaries, tiers=tiers
    )
    return _with_audit_flags(store, replace(hub, trend=trend))


def hub_communes(
    store: Store, period: Period, as_of: date, progress: Progress = no_progress
) -> list[UnitFigures]:
    """At a hub: the figures of each commune it receives records from (registered ones that
    never sent anything included, as zeros without data), counted to `as_of` — the same
    numbers as its weekly report."""
    steps = _Steps(progress, never_cancelled)
    raw = gather(store, Span.of(period, as_of), None)
    return _own_communes(store, raw, _reported(store, raw), steps)


def _own_communes(store: Store, raw: Raw, present: set[str], steps: _Steps) -> list[UnitFigures]:
    codes = sorted((set(registered_communes(store)) | present) - {store.unit_code})
    parts = split(raw)
    units: list[UnitFigures] = []
    for i, code in enumerate(codes):
        steps.step(0.6 + 0.3 * i / max(1, len(codes)), t("Tổng hợp từng xã"))
        figures = unit_figures(store.forms, parts.get(code, NOTHING), code, _unit_name(store, code))
        figures.has_data = code in present
        units.append(figures)
    return units


def _below(store: Store, period: Period) -> tuple[list[UnitFigures], list[UnitFigures]]:
    """At a hub with hubs below it: each of those hubs as the sum of the communes it sent
    figures for this week (one that sent nothing: zeros, without data), and those communes.
    Hubs send weekly figures, so another period has none."""
    if period.kind != "week":
        return [], []
    hubs = lower_hubs(store)
    got = received_figures(store, period.start)
    by_sender: dict[str, list[UnitFigures]] = {}
    for r in got:
        by_sender.setdefault(r.sender, []).append(r.figures)
    tiers = []
    for code in sorted(set(hubs) | set(by_sender)):
        mine = by_sender.get(code, [])
        tier = merge(store.forms, code, hubs.get(code) or code, mine)
        tier.has_data = bool(mine)
        tiers.append(tier)
    return tiers, [r.figures for r in got]


def lower_hubs(store: Store) -> dict[str, str]:
    """Hub code → name of the hubs trusted to send this hub their figures (not its own hub)."""
    upper = store.get_meta("sync_hub")
    return {p.unit_code: p.unit_name for p in list_peers(store, "hub") if p.unit_code != upper}


def _with_audit_flags(store: Store, summary: Summary) -> Summary:
    """A hub's report gains a short section when a commune's audit log was rewritten since
    an earlier sync (sync/audit_heads.py); with nothing flagged the report is as before."""
    flags = audit_flags(store)
    if not flags:
        return summary
    names = {code: _unit_name(store, code) for code in {f.unit_code for f in flags}}
    communes = sorted(names.values(), key=fold)
    section = Section(
        ROMAN[len(summary.sections)],
        "Cảnh báo về nhật ký hoạt động của các xã",
        (
            f"Nhật ký hoạt động của {len(communes)} xã, phường không nối tiếp lần đồng bộ trước "
            f"({', '.join(communes)}): cần xác minh trực tiếp với xã trước khi dùng số liệu.",
        ),
        (
            make_table(
                "audit_flags",
                "Gói đồng bộ có nhật ký hoạt động không nối tiếp",
                [("Xã, phường", "text"), ("Gói số", "int"), ("Nội dung", "text")],
                [(names[f.unit_code], f.seq, str(f.describe().vi)) for f in flags],
            ),
        ),
    )
    return replace(summary, sections=(*summary.sections, section))


def weekly_trend(
    store: Store, as_of: date, unit_code: str | None = None, weeks: int = TREND_WEEKS
) -> tuple[TrendWeek, ...]:
    """The `weeks` ISO weeks up to the one holding `as_of`: each week's flows, the cumulative
    activations and the target in force at its end (the last week counted to `as_of`).

    Weeks before the first record are left out, so a new commune's chart starts with its data.
    """
    return _trends(store, as_of, unit_code, weeks)[0]


def _trends(
    store: Store, as_of: date, unit_code: str | None, weeks: int = TREND_WEEKS
) -> tuple[tuple[TrendWeek, ...], dict[str, tuple[TrendWeek, ...]]]:
    """The trend of everything asked for, and of each unit in it: the flows are read once, by
    unit and week (`eid_flows_by_week`)."""
    last = week_of(as_of)
    periods = [week_of(last.start - timedelta(days=7 * back)) for back in range(weeks - 1, -1, -1)]
    first = periods[0].start
    weekly: dict[str, list[list[int]]] = {}  # unit → per week: received, approved, activated
    before: dict[str, int] = {}  # unit → activations before the first week
    for row in q.eid_flows_by_week(store, first, as_of, unit_code):
        if row.week < 0:
            before[row.unit_code] = before.get(row.unit_code, 0) + row.activated
            continue
        flows = weekly.setdefault(row.unit_code, [[0, 0, 0] for _ in periods])[row.week]
        flows[0] += row.received
        flows[1] += row.approved
        flows[2] += row.activated
    targets = [q.level2_targets(store, min(p.end, as_of), unit_code) for p in periods]
    units = set(weekly) | set(before) | {u for t in targets for u in t}
    per_unit: dict[str, tuple[TrendWeek, ...]] = {}
    columns: list[list[TrendWeek]] = [[] for _ in periods]
    for unit in units:
        flows_of = weekly.get(unit) or [[0, 0, 0] for _ in periods]
        cumulative = before.get(unit, 0)
        trend = []
        for i, (period, (received, approved, activated)) in enumerate(
            zip(periods, flows_of, strict=True)
        ):
            cumulative += activated
            week = TrendWeek(
                start=period.start,
                end=min(period.end, as_of),
                received=received,
                approved=approved,
                activated=activated,
                cumulative_activated=cumulative,
                target=targets[i].get(unit),
            )
            trend.append(week)
            columns[i].append(week)
        per_unit[unit] = _from_first_data(trend)
    area = [
        TrendWeek(
            start=period.start,
            end=min(period.end, as_of),
            received=sum(w.received for w in column),
            approved=sum(w.approved for w in column),
            activated=sum(w.activated for w in column),
            cumulative_activated=sum(w.cumulative_activated for w in column),
            target=sum(targets[i].values()) if targets[i] else None,
        )
        for i, (period, column) in enumerate(zip(periods, columns, strict=True))
    ]
    return _from_first_data(area), per_unit


def _from_first_data(trend: list[TrendWeek]) -> tuple[TrendWeek, ...]:
    first = next(
        (i for i, w in enumerate(trend) if w.cumulative_activated or w.received or w.approved),
        len(trend),
    )
    return tuple(trend[first:])


def as_of_day(period: Period, today: date | None = None) -> date:
    """The day a summary of `period` is counted to: its last day, or today while it runs.

    Raises DomainError for a period that has not begun (there is nothing to count yet).
    """
    today = today or date.today()
    if period.start > today:
        raise DomainError(
            msg(
                "{label} chưa bắt đầu (hôm nay là {today}): chưa có gì để đếm. Hãy chọn một kỳ "
                "đến hôm nay.",
                "{label_en} has not begun (today is {today}): there is nothing to count yet. "
                "Choose a period up to today.",
                label=period.label("vi"),
                label_en=period.label("en"),
                today=format_date(today),
            )
        )
    return min(period.end, today)


class _Steps:
    """Reports progress and stops, between steps, once the user has cancelled."""

    def __init__(self, progress: Progress, cancelled: CancelCheck) -> None:
        self.progress, self.cancelled = progress, cancelled

    def step(self, fraction: float, text: str) -> None:
        if self.cancelled():
            raise Cancelled()
        self.progress(fraction, text)


def _reported(store: Store, raw: Raw) -> set[str]:
    """Communes the hub has heard from: a package received, or rows in these figures."""
    return {r.sender for r in received_packages(store) if r.kind == "up"} | raw.units()


def _unit_name(store: Store, code: str) -> str:
    """The official name ("Xã Tả Van"), else the profile's unit name, else the code."""
    try:
        return get_commune(code).name
    except (DomainError, KeyError, ValueError):
        pass
    profiles = store.list_records("commune", where={"unit_code": code}, limit=1)
    if profiles and profiles[0].get("unit_name"):
        return str(profiles[0]["unit_name"])
    return code
