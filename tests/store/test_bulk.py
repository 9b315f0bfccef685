"""Bulk insert: same validation and bookkeeping as single saves, all-or-nothing."""

from __future__ import annotations

import time
import uuid

import pytest

from de06desk.domain.progress import Cancelled
from de06desk.store import Store, StoreError, ValidationError
from de06desk.store.bulk import insert_records
from de06desk.store.database import new_record_uuids
from de06desk.store.lists import ListQuery, fetch_rows


def _people(village: str, n: int) -> list[dict]:
    return [
        {
            "full_name": f"Nguyễn Văn {i}",
            "birth_year": 1950 + i % 60,
            "village": village,
            "living_status": "living",
        }
        for i in range(n)
    ]


def test_bulk_insert_numbers_changes_and_indexes_search(store: Store) -> None:
    village = store.save_record("village", {"name": "Thôn Đông"}, user="t").uuid
    before = store.current_change_no()
    uuids = insert_records(store, "citizen", _people(village, 12001), user="t")
    assert len(set(uuids)) == 12001
    assert store.count_records("citizen") == 12001
    assert store.current_change_no() == before + 12001
    numbers = [
        r[0] for r in store.conn.execute("SELECT change_no FROM citizens ORDER BY change_no")
    ]
    assert numbers == list(range(before + 1, before + 12002))
    first = store.get_record("citizen", uuids[0])
    assert first is not None and first["full_name"] == "Nguyễn Văn 0"
    hits = fetch_rows(store, ListQuery("citizen", search="van 1200"))
    names = sorted(r.values["full_name"] for r in hits)
    assert names == ["Nguyễn Văn 11200", "Nguyễn Văn 1200", "Nguyễn Văn 12000"]
    assert (
        store.conn.execute("SELECT count(*) FROM audit WHERE action = 'bulk_create'").fetchone()[0]
        == 1
    )


def test_one_bad_record_leaves_nothing(store: Store) -> None:
    village = store.save_record("village", {"name": "Thôn Đông"}, user="t").uuid
    people = _people(village, 7000)
    people[6500]["birth_year"] = None
    before = store.current_change_no()
    with pytest.raises(ValidationError):
        insert_records(store, "citizen", people, user="t")
    assert store.count_records("citizen") == 0
    assert store.current_change_no() == before


def test_cancel_leaves_nothing(store: Store) -> None:
    village = store.save_record("village", {"name": "Thôn Đông"}, user="t").uuid
    with pytest.raises(Cancelled):
        insert_records(store, "citizen", _people(village, 12000), user="t", cancelled=lambda: True)
    assert store.count_records("citizen") == 0


def test_reference_to_a_missing_village_is_a_clear_refusal(store: Store) -> None:
    people = _people("6d3c5f0e-0000-4000-8000-000000000001", 3)
    with pytest.raises(StoreError, match="không tồn tại"):
        insert_records(store, "citizen", people, user="t")
    assert store.count_records("citizen", include_deleted=True) == 0


def test_uuids_made_together_are_distinct_version_7_uuids_of_now() -> None:
    before = time.time_ns() // 1_000_000
    made = new_record_uuids(2000)
    after = time.time_ns() // 1_000_000
    assert len(set(made)) == 2000
    for text in made:
        parsed = uuid.UUID(text)
        assert str(parsed) == text and parsed.version == 7 and parsed.variant == uuid.RFC_4122
        assert before <= parsed.int >> 80 <= after


def test_new_records_sort_in_the_order_they_were_made(store: Store) -> None:
    # What keeps a hub's UUID indexes local: a later record's UUID sorts after an earlier one's
    # (records made in the same millisecond may come in any order among themselves).
    first = store.save_record("village", {"name": "Thôn Đông"}, user="t").uuid
    time.sleep(0.002)
    second = store.save_record("village", {"name": "Thôn Tây"}, user="t").uuid
    time.sleep(0.002)
    made = insert_records(store, "citizen", _people(first, 30), user="t")
    assert first < second < min(made)
    assert made == sorted(made)


def test_a_large_batch_into_a_small_table_keeps_its_indexes(store: Store) -> None:
    # The batch is larger than the table, so its indexes are dropped and built again.
    village = store.save_record("village", {"name": "Thôn Đông"}, user="t").uuid
    indexes = sorted(
        r[0]
        for r in store.conn.execute(
            "SELECT sql FROM sqlite_master WHERE type = 'index' AND tbl_name = 'citizens'"
        )
        if r[0]
    )
    uuids = insert_records(store, "citizen", _people(village, 3000), user="t")
    after = sorted(
        r[0]
        for r in store.conn.execute(
            "SELECT sql FROM sqlite_master WHERE type = 'index' AND tbl_name = 'citizens'"
        )
        if r[0]
    )
    assert after == indexes and len(indexes) >= 5
    assert store.conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    plan = " ".join(
        str(r[-1])
        for r in store.conn.execute(
            "EXPLAIN QUERY PLAN SELECT uuid FROM citizens WHERE village = ?", (village,)
        )
    )
    assert "citizens_village" in plan
    assert sorted(uuids) == sorted(
        r[0] for r in store.conn.execute("SELECT uuid FROM citizens WHERE village = ?", (village,))
    )
