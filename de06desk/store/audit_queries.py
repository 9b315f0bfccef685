"""Reading the audit log (for the administrators' viewer, the backup policy and sync). Read-only.

The log itself is written by `Store.append_audit`, chained by hashes (domain/audit_chain.py) and
guarded by triggers against mistakes; nothing here modifies it.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta

from de06desk.domain.audit_chain import AuditFields, ChainReport, walk_chain

from .database import Store
from .schema import AUDIT_FIELDS

# The viewer pages through the log; one page never loads the whole table.
DEFAULT_LIMIT = 500


@dataclass(frozen=True)
class AuditEntry:
    """One row of the audit log."""

    id: int
    at: str
    username: str
    action: str
    form_id: str | None
    record_uuid: str | None
    old: str | None
    new: str | None
    detail: str | None


@dataclass(frozen=True)
class AuditFilter:
    """What the viewer asks for: any of user, action, a date range (local dates, inclusive)."""

    username: str | None = None
    action: str | None = None
    date_from: date | None = None
    date_to: date | None = None


def last_audit_id(store: Store) -> int:
    """The id of the newest audit entry (0 when the log is empty)."""
    return int(store.conn.execute("SELECT coalesce(max(id), 0) FROM audit").fetchone()[0])


def verify_audit_chain(store: Store, *, at_ids: Iterable[int] = ()) -> ChainReport:
    """Walk the whole audit log in id order and check its hash chain (see `ChainReport`).

    `at_ids` asks for the chain's recomputed hash at those ids (what a sync package proves
    its history with). Reads the log once, a batch at a time.
    """
    issued = store.conn.execute("SELECT seq FROM sqlite_sequence WHERE name = 'audit'").fetchone()
    return walk_chain(
        _chain_rows(store), last_issued_id=int(issued[0]) if issued else 0, at_ids=at_ids
    )


def _chain_rows(store: Store) -> Iterator[tuple[AuditFields, str | None]]:
    cursor = store.conn.execute(f"SELECT {AUDIT_FIELDS}, hash FROM audit ORDER BY id")
    while batch := cursor.fetchmany(2000):
        for row in batch:
            values = tuple(row)
            yield values[:-1], values[-1]


def query_audit(
    store: Store,
    where: AuditFilter | None = None,
    *,
    limit: int = DEFAULT_LIMIT,
    before_id: int | None = None,
) -> list[AuditEntry]:
    """Entries matching `where`, newest first; `before_id` fetches the next (older) page."""
    clauses, params = _clauses(where or AuditFilter())
    if before_id is not None:
        clauses.append("id < ?")
        params.append(before_id)
    sql = "SELECT id, at, username, action, form_id, record_uuid, old, new, detail FROM audit"
    if clauses:
        sql += " WHERE " + " AND ".join(clauses)
    sql += " ORDER BY id DESC LIMIT ?"
    params.append(int(limit))
    return [AuditEntry(*row) for row in store.conn.execute(sql, params)]


def audit_usernames(store: Store) -> list[str]:
    """Every user name that appears in the log (for the viewer's filter list)."""
    return [r[0] for r in store.conn.execute("SELECT DISTINCT username FROM audit ORDER BY 1")]


def audit_actions(store: Store) -> list[str]:
    """Every action that appears in the log (for the viewer's filter list)."""
    return [r[0] for r in store.conn.execute("SELECT DISTINCT action FROM audit ORDER BY 1")]


def _clauses(where: AuditFilter) -> tuple[list[str], list[object]]:
    clauses: list[str] = []
    params: list[object] = []
    if where.username:
        clauses.append("username = ?")
        params.append(where.username)
    if where.action:
        clauses.append("action = ?")
        params.append(where.action)
    # `at` is UTC ISO text; the officer picks local dates, so convert the day's bounds.
    if where.date_from:
        clauses.append("at >= ?")
        params.append(_utc_iso(datetime.combine(where.date_from, time.min)))
    if where.date_to:
        clauses.append("at < ?")
        params.append(_utc_iso(datetime.combine(where.date_to + timedelta(days=1), time.min)))
    return clauses, params


def _utc_iso(local: datetime) -> str:
    return local.astimezone(UTC).isoformat(timespec="milliseconds")
