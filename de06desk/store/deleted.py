"""Deleted records ("Đã xóa"): the tombstones a user may look through and bring back.

A delete leaves the row, marked deleted, so sync can pass the deletion on. Restoring is the
same kind of change the other way: the row is live again with a new change number and a
bumped version for this device (so a restore travels by sync like an edit), in one
transaction, with an audit entry ("restore").
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from de06desk.domain.i18n import msg
from de06desk.forms.codec import from_db, record_to_json

from .database import Record, Store
from .errors import NotFoundError


@dataclass(frozen=True)
class DeletedRecord:
    """A tombstone as a list shows it: what it was, when and by whom it was deleted."""

    uuid: str
    title: Any  # the value of the form's title field, typed as in Record.values
    deleted_at: str  # ISO 8601 UTC
    deleted_by: str


def deleted_records(store: Store, form_id: str, *, limit: int = 500) -> list[DeletedRecord]:
    """The form's deleted records, the most recently deleted first."""
    form = store.forms[form_id]
    title = form.title_field
    rows = store.conn.execute(
        f'SELECT uuid, "{title}", updated_at, author FROM "{form.table}"'
        " WHERE deleted = 1 ORDER BY updated_at DESC, rowid DESC LIMIT ?",
        (int(limit),),
    ).fetchall()
    spec = form.field(title)
    return [DeletedRecord(r[0], from_db(spec, r[1]), r[2], r[3]) for r in rows]


def restore_record(store: Store, form_id: str, uuid: str, *, user: str) -> Record:
    """Bring a deleted record back (audited); returns it live."""
    form = store.forms[form_id]
    with store.transaction():
        current = store.get_record(form_id, uuid, include_deleted=True)
        if current is None or not current.deleted:
            raise NotFoundError(
                msg(
                    "Không tìm thấy bản ghi đã xóa này (có thể đã được khôi phục).",
                    "This deleted record was not found (it may have been restored already).",
                )
            )
        store._mark_deleted(form, current, False, user)
        store.audit(
            "restore_record",
            user,
            form_id=form_id,
            record_uuid=uuid,
            new=record_to_json(form, current.values),
        )
    restored = store.get_record(form_id, uuid)
    assert restored is not None
    return restored
