"""A lazily fetched table model over a store list (see `de06desk.store.lists`).

The view asks for more rows as it scrolls (`canFetchMore`/`fetchMore`), one page at a time, so
a list of a million citizens opens as fast as a list of ten. Filters, search and sorting go into
the query; the model never holds more rows than have been scrolled into view.
"""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)

from de06desk.store import Store
from de06desk.store.lists import ListQuery, ListRow, count_rows, display_fields, fetch_rows

from .display import display_value

Index = QModelIndex | QPersistentModelIndex
UUID_ROLE = Qt.ItemDataRole.UserRole
VALUE_ROLE = Qt.ItemDataRole.UserRole + 1


class RecordListModel(QAbstractTableModel):
    """Rows of one form's list, fetched a page at a time.

    `columns` names the fields shown (default: every field the store list returns).
    """

    def __init__(
        self,
        store: Store,
        query: ListQuery,
        columns: list[str] | None = None,
        page_size: int = 200,
        parent: Any = None,
    ) -> None:
        super().__init__(parent)
        self._store = store
        self._query = query
        fields = {f.name: f for f in display_fields(store, query.form_id)}
        self._columns = [fields[name] for name in (columns or list(fields))]
        self._page_size = page_size
        self._rows: list[ListRow] = []
        self._exhausted = False
        # Views call sort() while being set up; until this is True those calls are ignored,
        # so a million-row table is not sorted by some default column before it is shown.
        self.accept_sort = True
        self._load_first_page()

    # ---- query -----------------------------------------------------------------------

    @property
    def query(self) -> ListQuery:
        """The query the rows come from."""
        return self._query

    def set_query(self, query: ListQuery) -> None:
        """Show a different query (filters, search, sort); starts again from the first page."""
        self.beginResetModel()
        self._query = query
        self._load_first_page()
        self.endResetModel()

    def update_query(self, **changes: Any) -> None:
        """`set_query` with some fields of the current query changed."""
        self.set_query(replace(self._query, **changes))

    def refresh(self) -> None:
        """Reload after the data changed (keeps the query)."""
        self.set_query(self._query)

    def total(self, cap: int | None = None) -> int:
        """How many rows the query holds, counting no further than `cap`."""
        return count_rows(self._store, self._query, cap)

    def _load_first_page(self) -> None:
        self._rows = fetch_rows(self._store, self._query, 0, self._page_size)
        self._exhausted = len(self._rows) < self._page_size

    # ---- rows ------------------------------------------------------------------------

    def row_uuid(self, row: int) -> str:
        """UUID of the record shown in `row`."""
        return self._rows[row].uuid

    def row_of(self, uuid: str) -> int:
        """The row showing `uuid` among those fetched, or -1."""
        return next((i for i, r in enumerate(self._rows) if r.uuid == uuid), -1)

    def column_names(self) -> list[str]:
        """Field names of the columns, in order."""
        return [f.name for f in self._columns]

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._columns)

    def canFetchMore(self, parent: Index = QModelIndex()) -> bool:  # noqa: B008
        return not parent.isValid() and not self._exhausted

    def fetchMore(self, parent: Index = QModelIndex()) -> None:  # noqa: B008
        if parent.isValid() or self._exhausted:
            return
        page = fetch_rows(self._store, self._query, len(self._rows), self._page_size)
        self._exhausted = len(page) < self._page_size
        if page:
            first = len(self._rows)
            self.beginInsertRows(QModelIndex(), first, first + len(page) - 1)
            self._rows.extend(page)
            self.endInsertRows()

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or index.row() >= len(self._rows):
            return None
        row = self._rows[index.row()]
        spec = self._columns[index.column()]
        if role == Qt.ItemDataRole.DisplayRole:
            return display_value(spec, row.values.get(spec.name))
        if role == UUID_ROLE:
            return row.uuid
        if role == VALUE_ROLE:
            return row.values.get(spec.name)
        if role == Qt.ItemDataRole.TextAlignmentRole and spec.type == "integer":
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if orientation == Qt.Orientation.Horizontal and 0 <= section < len(self._columns):
            return self._columns[section].label()
        return None

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        """Sort by a column in the database (the view's header calls this); -1: entry order."""
        if not self.accept_sort:
            return
        if not 0 <= column < len(self._columns):
            if self._query.sort is not None:
                self.update_query(sort=None, descending=False)
            return
        self.update_query(
            sort=self._columns[column].name,
            descending=order == Qt.SortOrder.DescendingOrder,
        )
