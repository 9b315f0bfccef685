"""A report `Table` on screen: one Qt model and one read-only view for every screen that shows
the summary's tables (Tổng quan, Báo cáo, the hub's screens), so they cannot diverge.

Cells are written by `reports.formats.format_cell`, as the PDF and the workbook write them;
numbers align right and a total row is bold, as printed.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableView, QWidget

from de06desk.reports.formats import format_cell
from de06desk.reports.model import Table

Index = QModelIndex | QPersistentModelIndex
# The raw cell value (a number, not its text) for whoever needs it (tests, a drill-down).
VALUE_ROLE = Qt.ItemDataRole.UserRole


class ReportTableModel(QAbstractTableModel):
    """The rows of one report `Table`, formatted as the report prints them."""

    def __init__(self, table: Table, parent: Any = None) -> None:
        super().__init__(parent)
        self.table = table
        self._text = [
            [format_cell(value, kind) for value, kind in zip(row, table.kinds, strict=True)]
            for row in table.rows
        ]

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.table.rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.table.columns)

    def text(self, row: int, column: int) -> str:
        """The cell as shown."""
        return self._text[row][column]

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        row, column = index.row(), index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return self._text[row][column]
        if role == VALUE_ROLE:
            return self.table.rows[row][column]
        if role == Qt.ItemDataRole.TextAlignmentRole and self.table.kinds[column] != "text":
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.FontRole and self.is_total(row):
            font = QFont()
            font.setBold(True)
            return font
        return None

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return self.table.columns[section]
        return None

    def is_total(self, row: int) -> bool:
        """Whether `row` is the table's total row (printed bold)."""
        return self.table.total_row and row == len(self.table.rows) - 1

    def headers(self) -> list[str]:
        """The column headers, in order."""
        return list(self.table.columns)

    def shown(self) -> list[list[str]]:
        """Every row as shown (what a reader sees, for checks and copies)."""
        return [list(row) for row in self._text]


class ReportTableView(QTableView):
    """A read-only view of one report table, as tall as its rows (up to `max_rows`): the
    screen scrolls, not each little table."""

    def __init__(self, table: Table, parent: QWidget | None = None, *, max_rows: int = 0) -> None:
        super().__init__(parent)
        self.setObjectName(table.key)
        self.report_model = ReportTableModel(table, self)
        self.setModel(self.report_model)
        self.verticalHeader().setVisible(False)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setWordWrap(False)
        header = self.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        first_text = next((c for c, k in enumerate(table.kinds) if k == "text"), None)
        if first_text is not None:
            header.setSectionResizeMode(first_text, QHeaderView.ResizeMode.Stretch)
        else:
            header.setStretchLastSection(True)
        self.resizeRowsToContents()
        rows = len(table.rows) if max_rows <= 0 else min(len(table.rows), max_rows)
        if max_rows <= 0 or len(table.rows) <= max_rows:
            self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        height = header.sizeHint().height() + 2 * self.frameWidth()
        height += sum(self.rowHeight(r) for r in range(rows))
        self.setFixedHeight(height)
