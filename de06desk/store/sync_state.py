"""SQL for sync: key pairs, trusted peers, sent/received packages, conflicts, bulk row merges.

Functions take a `Store` and return plain dataclasses or dicts; callers in `de06desk.sync` decide
what to do and wrap writes in `write_transaction` so a whole package is one transaction.
Rows cross this boundary as dicts of column → value exactly as SQLite stores them.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from de06desk.config import create_private
from de06desk.domain.i18n import msg
from de06desk.forms import FormSpec
from de06desk.forms.bookkeeping import synced_columns

from . import dbapi
from .bulk import rows_per_statement
from .crypto import Keyring, keyring_path
from .database import Store
from .errors import DiskFullError, StoreError

# SQLite allows 999 host parameters in old builds; stay well under for `IN (...)` lookups.
_LOOKUP_BATCH = 500
# Page cache while a package is written (KiB); released when the transaction ends.
BULK_CACHE_KIB = 256 * 1024


@contextmanager
def bulk_cache(store: Store) -> Iterator[None]:
    """SQLite's page cache enlarged to BULK_CACHE_KIB while the block runs, then as before.

    A package touches pages all over a hub's UUID, date, phone, ID-number and search indexes:
    with SQLite's default 2 MiB cache the changed pages spilled into the WAL again and again
    (tens of GB written for one 2 M-row import, docs/BENCHMARKS.md). Held over a whole run of
    packages, the index pages the last package read stay cached (an encrypted hub decrypts
    each page it reads again): a fifth less CPU per row once a hub holds ~175 communes.
    """
    conn = store.conn
    (previous,) = conn.execute("PRAGMA cache_size").fetchone()
    conn.execute(f"PRAGMA cache_size = {-BULK_CACHE_KIB}")
    try:
        yield
    finally:
        conn.execute(f"PRAGMA cache_size = {int(previous)}")


@contextmanager
def write_transaction(store: Store) -> Iterator[Store]:
    """One all-or-nothing transaction holding the write lock from its first statement.

    BEGIN IMMEDIATE, so what the caller reads inside (is this package already imported?) stays
    true until COMMIT even with another process importing the same files. A broken reference at
    COMMIT, a full disk or a failed write becomes a StoreError, and nothing of it is kept. The
    page cache is enlarged for its duration (`bulk_cache`).

    Inside a `WriteRun` it is part of the run's transaction instead, kept when the run
    commits; if it fails after writing anything, the whole run is rolled back (`WriteRun.open`
    turns false) and the caller writes the run's other packages again.
    """
    conn = store.conn
    try:
        if conn.in_transaction:
            # Inside a WriteRun. No savepoint: SQLite would copy every page the run had already
            # changed into a journal before this package changes it again (a fifth of a full
            # hub's import). A package that fails before writing leaves the run as it was; one
            # that fails after writing takes the whole run back with it.
            before = conn.total_changes
            try:
                yield store
            except BaseException:
                if conn.total_changes != before and conn.in_transaction:
                    conn.execute("ROLLBACK")
                raise
            return
        with bulk_cache(store):
            conn.execute("BEGIN IMMEDIATE")
            try:
                yield store
                conn.execute("COMMIT")
            except BaseException:
                if conn.in_transaction:
                    conn.execute("ROLLBACK")
                raise
    except dbapi.IntegrityError as exc:
        raise _inconsistent(exc) from None
    except dbapi.DatabaseError as exc:
        raise _write_failed(exc) from None


class WriteRun:
    """Several packages written in one SQLite transaction (`write_transaction` inside it):
    a package refused before it writes leaves the others; one that fails after writing
    rolls the run back, and the caller writes the run's other packages again.

    Why: a hub's indexes keyed by UUIDs and citizens are far larger than a package once it
    holds many communes, so each package's rows dirty pages all over them; written one
    transaction per package, the same index pages were encrypted and written to the WAL (and
    copied into the file) once per package. In one transaction a page is written once however
    many packages touched it (docs/BENCHMARKS.md, "How the hub's cost grows").

    `begin()` opens the transaction if none is open; `commit()` ends it (a StoreError if it
    cannot be kept: then nothing since `begin()` is, and the caller decides what to redo);
    `rollback()` drops it.
    """

    def __init__(self, store: Store) -> None:
        self.store = store

    @property
    def open(self) -> bool:
        """Whether the run's transaction is open."""
        return bool(self.store.conn.in_transaction)

    def begin(self) -> None:
        """Open the run's transaction (taking the write lock now), unless it is open."""
        if not self.open:
            try:
                self.store.conn.execute("BEGIN IMMEDIATE")
            except dbapi.DatabaseError as exc:
                raise _write_failed(exc) from None

    def commit(self) -> None:
        """Keep what the run wrote; on failure nothing of it is kept (StoreError)."""
        conn = self.store.conn
        if not conn.in_transaction:
            return
        try:
            conn.execute("COMMIT")
        except dbapi.DatabaseError as exc:
            self.rollback()
            if isinstance(exc, dbapi.IntegrityError):
                raise _inconsistent(exc) from None
            raise _write_failed(exc) from None

    def rollback(self) -> None:
        """Drop what the run wrote since `begin()`."""
        if self.store.conn.in_transaction:
            self.store.conn.execute("ROLLBACK")


def _inconsistent(exc: Exception) -> StoreError:
    return StoreError(
        msg(
            "Dữ liệu không nhất quán (tham chiếu tới bản ghi không có): {e}.",
            "Inconsistent data (a reference to a missing record): {e}.",
            e=str(exc),
        )
    )


def _write_failed(exc: Exception) -> StoreError:
    if "full" in str(exc):
        return StoreError(
            msg(
                "Không ghi được: ổ đĩa đầy ({e}); không có gì thay đổi. Hãy giải phóng chỗ "
                "trống rồi làm lại.",
                "Could not write: the disk is full ({e}); nothing was changed. Free some space "
                "and try again.",
                e=str(exc),
            )
        )
    return StoreError(
        msg(
            "Không ghi được vào cơ sở dữ liệu ({e}); không có gì thay đổi. Ổ đĩa có thể đầy "
            "hoặc hỏng: hãy giải phóng chỗ trống, kiểm tra ổ rồi làm lại.",
            "Could not write to the database ({e}); nothing was changed. The disk may be full "
            "or failing: free some space, check the drive and try again.",
            e=str(exc),
        )
    )


# ---- own keys --------------------------------------------------------------------------------


@dataclass(frozen=True, kw_only=True)
class KeyRow:
    """One of this database's key pairs (raw 32-byte keys)."""

    name: str
    algorithm: str
    private_key: bytes
    protection: str
    public_key: bytes


def own_keys(store: Store) -> dict[str, KeyRow]:
    """This database's key pairs by name ('signing', 'agreement'); empty if none yet."""
    rows = store.conn.execute(
        "SELECT name, algorithm, private_key, protection, public_key FROM sync_keys"
    )
    return {
        r["name"]: KeyRow(
            name=r["name"],
            algorithm=r["algorithm"],
            private_key=bytes(r["private_key"]),
            protection=r["protection"],
            public_key=bytes(r["public_key"]),
        )
        for r in rows.fetchall()
    }


def insert_own_key(store: Store, key: KeyRow, created_at: str) -> None:
    """Store a new key pair (inside the caller's transaction)."""
    store.conn.execute(
        "INSERT INTO sync_keys(name, algorithm, private_key, protection, public_key, created_at)"
        " VALUES (?, ?, ?, ?, ?, ?)",
        (key.name, key.algorithm, key.private_key, key.protection, key.public_key, created_at),
    )


# ---- peers -----------------------------------------------------------------------------------


@dataclass(frozen=True, kw_only=True)
class PeerRow:
    """A trusted unit's public keys: a commune registered at a hub, or a commune's hub."""

    unit_code: str
    role: str
    unit_name: str
    signing_key: bytes
    agreement_key: bytes
    fingerprint: str
    added_at: str


def put_peer(store: Store, peer: PeerRow) -> None:
    """Register (or replace) a unit's public keys."""
    store.conn.execute(
        "INSERT INTO sync_peers(unit_code, role, unit_name, signing_key, agreement_key,"
        " fingerprint, added_at) VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT(unit_code) DO UPDATE SET"
        " role = excluded.role, unit_name = excluded.unit_name,"
        " signing_key = excluded.signing_key, agreement_key = excluded.agreement_key,"
        " fingerprint = excluded.fingerprint, added_at = excluded.added_at",
        (
            peer.unit_code,
            peer.role,
            peer.unit_name,
            peer.signing_key,
            peer.agreement_key,
            peer.fingerprint,
            peer.added_at,
        ),
    )


def _peer(row: dbapi.Row) -> PeerRow:
    return PeerRow(
        unit_code=row["unit_code"],
        role=row["role"],
        unit_name=row["unit_name"],
        signing_key=bytes(row["signing_key"]),
        agreement_key=bytes(row["agreement_key"]),
        fingerprint=row["fingerprint"],
        added_at=row["added_at"],
    )


_PEER_SELECT = (
    "SELECT unit_code, role, unit_name, signing_key, agreement_key, fingerprint, added_at"
    " FROM sync_peers"
)


def get_peer(store: Store, unit_code: str) -> PeerRow | None:
    """A trusted unit by code, or None."""
    row = store.conn.execute(f"{_PEER_SELECT} WHERE unit_code = ?", (unit_code,)).fetchone()
    return _peer(row) if row else None


def list_peers(store: Store, role: str) -> list[PeerRow]:
    """Trusted units of a role ('commune' or 'hub'), by unit code."""
    rows = store.conn.execute(f"{_PEER_SELECT} WHERE role = ? ORDER BY unit_code", (role,))
    return [_peer(r) for r in rows.fetchall()]


def registered_communes(store: Store) -> list[str]:
    """Unit codes of the communes a hub accepts packages from (who is expected to report)."""
    rows = store.conn.execute(
        "SELECT unit_code FROM sync_peers WHERE role = 'commune' ORDER BY unit_code"
    )
    return [r[0] for r in rows.fetchall()]


# ---- packages sent ---------------------------------------------------------------------------


@dataclass(frozen=True, kw_only=True)
class SentRow:
    """A package this database wrote."""

    recipient: str
    device_id: str
    seq: int
    kind: str
    file_name: str
    created_at: str
    change_from: int
    change_to: int
    rows: int
    sha256: str
    acked_at: str | None = None
    # The id of the newest audit entry when it was written (None before the audit chain).
    audit_head: int | None = None


def next_sequence(store: Store, recipient: str, device_id: str) -> int:
    """The next sequence number this device uses for packages to `recipient`."""
    row = store.conn.execute(
        "SELECT max(seq) FROM sync_sent WHERE recipient = ? AND device_id = ?",
        (recipient, device_id),
    ).fetchone()
    return int(row[0] or 0) + 1


def last_exported_change(store: Store, recipient: str, device_id: str | None = None) -> int:
    """The highest change number already sent to `recipient` (by one device if given; 0 if
    none)."""
    sql, params = "SELECT max(change_to) FROM sync_sent WHERE recipient = ?", [recipient]
    if device_id is not None:
        sql += " AND device_id = ?"
        params.append(device_id)
    row = store.conn.execute(sql, params).fetchone()
    return int(row[0] or 0)


def record_sent(store: Store, sent: SentRow) -> None:
    """Remember a package written and verified."""
    store.conn.execute(
        "INSERT INTO sync_sent(recipient, device_id, seq, kind, file_name, created_at,"
        " change_from, change_to, rows, sha256, acked_at, audit_head)"
        " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        (
            sent.recipient,
            sent.device_id,
            sent.seq,
            sent.kind,
            sent.file_name,
            sent.created_at,
            sent.change_from,
            sent.change_to,
            sent.rows,
            sent.sha256,
            sent.acked_at,
            sent.audit_head,
        ),
    )


def audit_anchor_ids(store: Store, recipient: str, device_id: str, limit: int) -> list[int]:
    """Audit heads of earlier packages this device sent `recipient` that the recipient may hold
    as its latest: every unacknowledged one (newest first, at most `limit` - 1) and the highest
    acknowledged one. The receiver keeps the highest head it imported, which is always one of
    these (docs/SYNC.md §5).
    """
    unacked = store.conn.execute(
        "SELECT DISTINCT audit_head FROM sync_sent WHERE recipient = ? AND device_id = ?"
        " AND audit_head IS NOT NULL AND acked_at IS NULL ORDER BY audit_head DESC LIMIT ?",
        (recipient, device_id, max(0, limit - 1)),
    ).fetchall()
    acked = store.conn.execute(
        "SELECT max(audit_head) FROM sync_sent WHERE recipient = ? AND device_id = ?"
        " AND acked_at IS NOT NULL",
        (recipient, device_id),
    ).fetchone()
    ids = {int(r[0]) for r in unacked}
    if acked[0] is not None:
        ids.add(int(acked[0]))
    return sorted(ids)


def list_sent(store: Store, recipient: str | None = None) -> list[SentRow]:
    """Packages written, newest first."""
    sql = (
        "SELECT recipient, device_id, seq, kind, file_name, created_at, change_from, change_to,"
        " rows, sha256, acked_at FROM sync_sent"
    )
    params: tuple[Any, ...] = ()
    if recipient is not None:
        sql += " WHERE recipient = ?"
        params = (recipient,)
    rows = store.conn.execute(sql + " ORDER BY id DESC", params).fetchall()
    return [
        SentRow(
            recipient=r["recipient"],
            device_id=r["device_id"],
            seq=r["seq"],
            kind=r["kind"],
            file_name=r["file_name"],
            created_at=r["created_at"],
            change_from=r["change_from"],
            change_to=r["change_to"],
            rows=r["rows"],
            sha256=r["sha256"],
            acked_at=r["acked_at"],
        )
        for r in rows
    ]


def mark_acked(store: Store, hashes: Iterable[str], at: str) -> int:
    """Mark sent packages (by file hash) as confirmed by their recipient; returns how many."""
    cur = store.conn.executemany(
        "UPDATE sync_sent SET acked_at = ? WHERE sha256 = ? AND acked_at IS NULL",
        [(at, h) for h in hashes],
    )
    return max(int(cur.rowcount), 0)


# ---- packages received -----------------------------------------------------------------------


@dataclass(frozen=True, kw_only=True)
class ReceivedRow:
    """A package this database imported."""

    sha256: str
    kind: str
    sender: str
    device_id: str
    seq: int
    created_at: str
    imported_at: str
    change_from: int
    change_to: int
    rows: int
    applied: int
    conflicts: int
    file_name: str


def is_received(store: Store, sha256: str) -> bool:
    """Whether a package with this file hash was already imported."""
    row = store.conn.execute("SELECT 1 FROM sync_received WHERE sha256 = ?", (sha256,))
    return row.fetchone() is not None


def record_received(store: Store, received: ReceivedRow) -> None:
    """Remember an imported package (inside its transaction)."""
    store.conn.execute(
        "INSERT INTO sync_received(sha256, kind, sender, device_id, seq, created_at, imported_at,"
        " change_from, change_to, rows, applied, conflicts, file_name)"
        " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        (
            received.sha256,
            received.kind,
            received.sender,
            received.device_id,
            received.seq,
            received.created_at,
            received.imported_at,
            received.change_from,
            received.change_to,
            received.rows,
            received.applied,
            received.conflicts,
            received.file_name,
        ),
    )


def list_received(store: Store, sender: str | None = None) -> list[ReceivedRow]:
    """Packages imported, by sender, device and sequence."""
    sql = (
        "SELECT sha256, kind, sender, device_id, seq, created_at, imported_at, change_from,"
        " change_to, rows, applied, conflicts, file_name FROM sync_received"
    )
    params: tuple[Any, ...] = ()
    if sender is not None:
        sql += " WHERE sender = ?"
        params = (sender,)
    rows = store.conn.execute(sql + " ORDER BY sender, device_id, seq", params).fetchall()
    return [
        ReceivedRow(
            sha256=r["sha256"],
            kind=r["kind"],
            sender=r["sender"],
            device_id=r["device_id"],
            seq=r["seq"],
            created_at=r["created_at"],
            imported_at=r["imported_at"],
            change_from=r["change_from"],
            change_to=r["change_to"],
            rows=r["rows"],
            applied=r["applied"],
            conflicts=r["conflicts"],
            file_name=r["file_name"],
        )
        for r in rows
    ]


def received_sequences(store: Store, sender: str, device_id: str) -> set[int]:
    """Sequence numbers already received from one device of a sender."""
    rows = store.conn.execute(
        "SELECT seq FROM sync_received WHERE sender = ? AND device_id = ?", (sender, device_id)
    )
    return {int(r[0]) for r in rows.fetchall()}


@dataclass(frozen=True, kw_only=True)
class AuditHeadRow:
    """At a hub: the audit chain head one imported package carried, and the verdict on it."""

    package_sha256: str
    sender: str
    device_id: str
    seq: int
    head_id: int
    head_hash: str
    verdict: str
    detail: str
    received_at: str


_AUDIT_HEAD_COLUMNS = (
    "package_sha256, sender, device_id, seq, head_id, head_hash, verdict, detail, received_at"
)


def record_audit_head(store: Store, head: AuditHeadRow) -> None:
    """Keep a package's audit chain head (inside the package's transaction)."""
    store.conn.execute(
        f"INSERT INTO sync_audit_heads({_AUDIT_HEAD_COLUMNS}) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
        (
            head.package_sha256,
            head.sender,
            head.device_id,
            head.seq,
            head.head_id,
            head.head_hash,
            head.verdict,
            head.detail,
            head.received_at,
        ),
    )


def list_audit_heads(
    store: Store, sender: str | None = None, device_id: str | None = None
) -> list[AuditHeadRow]:
    """Heads received (of one sender, or one device of it), by sender, device and head id."""
    sql = f"SELECT {_AUDIT_HEAD_COLUMNS} FROM sync_audit_heads"
    clauses, params = [], []
    if sender is not None:
        clauses.append("sender = ?")
        params.append(sender)
    if device_id is not None:
        clauses.append("device_id = ?")
        params.append(device_id)
    if clauses:
        sql += " WHERE " + " AND ".join(clauses)
    rows = store.conn.execute(sql + " ORDER BY sender, device_id, head_id, seq", params)
    return [
        AuditHeadRow(
            package_sha256=r["package_sha256"],
            sender=r["sender"],
            device_id=r["device_id"],
            seq=r["seq"],
            head_id=r["head_id"],
            head_hash=r["head_hash"],
            verdict=r["verdict"],
            detail=r["detail"],
            received_at=r["received_at"],
        )
        for r in rows.fetchall()
    ]


# ---- records ---------------------------------------------------------------------------------


def count_changed_rows(
    store: Store, forms: Iterable[FormSpec], since: int, upto: int, unit_code: str | None = None
) -> dict[str, int]:
    """Form id → number of rows with since < change_no ≤ upto (optionally of one unit)."""
    counts: dict[str, int] = {}
    for form in forms:
        sql = f'SELECT count(*) FROM "{form.table}" WHERE change_no > ? AND change_no <= ?'
        params: list[Any] = [since, upto]
        if unit_code is not None:
            sql += " AND unit_code = ?"
            params.append(unit_code)
        counts[form.id] = int(store.conn.execute(sql, params).fetchone()[0])
    return counts


def iter_changed_rows(
    store: Store, form: FormSpec, since: int, upto: int, unit_code: str | None = None
) -> Iterator[dict[str, Any]]:
    """Rows with since < change_no ≤ upto, in change order, fetched lazily."""
    columns = synced_columns(form)
    quoted = ", ".join(f'"{c}"' for c in columns)
    sql = f'SELECT {quoted} FROM "{form.table}" WHERE change_no > ? AND change_no <= ?'
    params: list[Any] = [since, upto]
    if unit_code is not None:
        sql += " AND unit_code = ?"
        params.append(unit_code)
    cursor = store.conn.execute(sql + " ORDER BY change_no", params)
    while batch := cursor.fetchmany(1000):
        for row in batch:
            yield dict(zip(columns, tuple(row), strict=True))


def fetch_rows(store: Store, form: FormSpec, uuids: Sequence[str]) -> dict[str, dict[str, Any]]:
    """Existing rows (sync columns) with these UUIDs, by UUID."""
    columns = synced_columns(form)
    quoted = ", ".join(f'"{c}"' for c in columns)
    found: dict[str, dict[str, Any]] = {}
    for start in range(0, len(uuids), _LOOKUP_BATCH):
        chunk = list(uuids[start : start + _LOOKUP_BATCH])
        marks = ", ".join("?" for _ in chunk)
        rows = store.conn.execute(
            f'SELECT {quoted} FROM "{form.table}" WHERE uuid IN ({marks})', chunk
        ).fetchall()
        for row in rows:
            found[row[0]] = dict(zip(columns, tuple(row), strict=True))
    return found


def unit_codes(store: Store, form: FormSpec, uuids: Iterable[str]) -> dict[str, str]:
    """The owning unit of each of these records that exists here, by UUID."""
    wanted = list(uuids)
    found: dict[str, str] = {}
    for start in range(0, len(wanted), _LOOKUP_BATCH):
        chunk = wanted[start : start + _LOOKUP_BATCH]
        marks = ", ".join("?" for _ in chunk)
        rows = store.conn.execute(
            f'SELECT uuid, unit_code FROM "{form.table}" WHERE uuid IN ({marks})', chunk
        ).fetchall()
        found.update((row[0], row[1]) for row in rows)
    return found


def reserve_change_numbers(store: Store, count: int) -> int:
    """Take `count` consecutive change numbers at once; returns the first (inside a transaction)."""
    # OR FAIL, like `upsert_rows`: no statement journal.
    row = store.conn.execute(
        "UPDATE OR FAIL counters SET value = value + ? WHERE name = 'change_no' RETURNING value",
        (count,),
    ).fetchone()
    return int(row[0]) - count + 1


def upsert_rows(
    store: Store,
    form: FormSpec,
    columns: Sequence[str],
    rows: Sequence[Sequence[Any]],
    *,
    first_change_no: int,
) -> None:
    """Insert or replace whole rows by UUID (values in `columns` order, search_text included),
    numbering them `first_change_no`, `first_change_no + 1`, … in order.

    Many rows go into each INSERT: the search index's triggers flush FTS5's pending terms once
    per statement, so one statement per row made a hub import spend most of its time there.

    OR FAIL: a failing row stops the statement without undoing the rows it already wrote —
    the package (or the run it is part of) is rolled back whole anyway — and spares SQLite the
    statement journal, a copy of every page the statement changes that the transaction had
    already changed (a tenth of a full hub's import when packages share one transaction).
    """
    if not rows:
        return
    at_change = list(columns).index("change_no")
    per_statement = rows_per_statement(store, len(columns))
    quoted = ", ".join(f'"{c}"' for c in columns)
    updates = ", ".join(f'"{c}" = excluded."{c}"' for c in columns if c != "uuid")
    one = "(" + ", ".join("?" for _ in columns) + ")"

    def statement(count: int) -> str:
        return (
            f'INSERT OR FAIL INTO "{form.table}" ({quoted}) VALUES {", ".join([one] * count)} '
            f"ON CONFLICT(uuid) DO UPDATE SET {updates}"
        )

    full = statement(per_statement)
    number = first_change_no
    for start in range(0, len(rows), per_statement):
        chunk = rows[start : start + per_statement]
        params: list[Any] = []
        for row in chunk:
            params += row
            params[len(params) - len(columns) + at_change] = number
            number += 1
        store.conn.execute(full if len(chunk) == per_statement else statement(len(chunk)), params)


def update_versions(store: Store, form: FormSpec, updates: Sequence[tuple[str, str, int]]) -> None:
    """Set (versions JSON, change_no) on rows kept after a conflict: (uuid, versions, change_no)."""
    store.conn.executemany(
        f'UPDATE "{form.table}" SET versions = ?, change_no = ? WHERE uuid = ?',
        [(versions, change_no, uuid) for uuid, versions, change_no in updates],
    )


def set_unit_code(store: Store, form: FormSpec, uuid: str, unit_code: str) -> None:
    """Give a record to another unit (a hub setting a commune's target)."""
    store.conn.execute(f'UPDATE "{form.table}" SET unit_code = ? WHERE uuid = ?', (unit_code, uuid))


# ---- conflicts -------------------------------------------------------------------------------


@dataclass(frozen=True, kw_only=True)
class ConflictRow:
    """Two concurrent versions of one record met; `kept` says which won."""

    at: str
    package_sha256: str
    form_id: str
    record_uuid: str
    unit_code: str
    kept: str
    kept_versions: str
    lost_versions: str
    lost_row: str


def record_conflicts(store: Store, conflicts: Sequence[ConflictRow]) -> None:
    """Log conflicts (inside the package's transaction)."""
    store.conn.executemany(
        "INSERT INTO sync_conflicts(at, package_sha256, form_id, record_uuid, unit_code, kept,"
        " kept_versions, lost_versions, lost_row) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
        [
            (
                c.at,
                c.package_sha256,
                c.form_id,
                c.record_uuid,
                c.unit_code,
                c.kept,
                c.kept_versions,
                c.lost_versions,
                c.lost_row,
            )
            for c in conflicts
        ],
    )


def list_conflicts(store: Store, limit: int = 1000) -> list[ConflictRow]:
    """Recorded conflicts, newest first."""
    rows = store.conn.execute(
        "SELECT at, package_sha256, form_id, record_uuid, unit_code, kept, kept_versions,"
        " lost_versions, lost_row FROM sync_conflicts ORDER BY id DESC LIMIT ?",
        (int(limit),),
    ).fetchall()
    return [
        ConflictRow(
            at=r["at"],
            package_sha256=r["package_sha256"],
            form_id=r["form_id"],
            record_uuid=r["record_uuid"],
            unit_code=r["unit_code"],
            kept=r["kept"],
            kept_versions=r["kept_versions"],
            lost_versions=r["lost_versions"],
            lost_row=r["lost_row"],
        )
        for r in rows
    ]


# ---- copies ----------------------------------------------------------------------------------


def copy_database(store: Store, target: Path) -> None:
    """A consistent copy of the whole database into a new file (SQLite's online backup).

    An encrypted database is copied under the same key: a copy is never less protected.
    """
    if not target.parent.is_dir():
        raise StoreError(
            msg(
                "Không ghi được {p}: thư mục {d} không tồn tại.",
                "Cannot write {p}: folder {d} does not exist.",
                p=target.name,
                d=str(target.parent),
            )
        )
    # The copy holds everything the database holds: owner-only from its first byte.
    create_private(target)
    try:
        dest = dbapi.connect(target, store.key)
        try:
            store.conn.backup(dest)
        finally:
            dest.close()
    except dbapi.Error as exc:
        for leftover in (target, Path(f"{target}-wal"), Path(f"{target}-shm")):
            leftover.unlink(missing_ok=True)
        if dbapi.is_disk_full(exc):
            raise DiskFullError(str(target)) from None
        raise StoreError(
            msg(
                "Không sao được cơ sở dữ liệu vào {p}: {e}.",
                "Cannot copy the database to {p}: {e}.",
                p=str(target),
                e=str(exc),
            )
        ) from None
    if store.key is not None:
        # The copy opens with the same passwords (and recovery code) as the original; only
        # its own key (a re-key under way would also hold the next one).
        Keyring.load(keyring_path(store.path)).only(store.key).save(keyring_path(target))
