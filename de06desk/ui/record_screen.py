"""The list-plus-form screen most of the app is made of, with filters and search.

Left: the records of one form (lazy list, sortable, filtered by week/village/status/officer,
searched as you type, diacritics optional). Right: the generated entry form. Double-click or
Enter opens a record; Delete asks, then leaves a tombstone.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

from PySide6.QtCore import QItemSelectionModel, Qt, QTimer, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QFileDialog,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from de06desk.actions import records
from de06desk.domain.i18n import DomainError
from de06desk.domain.progress import CancelCheck, Progress
from de06desk.domain.weeks import current_week
from de06desk.forms import FieldSpec
from de06desk.store.lists import (
    COUNT_CAP,
    ListQuery,
    count_rows,
    fetch_rows,
    titles,
    warm_search_index,
)

from .context import AppContext
from .deleted_view import DeletedDialog
from .dialogs_common import confirm, show_status
from .display import display_value
from .layouts import FlowLayout, SideOrBelow
from .list_model import RecordListModel
from .record_form import RecordForm
from .tasks import run_task, show_error

SEARCH_DELAY_MS = 250
EXPORT_PAGE = 2000


def _export_value(spec: FieldSpec, value: Any) -> Any:
    """A cell as the list shows it; whole numbers stay numbers so Excel can add them up."""
    if spec.type == "integer" and isinstance(value, int):
        return value
    return display_value(spec, value)


def _number(n: int) -> str:
    """1234567 → "1.234.567" (Vietnamese thousands separator)."""
    return f"{n:,}".replace(",", ".")


@dataclass(frozen=True)
class ListSetup:
    """How a screen's list looks: columns, filters, default order."""

    columns: tuple[str, ...] | None = None
    week_field: str | None = None  # a date field: adds the week filter
    filters: tuple[str, ...] = ()  # village/officer/choice fields offered as filters
    sort: str | None = None
    descending: bool = False


class RecordListPanel(QWidget):
    """Search box, filters and the lazy table of one form's records."""

    open_requested = Signal(str)
    delete_requested = Signal(str)

    def __init__(
        self,
        ctx: AppContext,
        form_id: str,
        setup: ListSetup,
        parent: QWidget | None = None,
        equals: dict[str, Any] | None = None,
    ) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.form = ctx.store.forms[form_id]
        self.setup = setup
        self._fixed = dict(equals or {})
        self.search = QLineEdit(self)
        self.search.setObjectName("search")
        self.search.setPlaceholderText(self.tr("Tìm kiếm (Ctrl+F) — gõ không dấu cũng được"))
        self.search.setClearButtonEnabled(True)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(SEARCH_DELAY_MS)
        self._timer.timeout.connect(self.apply_filters)
        self.search.textChanged.connect(self._timer.start)

        self.filter_boxes: dict[str, QComboBox] = {}
        filters = FlowLayout()
        if setup.week_field:
            box = QComboBox(self)
            box.setObjectName("filter_week")
            box.addItem(self.tr("Mọi thời gian"), None)
            period = current_week()
            for back in range(12):
                label = period.label()
                if back == 0:
                    label = self.tr("Tuần này — {w}").replace("{w}", label)
                box.addItem(label, (period.start, period.end))
                period = period.previous()
            box.currentIndexChanged.connect(self.apply_filters)
            self.filter_boxes["__week__"] = box
            filters.addWidget(box)
        for name in setup.filters:
            spec = self.form.field(name)
            box = QComboBox(self)
            box.setObjectName(f"filter_{name}")
            box.addItem(self.tr("{f}: tất cả").replace("{f}", spec.label()), None)
            if spec.type in ("choice",):
                for option in spec.choices:
                    box.addItem(option.label(), option.value)
            elif spec.target_form:
                for uuid, title in titles(ctx.store, spec.target_form):
                    box.addItem(title, uuid)
            box.currentIndexChanged.connect(self.apply_filters)
            self.filter_boxes[name] = box
            filters.addWidget(box)
        for box in self.filter_boxes.values():
            # Long village names must not make the list (and the window) wider than a laptop.
            box.setSizeAdjustPolicy(
                QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
            )
            # Wide enough for "Cán bộ xử lý: tất cả", not for the longest village name.
            box.setMinimumContentsLength(min(22, max(10, len(box.itemText(0)))))
            box.setToolTip(box.itemText(0))

        self.model = RecordListModel(ctx.store, self._query(), list(setup.columns or []) or None)
        self._warm_search_index()
        self.view = QTableView(self)
        self.view.setObjectName("list")
        self.view.setModel(self.model)
        # The query already holds the setup's order: the header only shows it.
        self.model.accept_sort = False
        self.view.setSortingEnabled(True)
        self.view.horizontalHeader().setSortIndicatorShown(True)
        if setup.sort:
            column = self.model.column_names().index(setup.sort)
            order = (
                Qt.SortOrder.DescendingOrder if setup.descending else Qt.SortOrder.AscendingOrder
            )
            self.view.horizontalHeader().setSortIndicator(column, order)
        else:
            self.view.horizontalHeader().setSortIndicator(-1, Qt.SortOrder.AscendingOrder)
        self.model.accept_sort = True
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.view.setAlternatingRowColors(True)
        self.view.verticalHeader().setVisible(False)
        self.view.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 10)
        header = self.view.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        self.view.resizeColumnsToContents()
        self.view.doubleClicked.connect(
            lambda index: self.open_requested.emit(self.model.row_uuid(index.row()))
        )
        for key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            shortcut = QShortcut(QKeySequence(key), self.view)
            shortcut.setContext(Qt.ShortcutContext.WidgetShortcut)
            shortcut.activated.connect(self._open_current)
        delete = QShortcut(QKeySequence(QKeySequence.StandardKey.Delete), self.view)
        delete.setContext(Qt.ShortcutContext.WidgetShortcut)
        delete.activated.connect(self._delete_current)

        self._count_generation = 0
        self.count_label = QLabel(self)
        self.count_label.setObjectName("count")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.search)
        layout.addLayout(filters)
        layout.addWidget(self.view, 1)
        layout.addWidget(self.count_label)
        self._update_count()

    def _query(self) -> ListQuery:
        equals = dict(self._fixed)
        date_from = date_to = None
        for name, box in self.filter_boxes.items():
            value = box.currentData()
            if value is None:
                continue
            if name == "__week__":
                date_from, date_to = value
            else:
                equals[name] = value
        sort, descending = self.setup.sort, self.setup.descending
        if hasattr(self, "model"):
            sort, descending = self.model.query.sort, self.model.query.descending
        return ListQuery(
            self.form.id,
            search=self.search.text(),
            equals=equals,
            date_field=self.setup.week_field,
            date_from=date_from,
            date_to=date_to,
            sort=sort,
            descending=descending,
        )

    def set_fixed(self, equals: dict[str, Any]) -> None:
        """Filters that are not offered to the user (e.g. the roster of one drive)."""
        self._fixed = dict(equals)
        self.apply_filters()

    def _warm_search_index(self) -> None:
        # On its own connection in the background: at a hub, the first search would
        # otherwise wait for the index to come from disk.
        ctx, form_id = self.ctx, self.form.id

        def work(progress: Progress, cancelled: CancelCheck) -> None:
            with ctx.open_store() as store:
                warm_search_index(store, form_id)

        # A failed warm-up costs only speed (the task logs it); nothing to tell the user.
        run_task(self, "", work, lambda _: None, lambda _: None, show_progress=False)

    def apply_filters(self) -> None:
        """Run the query again with the current search text and filters."""
        self._timer.stop()
        self.model.set_query(self._query())
        self._update_count()

    def refresh(self) -> None:
        """Reload the rows (after data changed elsewhere)."""
        self.model.refresh()
        self._update_count()

    def _update_count(self) -> None:
        # Up to COUNT_CAP the count is instant; beyond it (a hub's million citizens, a search
        # matching 180,000) the exact number is counted on a connection of its own in the
        # background, and shown when it comes unless the list has changed since.
        self._count_generation += 1
        n = self.model.total(COUNT_CAP)
        if n < COUNT_CAP:
            self._show_count(n)
            return
        self.count_label.setText(
            self.tr("Đang đếm… (hơn {n} bản ghi)").replace("{n}", _number(COUNT_CAP))
        )
        generation, query, ctx = self._count_generation, self.model.query, self.ctx

        def work(progress: Progress, cancelled: CancelCheck) -> int:
            with ctx.open_store() as store:
                return count_rows(store, query)

        def done(total: int) -> None:
            if generation == self._count_generation:
                self._show_count(total)

        def failed(_exc: BaseException) -> None:
            if generation == self._count_generation:
                self.count_label.setText(
                    self.tr("Hơn {n} bản ghi").replace("{n}", _number(COUNT_CAP))
                )

        run_task(self, "", work, done, failed, show_progress=False)

    def _show_count(self, n: int) -> None:
        self.count_label.setText(self.tr("{n} bản ghi").replace("{n}", _number(n)))

    def current_uuid(self) -> str | None:
        """UUID of the selected row, if any."""
        rows = self.view.selectionModel().selectedRows()
        return self.model.row_uuid(rows[0].row()) if rows else None

    def select_uuid(self, uuid: str) -> None:
        """Select the row of `uuid` if it is among the rows fetched."""
        row = self.model.row_of(uuid)
        if row >= 0:
            self.view.selectionModel().select(
                self.model.index(row, 0),
                QItemSelectionModel.SelectionFlag.ClearAndSelect
                | QItemSelectionModel.SelectionFlag.Rows,
            )
            self.view.scrollTo(self.model.index(row, 0))

    def _open_current(self) -> None:
        uuid = self.current_uuid()
        if uuid:
            self.open_requested.emit(uuid)

    def _delete_current(self) -> None:
        uuid = self.current_uuid()
        if uuid:
            self.delete_requested.emit(uuid)


class RecordScreen(QWidget):
    """A list of one form's records beside the form to enter and edit them."""

    def __init__(
        self, ctx: AppContext, form_id: str, setup: ListSetup, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.form_id = form_id
        self.list = RecordListPanel(ctx, form_id, setup, self)
        self.form = RecordForm(ctx, form_id, self)
        self.new_button = QPushButton(self.tr("Thêm mới (Ctrl+N)"), self)
        self.new_button.setObjectName("new")
        self.new_button.clicked.connect(self.new_record)
        self.delete_button = QPushButton(self.tr("Xóa"), self)
        self.delete_button.setObjectName("delete")
        self.delete_button.clicked.connect(self._delete_selected)
        self.deleted_button = QPushButton(self.tr("Đã xóa…"), self)
        self.deleted_button.setObjectName("deleted")
        self.deleted_button.setToolTip(self.tr("Xem các bản ghi đã xóa và khôi phục"))
        self.deleted_button.clicked.connect(self.show_deleted)
        for button in (self.new_button, self.delete_button):
            button.setEnabled(ctx.allowed(records.save_operation(form_id)))
        top = FlowLayout()
        top.addWidget(self.new_button)
        top.addWidget(self.delete_button)
        top.addWidget(self.deleted_button)
        self.export_button = QPushButton(self.tr("Xuất Excel…"), self)
        self.export_button.setObjectName("export_excel")
        self.export_button.setToolTip(
            self.tr("Ghi danh sách đang xem (các cột và bộ lọc hiện tại) ra tệp Excel")
        )
        self.export_button.clicked.connect(self.export_excel)
        top.addWidget(self.export_button)
        self._toolbar = top
        left = QWidget(self)
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addLayout(top)
        left_layout.addWidget(self.list)
        self.splitter = SideOrBelow(self)
        self.splitter.addWidget(left)
        self.splitter.addWidget(self.build_side())
        self.splitter.setStretchFactor(0, 3)
        self.splitter.setStretchFactor(1, 2)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.splitter)

        self.list.open_requested.connect(self.open_record)
        self.list.delete_requested.connect(self.delete_record)
        self.form.saved.connect(self._saved)
        ctx.signals.data_changed.connect(self._data_changed)

    def add_tool_button(self, button: QPushButton) -> None:
        """Add a screen-specific button beside "Thêm mới" and "Xóa"."""
        self._toolbar.addWidget(button)

    def build_side(self) -> QWidget:
        """The right-hand side; screens override it to add tabs around the form."""
        return self.form

    # ---- actions the main window dispatches (Ctrl+N, Ctrl+S, Ctrl+F, Esc) ----------------

    def new_record(self) -> None:
        """Start entering a new record."""
        if not self.form.read_only and self.form.confirm_leave():
            self.form.new_record()
            self.form.focus_first()

    def save(self) -> None:
        """Save the record being edited."""
        self.form.save()

    def focus_search(self) -> None:
        """Put the cursor in the search box."""
        self.list.search.setFocus()
        self.list.search.selectAll()

    def cancel(self) -> None:
        """Esc: leave the record being edited (asking about unsaved changes)."""
        if self.form.confirm_leave():
            self.form.revert()

    def confirm_leave(self) -> bool:
        """True when the screen may be left (no unsaved changes, or the user decided)."""
        return self.form.confirm_leave()

    # ---- records ---------------------------------------------------------------------

    def open_record(self, uuid: str) -> None:
        """Show a record in the form."""
        if uuid == self.form.uuid or not self.form.confirm_leave():
            return
        record = self.ctx.store.get_record(self.form_id, uuid)
        if record is not None:
            self.form.load(record)
            self.record_opened(record.uuid)

    def record_opened(self, uuid: str | None) -> None:
        """Hook: a record was loaded into the form (None: a new one)."""

    def _delete_selected(self) -> None:
        uuid = self.list.current_uuid() or self.form.uuid
        if uuid:
            self.delete_record(uuid)

    def delete_record(self, uuid: str) -> None:
        """Ask, then delete (the row stays as a tombstone, so sync passes the deletion on)."""
        if not self.ctx.allowed(records.save_operation(self.form_id)):
            return
        record = self.ctx.store.get_record(self.form_id, uuid)
        if record is None:
            return
        title = record.values.get(self.form.form.title_field)
        spec = self.form.form.field(self.form.form.title_field)
        shown = display_value(spec, title) if not spec.target_form else ""
        if not confirm(
            self,
            self.tr("Xóa bản ghi"),
            self.tr("Xóa “{name}”? Có thể khôi phục lại trong “Đã xóa…”.").replace("{name}", shown),
        ):
            return
        try:
            done = records.delete_record(self.ctx.store, self.ctx.user, self.form_id, uuid)
        except DomainError as exc:
            show_error(self, exc)
            return
        if self.form.uuid == uuid:
            self.form.new_record()
        self.record_deleted(uuid)
        self.ctx.apply(done)
        show_status(
            self,
            self.tr("Đã xóa “{name}”. Khôi phục trong “Đã xóa…” nếu cần.").replace("{name}", shown),
        )

    def export_excel(self) -> None:
        """Write the list as shown (its columns, filters and search) to an .xlsx file."""
        form = self.ctx.store.forms[self.form_id]
        stamp = datetime.now()
        default = f"{form.label()} {stamp:%Y-%m-%d}.xlsx".replace("/", "-")
        path, _ = QFileDialog.getSaveFileName(
            self, self.tr("Xuất danh sách ra Excel"), default, self.tr("Tệp Excel (*.xlsx)")
        )
        if not path:
            return
        out = Path(path) if path.lower().endswith(".xlsx") else Path(path + ".xlsx")
        query = self.list.model.query
        specs = [form.field(name) for name in self.list.model.column_names()]
        headers = [spec.label() for spec in specs]
        shown_filters = [
            box.currentText() for box in self.list.filter_boxes.values() if box.currentIndex() > 0
        ]
        if query.search.strip():
            shown_filters.append(self.tr("tìm “{s}”").replace("{s}", query.search.strip()))
        note = self.tr("Xuất lúc {t}").replace("{t}", f"{stamp:%d/%m/%Y %H:%M}")
        if shown_filters:
            note += " — " + self.tr("lọc: {f}").replace("{f}", "; ".join(shown_filters))
        ctx, title = self.ctx, form.label()

        def work(progress: Progress, cancelled: CancelCheck) -> int:
            with ctx.open_store() as store:
                total = max(1, count_rows(store, query))

                def rows() -> Iterator[list[Any]]:
                    offset = 0
                    while page := fetch_rows(store, query, offset, EXPORT_PAGE):
                        for row in page:
                            yield [_export_value(s, row.values.get(s.name)) for s in specs]
                        offset += len(page)
                        progress(min(1.0, offset / total), "")

                # openpyxl is imported by the first export, not by every window's start-up.
                from de06desk.reports.list_export import write_list_xlsx

                return write_list_xlsx(out, title, headers, rows(), note=note, cancelled=cancelled)

        def done(n: int) -> None:
            show_status(
                self,
                self.tr("Đã xuất {n} dòng ra {file}.")
                .replace("{n}", _number(n))
                .replace("{file}", out.name),
            )

        run_task(self, self.tr("Đang xuất Excel…"), work, done)

    def show_deleted(self) -> None:
        """Open “Đã xóa”: the deleted records of this list, to restore."""
        dialog = DeletedDialog(self.ctx, self.form_id, self)
        dialog.restored.connect(self._restored)
        dialog.exec()

    def _restored(self, record: Any) -> None:
        self.list.refresh()
        show_status(self, self.tr("Đã khôi phục bản ghi."))
        if not self.form.is_dirty:
            self.form.load(record)
            self.record_opened(record.uuid)

    def record_deleted(self, uuid: str) -> None:
        """Hook: a record of this screen was deleted."""

    def _saved(self, record: Any) -> None:
        self.list.refresh()
        self.list.select_uuid(record.uuid)
        self.record_opened(record.uuid)

    def _data_changed(self, form_id: str) -> None:
        if form_id in ("", self.form_id):
            self.list.refresh()
