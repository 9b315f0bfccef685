"""The lazy list model, without any view: paging, filters, diacritic-free search, sorting."""

from __future__ import annotations

from PySide6.QtCore import Qt

from de06desk.domain.text import fold
from de06desk.store import Store
from de06desk.store.lists import ListQuery, count_rows
from de06desk.ui.list_model import UUID_ROLE, RecordListModel


def test_rows_arrive_a_page_at_a_time(demo_store: Store) -> None:
    model = RecordListModel(demo_store, ListQuery("citizen"), page_size=50)
    total = demo_store.count_records("citizen")
    assert model.rowCount() == 50
    assert model.canFetchMore()
    model.fetchMore()
    assert model.rowCount() == 100
    while model.canFetchMore():
        model.fetchMore()
    assert model.rowCount() == total
    assert model.total() == total
    assert model.total(cap=10) == 10


def test_filter_by_village_keeps_only_that_village(demo_store: Store) -> None:
    village = demo_store.list_records("village", limit=1)[0]
    model = RecordListModel(demo_store, ListQuery("citizen"), page_size=1000)
    model.update_query(equals={"village": village.uuid})
    expected = demo_store.count_records("citizen", where={"village": village.uuid})
    assert 0 < model.rowCount() == expected
    column = model.column_names().index("village")
    shown = {model.data(model.index(r, column)) for r in range(model.rowCount())}
    assert shown == {village["name"]}


def test_search_ignores_diacritics_and_case(demo_store: Store) -> None:
    model = RecordListModel(demo_store, ListQuery("citizen", search="nguyen"), page_size=1000)
    names = [model.data(model.index(r, 0)) for r in range(model.rowCount())]
    assert names and all("nguyen" in fold(n) for n in names)
    assert any("Nguyễn" in n for n in names)
    model.update_query(search="d")
    names = [model.data(model.index(r, 0)) for r in range(model.rowCount())]
    assert any("đ" in n.lower() for n in names)


def test_search_finds_an_id_number(demo_store: Store) -> None:
    citizen = next(c for c in demo_store.list_records("citizen") if c["id_number"])
    model = RecordListModel(demo_store, ListQuery("citizen", search=citizen["id_number"]))
    uuids = {model.data(model.index(r, 0), UUID_ROLE) for r in range(model.rowCount())}
    assert citizen.uuid in uuids


def test_sorting_by_a_column_sorts_in_the_database(demo_store: Store) -> None:
    model = RecordListModel(demo_store, ListQuery("activation_drive"), page_size=1000)
    column = model.column_names().index("held_on")
    model.sort(column, Qt.SortOrder.DescendingOrder)
    dates = [
        model.data(model.index(r, column), Qt.ItemDataRole.UserRole + 1)
        for r in range(model.rowCount())
    ]
    assert dates == sorted(dates, reverse=True)


def test_deleted_records_leave_the_list(demo_store: Store) -> None:
    query = ListQuery("support_session")
    before = count_rows(demo_store, query)
    victim = demo_store.list_records("support_session", limit=1)[0]
    demo_store.delete_record("support_session", victim.uuid, user="admin")
    model = RecordListModel(demo_store, query, page_size=1000)
    assert model.rowCount() == before - 1
