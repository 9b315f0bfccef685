"""The weekly summary: every figure of the dashboard, the PDF, the Excel file and the hub.

`build_summary` asks the store for grouped counts (store.summary_queries; the counting rules
are in docs/ARCHITECTURE.md), turns them into per-unit figures, and lays the figures out as a
`Summary`. At a hub the area's figures are the sum of its communes' figures, built by the very
same code as each commune's own summary — so the hub cannot disagree with its communes.
Only counts leave this module: no names, ID numbers or phones.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field, replace
from datetime import date, timedelta
from typing import Any

from de06desk.domain.i18n import DomainError, Language, Msg, msg
from de06desk.domain.progress import CancelCheck, Cancelled, Progress, never_cancelled, no_progress
from de06desk.domain.text import fold
from de06desk.domain.units import get_commune
from de06desk.domain.weeks import Period, format_date, week_of
from de06desk.forms import FormSet
from de06desk.quality.checks import CHECK_LABELS, CHECKS, CRITERION_LABELS, run_checks
from de06desk.quality.checks import summary_counts as quality_counts
from de06desk.store import Store
from de06desk.store import summary_queries as q
from de06desk.store.sync_state import list_received as received_packages
from de06desk.store.sync_state import registered_communes
from de06desk.sync.audit_heads import audit_flags

from .formats import format_int, format_pct, period_words, report_language, report_language_now, t
from .model import Cell, ColumnKind, Headline, Scope, Section, Summary, Table, TrendWeek

# Spans asked of the store: this period, the previous one, cumulative to the end of each.
THIS, PREV, CUM, CUM_PREV = range(4)
# The four e-ID measures, in the order the store returns them.
LEVEL1, RECEIVED, APPROVED, ACTIVATED = range(4)
DRIVE_KINDS = ("office", "village", "school", "workplace")
SUPPORT_TYPES = ("vneid", "documents", "online_service", "cashless")
CRITERIA = ("dung", "du", "sach", "song")
NO_VILLAGE = "Không xác định thôn, tổ"
NO_REASON = "Chưa rõ lý do"
NO_SERVICE = "Chưa ghi dịch vụ"
NO_DATA_NOTE = "Chưa có số liệu"
TOTAL = "Tổng cộng"
CUMULATIVE = "Lũy kế"
# Weeks shown by the progress chart (a quarter: enough to see whether the target will be met).
TREND_WEEKS = 12
ACTIVATED_SHARE = "Hồ sơ mức 2 đã có tài khoản kích hoạt (lũy kế)"


def _zeros() -> list[list[int]]:
    return [[0, 0, 0, 0] for _ in range(4)]


@dataclass
class _Support:
    """Support figures of one group: sessions, people, and the breakdowns where recorded."""

    sessions: int = 0
    helped: int = 0
    women: int = 0
    elderly: int = 0
    minority: int = 0

    def add(self, other: _Support | q.SupportRow) -> None:
        self.sessions += other.sessions
        self.helped += other.helped
        self.women += other.women
        self.elderly += other.elderly
        self.minority += other.minority


@dataclass
class _Cleanup:
    """Cleanup figures of one criterion or error type in one period."""

    opened: int = 0
    verified: int = 0
    corrected: int = 0
    rejected: int = 0
    backlog: int = 0
    oldest_open: date | None = None

    def add(self, other: _Cleanup | q.CleanupRow) -> None:
        self.opened += other.opened
        self.verified += other.verified
        self.corrected += other.corrected
        self.rejected += other.rejected
        self.backlog += other.backlog
        if other.oldest_open and (self.oldest_open is None or other.oldest_open < self.oldest_open):
            self.oldest_open = other.oldest_open


@dataclass
class _Figures:
    """All numbers of one commune, or of a hub's area (places are then its communes)."""

    unit_code: str
    unit_name: str
    has_data: bool = True
    # Place label → [span][measure] e-ID counts; insertion order is the order shown.
    eid: dict[str, list[list[int]]] = field(default_factory=dict)
    reasons: Counter[str | None] = field(default_factory=Counter)
    drives: dict[str, list[int]] = field(default_factory=dict)  # kind → count per span
    target: int | None = None
    cleanup: dict[tuple[str, str], _Cleanup] = field(default_factory=dict)
    cleanup_prev: _Cleanup = field(default_factory=_Cleanup)
    support_places: dict[str, _Support] = field(default_factory=dict)
    support_types: dict[str, _Support] = field(default_factory=dict)
    support_services: dict[str | None, _Support] = field(default_factory=dict)
    support_prev: _Support = field(default_factory=_Support)
    quality: dict[str, int] | None = None

    def eid_total(self, span: int, measure: int) -> int:
        """One e-ID measure summed over places."""
        return sum(counts[span][measure] for counts in self.eid.values())

    def cleanup_total(self) -> _Cleanup:
        """This period's cleanup figures over every criterion and error type."""
        total = _Cleanup()
        for item in self.cleanup.values():
            total.add(item)
        return total

    def support_total(self) -> _Support:
        """This period's sessions (each counted once) and people helped."""
        total = _Support()
        for item in self.support_places.values():
            total.add(item)
        return total


@dataclass(frozen=True)
class _Raw:
    """What the store answered, for one unit or for every unit of a hub."""

    eid: list[q.EidRow]
    reasons: list[tuple[str, str | None, int]]
    drives: list[tuple[str, str, tuple[int, int, int]]]
    targets: dict[str, int]
    cleanup: list[q.CleanupRow]
    cleanup_prev: list[q.CleanupRow]
    support_places: list[q.SupportRow]
    support_types: list[q.SupportRow]
    support_services: list[q.SupportRow]
    support_prev: list[q.SupportRow]
    villages: list[q.VillageRow]


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
    raw = _gather(store, period, as_of, scope_unit, steps)
    if not is_hub or unit_code is not None:
        trend = weekly_trend(store, as_of, scope_unit)
    if not is_hub:
        figures = _unit_figures(raw, store.unit_code, _unit_name(store, store.unit_code))
        if quality:
            steps.step(0.7, t("Kiểm tra chất lượng dữ liệu"))
            findings = run_checks(store, today=as_of)
            figures.quality = quality_counts(findings)
        steps.step(0.95, t("Lập báo cáo"))
        return replace(_summary(store.forms, figures, period, as_of, "commune"), trend=trend)
    present = _reported(store, raw)
    if unit_code is not None:
        figures = _unit_figures(raw, unit_code, _unit_name(store, unit_code))
        figures.has_data = unit_code in present
        return replace(_summary(store.forms, figures, period, as_of, "commune"), trend=trend)
    codes = sorted((set(registered_communes(store)) | present) - {store.unit_code})
    parts = _split(raw)
    units: list[_Figures] = []
    for i, code in enumerate(codes):
        steps.step(0.6 + 0.3 * i / max(1, len(codes)), t("Tổng hợp từng xã"))
        figures = _unit_figures(parts.get(code, _NOTHING), code, _unit_name(store, code))
        figures.has_data = code in present
        units.append(figures)
    area = _merge(store.unit_code, store.get_meta("unit_name") or store.unit_code, units)
    steps.step(0.95, t("Lập báo cáo"))
    trend, unit_trends = _trends(store, as_of, None)
    summaries = tuple(
        replace(
            _summary(store.forms, u, period, as_of, "commune"),
            trend=unit_trends.get(u.unit_code, ()),
        )
        for u in units
    )
    hub = _summary(store.forms, area, period, as_of, "hub", units=units, unit_summaries=summaries)
    return _with_audit_flags(store, replace(hub, trend=trend))


_ROMAN = ("I", "II", "III", "IV", "V", "VI")


def _with_audit_flags(store: Store, summary: Summary) -> Summary:
    """A hub's report gains a short section when a commune's audit log was rewritten since
    an earlier sync (sync/audit_heads.py); with nothing flagged the report is as before."""
    flags = audit_flags(store)
    if not flags:
        return summary
    names = {code: _unit_name(store, code) for code in {f.unit_code for f in flags}}
    communes = sorted(names.values(), key=fold)
    section = Section(
        _ROMAN[len(summary.sections)],
        "Cảnh báo về nhật ký hoạt động của các xã",
        (
            f"Nhật ký hoạt động của {len(communes)} xã, phường không nối tiếp lần đồng bộ trước "
            f"({', '.join(communes)}): cần xác minh trực tiếp với xã trước khi dùng số liệu.",
        ),
        (
            _table(
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


def _gather(
    store: Store, period: Period, as_of: date, unit_code: str | None, steps: _Steps
) -> _Raw:
    previous = period.previous()
    steps.step(0.05, t("Đếm kết quả kích hoạt"))
    eid = q.eid_counts(store, period.start, as_of, previous.start, unit_code)
    reasons = q.not_activated_reasons(store, as_of, unit_code)
    drives = q.drives_by_kind(store, period.start, as_of, previous.start, unit_code)
    targets = q.level2_targets(store, as_of, unit_code)
    steps.step(0.3, t("Đếm hồ sơ làm sạch"))
    cleanup = q.cleanup_counts(store, period.start, as_of, unit_code)
    cleanup_prev = q.cleanup_counts(store, previous.start, previous.end, unit_code)
    steps.step(0.45, t("Đếm buổi hỗ trợ"))
    return _Raw(
        eid=eid,
        reasons=reasons,
        drives=drives,
        targets=targets,
        cleanup=cleanup,
        cleanup_prev=cleanup_prev,
        support_places=q.support_by_village(store, period.start, as_of, unit_code),
        support_types=q.support_by_type(store, period.start, as_of, unit_code),
        support_services=q.support_by_service(store, period.start, as_of, unit_code),
        support_prev=q.support_by_village(store, previous.start, previous.end, unit_code),
        villages=q.villages(store, unit_code),
    )


_NOTHING = _Raw([], [], [], {}, [], [], [], [], [], [], [])


def _split(raw: _Raw) -> dict[str, _Raw]:
    """The answers for many communes, one `_Raw` per commune (each row looked at once)."""
    lists: dict[str, dict[str, list[Any]]] = {}

    def put(name: str, unit: str, row: Any) -> None:
        lists.setdefault(unit, {}).setdefault(name, []).append(row)

    for row in raw.eid:
        put("eid", row.unit_code, row)
    for reason in raw.reasons:
        put("reasons", reason[0], reason)
    for drive in raw.drives:
        put("drives", drive[0], drive)
    for name in ("cleanup", "cleanup_prev"):
        for cleanup in getattr(raw, name):
            put(name, cleanup.unit_code, cleanup)
    for name in ("support_places", "support_types", "support_services", "support_prev"):
        for support in getattr(raw, name):
            put(name, support.unit_code, support)
    for village in raw.villages:
        put("villages", village.unit_code, village)
    for unit in raw.targets:
        lists.setdefault(unit, {})
    return {
        unit: replace(
            _NOTHING,
            targets={unit: raw.targets[unit]} if unit in raw.targets else {},
            **found,
        )
        for unit, found in lists.items()
    }


def _reported(store: Store, raw: _Raw) -> set[str]:
    """Communes the hub has heard from: a package received, or rows in these figures."""
    units = {r.sender for r in received_packages(store) if r.kind == "up"}
    units |= {r.unit_code for r in raw.eid} | {r.unit_code for r in raw.cleanup}
    units |= {r.unit_code for r in raw.support_places} | {v.unit_code for v in raw.villages}
    return units | {unit for unit, _kind, _counts in raw.drives} | set(raw.targets)


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


def _unit_figures(raw: _Raw, code: str, name: str) -> _Figures:
    """One commune's figures out of answers that may cover many communes."""
    figures = _Figures(code, name)
    names = {v.uuid: v.name for v in raw.villages if v.unit_code == code}
    live = sorted(
        (v for v in raw.villages if v.unit_code == code and not v.deleted),
        key=lambda v: (fold(v.name), v.uuid),
    )
    # Every live village is listed (a zero is news too); others only when figures point there.
    order = [v.uuid for v in live]

    def place(village: str | None) -> str:
        return names.get(village, t(NO_VILLAGE)) if village else t(NO_VILLAGE)

    seen = {place(u) for u in order}
    labels = [place(u) for u in order]
    extra: list[str] = []
    for village in [r.village for r in raw.eid if r.unit_code == code] + [
        r.key for r in raw.support_places if r.unit_code == code
    ]:
        label = place(village)
        if label not in seen:
            seen.add(label)
            extra.append(label)
    extra.sort(key=lambda label: (label == t(NO_VILLAGE), fold(label)))
    for label in labels + extra:
        figures.eid[label] = _zeros()
        figures.support_places[label] = _Support()
    for row in raw.eid:
        if row.unit_code == code:
            counts = figures.eid[place(row.village)]
            for span, values in enumerate(row.counts):
                for measure, value in enumerate(values):
                    counts[span][measure] += value
    for unit, reason, count in raw.reasons:
        if unit == code:
            figures.reasons[reason] += count
    figures.drives = {kind: [0, 0, 0] for kind in DRIVE_KINDS}
    for unit, kind, counts in raw.drives:
        if unit == code:
            current = figures.drives.setdefault(kind, [0, 0, 0])
            figures.drives[kind] = [a + b for a, b in zip(current, counts, strict=True)]
    figures.target = raw.targets.get(code)
    for row in raw.cleanup:
        if row.unit_code == code:
            figures.cleanup.setdefault((row.criterion, row.error_type), _Cleanup()).add(row)
    for row in raw.cleanup_prev:
        if row.unit_code == code:
            figures.cleanup_prev.add(row)
    for row in raw.support_places:
        if row.unit_code == code:
            figures.support_places[place(row.key)].add(row)
    for row in raw.support_prev:
        if row.unit_code == code:
            figures.support_prev.add(row)
    for kind in SUPPORT_TYPES:
        figures.support_types[kind] = _Support()
    for row in raw.support_types:
        if row.unit_code == code:
            figures.support_types.setdefault(str(row.key), _Support()).add(row)
    for row in raw.support_services:
        if row.unit_code == code:
            figures.support_services.setdefault(row.key, _Support()).add(row)
    return figures


def _merge(code: str, name: str, units: Sequence[_Figures]) -> _Figures:
    """A hub's area: the sum of its communes, with one place per commune."""
    area = _Figures(code, name)
    area.drives = {kind: [0, 0, 0] for kind in DRIVE_KINDS}
    area.support_types = {kind: _Support() for kind in SUPPORT_TYPES}
    targets = [u.target for u in units if u.target is not None]
    area.target = sum(targets) if targets else None
    for unit in units:
        place = unit.unit_name
        counts = _zeros()
        for values in unit.eid.values():
            for span in range(4):
                for measure in range(4):
                    counts[span][measure] += values[span][measure]
        area.eid[place] = counts
        area.reasons.update(unit.reasons)
        for kind, values in unit.drives.items():
            current = area.drives.setdefault(kind, [0, 0, 0])
            area.drives[kind] = [a + b for a, b in zip(current, values, strict=True)]
        for key, item in unit.cleanup.items():
            area.cleanup.setdefault(key, _Cleanup()).add(item)
        area.cleanup_prev.add(unit.cleanup_prev)
        area.support_places[place] = unit.support_total()
        area.support_prev.add(unit.support_prev)
        for kind, item in unit.support_types.items():
            area.support_types.setdefault(kind, _Support()).add(item)
        for service, item in unit.support_services.items():
            area.support_services.setdefault(service, _Support()).add(item)
    return area


# ---- laying the figures out ----------------------------------------------------------------


def _rate(part: int, whole: int | None) -> float | None:
    return part / whole if whole else None


def _pct_text(value: float | None) -> str:
    return format_pct(value) if value is not None else "–"


def _lower_first(label: str) -> str:
    """A label inside a sentence: "Cài đặt VNeID" → "cài đặt VNeID" (acronyms kept)."""
    return label[:1].lower() + label[1:]


def _within(period: Period) -> str:
    return {"week": t("Trong tuần"), "month": t("Trong tháng")}.get(period.kind, t("Trong kỳ"))


def _before(period: Period) -> str:
    return {"week": t("tuần trước"), "month": t("tháng trước")}.get(period.kind, t("kỳ trước"))


def _table(
    key: str,
    title: str,
    columns: Iterable[tuple[str, ColumnKind]],
    rows: Iterable[Sequence[Cell]],
    *,
    total: Sequence[Cell] | None = None,
) -> Table:
    heads = tuple(columns)
    body = [tuple(r) for r in rows]
    if total is not None:
        body.append(tuple(total))
    return Table(
        key=key,
        title=title,
        columns=tuple(h for h, _ in heads),
        kinds=tuple(k for _, k in heads),
        rows=tuple(body),
        total_row=total is not None,
    )


def _labeller(forms: FormSet, form_id: str, field_name: str) -> Callable[[str | None], str]:
    spec = forms[form_id].field(field_name)
    lang = report_language_now()
    return lambda value: spec.choice_label(value, lang)


def _label(label: Msg) -> str:
    """A bilingual label of the quality checks in the report language."""
    return label.en if report_language_now() == "en" else label.vi


def _summary(
    forms: FormSet,
    f: _Figures,
    period: Period,
    as_of: date,
    scope: Scope,
    *,
    units: Sequence[_Figures] = (),
    unit_summaries: tuple[Summary, ...] = (),
) -> Summary:
    now_word, before_word = period_words(period)
    place_head = t("Xã, phường") if scope == "hub" else t("Thôn, tổ dân phố")
    sections = [
        _eid_section(forms, f, period, as_of, scope, place_head, units),
        _cleanup_section(forms, f, period, as_of, now_word, before_word),
        _support_section(forms, f, period, scope, place_head),
    ]
    if f.quality is not None:
        sections.append(_quality_section(f.quality))
    numbered = tuple(
        Section(number, s.title, s.paragraphs, s.tables)
        for number, s in zip(("I", "II", "III", "IV"), sections, strict=False)
    )
    return Summary(
        period=period,
        unit_code=f.unit_code,
        unit_name=f.unit_name,
        scope=scope,
        headlines=_headlines(f),
        sections=numbered,
        activations_by_place=tuple(
            (place, counts[THIS][ACTIVATED]) for place, counts in f.eid.items()
        ),
        compare=_compare(f),
        units=unit_summaries,
        as_of=as_of,
        lang=report_language_now(),
    )


def _headlines(f: _Figures) -> tuple[Headline, ...]:
    cleanup = f.cleanup_total()
    support = f.support_total()

    def eid(measure: int) -> tuple[int, int]:
        return f.eid_total(THIS, measure), f.eid_total(PREV, measure)

    return (
        Headline("received", t("Hồ sơ mức 2 tiếp nhận"), *eid(RECEIVED)),
        Headline("approved", t("Hồ sơ mức 2 được phê duyệt"), *eid(APPROVED)),
        Headline("activated", t("Tài khoản mức 2 kích hoạt"), *eid(ACTIVATED)),
        # Of every level-2 application received so far, the share with an active account.
        # (This week's activations over this week's applications mixed two weeks' flows and
        # read 112,5% when last week's applications were activated this week.)
        Headline(
            "activated_share",
            t(ACTIVATED_SHARE),
            _rate(f.eid_total(CUM, ACTIVATED), f.eid_total(CUM, RECEIVED)),
            _rate(f.eid_total(CUM_PREV, ACTIVATED), f.eid_total(CUM_PREV, RECEIVED)),
            kind="pct",
        ),
        Headline(
            "activated_cumulative",
            t("Tài khoản mức 2 đã kích hoạt (lũy kế)"),
            f.eid_total(CUM, ACTIVATED),
            f.eid_total(CUM_PREV, ACTIVATED),
            target=f.target,
        ),
        Headline("level1", t("Tài khoản mức 1 đăng ký"), *eid(LEVEL1)),
        Headline(
            "cleanup_backlog", t("Hồ sơ làm sạch tồn đọng"), cleanup.backlog, f.cleanup_prev.backlog
        ),
        Headline(
            "cleanup_closed",
            t("Hồ sơ làm sạch đã xử lý xong"),
            cleanup.corrected + cleanup.rejected,
            f.cleanup_prev.corrected + f.cleanup_prev.rejected,
        ),
        Headline(
            "support_sessions",
            t("Buổi hỗ trợ người dân"),
            support.sessions,
            f.support_prev.sessions,
        ),
        Headline(
            "support_helped", t("Lượt người dân được hỗ trợ"), support.helped, f.support_prev.helped
        ),
    )


def _compare(f: _Figures) -> tuple[tuple[str, int, int], ...]:
    cleanup = f.cleanup_total()
    support = f.support_total()
    return (
        (t("Mức 1"), f.eid_total(PREV, LEVEL1), f.eid_total(THIS, LEVEL1)),
        (t("Tiếp nhận"), f.eid_total(PREV, RECEIVED), f.eid_total(THIS, RECEIVED)),
        (t("Phê duyệt"), f.eid_total(PREV, APPROVED), f.eid_total(THIS, APPROVED)),
        (t("Kích hoạt"), f.eid_total(PREV, ACTIVATED), f.eid_total(THIS, ACTIVATED)),
        (
            t("Làm sạch xong"),
            f.cleanup_prev.corrected + f.cleanup_prev.rejected,
            cleanup.corrected + cleanup.rejected,
        ),
        (t("Người được hỗ trợ"), f.support_prev.helped, support.helped),
    )


def _eid_section(
    forms: FormSet,
    f: _Figures,
    period: Period,
    as_of: date,
    scope: str,
    place_head: str,
    units: Sequence[_Figures],
) -> Section:
    now_word, before_word = period_words(period)
    w = {m: f.eid_total(THIS, m) for m in range(4)}
    p = {m: f.eid_total(PREV, m) for m in range(4)}
    c = {m: f.eid_total(CUM, m) for m in range(4)}
    cp = {m: f.eid_total(CUM_PREV, m) for m in range(4)}
    measures = (
        (LEVEL1, t("Tài khoản mức 1 đăng ký")),
        (RECEIVED, t("Hồ sơ mức 2 tiếp nhận")),
        (APPROVED, t("Hồ sơ mức 2 được phê duyệt")),
        (ACTIVATED, t("Tài khoản mức 2 đã kích hoạt")),
    )
    tables = [
        _table(
            "eid_overview",
            t("Kết quả cấp, kích hoạt tài khoản định danh điện tử"),
            [
                (t("Nội dung"), "text"),
                (now_word, "int"),
                (before_word, "int"),
                (t(CUMULATIVE), "int"),
            ],
            [(label, w[m], p[m], c[m]) for m, label in measures],
        ),
        _table(
            "eid_rates",
            t("Tỷ lệ kích hoạt (lũy kế)"),
            [
                (t("Tỷ lệ"), "text"),
                (t("Đến ngày {d}").format(d=format_date(as_of)), "pct"),
                (t("Đến ngày {d}").format(d=format_date(period.previous().end)), "pct"),
            ],
            [
                (
                    t("Hồ sơ mức 2 đã tiếp nhận có tài khoản kích hoạt"),
                    _rate(c[ACTIVATED], c[RECEIVED]),
                    _rate(cp[ACTIVATED], cp[RECEIVED]),
                ),
                (
                    t("Tài khoản đã kích hoạt so với chỉ tiêu"),
                    _rate(c[ACTIVATED], f.target),
                    _rate(cp[ACTIVATED], f.target),
                ),
            ],
        ),
        _table(
            "eid_target",
            t("Thực hiện chỉ tiêu tài khoản định danh điện tử mức 2 được kích hoạt"),
            [
                (t("Chỉ tiêu"), "int"),
                (t("Đã kích hoạt (lũy kế)"), "int"),
                (t("Còn phải thực hiện"), "int"),
                (t("Tỷ lệ hoàn thành"), "pct"),
            ],
            [
                (
                    f.target,
                    c[ACTIVATED],
                    max(0, f.target - c[ACTIVATED]) if f.target is not None else None,
                    _rate(c[ACTIVATED], f.target),
                )
            ],
        ),
    ]
    if scope == "hub":
        tables.append(_ranking(units))
    by_place_key = "eid_by_unit" if scope == "hub" else "eid_by_village"
    tables.append(
        _table(
            by_place_key,
            t("Kết quả theo xã, phường" if scope == "hub" else "Kết quả theo thôn, tổ dân phố"),
            [
                (place_head, "text"),
                (t("Tiếp nhận ({now})").format(now=now_word.lower()), "int"),
                (t("Phê duyệt ({now})").format(now=now_word.lower()), "int"),
                (t("Kích hoạt ({now})").format(now=now_word.lower()), "int"),
                (t("Tiếp nhận (lũy kế)"), "int"),
                (t("Kích hoạt (lũy kế)"), "int"),
                (t("Tỷ lệ kích hoạt (lũy kế)"), "pct"),
            ],
            [
                (
                    place,
                    v[THIS][RECEIVED],
                    v[THIS][APPROVED],
                    v[THIS][ACTIVATED],
                    v[CUM][RECEIVED],
                    v[CUM][ACTIVATED],
                    _rate(v[CUM][ACTIVATED], v[CUM][RECEIVED]),
                )
                for place, v in f.eid.items()
            ],
            total=(
                t(TOTAL),
                w[RECEIVED],
                w[APPROVED],
                w[ACTIVATED],
                c[RECEIVED],
                c[ACTIVATED],
                _rate(c[ACTIVATED], c[RECEIVED]),
            ),
        )
    )
    reason_label = _labeller(forms, "drive_roster", "failure_reason")
    reason_order = [o.value for o in forms["drive_roster"].field("failure_reason").choices]
    reasons = sorted(
        ((r, n) for r, n in f.reasons.items() if n),
        key=lambda item: (
            item[0] is None,
            reason_order.index(item[0]) if item[0] in reason_order else len(reason_order),
            str(item[0]),
        ),
    )
    not_activated = sum(f.reasons.values())
    tables.append(
        _table(
            "eid_not_activated",
            t("Hồ sơ đã phê duyệt hoặc không đạt, chưa kích hoạt (đến ngày {d})").format(
                d=format_date(as_of)
            ),
            [(t("Lý do"), "text"), (t("Số công dân"), "int")],
            [(reason_label(r) if r else t(NO_REASON), n) for r, n in reasons],
            total=(t(TOTAL), not_activated),
        )
    )
    kind_label = _labeller(forms, "activation_drive", "kind")
    tables.append(
        _table(
            "eid_drives",
            t("Số đợt cấp, kích hoạt tài khoản theo hình thức"),
            [
                (t("Hình thức"), "text"),
                (now_word, "int"),
                (before_word, "int"),
                (t(CUMULATIVE), "int"),
            ],
            [(kind_label(k), *f.drives[k]) for k in f.drives],
            total=(t(TOTAL), *(sum(v[i] for v in f.drives.values()) for i in range(3))),
        )
    )
    within = _within(period)
    drive_parts = ", ".join(
        f"{_lower_first(kind_label(k))} {format_int(v[0])}" for k, v in f.drives.items() if v[0]
    )
    drives_now = sum(v[0] for v in f.drives.values())
    paragraphs = [
        t(
            "{within}, tiếp nhận {received} hồ sơ mức 2, phê duyệt {approved}, kích hoạt "
            "{activated} tài khoản; đăng ký {level1} tài khoản mức 1. So với {before}: tiếp "
            "nhận {received_before}, kích hoạt {activated_before}."
        ).format(
            within=within,
            received=format_int(w[RECEIVED]),
            approved=format_int(w[APPROVED]),
            activated=format_int(w[ACTIVATED]),
            level1=format_int(w[LEVEL1]),
            before=_before(period),
            received_before=format_int(p[RECEIVED]),
            activated_before=format_int(p[ACTIVATED]),
        ),
        t("Tổ chức {n} đợt cấp, kích hoạt tài khoản").format(n=format_int(drives_now))
        + (f" ({drive_parts})." if drive_parts else "."),
    ]
    cumulative = t(
        "Lũy kế đến ngày {d}: tiếp nhận {received} hồ sơ mức 2, kích hoạt {activated} tài "
        "khoản ({share} số hồ sơ đã tiếp nhận)"
    ).format(
        d=format_date(as_of),
        received=format_int(c[RECEIVED]),
        activated=format_int(c[ACTIVATED]),
        share=_pct_text(_rate(c[ACTIVATED], c[RECEIVED])),
    )
    if f.target is not None:
        cumulative += t(", đạt {share} chỉ tiêu ({target} tài khoản).").format(
            share=_pct_text(_rate(c[ACTIVATED], f.target)), target=format_int(f.target)
        )
    else:
        cumulative += t("; chưa có chỉ tiêu được giao cho thời điểm này.")
    paragraphs.append(cumulative)
    if not_activated:
        top, top_n = max(reasons, key=lambda item: item[1])
        top_label = reason_label(top) if top else t(NO_REASON)
        paragraphs.append(
            t(
                "Còn {n} công dân đã phê duyệt hoặc không đạt nhưng chưa kích hoạt; lý do nhiều "
                "nhất: {reason} ({top})."
            ).format(
                n=format_int(not_activated), reason=_lower_first(top_label), top=format_int(top_n)
            )
        )
    if scope == "hub":
        silent = [u.unit_name for u in units if not u.has_data]
        paragraphs.append(
            t("Số xã, phường trên địa bàn: {n}; chưa có số liệu: ").format(n=format_int(len(units)))
            + (", ".join(silent) + "." if silent else t("không."))
        )
    return Section(
        "",
        t("Kết quả cấp, kích hoạt tài khoản định danh điện tử"),
        tuple(paragraphs),
        tuple(tables),
    )


def _ranking(units: Sequence[_Figures]) -> Table:
    """Communes by completion of their target (best first); no target or no data come last."""

    def key(u: _Figures) -> tuple[bool, float, int, str]:
        rate = _rate(u.eid_total(CUM, ACTIVATED), u.target)
        return (rate is None, -(rate or 0.0), -u.eid_total(CUM, ACTIVATED), u.unit_code)

    rows = []
    for rank, u in enumerate(sorted(units, key=key), start=1):
        cum = u.eid_total(CUM, ACTIVATED)
        rows.append(
            (
                rank,
                u.unit_name,
                u.eid_total(THIS, ACTIVATED),
                cum,
                u.target,
                _rate(cum, u.target),
                "" if u.has_data else t(NO_DATA_NOTE),
            )
        )
    return _table(
        "ranking",
        t("Xếp hạng các xã, phường theo tỷ lệ hoàn thành chỉ tiêu kích hoạt"),
        [
            (t("Hạng"), "int"),
            (t("Xã, phường"), "text"),
            (t("Kích hoạt trong kỳ"), "int"),
            (t("Kích hoạt (lũy kế)"), "int"),
            (t("Chỉ tiêu"), "int"),
            (t("Tỷ lệ so với chỉ tiêu"), "pct"),
            (t("Ghi chú"), "text"),
        ],
        rows,
    )


def _cleanup_section(
    forms: FormSet, f: _Figures, period: Period, as_of: date, now_word: str, before_word: str
) -> Section:
    total = f.cleanup_total()
    prev = f.cleanup_prev
    end = as_of
    criterion_label = _labeller(forms, "cleanup_case", "criterion")
    error_label = _labeller(forms, "cleanup_case", "error_type")
    by_criterion: dict[str, _Cleanup] = {c: _Cleanup() for c in CRITERIA}
    by_error: dict[str, _Cleanup] = {}
    for (criterion, error), item in f.cleanup.items():
        by_criterion.setdefault(criterion, _Cleanup()).add(item)
        by_error.setdefault(error, _Cleanup()).add(item)
    error_order = [o.value for o in forms["cleanup_case"].field("error_type").choices]

    def age(item: _Cleanup) -> int | None:
        return (end - item.oldest_open).days if item.oldest_open else None

    tables = [
        _table(
            "cleanup_overview",
            t("Kết quả làm sạch dữ liệu dân cư"),
            [(t("Nội dung"), "text"), (now_word, "int"), (before_word, "int")],
            [
                (t("Trường hợp phát hiện mới"), total.opened, prev.opened),
                (t("Đã xác minh, đang xử lý"), total.verified, prev.verified),
                (t("Đã chỉnh sửa"), total.corrected, prev.corrected),
                (t("Xác định không phải sai sót"), total.rejected, prev.rejected),
                (t("Tồn đọng cuối kỳ"), total.backlog, prev.backlog),
            ],
        ),
        _table(
            "cleanup_by_criterion",
            t("Theo tiêu chí “đúng, đủ, sạch, sống”"),
            [
                (t("Tiêu chí"), "text"),
                (t("Phát hiện mới"), "int"),
                (t("Đã chỉnh sửa"), "int"),
                (t("Không phải sai sót"), "int"),
                (t("Tồn đọng"), "int"),
                (t("Lâu nhất (ngày)"), "days"),
            ],
            [
                (
                    criterion_label(c),
                    item.opened,
                    item.corrected,
                    item.rejected,
                    item.backlog,
                    age(item),
                )
                for c, item in by_criterion.items()
            ],
            total=(
                t(TOTAL),
                total.opened,
                total.corrected,
                total.rejected,
                total.backlog,
                age(total),
            ),
        ),
        _table(
            "cleanup_backlog",
            t("Trường hợp tồn đọng theo loại sai sót (đến ngày {d})").format(d=format_date(end)),
            [(t("Loại sai sót"), "text"), (t("Tồn đọng"), "int"), (t("Lâu nhất (ngày)"), "days")],
            [
                (error_label(e), item.backlog, age(item))
                for e, item in sorted(
                    by_error.items(),
                    key=lambda kv: (
                        error_order.index(kv[0]) if kv[0] in error_order else len(error_order)
                    ),
                )
                if item.backlog
            ],
            total=(t(TOTAL), total.backlog, age(total)),
        ),
    ]
    within = _within(period)
    text = [
        t(
            "{within}, phát hiện mới {opened} trường hợp cần làm sạch; đã chỉnh sửa "
            "{corrected}, xác định không phải sai sót {rejected}; {verified} trường hợp đã "
            "xác minh đang xử lý."
        ).format(
            within=within,
            opened=format_int(total.opened),
            corrected=format_int(total.corrected),
            rejected=format_int(total.rejected),
            verified=format_int(total.verified),
        )
    ]
    if total.backlog:
        parts = ", ".join(
            f"{_lower_first(criterion_label(c))} {format_int(item.backlog)}"
            for c, item in by_criterion.items()
            if item.backlog
        )
        text.append(
            t(
                "Đến ngày {d} còn tồn đọng {n} trường hợp ({parts}); trường hợp lâu nhất đã "
                "{days} ngày."
            ).format(
                d=format_date(end),
                n=format_int(total.backlog),
                parts=parts,
                days=format_int(age(total) or 0),
            )
        )
    else:
        text.append(t("Đến ngày {d} không còn trường hợp tồn đọng.").format(d=format_date(end)))
    return Section("", t("Làm sạch dữ liệu dân cư"), tuple(text), tuple(tables))


def _support_section(
    forms: FormSet, f: _Figures, period: Period, scope: str, place_head: str
) -> Section:
    total = f.support_total()
    type_label = _labeller(forms, "support_session", "support_types")
    service_label = _labeller(forms, "support_session", "public_service")
    service_order = [o.value for o in forms["support_session"].field("public_service").choices]
    services = sorted(
        ((s, item) for s, item in f.support_services.items() if item.sessions),
        key=lambda kv: (
            kv[0] is None,
            service_order.index(kv[0]) if kv[0] in service_order else len(service_order),
        ),
    )
    tables = [
        _table(
            "support_by_type",
            t("Hỗ trợ người dân theo nội dung (một buổi có thể hỗ trợ nhiều nội dung)"),
            [
                (t("Nội dung hỗ trợ"), "text"),
                (t("Số buổi"), "int"),
                (t("Số người được hỗ trợ"), "int"),
            ],
            [(type_label(k), item.sessions, item.helped) for k, item in f.support_types.items()],
            total=(t("Tổng số (không tính trùng)"), total.sessions, total.helped),
        ),
        _table(
            "support_online_services",
            t("Dịch vụ công trực tuyến được hỗ trợ"),
            [
                (t("Dịch vụ công"), "text"),
                (t("Số buổi"), "int"),
                (t("Số người được hỗ trợ"), "int"),
            ],
            [
                (service_label(s) if s else t(NO_SERVICE), item.sessions, item.helped)
                for s, item in services
            ],
            total=(
                t(TOTAL),
                sum(item.sessions for _, item in services),
                sum(item.helped for _, item in services),
            ),
        ),
        _table(
            "support_by_unit" if scope == "hub" else "support_by_village",
            t(
                "Hỗ trợ người dân theo xã, phường"
                if scope == "hub"
                else "Hỗ trợ người dân theo thôn, tổ dân phố"
            ),
            [
                (place_head, "text"),
                (t("Số buổi"), "int"),
                (t("Số người được hỗ trợ"), "int"),
                (t("Trong đó nữ"), "int"),
                (t("Người cao tuổi"), "int"),
                (t("Người dân tộc thiểu số"), "int"),
            ],
            [
                (place, item.sessions, item.helped, item.women, item.elderly, item.minority)
                for place, item in f.support_places.items()
            ],
            total=(
                t(TOTAL),
                total.sessions,
                total.helped,
                total.women,
                total.elderly,
                total.minority,
            ),
        ),
    ]
    within = _within(period)
    if total.sessions:
        parts = "; ".join(
            t("{what} {n} người").format(
                what=_lower_first(type_label(k)), n=format_int(item.helped)
            )
            for k, item in f.support_types.items()
            if item.sessions
        )
        text = [
            t("{within}, tổ chức {n} buổi hỗ trợ, giúp {helped} lượt người dân ({parts}).").format(
                within=within,
                n=format_int(total.sessions),
                helped=format_int(total.helped),
                parts=parts,
            ),
            t(
                "Trong đó nữ {women}, người cao tuổi {elderly}, người dân tộc thiểu số "
                "{minority} (theo số liệu được ghi nhận)."
            ).format(
                women=format_int(total.women),
                elderly=format_int(total.elderly),
                minority=format_int(total.minority),
            ),
        ]
    else:
        text = [t("{within} chưa ghi nhận buổi hỗ trợ người dân nào.").format(within=within)]
    return Section("", t("Hỗ trợ người dân"), tuple(text), tuple(tables))


def _quality_section(counts: dict[str, int]) -> Section:
    by_criterion: Counter[str] = Counter()
    for check, n in counts.items():
        by_criterion[CHECKS[check][0]] += n
    total = sum(counts.values())
    table = _table(
        "quality_checks",
        t("Kết quả kiểm tra chất lượng dữ liệu (số trường hợp)"),
        [(t("Tiêu chí"), "text"), (t("Nội dung kiểm tra"), "text"), (t("Số trường hợp"), "int")],
        [
            (_label(CRITERION_LABELS[CHECKS[check][0]]), _label(CHECK_LABELS[check]), n)
            for check, n in counts.items()
        ],
        total=(t(TOTAL), "", total),
    )
    parts = ", ".join(
        f"{_lower_first(_label(CRITERION_LABELS[c]))} {format_int(by_criterion[c])}"
        for c in CRITERIA
    )
    text = (
        t("Kiểm tra tự động phát hiện {n} trường hợp dữ liệu cần rà soát ({parts}).").format(
            n=format_int(total), parts=parts
        ),
    )
    return Section("", t("Chất lượng dữ liệu"), text, (table,))
