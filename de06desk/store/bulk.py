"""Writing many records at once: one transaction, executemany, change numbers in a block.

Saving records one by one costs a SELECT per reference and an audit row each; for imports and
generated data at real scale this path validates the same way but writes in batches and logs
one audit entry for the whole batch.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterable, Mapping
from typing import Any

from de06desk.domain.i18n import Msg, msg
from de06desk.domain.progress import CancelCheck, Cancelled, Progress, never_cancelled, no_progress
from de06desk.forms import validate_record

from .database import Store, search_text, to_db, utc_now
from .errors import StoreError, ValidationError

_BATCH = 5000


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
    database as it was.
    """
    form = store.forms[form_id]
    names = form.field_names
    columns = [
        "uuid",
        "unit_code",
        *names,
        "created_at",
        "updated_at",
        "author",
        "device_id",
        "change_no",
        "edit_count",
        "versions",
        "deleted",
        "search_text",
    ]
    sql = (
        f'INSERT INTO "{form.table}" ({", ".join(f"{chr(34)}{c}{chr(34)}" for c in columns)}) '
        f"VALUES ({', '.join('?' for _ in columns)})"
    )
    unit, device, now = store.unit_code, store.device_id, utc_now()
    versions = json.dumps({device: 1})
    uuids: list[str] = []
    try:
        with store.transaction():
            batch: list[list[Any]] = []
            for index, raw in enumerate(records):
                values = {
                    f.name: raw.get(f.name, [] if f.type == "multi_choice" else None)
                    for f in form.fields
                }
                if validate:
                    errors = validate_record(form, values)
                    if errors:
                        raise ValidationError(Msg(form.label_vi, form.label_en), errors)
                uuid = str(raw.get("uuid") or store.uuid_factory())
                uuids.append(uuid)
                batch.append(
                    [
                        uuid,
                        unit,
                        *(to_db(f, values[f.name]) for f in form.fields),
                        now,
                        now,
                        user,
                        device,
                        0,
                        1,
                        versions,
                        0,
                        search_text(form, values),
                    ]
                )
                if len(batch) >= _BATCH:
                    _flush(store, sql, batch, columns)
                    if cancelled():
                        raise Cancelled()
                    if total:
                        progress(min(1.0, (index + 1) / total), "")
            _flush(store, sql, batch, columns)
            store.audit(
                "bulk_create", user, form_id=form_id, detail=detail or f"{len(uuids)} records"
            )
    except sqlite3.IntegrityError:
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
    return uuids


def _flush(store: Store, sql: str, batch: list[list[Any]], columns: list[str]) -> None:
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
    store.conn.executemany(sql, batch)
    batch.clear()
