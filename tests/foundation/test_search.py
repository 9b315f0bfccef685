"""Search ignores diacritics and case, uses every word, and survives edits and deletes."""

from __future__ import annotations

from de06desk.store import Store
from de06desk.store.search import search_clause


def _find(store: Store, query: str) -> list[str]:
    form = store.forms["citizen"]
    clause, params = search_clause(form, query)
    sql = f'SELECT full_name FROM "{form.table}" WHERE deleted = 0'
    if clause:
        sql += " AND " + clause
    return sorted(r[0] for r in store.conn.execute(sql + " ORDER BY rowid", params))


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
