"""Search ignores diacritics and case, uses every word, and survives edits and deletes."""

from __future__ import annotations

from pathlib import Path

from de06desk.store import Store
from de06desk.store.citizen_import import list_batches
from de06desk.store.lists import ListQuery, count_rows, fetch_rows, warm_search_index


def _find(store: Store, query: str) -> list[str]:
    rows = fetch_rows(store, ListQuery("citizen", search=query), limit=1000)
    assert count_rows(store, ListQuery("citizen", search=query)) == len(rows)
    return sorted(row.values["full_name"] for row in rows)


def _citizen(store: Store, village: str, name: str, id_number: str | None = None) -> str:
    values = {
        "full_name": name,
        "birth_year": 1980,
        "village": village,
        "living_status": "living",
        "id_number": id_number,
    }
    return store.save_record("citizen", values, user="t").uuid


def test_search_folds_and_matches_all_words(store: Store) -> None:
    v = store.save_record("village", {"name": "Thôn Đông"}, user="t").uuid
    _citizen(store, v, "Nguyễn Thị Hường", "087184000999")
    _citizen(store, v, "Nguyễn Văn Hùng")
    _citizen(store, v, "Đặng Thị Dung")
    assert _find(store, "nguyen") == ["Nguyễn Thị Hường", "Nguyễn Văn Hùng"]
    assert _find(store, "NGUYEN huong") == ["Nguyễn Thị Hường"]
    assert _find(store, "d") == ["Đặng Thị Dung"]  # "đ" folds to "d"
    assert _find(store, "dang") == ["Đặng Thị Dung"]
    assert _find(store, "0871840") == ["Nguyễn Thị Hường"]
    assert _find(store, "100% _x") == []
    assert _find(store, '"; drop') == []
    assert len(_find(store, "  ")) == 3


def test_index_follows_edits_and_deletes(store: Store) -> None:
    v = store.save_record("village", {"name": "Thôn Đông"}, user="t").uuid
    uuid = _citizen(store, v, "Lò Văn Sử")
    assert _find(store, "lo van") == ["Lò Văn Sử"]
    record = store.get_record("citizen", uuid)
    assert record is not None
    store.save_record("citizen", record.values | {"full_name": "Lò Thị Sua"}, user="t", uuid=uuid)
    assert _find(store, "lo van") == []
    assert _find(store, "sua") == ["Lò Thị Sua"]
    store.delete_record("citizen", uuid, user="t")
    assert _find(store, "sua") == []


def test_short_words_match_the_start_of_a_word(store: Store) -> None:
    v = store.save_record("village", {"name": "Thôn Đông"}, user="t").uuid
    _citizen(store, v, "Lò Văn Sử")
    _citizen(store, v, "Nguyễn Thị Uyên")
    _citizen(store, v, "Hà Văn Long")
    assert _find(store, "lo") == ["Hà Văn Long", "Lò Văn Sử"]
    assert _find(store, "lo van s") == ["Lò Văn Sử"]
    assert _find(store, "uy") == ["Nguyễn Thị Uyên"]  # not every "Nguyễn"
    assert _find(store, "u") == ["Nguyễn Thị Uyên"]
    assert _find(store, "ha v l") == ["Hà Văn Long"]
    assert _find(store, "yen") == ["Nguyễn Thị Uyên"]  # three letters: anywhere in a word
    assert _find(store, "x") == []


def _schema_1_database(path: Path) -> Store:
    """A database holding "Lò Văn Sử" and marked as schema 1 (the caller closes it)."""
    store = Store.create(path, unit_code="00004")
    v = store.save_record("village", {"name": "Thôn Đông"}, user="t").uuid
    _citizen(store, v, "Lò Văn Sử")
    store.conn.execute("UPDATE meta SET value = '1' WHERE key = 'schema_version'")
    return store


def _stored_search_text(store: Store) -> str:
    return store.conn.execute("SELECT search_text FROM citizens").fetchone()[0]


def test_an_older_database_is_searchable_after_migration(tmp_path: Path) -> None:
    path = tmp_path / "old.db"
    with _schema_1_database(path) as store:
        # What schema 1 stored: the folded words with single spaces, nothing before them.
        store.conn.execute("DROP TRIGGER citizens_fts_au")
        store.conn.execute("UPDATE citizens SET search_text = 'lo van su'")
        store.conn.execute("INSERT INTO citizens_fts(citizens_fts) VALUES ('rebuild')")
        # Schema 1 made the citizen-import tables on first use only.
        store.conn.execute("DROP TABLE import_batch_rows")
        store.conn.execute("DROP TABLE import_batches")
    with Store.open(path) as store:
        assert store.migrated_from == 1
        assert _stored_search_text(store) == "  lo  van  su"
        assert list_batches(store) == []
        assert _find(store, "lo v") == ["Lò Văn Sử"]
        assert _find(store, "van") == ["Lò Văn Sử"]
        record = store.get_record(
            "citizen", store.conn.execute("SELECT uuid FROM citizens").fetchone()[0]
        )
        assert record is not None
        store.save_record(
            "citizen", record.values | {"full_name": "Lò Thị Sua"}, user="t", uuid=record.uuid
        )
        assert _find(store, "lo t s") == ["Lò Thị Sua"]
        assert _find(store, "van") == []


def test_warming_the_index_changes_no_result(store: Store) -> None:
    v = store.save_record("village", {"name": "Thôn Đông"}, user="t").uuid
    _citizen(store, v, "Lò Văn Sử")
    warm_search_index(store, "citizen")
    warm_search_index(store, "support_session")  # no search index: nothing to read
    assert _find(store, "lo v s") == ["Lò Văn Sử"]


def test_the_search_text_migration_can_run_twice(tmp_path: Path) -> None:
    path = tmp_path / "twice.db"
    _schema_1_database(path).close()  # its text already has schema 2's spaces
    with Store.open(path) as store:
        assert store.migrated_from == 1
        assert _stored_search_text(store) == "  lo  van  su"
        assert _find(store, "lo v s") == ["Lò Văn Sử"]
