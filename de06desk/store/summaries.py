"""SQL for the weekly figures an upper hub receives in summary packages (table sync_summaries).

One row per (week, commune): the package's line for it as received and checked (JSON text;
its `unit` is reports/figures.py `UnitFigures.to_json`), the hub below that sent it
(`sender`) and the hubs between that sender and the commune (`via`, a JSON list, empty for
the sender's own communes). Counts only: no record of a person ever reaches this table.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from .database import Store


@dataclass(frozen=True, kw_only=True)
class SummaryRow:
    """One commune's figures for one ISO week, as received."""

    sender: str
    week: str  # the week's Monday, YYYY-MM-DD
    unit_code: str
    via: str  # JSON list of hub codes below the sender
    as_of: str  # the day the figures are counted to, YYYY-MM-DD
    line: str  # the summary line as received and checked (JSON; its `unit` holds the figures)
    created_at: str  # the package's creation time (a later package replaces an earlier)
    package_sha256: str


def senders_of(store: Store, unit_codes: Iterable[str]) -> dict[str, str]:
    """Commune → the hub below that reports it, for those already held."""
    codes = sorted(set(unit_codes))
    found: dict[str, str] = {}
    for i in range(0, len(codes), 500):
        part = codes[i : i + 500]
        rows = store.conn.execute(
            "SELECT DISTINCT unit_code, sender FROM sync_summaries WHERE unit_code IN "
            f"({', '.join('?' * len(part))})",
            part,
        )
        found.update({r[0]: r[1] for r in rows})
    return found


def put_summaries(store: Store, rows: Sequence[SummaryRow]) -> int:
    """Store received figures (inside the package's transaction); a row already held from a
    later package is kept. Returns the rows written."""
    before = store.conn.total_changes
    store.conn.executemany(
        "INSERT INTO sync_summaries(sender, week, unit_code, via, as_of, line, created_at,"
        " package_sha256) VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT(week, unit_code) DO UPDATE"
        " SET sender = excluded.sender, via = excluded.via, as_of = excluded.as_of,"
        " line = excluded.line, created_at = excluded.created_at,"
        " package_sha256 = excluded.package_sha256"
        " WHERE excluded.created_at >= sync_summaries.created_at",
        [
            (
                r.sender,
                r.week,
                r.unit_code,
                r.via,
                r.as_of,
                r.line,
                r.created_at,
                r.package_sha256,
            )
            for r in rows
        ],
    )
    return int(store.conn.total_changes - before)


def week_summaries(store: Store, week: str) -> list[SummaryRow]:
    """Every commune's figures held for one week (its Monday), by sender and commune."""
    rows = store.conn.execute(
        "SELECT sender, week, unit_code, via, as_of, line, created_at, package_sha256"
        " FROM sync_summaries WHERE week = ? ORDER BY sender, unit_code",
        (week,),
    )
    return [
        SummaryRow(
            sender=r[0],
            week=r[1],
            unit_code=r[2],
            via=r[3],
            as_of=r[4],
            line=r[5],
            created_at=r[6],
            package_sha256=r[7],
        )
        for r in rows
    ]


def summary_senders(store: Store) -> list[str]:
    """Hubs below this one that have sent figures."""
    rows = store.conn.execute("SELECT DISTINCT sender FROM sync_summaries ORDER BY sender")
    return [r[0] for r in rows]
