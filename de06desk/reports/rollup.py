"""Figures upward: a hub's summary package for its upper hub, and the upper hub taking one.

Above a hub only figures travel (docs/SYNC.md §9; DESIGN §8: the least personal data that
does the job). A hub's summary package holds, for each week it covers, one line per commune:
the commune's `UnitFigures` — the very numbers of the hub's weekly report, built from the
figure declarations — whether the hub holds the commune's records or received its figures
from a hub below (then `via` names the hubs in between). So any depth of chain consolidates:
a national hub takes province packages that carry district and commune figures, and a figure
at any tier is the sum of the tier below. No name, ID number or phone is in a line: only unit
codes and names, village names, choice values and counts.

Line (UTF-8 JSON, one per week and commune):
`{"week": "2026-11-16", "as_of": "2026-11-18", "via": ["D01"], "unit": {UnitFigures.to_json}}`.
"""

from __future__ import annotations

import json
import logging
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path
from typing import Any

from de06desk.domain.i18n import DomainError, msg
from de06desk.domain.progress import CancelCheck, Cancelled, Progress, never_cancelled, no_progress
from de06desk.domain.text import printable
from de06desk.domain.weeks import Period, week_of
from de06desk.store import Store, StoreError
from de06desk.store import summaries as held
from de06desk.store import sync_state as state
from de06desk.store.database import SYSTEM_USER
from de06desk.sync.errors import PackageRefused, SyncError
from de06desk.sync.export import ExportResult, MemberPlan, write_package
from de06desk.sync.importer import ImportOutcome
from de06desk.sync.keys import hub_key, is_unit_code
from de06desk.sync.package import SUMMARY_NAME, parse_time, refused
from de06desk.sync.upward import OpenedSummary, already, open_summary, record_summary

from .figures import UnitFigures, received
from .summary import TREND_WEEKS, as_of_day, hub_communes, lower_hubs

# Weeks in a hub's first summary package (later ones start at the week of the last one sent:
# figures of a week may still change after it was sent). `--weeks` asks for more, up to a year.
FIRST_WEEKS = TREND_WEEKS
MAX_WEEKS = 53
# Hubs between a sender and a commune: commune → district → province → national is one.
MAX_VIA = 8
_LINE_KEYS = {"week", "as_of", "via", "unit"}
_log = logging.getLogger(__name__)
_log.addHandler(logging.NullHandler())


@dataclass(frozen=True, kw_only=True)
class SummaryExport:
    """A summary package written and verified."""

    result: ExportResult
    weeks: tuple[Period, ...]
    communes: int
    lines: int


def export_summary(
    store: Store,
    out_dir: Path,
    *,
    weeks: int | None = None,
    today: date | None = None,
    progress: Progress = no_progress,
    cancelled: CancelCheck = never_cancelled,
    user: str = SYSTEM_USER,
) -> SummaryExport:
    """At a hub: write the weekly figures of every commune it reports for (its own and those
    hubs below sent it) as one summary package for its upper hub (`keys set-hub`).

    Covers the `weeks` weeks up to this one; by default from the week of the last summary
    package sent (a week's figures may change after it was sent), or `FIRST_WEEKS` weeks the
    first time. Raises SyncError (not a hub, no upper hub), `Cancelled`.
    """
    if store.role != "hub":
        raise SyncError(
            msg(
                "Chỉ cơ sở dữ liệu cấp trên mới gửi số liệu tổng hợp; xã gửi gói bằng "
                "“sync export” như thường lệ.",
                "Only a hub sends summary figures; a commune's “sync export” is unchanged.",
            )
        )
    upper = hub_key(store)
    if upper is None:
        raise SyncError(
            msg(
                "Chưa đặt cấp trên của đơn vị này: hãy nhập tệp khóa của cấp trên "
                "(keys set-hub) trước.",
                "No upper hub yet: import the upper hub's key file (keys set-hub) first.",
            )
        )
    today = today or date.today()
    periods = weeks_to_send(store, upper.unit_code, today, weeks)
    communes: set[str] = set()
    lines = 0

    def chunks() -> Iterator[bytes]:
        nonlocal lines
        for i, period in enumerate(periods):
            if cancelled():
                raise Cancelled()
            progress(0.9 * i / len(periods), period.label())
            as_of = as_of_day(period, today)
            out = [summary_line(period, as_of, (), u) for u in hub_communes(store, period, as_of)]
            out += [
                summary_line(period, r.as_of, (r.sender, *r.via), r.figures)
                for r in received(store, period.start)
            ]
            communes.update(json.loads(line)["unit"]["unit_code"] for line in out)
            lines += len(out)
            yield b"".join(out)

    result = write_package(
        store,
        out_dir,
        kind="summary",
        recipient=upper,
        plans=[MemberPlan(name=SUMMARY_NAME, chunks=chunks)],
        change_from=0,
        change_to=0,
        full=True,
        progress=lambda f, _t: progress(max(0.9, f), ""),
        cancelled=cancelled,
        user=user,
    )
    return SummaryExport(result=result, weeks=tuple(periods), communes=len(communes), lines=lines)


def weeks_to_send(store: Store, upper: str, today: date, weeks: int | None) -> list[Period]:
    """The ISO weeks a summary package covers, oldest first, ending with today's week."""
    this = week_of(today)
    if weeks is not None and not 1 <= weeks <= MAX_WEEKS:
        raise SyncError(
            msg("Số tuần phải từ 1 đến {m}.", "The number of weeks must be 1 to {m}.", m=MAX_WEEKS)
        )
    sent = [s.created_at for s in state.list_sent(store, upper) if s.kind == "summary"]
    if weeks is None and sent:
        first = week_of(min(today, date.fromisoformat(max(sent)[:10]))).start
    else:
        first = this.start - timedelta(days=7 * ((weeks or FIRST_WEEKS) - 1))
    count = (this.start - first).days // 7 + 1
    return [week_of(first + timedelta(days=7 * i)) for i in range(count)]


def summary_line(period: Period, as_of: date, via: Sequence[str], unit: UnitFigures) -> bytes:
    """One line of a summary package: `unit`'s figures for `period` counted to `as_of`."""
    data = {
        "week": period.start.isoformat(),
        "as_of": as_of.isoformat(),
        "via": list(via),
        "unit": unit.to_json(),
    }
    return json.dumps(data, ensure_ascii=False, separators=(",", ":")).encode("utf-8") + b"\n"


# ---- at the upper hub ------------------------------------------------------------------------


def import_summaries(
    store: Store, paths: Sequence[Path], *, authorize: Callable[[], str]
) -> list[ImportOutcome]:
    """Import summary packages one by one, each all-or-nothing, one outcome each.

    `authorize` logs the acting user in; it is called once every check of the first package
    that passed them has passed, so a run of refused packages writes nothing.
    """
    outcomes = []
    for path in paths:
        try:
            outcomes.append(_import_one(store, path, authorize))
        except DomainError as exc:
            text = " ".join(str(exc).split())
            outcomes.append(ImportOutcome(path=path, status="refused", message=text))
        except Exception as exc:  # one outcome per package, whatever failed
            _log.error("Importing %s failed", path.name, exc_info=exc)
            unexpected = msg(
                "Lỗi không lường trước khi nhập gói ({e}); gói chưa được nhập.",
                "Unexpected error while importing the package ({e}); it was not imported.",
                e=type(exc).__name__,
            )
            outcomes.append(ImportOutcome(path=path, status="refused", message=str(unexpected)))
    return outcomes


def _import_one(store: Store, path: Path, authorize: Callable[[], str]) -> ImportOutcome:
    opened = open_summary(store, path)
    if isinstance(opened, ImportOutcome):
        return opened
    header = opened.header
    created = parse_time(header.created_at)
    latest = (created.date() if created else date.today()) + timedelta(days=1)
    rows: list[held.SummaryRow] = []
    for number, line in enumerate(opened.lines(), start=1):
        try:
            rows.append(_parse_line(line, opened, latest))
        except (ValueError, TypeError, UnicodeDecodeError, RecursionError) as exc:
            raise refused(
                "Gói có dòng số liệu sai (dòng {n}: {e}); gói bị từ chối.",
                "The package has a malformed figures line (line {n}: {e}); refused.",
                n=number,
                e=printable(str(exc), 120),
            ) from None
    _check_communes(store, header.sender, rows)
    username = authorize()
    try:
        with state.write_transaction(store):
            if state.is_received(store, opened.digest):
                return already(path, header)
            written = held.put_summaries(store, rows)
            record_summary(store, opened, len(rows), username)
    except StoreError as exc:
        raise PackageRefused(exc.message) from None
    weeks = len({r.week for r in rows})
    communes = len({r.unit_code for r in rows})
    text = msg(
        "Đã nhập số liệu tổng hợp của {s} (gói số {n}): {w} tuần, {c} xã, phường.",
        "Imported the summary figures of {s} (package {n}): {w} weeks, {c} communes.",
        s=header.sender,
        n=header.seq,
        w=weeks,
        c=communes,
    )
    return ImportOutcome(
        path=path,
        status="applied",
        message=str(text),
        sender=header.sender,
        device_id=header.device_id,
        seq=header.seq,
        rows=len(rows),
        applied=written,
    )


def _parse_line(line: bytes, opened: OpenedSummary, latest: date) -> held.SummaryRow:
    data: Any = json.loads(line.decode("utf-8"))
    if not isinstance(data, dict) or set(data) != _LINE_KEYS:
        raise ValueError("fields")
    week, as_of = _day(data["week"]), _day(data["as_of"])
    if week.weekday() != 0 or not week <= as_of <= min(week + timedelta(days=6), latest):
        raise ValueError("week")
    via = data["via"]
    if not isinstance(via, list) or len(via) > MAX_VIA:
        raise ValueError("via")
    if not all(isinstance(v, str) and is_unit_code(v) for v in via):
        raise ValueError("via")
    unit = UnitFigures.from_json(data["unit"])  # raises ValueError, naming what is wrong
    return held.SummaryRow(
        sender=opened.header.sender,
        week=week.isoformat(),
        unit_code=unit.unit_code,
        via=json.dumps(via),
        as_of=as_of.isoformat(),
        # Kept as received once checked (its `unit` is the figures): a year of a country's
        # communes is 170,000 lines, and writing each again cost a tenth of the import.
        line=line.decode("utf-8"),
        created_at=opened.header.created_at,
        package_sha256=opened.digest,
    )


def _day(value: Any) -> date:
    if not isinstance(value, str) or len(value) != 10:
        raise ValueError("date")
    return date.fromisoformat(value)


def _check_communes(store: Store, sender: str, rows: Sequence[held.SummaryRow]) -> None:
    """Each commune once a week, reported by one hub only, and none this hub registered
    itself (its records come here directly: their figures would count twice)."""
    seen: set[tuple[str, str]] = set()
    for row in rows:
        if (row.week, row.unit_code) in seen:
            raise refused(
                "Gói có hai dòng số liệu của {c} cho tuần {w}; gói bị từ chối.",
                "The package has two lines for {c} in week {w}; refused.",
                c=row.unit_code,
                w=row.week,
            )
        seen.add((row.week, row.unit_code))
    codes = {row.unit_code for row in rows}
    own = (set(state.registered_communes(store)) | set(lower_hubs(store))) & codes
    own |= codes & {store.unit_code}
    if own:
        raise refused(
            "{c} gửi số liệu trực tiếp cho đơn vị này (hoặc là đơn vị này); số liệu của {s} "
            "về {c} sẽ bị tính hai lần. Gói bị từ chối.",
            "{c} reports to this unit directly (or is this unit); the figures from {s} for it "
            "would count twice. Refused.",
            c=sorted(own)[0],
            s=sender,
        )
    for code, other in held.senders_of(store, codes).items():
        if other != sender:
            raise refused(
                "Số liệu của {c} đã do {o} gửi lên; {s} không thể gửi số liệu của cùng xã đó.",
                "The figures of {c} come from {o}; {s} cannot send figures for it too.",
                c=code,
                o=other,
                s=sender,
            )


@dataclass(frozen=True, kw_only=True)
class LowerHubStatus:
    """A hub below this one, as `hub status` lists it."""

    unit_code: str
    unit_name: str
    packages: int
    last_package_at: str | None  # the newest package's creation time (ISO), None: never sent
    silent: bool  # nothing for longer than the silent days, or never


def lower_hub_status(
    store: Store, *, silent_days: int, today: date | None = None
) -> list[LowerHubStatus]:
    """Every hub trusted to send this hub its figures: packages received and whether it has
    been silent longer than `silent_days` days (read only)."""
    today = today or date.today()
    out = []
    for code, name in sorted(lower_hubs(store).items()):
        got = [r for r in state.list_received(store, code) if r.kind == "summary"]
        last = max((r.created_at for r in got), default=None)
        when = parse_time(last) if last else None
        days = (today - when.date()).days if when else None
        out.append(
            LowerHubStatus(
                unit_code=code,
                unit_name=name,
                packages=len(got),
                last_package_at=last,
                silent=days is None or days > silent_days,
            )
        )
    return out
