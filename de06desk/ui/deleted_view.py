"""“Đã xóa”: the records of one list that were deleted, to look through and restore.

Deleting leaves a tombstone (store/deleted.py); this is the way back. A restore is one audited
change, passed on by the next sync like an edit.
"""

from __future__ import annotations

from datetime import UTC, datetime

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from de06desk.actions import records
from de06desk.domain.i18n import DomainError
from de06desk.store import Record
from de06desk.store.deleted import deleted_records
from de06desk.store.lists import titles

from .context import AppContext
from .display import display_value
from .tasks import show_error


def _local_time(iso_utc: str) -> str:
    """An ISO UTC timestamp as the officer's local "dd/mm/yyyy HH:MM"."""
    try:
        moment = datetime.fromisoformat(iso_utc.replace("Z", "+00:00"))
    except ValueError:
        return iso_utc
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=UTC)
    return moment.astimezone().strftime("%d/%m/%Y %H:%M")


class DeletedDialog(QDialog):
    """The deleted records of `form_id`, newest first, with “Khôi phục”."""

    restored = Signal(object)  # the Record brought back

    def __init__(self, ctx: AppContext, form_id: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.form = ctx.store.forms[form_id]
        self.setWindowTitle(self.tr("Đã xóa: {form}").replace("{form}", self.form.label()))
        self.note = QLabel(
            self.tr("Chọn một bản ghi rồi bấm “Khôi phục” để đưa nó trở lại danh sách."), self
        )
        self.note.setWordWrap(True)
        self.table = QTableWidget(0, 3, self)
        self.table.setObjectName("deleted")
        self.table.setHorizontalHeaderLabels(
            [
                self.form.field(self.form.title_field).label(),
                self.tr("Xóa lúc"),
                self.tr("Người xóa"),
            ]
        )
        self.table.verticalHeader().setVisible(False)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for column in (1, 2):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        self.table.doubleClicked.connect(lambda _index: self.restore_selected())
        self.restore_button = QPushButton(self.tr("Khôi phục"), self)
        self.restore_button.setObjectName("restore")
        self.restore_button.setEnabled(ctx.can_edit)
        self.restore_button.clicked.connect(self.restore_selected)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.button(QDialogButtonBox.StandardButton.Close).setText(self.tr("Đóng"))
        buttons.addButton(self.restore_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.note)
        layout.addWidget(self.table, 1)
        layout.addWidget(buttons)
        self.resize(640, 420)
        self.refresh()

    def refresh(self) -> None:
        """Reload the tombstones."""
        spec = self.form.field(self.form.title_field)
        rows = deleted_records(self.ctx.store, self.form.id)
        names: dict[str, str] = {}
        if spec.target_form:
            wanted = [r.title for r in rows if r.title]
            names = dict(titles(self.ctx.store, spec.target_form, wanted)) if wanted else {}
        self.table.setRowCount(len(rows))
        for row, item in enumerate(rows):
            shown = (
                names.get(item.title, "") if spec.target_form else display_value(spec, item.title)
            )
            cells = (shown, _local_time(item.deleted_at), item.deleted_by)
            for col, text in enumerate(cells):
                cell = QTableWidgetItem(text)
                cell.setData(Qt.ItemDataRole.UserRole, item.uuid)
                self.table.setItem(row, col, cell)
        if rows:
            self.table.selectRow(0)
        else:
            self.note.setText(self.tr("Không có bản ghi nào đã xóa."))
        self.restore_button.setEnabled(self.ctx.allowed("record.restore") and bool(rows))

    def restore_selected(self) -> Record | None:
        """Restore the selected record; returns it."""
        rows = self.table.selectionModel().selectedRows()
        item = self.table.item(rows[0].row(), 0) if rows else None
        if item is None or not self.ctx.allowed("record.restore"):
            return None
        uuid = item.data(Qt.ItemDataRole.UserRole)
        try:
            done = records.restore_deleted(self.ctx.store, self.ctx.user, self.form.id, uuid)
        except DomainError as exc:
            show_error(self, exc)
            return None
        record = self.ctx.apply(done)
        self.restored.emit(record)
        self.refresh()
        return record
