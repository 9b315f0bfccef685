"""SQL for the weekly summary: grouped counts per unit, village, kind and date span.

Every query aggregates in SQLite (GROUP BY) and hands back a few small rows, never raw records:
a hub holds millions of rows and the summary must build in well under a second or three.
Rows are keyed by `unit_code`, so one query serves a commune, one commune of a hub, and every
commune of a hub at once. Tombstoned rows never count. The counting rules are those of
docs/ARCHITECTURE.md ("What the e-ID numbers mean").

Figures that compare periods come back per span: this period, the previous one (which ends the
day before this one starts), and cumulative to the end of each.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any

from .database import Store

# Roster rows that are level-1 registrations rather than level-2 applications.
_LEVEL1 = "(r.level IS 'level1' OR r.status IS 'level1_registered')"


def _unit_filter(alias: str, unit_code: str | None) -> tuple[str, list[Any]]:
    if unit_code is None:
        return "", []
    return f" AND {alias}.unit_code = ?", [unit_code]


# A date's place relative to a period and the one before it (they touch: the previous
# period ends the day before this one starts). NULL stays NULL: "no such date".
_BUCKET = (
    "CASE WHEN {d} IS NULL THEN NULL WHEN {d} > :end THEN 3 WHEN {d} >= :start THEN 2 "
    "WHEN {d} >= :previous THEN 1 ELSE 0 END"
)
BEFORE, PREVIOUS, THIS, AFTER = range(4)


def _spans(buckets: Sequence[int]) -> tuple[int, int, int, int]:
    """(this period, previous period, cumulative to its end, cumulative to the previous end)."""
    b = buckets
    return (b[THIS], b[PREVIOUS], b[BEFORE] + b[PREVIOUS] + b[THIS], b[BEFORE] + b[PREVIOUS])


@dataclass(frozen=True)
class EidRow:
    """e-ID counts of one village of one unit.

    `counts[span]` is (level1, received, approved, activated) for the spans this period,
    the previous period, cumulative to the end of this period, cumulative to the end of the
    previous one.
    """

    unit_code: str
    village: str | None
    counts: tuple[tuple[int, int, int, int], ...]


def eid_counts(
    store: Store, start: date, end: date, previous: date, unit_code: str | None = None
) -> list[EidRow]:
    """Level-1 registrations and level-2 received/approved/activated per unit and village,
    for the period [start, end] and the previous one [previous, start).

    Drives without roster rows give their entered counts on `held_on`, by the drive's village;
    roster rows give received (level-1 rows: registrations) on the drive's `held_on`, approved
    on `approved_on`, activated on `activated_on` (refused rows never approved), by the
    drive's village — or, for a drive held without one (at the office, a school), by each
    citizen's own village.
    """
    # Rows are grouped by which side of the period boundaries their dates fall (a handful of
    # buckets) and added up per span here: far cheaper than a CASE per span and measure.
    bounds = {
        "start": start.isoformat(),
        "end": end.isoformat(),
        "previous": previous.isoformat(),
        "unit": unit_code,
    }
    where_d = " AND d.unit_code = :unit" if unit_code is not None else ""
    held = _BUCKET.format(d="d.held_on")
    totals: dict[tuple[str, str | None], list[list[int]]] = {}

    def add(unit: str, village: str | None, measure: int, bucket: int | None, n: int) -> None:
        if bucket is not None and bucket != AFTER:
            totals.setdefault((unit, village), [[0] * 4 for _ in range(4)])[measure][bucket] += n

    drives = store.conn.execute(
        f"SELECT d.unit_code, d.village, {held}, sum(d.level1_count), sum(d.received_count), "
        "sum(d.approved_count), sum(d.activated_count) FROM activation_drives d "
        f"WHERE d.deleted = 0{where_d} AND NOT EXISTS (SELECT 1 FROM drive_roster r "
        "WHERE r.drive = d.uuid AND r.deleted = 0) GROUP BY 1, 2, 3",
        bounds,
    )
    for unit, village, bucket, *values in drives:
        for measure, value in enumerate(values):
            add(unit, village, measure, bucket, int(value or 0))
    # Roster counts per drive: rows and level-1 rows; then, over level-2 rows not refused,
    # how many were approved (activated) before the previous period, before this one, and by
    # its end. Read through the covering index on the roster (schema.EXTRA_INDEXES), per drive,
    # so no row is looked up one by one; drives held without a village are done apart, since
    # only their rows need each citizen's village.
    ok = f"NOT {_LEVEL1} AND r.status IS NOT 'refused'"
    dated = [
        f"sum({column} {op} :{bound})"
        for column in ("r.approved_on", "r.activated_on")
        for op, bound in (("<", "previous"), ("<", "start"), ("<=", "end"))
    ]
    names = [f"m{i}" for i in range(len(dated))]
    named = ", ".join(f"{e} AS {n}" for e, n in zip(dated, names, strict=True))
    with_village = store.conn.execute(
        f"SELECT d.unit_code, d.village, {held}, sum(a.level1), sum(a.n - a.level1), "
        f"{', '.join(f'sum(o.{n})' for n in names)} "
        f"FROM (SELECT r.drive, sum({_LEVEL1}) AS level1, count(*) AS n FROM drive_roster r "
        "WHERE r.deleted = 0 GROUP BY r.drive) a "
        "JOIN activation_drives d ON d.uuid = a.drive "
        f"LEFT JOIN (SELECT r.drive, {named} "
        f"FROM drive_roster r WHERE r.deleted = 0 AND {ok} GROUP BY r.drive) o "
        "ON o.drive = a.drive "
        f"WHERE d.deleted = 0 AND d.village IS NOT NULL{where_d} GROUP BY 1, 2, 3",
        bounds,
    ).fetchall()
    without_village = store.conn.execute(
        f"SELECT d.unit_code, c.village, {held}, sum({_LEVEL1}), sum(NOT {_LEVEL1}), "
        f"{', '.join(e.replace('sum(', f'sum({ok} AND ', 1) for e in dated)} "
        "FROM activation_drives d JOIN drive_roster r ON r.drive = d.uuid AND r.deleted = 0 "
        "LEFT JOIN citizens c ON c.uuid = r.citizen "
        f"WHERE d.deleted = 0 AND d.village IS NULL{where_d} GROUP BY 1, 2, 3",
        bounds,
    ).fetchall()
    for unit, village, held_bucket, level1, level2, *upto in [*with_village, *without_village]:
        add(unit, village, 0, held_bucket, int(level1 or 0))
        add(unit, village, 1, held_bucket, int(level2 or 0))
        for measure, first in ((2, 0), (3, 3)):
            before, by_start, by_end = (int(v or 0) for v in upto[first : first + 3])
            add(unit, village, measure, BEFORE, before)
            add(unit, village, measure, PREVIOUS, by_start - before)
            add(unit, village, measure, THIS, by_end - by_start)
    out = []
    for (unit, village), measures in totals.items():
        spans = [_spans(buckets) for buckets in measures]  # [measure][span]
        counts = tuple((spans[0][s], spans[1][s], spans[2][s], spans[3][s]) for s in range(4))
        out.append(EidRow(unit_code=unit, village=village, counts=counts))
    return out


def not_activated_reasons(
    store: Store, end: date, unit_code: str | None = None
) -> list[tuple[str, str | None, int]]:
    """(unit, failure reason or None, count): level-2 roster rows approved or refused, not
    activated, of drives held on or before `end`."""
    where, params = _unit_filter("d", unit_code)
    rows = store.conn.execute(
        # Counted per drive first (covering index), then kept for the drives held by `end`.
        "SELECT d.unit_code, a.reason, sum(a.n) FROM (SELECT r.drive, r.failure_reason AS "
        f"reason, count(*) AS n FROM drive_roster r WHERE r.deleted = 0 AND NOT {_LEVEL1} "
        "AND r.status IN ('approved', 'refused') GROUP BY 1, 2) a "
        "JOIN activation_drives d ON d.uuid = a.drive "
        f"WHERE d.deleted = 0 AND d.held_on <= ?{where} GROUP BY 1, 2",
        [end.isoformat(), *params],
    )
    return [(r[0], r[1], int(r[2])) for r in rows]


def drives_by_kind(
    store: Store, start: date, end: date, previous: date, unit_code: str | None = None
) -> list[tuple[str, str, tuple[int, int, int]]]:
    """(unit, drive kind, drives held (this period, previous period, cumulative to its end))."""
    where = " AND d.unit_code = :unit" if unit_code is not None else ""
    rows = store.conn.execute(
        f"SELECT d.unit_code, d.kind, {_BUCKET.format(d='d.held_on')}, count(*) "
        f"FROM activation_drives d WHERE d.deleted = 0{where} GROUP BY 1, 2, 3",
        {
            "start": start.isoformat(),
            "end": end.isoformat(),
            "previous": previous.isoformat(),
            "unit": unit_code,
        },
    )
    buckets: dict[tuple[str, str], list[int]] = {}
    for unit, kind, bucket, n in rows:
        if bucket is not None:
            buckets.setdefault((unit, kind), [0, 0, 0, 0])[bucket] += n
    return [(unit, kind, _spans(b)[:3]) for (unit, kind), b in buckets.items()]


@dataclass(frozen=True)
class WeekFlows:
    """Level-2 received, approved and activated of one unit in one week of a trend.

    `week` counts weeks from the trend's first Monday; -1 holds everything before it.
    """

    unit_code: str
    week: int
    received: int
    approved: int
    activated: int


def eid_flows_by_week(
    store: Store, first: date, end: date, unit_code: str | None = None
) -> list[WeekFlows]:
    """Level-2 flows per unit and week from the Monday `first` up to `end` (and before it, as
    week -1), counted as `eid_counts` counts them.

    Drives without roster rows give their entered counts on `held_on`; roster rows give
    received on the drive's `held_on`, approved on `approved_on`, activated on `activated_on`
    (level-1 and refused rows are never approved). Three grouped reads over the roster's
    covering index instead of one `eid_counts` per week: a hub's trend over 2 M roster rows.
    """
    params = {"first": first.isoformat(), "end": end.isoformat(), "unit": unit_code}
    where_d = " AND d.unit_code = :unit" if unit_code is not None else ""
    ok = f"NOT {_LEVEL1} AND r.status IS NOT 'refused'"

    def week(day: str) -> str:
        return (
            f"CASE WHEN {day} < :first THEN -1 "
            f"ELSE CAST((julianday({day}) - julianday(:first)) / 7 AS INTEGER) END"
        )

    weeks: dict[tuple[str, int], list[int]] = {}

    def add(rows: Any, measure: int | None = None) -> None:
        for unit, index, *values in rows:
            counts = weeks.setdefault((unit, index), [0, 0, 0])
            if measure is None:
                for i, value in enumerate(values):
                    counts[i] += int(value or 0)
            else:
                counts[measure] += int(values[0] or 0)

    add(
        store.conn.execute(
            f"SELECT d.unit_code, {week('d.held_on')}, sum(d.received_count), "
            "sum(d.approved_count), sum(d.activated_count) FROM activation_drives d "
            f"WHERE d.deleted = 0{where_d} AND d.held_on <= :end AND NOT EXISTS (SELECT 1 "
            "FROM drive_roster r WHERE r.drive = d.uuid AND r.deleted = 0) GROUP BY 1, 2",
            params,
        )
    )
    add(
        store.conn.execute(
            f"SELECT d.unit_code, {week('d.held_on')}, sum(a.n) FROM (SELECT r.drive, "
            f"sum(NOT {_LEVEL1}) AS n FROM drive_roster r WHERE r.deleted = 0 GROUP BY r.drive) a "
            "JOIN activation_drives d ON d.uuid = a.drive "
            f"WHERE d.deleted = 0{where_d} AND d.held_on <= :end GROUP BY 1, 2",
            params,
        ),
        0,
    )
    for measure, column in ((1, "r.approved_on"), (2, "r.activated_on")):
        add(
            store.conn.execute(
                f"SELECT d.unit_code, x.week, sum(x.n) FROM (SELECT r.drive, {week(column)} AS "
                f"week, count(*) AS n FROM drive_roster r WHERE r.deleted = 0 AND {ok} "
                f"AND {column} <= :end GROUP BY r.drive, 2) x "
                f"JOIN activation_drives d ON d.uuid = x.drive WHERE d.deleted = 0{where_d} "
                "GROUP BY 1, 2",
                params,
            ),
            measure,
        )
    return [WeekFlows(unit, index, *counts) for (unit, index), counts in weeks.items()]


@dataclass(frozen=True, kw_only=True)
class TargetInForce:
    """A unit's level-2 activation target in force on a day, with the span it covers."""

    value: int
    start_on: date
    due_on: date


def level2_targets_in_force(
    store: Store, on: date, unit_code: str | None = None
) -> dict[str, TargetInForce]:
    """Unit → the level-2 activation target in force on `on` (the latest started; on a tie the
    latest edited), with its start and due dates."""
    where, params = _unit_filter("t", unit_code)
    rows = store.conn.execute(
        "SELECT unit_code, value, start_on, due_on FROM (SELECT t.unit_code, t.value, "
        "t.start_on, t.due_on, row_number() OVER (PARTITION BY t.unit_code "
        "ORDER BY t.start_on DESC, t.updated_at DESC, t.uuid DESC) AS n "
        "FROM targets t WHERE t.deleted = 0 AND t.kind = 'level2_accounts' "
        f"AND t.start_on <= ? AND t.due_on >= ?{where}) WHERE n = 1",
        [on.isoformat(), on.isoformat(), *params],
    )
    return {
        r[0]: TargetInForce(
            value=int(r[1]), start_on=date.fromisoformat(r[2]), due_on=date.fromisoformat(r[3])
        )
        for r in rows
    }


def level2_targets(store: Store, on: date, unit_code: str | None = None) -> dict[str, int]:
    """Unit → the value of the level-2 activation target in force on `on`
    (`level2_targets_in_force`)."""
    return {unit: t.value for unit, t in level2_targets_in_force(store, on, unit_code).items()}


@dataclass(frozen=True)
class CleanupRow:
    """Cleanup cases of one unit, criterion and error type, for one period."""

    unit_code: str
    criterion: str
    error_type: str
    opened: int
    verified: int
    corrected: int
    rejected: int
    backlog: int  # open or verified at the period end
    oldest_open: date | None  # opening date of the oldest case in the backlog


def cleanup_counts(
    store: Store, start: date, end: date, unit_code: str | None = None
) -> list[CleanupRow]:
    """Cases opened, verified, corrected and rejected in [start, end], and the backlog at `end`.

    A case closed after `end` was still open at `end`, so it is in that backlog.
    """
    s, e = start.isoformat(), end.isoformat()
    backlog = (
        "c.opened_on <= :e AND (c.status IN ('open', 'verified') "
        "OR (c.status IN ('corrected', 'rejected') AND c.closed_on > :e))"
    )
    where = " AND c.unit_code = :unit" if unit_code is not None else ""
    rows = store.conn.execute(
        "SELECT c.unit_code, c.criterion, c.error_type, "
        "coalesce(sum(c.opened_on BETWEEN :s AND :e), 0), "
        "coalesce(sum(c.status = 'verified' AND c.opened_on <= :e), 0), "
        "coalesce(sum(c.status = 'corrected' AND c.closed_on BETWEEN :s AND :e), 0), "
        "coalesce(sum(c.status = 'rejected' AND c.closed_on BETWEEN :s AND :e), 0), "
        f"coalesce(sum({backlog}), 0), min(CASE WHEN {backlog} THEN c.opened_on END) "
        f"FROM cleanup_cases c WHERE c.deleted = 0 AND c.opened_on <= :e{where} "
        "GROUP BY 1, 2, 3",
        {"s": s, "e": e, "unit": unit_code},
    )
    return [
        CleanupRow(
            unit_code=r[0],
            criterion=r[1],
            error_type=r[2],
            opened=int(r[3]),
            verified=int(r[4]),
            corrected=int(r[5]),
            rejected=int(r[6]),
            backlog=int(r[7]),
            oldest_open=date.fromisoformat(r[8]) if r[8] else None,
        )
        for r in rows
    ]


@dataclass(frozen=True)
class SupportRow:
    """Support sessions of one unit and one group (a village, a support type or a service)."""

    unit_code: str
    key: str | None
    sessions: int
    helped: int
    women: int
    elderly: int
    minority: int
    # Sessions that recorded each breakdown (women, elderly, minority); blank is "not recorded".
    recorded: tuple[int, int, int]


_SUPPORT_SUMS = (
    "count(*), coalesce(sum(s.citizens_helped), 0), coalesce(sum(s.women_helped), 0), "
    "coalesce(sum(s.elderly_helped), 0), coalesce(sum(s.minority_helped), 0), "
    "count(s.women_helped), count(s.elderly_helped), count(s.minority_helped)"
)


def _support_rows(rows: Any) -> list[SupportRow]:
    return [
        SupportRow(
            unit_code=r[0],
            key=r[1],
            sessions=int(r[2]),
            helped=int(r[3]),
            women=int(r[4]),
            elderly=int(r[5]),
            minority=int(r[6]),
            recorded=(int(r[7]), int(r[8]), int(r[9])),
        )
        for r in rows
    ]


def support_by_village(
    store: Store, start: date, end: date, unit_code: str | None = None
) -> list[SupportRow]:
    """Sessions held in [start, end] and citizens helped, per unit and village."""
    where, params = _unit_filter("s", unit_code)
    rows = store.conn.execute(
        f"SELECT s.unit_code, s.village, {_SUPPORT_SUMS} FROM support_sessions s "
        f"WHERE s.deleted = 0 AND s.held_on BETWEEN ? AND ?{where} GROUP BY 1, 2",
        [start.isoformat(), end.isoformat(), *params],
    )
    return _support_rows(rows)


def support_by_type(
    store: Store, start: date, end: date, unit_code: str | None = None
) -> list[SupportRow]:
    """Per unit and support type; a session of several types counts once for each of them."""
    where, params = _unit_filter("s", unit_code)
    rows = store.conn.execute(
        f"SELECT s.unit_code, j.value, {_SUPPORT_SUMS} FROM support_sessions s, "
        "json_each(s.support_types) j "
        f"WHERE s.deleted = 0 AND s.held_on BETWEEN ? AND ?{where} GROUP BY 1, 2",
        [start.isoformat(), end.isoformat(), *params],
    )
    return _support_rows(rows)


def support_by_service(
    store: Store, start: date, end: date, unit_code: str | None = None
) -> list[SupportRow]:
    """Per unit and online public service named, for sessions that helped with one."""
    where, params = _unit_filter("s", unit_code)
    rows = store.conn.execute(
        f"SELECT s.unit_code, s.public_service, {_SUPPORT_SUMS} FROM support_sessions s "
        "WHERE s.deleted = 0 AND s.held_on BETWEEN ? AND ? AND EXISTS (SELECT 1 FROM "
        f"json_each(s.support_types) j WHERE j.value = 'online_service'){where} GROUP BY 1, 2",
        [start.isoformat(), end.isoformat(), *params],
    )
    return _support_rows(rows)


@dataclass(frozen=True)
class VillageRow:
    """A village record (deleted ones too: old figures may still point at them)."""

    unit_code: str
    uuid: str
    name: str
    deleted: bool


def villages(store: Store, unit_code: str | None = None) -> list[VillageRow]:
    """Every village of the unit (or of every unit), deleted included."""
    where, params = _unit_filter("v", unit_code)
    rows = store.conn.execute(
        f"SELECT v.unit_code, v.uuid, v.name, v.deleted FROM villages v WHERE 1 = 1{where}",
        params,
    )
    return [VillageRow(r[0], r[1], r[2] or "", bool(r[3])) for r in rows]
