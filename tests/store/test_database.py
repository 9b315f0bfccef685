"""The store: round trips, change numbers, tombstones, audit, migrations, refusals."""

from __future__ import annotations

import json
import shutil
import sqlite3
from datetime import date
from pathlib import Path

import pytest

from de06desk.config import forms_dir
from de06desk.forms import load_forms_from_texts
from de06desk.store import Store, StoreError, ValidationError
from tests.conftest import TEST_COMMUNE


def _village(store: Store, name: str = "Thôn Đông") -> str:
    return store.save_record("village", {"name": name}, user="tester").uuid


def test_round_trip_keeps_every_type(store: Store) -> None:
    village = _village(store)
    officer = store.save_record("officer", {"full_name": "Lò Văn Sử"}, user="tester").uuid
    session = store.save_record(
        "support_session",
        {
            "held_on": date(2026, 11, 16),
            "village": village,
            "place": "Nhà văn hóa",
            "officer": officer,
            "support_types": ["vneid", "online_service"],
            "public_service": "birth_registration",
            "citizens_helped": 12,
            "women_helped": 5,
        },
        user="tester",
    )
    store.close()
    again = Store.open(store.path)
    got = again.get_record("support_session", session.uuid)
    assert got is not None
    assert got["held_on"] == date(2026, 11, 16)
    assert got["support_types"] == ["vneid", "online_service"]
    assert got["citizens_helped"] == 12
    assert got["village"] == village
    assert got.unit_code == TEST_COMMUNE
    assert got.author == "tester"
    again.close()


def test_invalid_record_is_refused_and_nothing_written(store: Store) -> None:
    village = _village(store)
    before = store.current_change_no()
    with pytest.raises(ValidationError) as info:
        store.save_record(
            "citizen",
            {"full_name": "Nguyễn Văn A", "village": village, "living_status": "living"},
            user="tester",
        )
    assert "birth_date" in info.value.errors
    assert store.count_records("citizen") == 0
    assert store.current_change_no() == before


def test_reference_to_a_missing_record_is_refused(store: Store) -> None:
    with pytest.raises(ValidationError) as info:
        store.save_record(
            "citizen",
            {
                "full_name": "Nguyễn Văn A",
                "birth_year": 1990,
                "village": "6d3c5f0e-0000-4000-8000-000000000001",
                "living_status": "living",
            },
            user="tester",
        )
    assert "không còn tồn tại" in info.value.errors["village"][0].vi


def test_change_numbers_increase_with_every_write(store: Store) -> None:
    a = store.save_record("village", {"name": "A"}, user="t")
    b = store.save_record("village", {"name": "B"}, user="t")
    a2 = store.save_record("village", {"name": "A2"}, user="t", uuid=a.uuid)
    assert a.change_no < b.change_no < a2.change_no
    assert a2.edit_count == 2
    assert a2.versions == {store.device_id: 2}
    # An edit that changes nothing is not a write.
    same = store.save_record("village", {"name": "A2"}, user="t", uuid=a.uuid)
    assert same.change_no == a2.change_no
    store.delete_record("village", b.uuid, user="t")
    tomb = store.get_record("village", b.uuid, include_deleted=True)
    assert tomb is not None and tomb.deleted
    assert tomb.change_no == store.current_change_no() > a2.change_no
    assert store.get_record("village", b.uuid) is None
    assert [r["name"] for r in store.list_records("village")] == ["A2"]
    assert store.count_records("village", include_deleted=True) == 2


def test_audit_records_old_and_new_and_cannot_be_edited(store: Store) -> None:
    v = store.save_record("village", {"name": "Cũ"}, user="lan")
    store.save_record("village", {"name": "Mới"}, user="hung", uuid=v.uuid)
    store.delete_record("village", v.uuid, user="hung")
    rows = store.conn.execute(
        "SELECT username, action, old, new FROM audit WHERE record_uuid = ? ORDER BY id", (v.uuid,)
    ).fetchall()
    assert [(r[0], r[1]) for r in rows] == [
        ("lan", "create"),
        ("hung", "update"),
        ("hung", "delete"),
    ]
    assert json.loads(rows[1][2]) == {"name": "Cũ"}
    assert json.loads(rows[1][3]) == {"name": "Mới"}
    with pytest.raises(sqlite3.DatabaseError, match="append-only"):
        store.conn.execute("UPDATE audit SET username = 'x'")
    with pytest.raises(sqlite3.DatabaseError, match="append-only"):
        store.conn.execute("DELETE FROM audit")


def test_search_text_is_folded(store: Store) -> None:
    village = _village(store)
    c = store.save_record(
        "citizen",
        {
            "full_name": "Đặng Thị Hường",
            "birth_year": 1980,
            "village": village,
            "living_status": "living",
        },
        user="t",
    )
    row = store.conn.execute(
        "SELECT search_text FROM citizens WHERE uuid = ?", (c.uuid,)
    ).fetchone()
    assert row[0] == "  dang  thi  huong"  # two spaces before each word: see search_text


def test_newer_database_is_refused_and_left_untouched(tmp_path: Path) -> None:
    path = tmp_path / "new.db"
    Store.create(path, unit_code=TEST_COMMUNE).close()
    conn = sqlite3.connect(path)
    conn.execute("UPDATE meta SET value = '999' WHERE key = 'schema_version'")
    conn.commit()
    conn.close()
    before = path.read_bytes()
    with pytest.raises(StoreError, match="phiên bản mới hơn"):
        Store.open(path)
    assert path.read_bytes() == before


def test_foreign_file_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "notes.db"
    path.write_text("hello", encoding="utf-8")
    with pytest.raises(StoreError, match="không phải cơ sở dữ liệu de06desk"):
        Store.open(path)
    other = tmp_path / "other.db"
    sqlite3.connect(other).execute("CREATE TABLE x(a)").connection.commit()
    with pytest.raises(StoreError, match="không phải cơ sở dữ liệu de06desk"):
        Store.open(other)


def test_create_refuses_to_overwrite(store: Store) -> None:
    with pytest.raises(StoreError, match="đã tồn tại"):
        Store.create(store.path, unit_code=TEST_COMMUNE)


def test_adding_a_field_to_a_form_migrates_without_losing_rows(tmp_path: Path) -> None:
    path = tmp_path / "old.db"
    old = Store.create(path, unit_code=TEST_COMMUNE)
    village = old.save_record("village", {"name": "Thôn Bắc", "population": 420}, user="t")
    old.close()

    texts = {p.name: p.read_text(encoding="utf-8") for p in forms_dir().glob("*.toml")}
    texts["village.toml"] = texts["village.toml"].replace("version = 1", "version = 2") + (
        '\n[[fields]]\nname = "head_name"\ntype = "text"\nlabel_vi = "Trưởng thôn"\n'
        'label_en = "Village head"\nmax_length = 80\n'
    )
    new_forms = load_forms_from_texts(texts)
    migrated = Store.open(path, forms=new_forms)
    got = migrated.get_record("village", village.uuid)
    assert got is not None
    assert got["name"] == "Thôn Bắc" and got["population"] == 420 and got["head_name"] is None
    updated = migrated.save_record(
        "village", got.values | {"head_name": "Giàng A Páo"}, user="t", uuid=village.uuid
    )
    assert updated["head_name"] == "Giàng A Páo"
    assert json.loads(migrated.get_meta("form_versions") or "{}")["village"] == 2
    migrated.close()
    backups = list(tmp_path.glob("old.before-migration-*.db"))
    assert len(backups) == 1
    assert Store.open(backups[0]).count_records("village") == 1


def test_singleton_profile_is_updated_not_duplicated(store: Store) -> None:
    profile = {
        "commune_code": TEST_COMMUNE,
        "province_code": "001",
        "unit_name": "CÔNG AN PHƯỜNG BA ĐÌNH",
        "parent_body": "CÔNG AN THÀNH PHỐ HÀ NỘI",
        "place_name": "Hà Nội",
        "report_code": "BC-CAP",
        "signer_title": "TRƯỞNG CÔNG AN PHƯỜNG",
    }
    store.save_record("commune", profile, user="t")
    store.save_record("commune", profile | {"signer_name": "Nguyễn Văn B"}, user="t")
    rows = store.list_records("commune")
    assert len(rows) == 1 and rows[0]["signer_name"] == "Nguyễn Văn B"


def test_a_hot_journal_left_by_a_killed_process_is_recovered_not_refused(tmp_path: Path) -> None:
    """A read-only open cannot roll a hot journal back; the store must not call it foreign."""
    db = tmp_path / "a.db"
    Store.create(db, unit_code="00004").close()
    writer = sqlite3.connect(db, isolation_level=None)
    writer.execute("PRAGMA journal_mode = DELETE")
    writer.execute("PRAGMA cache_size = 1")  # spill changed pages into the file mid-transaction
    writer.execute("BEGIN IMMEDIATE")
    for i in range(200):
        writer.execute("INSERT INTO meta(key, value) VALUES (?, ?)", (f"k{i}", "x" * 500))
    # A copy taken now is the file as a SIGKILL would leave it: half-written, journal hot.
    crashed = tmp_path / "crashed.db"
    shutil.copy(db, crashed)
    shutil.copy(f"{db}-journal", f"{crashed}-journal")
    writer.execute("ROLLBACK")
    writer.close()
    with Store.open(crashed) as store:
        assert store.unit_code == "00004" and store.get_meta("k5") is None
    assert not Path(f"{crashed}-journal").exists()


def test_after_commit_waits_for_the_outermost_transaction(store: Store) -> None:
    """What a re-key relies on (store/rekey.py): it runs after the caller's commit, or never."""
    done: list[str] = []
    undone: list[str] = []
    with store.transaction():
        with store.transaction():
            store.after_commit(lambda: done.append("inner"))
            store.on_rollback(lambda: undone.append("inner"))
        assert done == []  # the outer transaction is still open
    assert done == ["inner"] and undone == []
    with pytest.raises(RuntimeError), store.transaction():
        store.after_commit(lambda: done.append("rolled back"))
        store.on_rollback(lambda: undone.append("file put back"))
        raise RuntimeError("the action failed")
    assert done == ["inner"] and undone == ["file put back"]
    store.after_commit(lambda: done.append("now"))  # no transaction open: at once
    assert done == ["inner", "now"]
