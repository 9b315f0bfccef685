"""Deleted records can be listed and brought back, audited and passed on by sync."""

from __future__ import annotations

import pytest

from de06desk.store import Store
from de06desk.store.deleted import deleted_records, restore_record
from de06desk.store.errors import NotFoundError


def test_a_deleted_record_is_listed_and_restored_with_an_audit_entry(store: Store) -> None:
    kept = store.save_record("village", {"name": "Thôn Đông"}, user="an")
    gone = store.save_record("village", {"name": "Bản Nà Lừa"}, user="an")
    store.delete_record("village", gone.uuid, user="binh")
    assert store.get_record("village", gone.uuid) is None
    listed = deleted_records(store, "village")
    assert [(d.uuid, d.title, d.deleted_by) for d in listed] == [(gone.uuid, "Bản Nà Lừa", "binh")]
    before = store.current_change_no()

    back = restore_record(store, "village", gone.uuid, user="chi")

    assert back.uuid == gone.uuid and back["name"] == "Bản Nà Lừa" and not back.deleted
    assert back.change_no == before + 1 and back.author == "chi"  # sync passes it on
    assert sum(back.versions.values()) == sum(gone.versions.values()) + 2
    assert deleted_records(store, "village") == []
    assert {r.uuid for r in store.list_records("village")} == {kept.uuid, gone.uuid}
    action, who, uuid = store.conn.execute(
        "SELECT action, username, record_uuid FROM audit ORDER BY rowid DESC LIMIT 1"
    ).fetchone()
    assert (action, who, uuid) == ("restore_record", "chi", gone.uuid)


def test_restoring_a_live_or_unknown_record_is_refused(store: Store) -> None:
    live = store.save_record("village", {"name": "Thôn Đông"}, user="an")
    with pytest.raises(NotFoundError, match="Không tìm thấy bản ghi đã xóa"):
        restore_record(store, "village", live.uuid, user="an")
    with pytest.raises(NotFoundError):
        restore_record(store, "village", "no-such-uuid", user="an")
