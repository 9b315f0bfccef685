"""SQL for the citizen import's bulk updates and tombstones, and for undoing an import batch.

New records go through `store.bulk.insert_records`. Updating or tombstoning 10,000 records
with `save_record`/`delete_record` would cost a SELECT, a counter UPDATE and an audit insert
per row; here each step is one `executemany` inside the caller's transaction. Every row still
gets what the single-record path gives it: a new change number, the device's vector-clock
entry, `search_text`, and an audit row (`update`/`delete`, detail naming the batch). The batch
itself is kept in two local tables (never synced) so the import can be undone as a unit.
"""

from __future__ import annotations

import json
from collections.abc import Collection, Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from de06desk.domain.i18n import msg
from de06desk.forms.codec import record_to_json, row_to_db

from .bulk import insert_many
from .database import Record, Store, search_text, utc_now
from .errors import StoreError

# SQLite's default limit on bound variables per statement is 999 on old builds.
_CHUNK = 900


@dataclass(frozen=True)
class ImportBatch:
    """One recorded import: what it did and whether it was undone."""

    batch_id: str
    kind: str
    source: str
    created_at: str
    username: str
    added: int
    updated: int
    refused: int
    undone_at: str | None
    undone_by: str | None


@dataclass(frozen=True)
class BatchRow:
    """One record an import created or changed, with its values before the import."""

    form_id: str
    record_uuid: str
    action: str
    old_values: dict[str, Any] | None
    change_no: int


@dataclass(frozen=True)
class CreatedBlock:
    """Records one bulk insert created: their UUIDs in the order written, numbered
    `first_change_no`, `first_change_no + 1`, … (as `store.bulk.insert_records` numbers them).
    Kept as one `create` batch row each, made here without a BatchRow per record."""

    form_id: str
    uuids: Sequence[str]
    first_change_no: int


def _chunks(items: Sequence[Any]) -> Iterable[Sequence[Any]]:
    for start in range(0, len(items), _CHUNK):
        yield items[start : start + _CHUNK]


def records_by_field(
    store: Store, form_id: str, field: str, values: Iterable[str]
) -> dict[str, list[Record]]:
    """Non-deleted records whose `field` equals one of `values`, grouped by that value."""
    form = store.form(form_id)
    column = store._column(form, field)
    wanted = sorted(set(values))
    found: dict[str, list[Record]] = {}
    for chunk in _chunks(wanted):
        marks = ", ".join("?" for _ in chunk)
        rows = store.conn.execute(
            f'SELECT * FROM "{form.table}" WHERE deleted = 0 AND {column} IN ({marks}) '
            "ORDER BY created_at, rowid",
            list(chunk),
        )
        for row in rows:
            record = store._record(form, row)
            found.setdefault(record.values[field], []).append(record)
    return found


def records_by_uuid(
    store: Store, form_id: str, uuids: Iterable[str], *, include_deleted: bool = True
) -> dict[str, Record]:
    """Records of `form_id` by UUID (deleted ones too unless told otherwise)."""
    form = store.form(form_id)
    wanted = sorted(set(uuids))
    found: dict[str, Record] = {}
    for chunk in _chunks(wanted):
        marks = ", ".join("?" for _ in chunk)
        sql = f'SELECT * FROM "{form.table}" WHERE uuid IN ({marks})'
        if not include_deleted:
            sql += " AND deleted = 0"
        for row in store.conn.execute(sql, list(chunk)):
            found[row["uuid"]] = store._record(form, row)
    return found


def _reserve_change_nos(store: Store, count: int) -> int:
    """Take `count` consecutive change numbers at once; returns the first."""
    row = store.conn.execute(
        "UPDATE counters SET value = value + ? WHERE name = 'change_no' RETURNING value",
        (count,),
    ).fetchone()
    return int(row[0]) - count + 1


def _json(data: Mapping[str, Any] | None) -> str | None:
    if data is None:
        return None
    return json.dumps(data, ensure_ascii=False, default=str, sort_keys=True)


def change_numbers(store: Store, form_id: str, uuids: Sequence[str]) -> dict[str, int]:
    """The current change number of each record (to tell later whether it was edited)."""
    table = store.form(form_id).table
    found: dict[str, int] = {}
    for chunk in _chunks(list(uuids)):
        marks = ", ".join("?" for _ in chunk)
        rows = store.conn.execute(
            f'SELECT uuid, change_no FROM "{table}" WHERE uuid IN ({marks})', list(chunk)
        )
        found.update((uuid, int(change_no)) for uuid, change_no in rows)
    return found


@dataclass(frozen=True)
class RowUpdate:
    """New values for an existing record, and the change number it must still have."""

    uuid: str
    values: Mapping[str, Any]
    expected_change_no: int


def update_records(
    store: Store, form_id: str, updates: Sequence[RowUpdate], *, user: str, detail: str
) -> dict[str, tuple[dict[str, Any], int]]:
    """Overwrite the field values of existing records; returns uuid → (old values, change_no).

    Call inside a transaction. A record changed or deleted since its `expected_change_no`
    was read makes the whole call fail (StoreError), so nothing written on stale data stays.
    """
    if not updates:
        return {}
    form = store.form(form_id)
    current = records_by_uuid(store, form_id, [u.uuid for u in updates], include_deleted=False)
    stale = [
        u
        for u in updates
        if u.uuid not in current or current[u.uuid].change_no != u.expected_change_no
    ]
    if stale:
        raise StoreError(
            msg(
                "{n} hồ sơ đã bị sửa hoặc xóa sau khi xem trước. Không có gì được ghi; hãy xem "
                "trước và nhập lại.",
                "{n} records were edited or deleted after the preview. Nothing was written; "
                "preview and import again.",
                n=len(stale),
            )
        )
    now, device = utc_now(), store.device_id
    first = _reserve_change_nos(store, len(updates))
    to_columns = row_to_db(form)
    sets = ", ".join(f'"{f.name}" = ?' for f in form.fields)
    params: list[list[Any]] = []
    audit: list[tuple[Any, ...]] = []
    result: dict[str, tuple[dict[str, Any], int]] = {}
    for offset, update in enumerate(updates):
        record = current[update.uuid]
        values = {f.name: update.values.get(f.name) for f in form.fields}
        versions = dict(record.versions)
        versions[device] = versions.get(device, 0) + 1
        change_no = first + offset
        params.append(
            [
                *to_columns(values),
                *(now, user, device, change_no, record.edit_count + 1, json.dumps(versions)),
                search_text(form, values),
                update.uuid,
            ]
        )
        changed = [k for k, v in values.items() if record.values.get(k) != v]
        audit.append(
            (
                now,
                user,
                "update",
                form_id,
                update.uuid,
                _json(record_to_json(form, {k: record.values.get(k) for k in changed})),
                _json(record_to_json(form, {k: values[k] for k in changed})),
                detail,
            )
        )
        result[update.uuid] = (dict(record.values), change_no)
    store.conn.executemany(
        f'UPDATE "{form.table}" SET {sets}, updated_at = ?, author = ?, device_id = ?, '
        "change_no = ?, edit_count = ?, versions = ?, search_text = ? WHERE uuid = ?",
        params,
    )
    store.append_audit(audit)
    return result


def tombstone_records(
    store: Store, form_id: str, uuids: Sequence[str], *, user: str, detail: str
) -> None:
    """Mark records deleted (tombstones, as `delete_record` does); call inside a transaction."""
    if not uuids:
        return
    form = store.form(form_id)
    current = records_by_uuid(store, form_id, uuids, include_deleted=False)
    now, device = utc_now(), store.device_id
    live = [u for u in uuids if u in current]
    first = _reserve_change_nos(store, len(live)) if live else 0
    params: list[tuple[Any, ...]] = []
    audit: list[tuple[Any, ...]] = []
    for offset, uuid in enumerate(live):
        record = current[uuid]
        versions = dict(record.versions)
        versions[device] = versions.get(device, 0) + 1
        params.append((now, user, device, first + offset, json.dumps(versions), uuid))
        audit.append(
            (
                now,
                user,
                "delete",
                form_id,
                uuid,
                _json(record_to_json(form, record.values)),
                None,
                detail,
            )
        )
    store.conn.executemany(
        f'UPDATE "{form.table}" SET deleted = 1, updated_at = ?, author = ?, device_id = ?, '
        "change_no = ?, edit_count = edit_count + 1, versions = ? WHERE uuid = ?",
        params,
    )
    store.append_audit(audit)


def referencing_records(
    store: Store, target_form: str, uuids: Sequence[str], exclude: Collection[str] = ()
) -> dict[str, int]:
    """How many non-deleted records of each form point at any of `uuids` (by reference field),
    leaving out the records in `exclude` (those an import made together with the targets)."""
    counts: dict[str, int] = {}
    left_out = set(exclude)
    for form in store.forms:
        for spec in form.fields:
            if spec.target_form != target_form:
                continue
            total = 0
            for chunk in _chunks(list(uuids)):
                marks = ", ".join("?" for _ in chunk)
                rows = store.conn.execute(
                    f'SELECT uuid FROM "{form.table}" WHERE deleted = 0 '
                    f'AND "{spec.name}" IN ({marks})',
                    list(chunk),
                )
                total += sum(1 for (uuid,) in rows if uuid not in left_out)
            if total:
                counts[form.id] = counts.get(form.id, 0) + total
    return counts


def record_batch(
    store: Store,
    batch: ImportBatch,
    rows: Sequence[BatchRow],
    created: Sequence[CreatedBlock] = (),
) -> None:
    """Store an import batch and the records it touched (`rows`, and the records of the
    `created` blocks); call inside the import's transaction."""
    store.conn.execute(
        "INSERT INTO import_batches(batch_id, kind, source, created_at, username, added, "
        "updated, refused) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
        (
            batch.batch_id,
            batch.kind,
            batch.source,
            batch.created_at,
            batch.username,
            batch.added,
            batch.updated,
            batch.refused,
        ),
    )
    insert_many(
        store,
        "import_batch_rows",
        ["batch_id", "form_id", "record_uuid", "action", "old_values", "change_no"],
        [
            (batch.batch_id, r.form_id, r.record_uuid, r.action, _json(r.old_values), r.change_no)
            for r in rows
        ]
        + [
            (batch.batch_id, block.form_id, uuid, "create", None, block.first_change_no + offset)
            for block in created
            for offset, uuid in enumerate(block.uuids)
        ],
    )


def list_batches(store: Store) -> list[ImportBatch]:
    """Recorded imports, newest first."""
    rows = store.conn.execute(
        "SELECT batch_id, kind, source, created_at, username, added, updated, refused, "
        "undone_at, undone_by FROM import_batches ORDER BY created_at DESC, rowid DESC"
    )
    return [ImportBatch(*row) for row in rows]


def get_batch(store: Store, batch_id: str) -> ImportBatch | None:
    """One recorded import, or None."""
    return next((b for b in list_batches(store) if b.batch_id == batch_id), None)


def batch_rows(store: Store, batch_id: str) -> list[BatchRow]:
    """The records an import created or changed, in the order it wrote them."""
    rows = store.conn.execute(
        "SELECT form_id, record_uuid, action, old_values, change_no FROM import_batch_rows "
        "WHERE batch_id = ? ORDER BY change_no",
        (batch_id,),
    )
    return [BatchRow(r[0], r[1], r[2], json.loads(r[3]) if r[3] else None, int(r[4])) for r in rows]


def mark_undone(store: Store, batch_id: str, user: str) -> None:
    """Record that a batch was undone; call inside the undo's transaction."""
    store.conn.execute(
        "UPDATE import_batches SET undone_at = ?, undone_by = ? WHERE batch_id = ?",
        (utc_now(), user, batch_id),
    )


def find_mapping(store: Store, kind: str, header_key: str) -> dict[str, int] | None:
    """The saved column mapping (field → column) for a list of `kind` with these headers."""
    row = store.conn.execute(
        "SELECT mapping FROM import_mappings WHERE kind = ? AND header_key = ?",
        (kind, header_key),
    ).fetchone()
    if row is None:
        return None
    return {str(k): int(v) for k, v in json.loads(row[0]).items()}


def save_mapping(
    store: Store,
    kind: str,
    header_key: str,
    headers: Sequence[str],
    mapping: Mapping[str, int],
    user: str,
) -> None:
    """Remember the mapping the officer confirmed for this header set (replacing an older one)."""
    with store.transaction():
        store.conn.execute(
            "INSERT INTO import_mappings(kind, header_key, headers, mapping, updated_at, "
            "username) VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT(kind, header_key) DO UPDATE SET "
            "headers = excluded.headers, mapping = excluded.mapping, "
            "updated_at = excluded.updated_at, username = excluded.username",
            (
                kind,
                header_key,
                json.dumps(list(headers), ensure_ascii=False),
                json.dumps(dict(mapping), sort_keys=True),
                utc_now(),
                user,
            ),
        )
