"""Writing many records at once: one transaction, multi-row INSERTs, change numbers in a block,
the search index filled a block at a time, and (into a table no larger than the batch) the
table's indexes built once at the end; rows are made on a second thread while SQLite writes.

Saving records one by one costs a SELECT per reference and an audit row each; for imports and
generated data at real scale this path validates the same way but writes in batches and logs
one audit entry for the whole batch. What each step saved: docs/BENCHMARKS.md (list import).
"""

from __future__ import annotations

import json
import sqlite3
import sys
from collections.abc import Iterable, Iterator, Mapping, Sequence, Sized
from concurrent.futures import ThreadPoolExecutor
from contextlib import contextmanager
from itertools import islice
from typing import Any

from de06desk.domain.i18n import Msg, msg
from de06desk.domain.progress import CancelCheck, Cancelled, Progress, never_cancelled, no_progress
from de06desk.forms import FormSpec, RecordValidator, bookkeeping
from de06desk.forms.codec import blank, row_to_db

from . import dbapi
from .database import Store, search_text, utc_now
from .errors import StoreError, ValidationError
from .schema import search_table

_BATCH = 5000
# New UUIDs made (and sorted) at a time: 50,000 strings are ≈ 5 MB.
_UUID_BLOCK = 50_000
# Batches smaller than this keep the table's indexes (rebuilding costs a few table scans).
_REBUILD_MIN = 1000
# Page cache while a bulk insert runs (KiB); set back when it ends.
_CACHE_KIB = 64 * 1024
# Rows per multi-row INSERT (bounded again by the host-parameter limit).
_ROWS_PER_STATEMENT = 500


def insert_records(
    store: Store,
    form_id: str,
    records: Iterable[Mapping[str, Any]],
    *,
    user: str,
    validate: bool = True,
    detail: str = "",
    progress: Progress = no_progress,
    cancelled: CancelCheck = never_cancelled,
    total: int | None = None,
) -> list[str]:
    """Insert new records of one form in a single transaction; returns their UUIDs in order.

    Every record is checked against its form when `validate` is true (references are
    checked by the foreign keys at commit). Any invalid record or a cancel leaves the
    database as it was. Records without a "uuid" get new ones, handed out in sorted order
    within each block (see `_new_uuids`). `records` is read on a second thread: a generator
    passed here must not use the database.
    """
    form = store.forms[form_id]
    columns = bookkeeping.table_columns(form)
    if total is None and isinstance(records, Sized):
        total = len(records)
    make_rows = _RowMaker(store, form, user, RecordValidator(form) if validate else None, total)
    written = 0
    try:
        with (
            store.transaction(),
            _bulk_load(store, form, total or 0),
            search_index_in_bulk(store, form) as search_index,
            ThreadPoolExecutor(1, thread_name_prefix="bulk-rows") as pool,
            _quick_lock_handover(),
        ):
            # Rows are made (read from `records`, checked, encoded, search text) on a second
            # thread while SQLite, which lets go of Python's lock, writes the previous block on
            # this one.
            blocks = _blocks(records, _BATCH)

            def next_rows() -> list[list[Any]]:
                return make_rows(next(blocks, []))

            pending = pool.submit(next_rows)
            while rows := pending.result():
                pending = pool.submit(next_rows)
                written += len(rows)
                _flush(store, form.table, rows, columns)
                # Indexed block by block, so this too overlaps the next block's rows.
                search_index.catch_up()
                if cancelled():
                    raise Cancelled()
                if total:
                    progress(min(1.0, written / total), "")
            store.audit(
                "bulk_create",
                user,
                form_id=form_id,
                detail=detail or f"{len(make_rows.uuids)} records",
            )
    except dbapi.IntegrityError:
        # Deferred foreign keys are checked at commit: a reference to a missing record.
        raise StoreError(
            msg(
                "{f}: có bản ghi trỏ tới thôn/xóm, cán bộ hoặc bản ghi khác không tồn tại; "
                "không có gì được ghi.",
                "{g}: a record points to a village, officer or record that does not exist; "
                "nothing was written.",
                f=form.label_vi,
                g=form.label_en,
            )
        ) from None
    progress(1.0, "")
    return make_rows.uuids


class _RowMaker:
    """Turns blocks of records into table rows (in `insert_records` column order, change
    numbers still 0) and keeps the UUIDs given out, in order; runs on the second thread."""

    def __init__(
        self,
        store: Store,
        form: FormSpec,
        user: str,
        validator: RecordValidator | None,
        total: int | None,
    ) -> None:
        self.store, self.form, self.user = store, form, user
        self.validator, self.total = validator, total
        self.unit, device, now = store.unit_code, store.device_id, utc_now()
        # A new record's bookkeeping after its fields, in table order (`_flush` numbers the
        # changes of a block; the search text is filled per record).
        new = {
            "created_at": now,
            "updated_at": now,
            "author": user,
            "device_id": device,
            "change_no": 0,
            "edit_count": 1,
            "versions": json.dumps({device: 1}),
            "deleted": 0,
            "search_text": "",
        }
        self.tail = [new[c.name] for c in bookkeeping.TAIL]
        self.search_at = bookkeeping.table_columns(form).index("search_text")
        self.to_columns = row_to_db(form)
        self.uuids: list[str] = []
        self.fresh: list[str] = []

    def __call__(self, records: list[Mapping[str, Any]]) -> list[list[Any]]:
        form, fields, validator = self.form, self.form.fields, self.validator
        rows: list[list[Any]] = []
        for raw in records:
            if validator is not None:
                values = {f.name: raw.get(f.name, blank(f)) for f in fields}
                errors = validator(values)
                if errors:
                    raise ValidationError(Msg(form.label_vi, form.label_en), errors)
            # A missing value and its blank ([] for multi-choice) are stored alike (NULL) and
            # give the same search text, so the raw mapping serves as it is.
            uuid = raw.get("uuid")
            if not uuid:
                if not self.fresh:
                    left = self.total - len(self.uuids) if self.total else _BATCH
                    self.fresh = _new_uuids(self.store, left)
                uuid = self.fresh.pop()
            uuid = str(uuid)
            self.uuids.append(uuid)
            row = [uuid, self.unit, *self.to_columns(raw), *self.tail]
            row[self.search_at] = search_text(form, raw)
            rows.append(row)
        return rows


def _blocks(records: Iterable[Mapping[str, Any]], size: int) -> Iterator[list[Mapping[str, Any]]]:
    items = iter(records)
    while block := list(islice(items, size)):
        yield block


# Seconds a thread may hold Python's lock while another waits for it (Python's default: 0.005).
_SWITCH_INTERVAL = 0.0002


@contextmanager
def _quick_lock_handover() -> Iterator[None]:
    """While rows are made on the second thread, hand Python's lock over sooner: the writing
    thread lets go of it for every statement and would then wait up to 5 ms for it each time
    (sync/importer.py does the same for the same reason)."""
    previous = sys.getswitchinterval()
    sys.setswitchinterval(_SWITCH_INTERVAL)
    try:
        yield
    finally:
        sys.setswitchinterval(previous)


def _new_uuids(store: Store, wanted: int) -> list[str]:
    """Up to `_UUID_BLOCK` new UUIDs, sorted descending (so `pop()` gives them ascending).

    A block is made in one millisecond, so its time-ordered UUIDs share their time and differ
    in their random bits: in random order they would land all over that part of the table's
    primary-key index; inserted in order they append to it, which made a 50,000-row import's
    INSERTs ≈ 25 % faster (docs/BENCHMARKS.md). Which record gets which of them does not matter.
    """
    count = max(1, min(_UUID_BLOCK, wanted))
    return sorted(store.new_uuids(count), reverse=True)


@contextmanager
def _bulk_load(store: Store, form: FormSpec, expected: int) -> Iterator[None]:
    """Inside a transaction: a larger page cache while many rows go into `form`'s table, and
    when the batch is at least as large as the table already is, its secondary indexes
    dropped first and built once at the end.

    Building an index from the finished table sorts once; keeping six indexes up to date row
    by row cost more than half of a 50,000-row import's INSERTs (docs/BENCHMARKS.md). On a
    large table rebuilding would cost more than it saves, so the indexes stay. DROP and
    CREATE INDEX are part of the caller's transaction: an error or a cancel rolls them back
    with the rows. Only indexes with SQL of their own are rebuilt (not the UUID key's).
    """
    conn = store.conn
    if not conn.in_transaction:
        raise RuntimeError("_bulk_load needs an open transaction")
    (previous,) = conn.execute("PRAGMA cache_size").fetchone()
    conn.execute(f"PRAGMA cache_size = {-_CACHE_KIB}")
    try:
        rebuilt: list[tuple[str, str]] = []
        (top,) = conn.execute(f'SELECT coalesce(max(rowid), 0) FROM "{form.table}"').fetchone()
        if expected >= _REBUILD_MIN and expected >= top:
            rebuilt = conn.execute(
                "SELECT name, sql FROM sqlite_master WHERE type = 'index' AND tbl_name = ? "
                "AND sql IS NOT NULL",
                (form.table,),
            ).fetchall()
            for name, _ in rebuilt:
                conn.execute(f'DROP INDEX "{name}"')
        yield
        for _, sql in rebuilt:
            conn.execute(sql)
    finally:
        conn.execute(f"PRAGMA cache_size = {int(previous)}")


def _flush(store: Store, table: str, batch: list[list[Any]], columns: list[str]) -> None:
    if not batch:
        return
    # Change numbers are reserved as one block so the batch costs one counter update.
    last = int(
        store.conn.execute(
            "UPDATE counters SET value = value + ? WHERE name = 'change_no' RETURNING value",
            (len(batch),),
        ).fetchone()[0]
    )
    position = columns.index("change_no")
    for offset, row in enumerate(batch):
        row[position] = last - len(batch) + 1 + offset
    insert_many(store, table, columns, batch)
    batch.clear()


def rows_per_statement(store: Store, columns: int) -> int:
    """How many rows of `columns` values one multi-row statement may carry."""
    try:
        limit = int(store.conn.getlimit(sqlite3.SQLITE_LIMIT_VARIABLE_NUMBER))
    except AttributeError:  # a driver without getlimit: SQLite's historical minimum
        limit = 999
    return max(1, min(_ROWS_PER_STATEMENT, limit // columns))


def insert_many(
    store: Store, table: str, columns: Sequence[str], rows: Sequence[Sequence[Any]]
) -> None:
    """INSERT rows (values in `columns` order) with hundreds of rows per statement.

    FTS5 flushes its pending terms at every statement that fires a search-index trigger, so
    `executemany` (one statement per row) spent most of a bulk insert there.
    """
    quoted = ", ".join(f'"{c}"' for c in columns)
    one = "(" + ", ".join("?" for _ in columns) + ")"
    step = rows_per_statement(store, len(columns))
    for start in range(0, len(rows), step):
        chunk = rows[start : start + step]
        store.conn.execute(
            f'INSERT INTO "{table}" ({quoted}) VALUES {", ".join([one] * len(chunk))}',
            [value for row in chunk for value in row],
        )


class PendingSearchIndex:
    """New rows of a bulk insert not yet in the search index (see `search_index_in_bulk`)."""

    def __init__(self, store: Store, form: FormSpec, top: int | None) -> None:
        self.store, self.form, self.done = store, form, top

    def catch_up(self) -> None:
        """Index, in one statement, the rows inserted since the last call."""
        if self.done is None:
            return  # a form without a search index
        table = self.form.table
        (last,) = self.store.conn.execute(
            f'SELECT coalesce(max(rowid), 0) FROM "{table}"'
        ).fetchone()
        if last > self.done:
            self.store.conn.execute(
                f'INSERT INTO "{search_table(self.form)}"(rowid, search_text) '
                f'SELECT rowid, search_text FROM "{table}" WHERE rowid > ? AND rowid <= ?',
                (self.done, last),
            )
            self.done = last


@contextmanager
def search_index_in_bulk(store: Store, form: FormSpec) -> Iterator[PendingSearchIndex]:
    """Inside a transaction: rows inserted meanwhile are added to the search index in one
    statement at the end (or at each `catch_up()` of what it yields) instead of one trigger
    call each (updates still use their trigger).

    FTS5 flushes its pending terms at every statement that fires the trigger; indexing a
    package's new rows at once costs a fraction of that. The insert trigger is dropped and
    re-created (same SQL) inside the caller's transaction, so an error or a refusal rolls
    both back. New rows are those with a rowid above the largest before: SQLite gives a new
    row max(rowid) + 1 until rowids run out at 2⁶³ − 1.
    """
    if not store.conn.in_transaction:
        raise RuntimeError("search_index_in_bulk needs an open transaction")
    fts = search_table(form)
    trigger = f"{fts}_ai"
    row = store.conn.execute(
        "SELECT sql FROM sqlite_master WHERE type = 'trigger' AND name = ?", (trigger,)
    ).fetchone()
    if not form.searchable_fields or row is None:
        yield PendingSearchIndex(store, form, None)
        return
    (top,) = store.conn.execute(f'SELECT coalesce(max(rowid), 0) FROM "{form.table}"').fetchone()
    store.conn.execute(f'DROP TRIGGER "{trigger}"')
    pending = PendingSearchIndex(store, form, top)
    yield pending
    pending.catch_up()
    store.conn.execute(row[0])
