"""Import a citizen list or a VNeID status list: choose the file, match its columns, preview,
confirm, see the result.

Reading, previewing, writing and undoing run in the background (each opens its own Store);
nothing is written until the officer presses the write button on the preview page. The
mapping proposed is the one saved for a file with the same headers, else the guess.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QStackedWidget,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from de06desk.actions import Done
from de06desk.actions.admin import import_citizens, import_status, undo_citizen_import
from de06desk.domain.progress import CancelCheck, Cancelled, Progress
from de06desk.quality.citizen_import import (
    ImportPlan,
    ImportResult,
    field_label,
    list_imports,
    plan_import,
    read_table,
    write_refusals,
)
from de06desk.quality.mapping import KINDS, REQUIRED_FIELDS, STATUS_REQUIRED
from de06desk.quality.profiles import propose_mapping
from de06desk.quality.status_import import StatusPlan, plan_status_import
from de06desk.quality.tables import RawTable
from de06desk.ui.context import AppContext
from de06desk.ui.tasks import Task, run_task, show_error

# Refusals shown in the preview table; the saved file always has all of them.
_SHOWN_REFUSALS = 500


class CitizenImportDialog(QDialog):
    """The four steps of a citizen-list import, on one dialog."""

    PAGE_FILE, PAGE_MAPPING, PAGE_PREVIEW, PAGE_RESULT = range(4)

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.table: RawTable | None = None
        self.plan: ImportPlan | StatusPlan | None = None
        self.import_result: ImportResult | None = None
        self.task: Task | None = None
        self.setWindowTitle(self.tr("Nhập danh sách công dân"))
        self.resize(820, 600)
        self.pages = QStackedWidget()
        self.pages.addWidget(self._file_page())
        self.pages.addWidget(self._mapping_page())
        self.pages.addWidget(self._preview_page())
        self.pages.addWidget(self._result_page())
        self.close_button = QPushButton(self.tr("Đóng"))
        self.close_button.clicked.connect(self.reject)
        bottom = QHBoxLayout()
        bottom.addStretch(1)
        bottom.addWidget(self.close_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.pages, 1)
        layout.addLayout(bottom)
        self._show_last_import()

    # ---- page 1: file -------------------------------------------------------------------

    def _file_page(self) -> QWidget:
        page = QWidget()
        self.path_edit = QLineEdit()
        self.path_edit.setPlaceholderText(self.tr("Tệp Excel (.xlsx, .xls) hoặc CSV"))
        browse = QPushButton(self.tr("Chọn tệp…"))
        browse.clicked.connect(self.choose_file)
        self.encoding_combo = QComboBox()
        for label, value in (
            (self.tr("Tự nhận"), None),
            ("UTF-8", "utf-8"),
            ("UTF-8 (BOM)", "utf-8-sig"),
            ("Windows-1258", "cp1258"),
            ("UTF-16 (Unicode Text)", "utf-16"),
            ("UTF-32", "utf-32"),
        ):
            self.encoding_combo.addItem(label, value)
        self.kind_combo = QComboBox()
        self.kind_combo.addItem(self.tr("Danh sách công dân"), "citizens")
        self.kind_combo.addItem(self.tr("Danh sách trạng thái VNeID (mức 1, mức 2)"), "status")
        self.sheet_combo = QComboBox()
        self.sheet_combo.setEnabled(False)
        self.read_button = QPushButton(self.tr("Đọc tệp"))
        self.read_button.clicked.connect(self.read_file)
        self.last_import_label = QLabel()
        self.last_import_label.setWordWrap(True)
        self.undo_last_button = QPushButton(self.tr("Hoàn tác lần nhập gần nhất"))
        self.undo_last_button.clicked.connect(self._undo_last)
        row = QHBoxLayout()
        row.addWidget(self.path_edit, 1)
        row.addWidget(browse)
        form = QFormLayout()
        form.addRow(self.tr("Loại danh sách:"), self.kind_combo)
        form.addRow(self.tr("Tệp danh sách:"), row)
        form.addRow(self.tr("Bảng mã (CSV):"), self.encoding_combo)
        form.addRow(self.tr("Trang tính:"), self.sheet_combo)
        hint = QLabel(
            self.tr(
                "Nhận tệp Excel (.xlsx, .xls) và CSV (UTF-8, UTF-16 hoặc Windows-1258). Tệp gõ "
                "bằng phông TCVN3 (.VnTime) hay VNI cần chuyển sang Unicode trước. Danh sách "
                "trạng thái được ghép với công dân theo số định danh."
            )
        )
        hint.setWordWrap(True)
        layout = QVBoxLayout(page)
        layout.addLayout(form)
        layout.addWidget(hint)
        layout.addWidget(self.read_button)
        layout.addStretch(1)
        layout.addWidget(self.last_import_label)
        layout.addWidget(self.undo_last_button)
        return page

    def choose_file(self) -> None:
        """Ask for the list file, then read it."""
        path, _ = QFileDialog.getOpenFileName(
            self,
            self.tr("Chọn danh sách công dân"),
            "",
            self.tr("Danh sách (*.xlsx *.xls *.csv *.txt);;Mọi tệp (*)"),
        )
        if path:
            self.path_edit.setText(path)
            self.sheet_combo.clear()
            self.sheet_combo.setEnabled(False)
            self.read_file()

    def read_file(self) -> None:
        """Read the chosen file in the background, then show the mapping step."""
        path = self.path_edit.text().strip()
        if not path:
            return
        encoding = self.encoding_combo.currentData()
        sheet = self.sheet_combo.currentText() if self.sheet_combo.isEnabled() else None

        def work(progress: Progress, cancelled: CancelCheck) -> RawTable:
            return read_table(
                path, encoding=encoding, sheet=sheet or None, progress=progress, cancelled=cancelled
            )

        self.task = run_task(self, self.tr("Đang đọc tệp"), work, self._file_read)

    def _file_read(self, table: RawTable) -> None:
        self.task = None
        self.table = table
        if table.sheets:
            self.sheet_combo.blockSignals(True)
            self.sheet_combo.clear()
            self.sheet_combo.addItems(table.sheets)
            self.sheet_combo.setCurrentText(table.sheet or "")
            self.sheet_combo.setEnabled(True)
            self.sheet_combo.blockSignals(False)
        self._fill_mapping(table)
        self.pages.setCurrentIndex(self.PAGE_MAPPING)

    # ---- page 2: mapping ----------------------------------------------------------------

    def _mapping_page(self) -> QWidget:
        page = QWidget()
        self.mapping_info = QLabel()
        self.mapping_info.setWordWrap(True)
        self.mapping_form = QFormLayout()
        self.field_combos: dict[str, QComboBox] = {}
        self.village_combo = QComboBox()
        self.create_villages = QCheckBox(self.tr("Tạo thôn/xóm chưa có trong danh mục"))
        back = QPushButton(self.tr("Quay lại"))
        back.clicked.connect(lambda: self.pages.setCurrentIndex(self.PAGE_FILE))
        self.preview_button = QPushButton(self.tr("Xem trước"))
        self.preview_button.clicked.connect(self.preview)
        buttons = QHBoxLayout()
        buttons.addWidget(back)
        buttons.addStretch(1)
        buttons.addWidget(self.preview_button)
        layout = QVBoxLayout(page)
        layout.addWidget(self.mapping_info)
        layout.addLayout(self.mapping_form)
        self.village_row = QWidget()
        village_form = QFormLayout(self.village_row)
        village_form.setContentsMargins(0, 0, 0, 0)
        village_form.addRow(self.tr("Cùng một thôn/xóm cho mọi dòng:"), self.village_combo)
        layout.addWidget(self.village_row)
        layout.addWidget(self.create_villages)
        layout.addStretch(1)
        layout.addLayout(buttons)
        return page

    @property
    def kind(self) -> str:
        """ "citizens" or "status": which list is being imported."""
        return str(self.kind_combo.currentData())

    def _build_mapping_rows(self) -> None:
        while self.mapping_form.rowCount():
            self.mapping_form.removeRow(0)
        self.field_combos = {}
        kind = self.kind
        form_spec = self.ctx.store.form("citizen" if kind == "citizens" else "drive_roster")
        required = REQUIRED_FIELDS if kind == "citizens" else STATUS_REQUIRED
        for name in KINDS[kind]:
            combo = QComboBox()
            label = str(field_label(form_spec, name))
            if name in required:
                label += " *"
            self.field_combos[name] = combo
            self.mapping_form.addRow(label, combo)
        citizens = kind == "citizens"
        self.village_row.setVisible(citizens)
        self.create_villages.setVisible(citizens)
        self.village_combo.clear()
        self.village_combo.addItem(self.tr("(theo cột Thôn/Xóm hoặc địa chỉ)"), None)
        for village in self.ctx.store.list_records("village", order_by="name"):
            self.village_combo.addItem(village["name"], village["name"])

    def _fill_mapping(self, table: RawTable) -> None:
        self._build_mapping_rows()
        guessed, saved = propose_mapping(self.ctx.store, self.kind, table.headers)
        for name, combo in self.field_combos.items():
            combo.clear()
            combo.addItem(self.tr("(không nhập)"), None)
            for index, header in enumerate(table.headers):
                combo.addItem(header or self.tr("Cột {n}").format(n=index + 1), index)
            if name in guessed:
                combo.setCurrentIndex(guessed[name] + 1)
        info = self.tr(
            "{rows} dòng dữ liệu (từ dòng {first}). Hãy kiểm tra cột nào ứng với thông tin "
            "nào; các cột có dấu * là bắt buộc."
        ).format(rows=len(table.rows), first=table.first_row)
        if table.skipped:
            info += " " + self.tr("Bỏ qua {n} dòng không phải dữ liệu.").format(
                n=len(table.skipped)
            )
        if saved:
            info += " " + self.tr("Cách ghép cột được lấy theo lần nhập trước của tệp cùng mẫu.")
        self.mapping_info.setText(info)

    def mapping(self) -> dict[str, int]:
        """Field → column index as chosen on the mapping page."""
        return {
            name: combo.currentData()
            for name, combo in self.field_combos.items()
            if combo.currentData() is not None
        }

    def preview(self) -> None:
        """Plan the import in the background (nothing written) and show the preview."""
        if self.table is None:
            return
        table, mapping = self.table, self.mapping()
        create = self.create_villages.isChecked()
        village = self.village_combo.currentData()
        kind = self.kind

        ctx = self.ctx

        def work(progress: Progress, cancelled: CancelCheck) -> ImportPlan | StatusPlan:
            with ctx.open_store() as store:
                if kind == "status":
                    return plan_status_import(
                        store, table, mapping, progress=progress, cancelled=cancelled
                    )
                return plan_import(
                    store,
                    table,
                    mapping,
                    create_villages=create,
                    village=village,
                    progress=progress,
                    cancelled=cancelled,
                )

        self.task = run_task(self, self.tr("Đang xem trước"), work, self._planned)

    # ---- page 3: preview ----------------------------------------------------------------

    def _preview_page(self) -> QWidget:
        page = QWidget()
        self.summary_label = QLabel()
        self.summary_label.setWordWrap(True)
        self.notes_label = QLabel()
        self.notes_label.setWordWrap(True)
        self.refusal_table = QTableWidget(0, 2)
        self.refusal_table.setHorizontalHeaderLabels([self.tr("Dòng"), self.tr("Lý do từ chối")])
        self.refusal_table.horizontalHeader().setSectionResizeMode(
            1, QHeaderView.ResizeMode.Stretch
        )
        self.refusal_table.setWordWrap(True)
        self.refusal_table.verticalHeader().setVisible(False)
        back = QPushButton(self.tr("Quay lại"))
        back.clicked.connect(lambda: self.pages.setCurrentIndex(self.PAGE_MAPPING))
        self.save_refusals_button = QPushButton(self.tr("Lưu danh sách bị từ chối…"))
        self.save_refusals_button.clicked.connect(self.save_refusals)
        self.apply_button = QPushButton()
        self.apply_button.clicked.connect(self.apply)
        buttons = QHBoxLayout()
        buttons.addWidget(back)
        buttons.addWidget(self.save_refusals_button)
        buttons.addStretch(1)
        buttons.addWidget(self.apply_button)
        layout = QVBoxLayout(page)
        layout.addWidget(self.summary_label)
        layout.addWidget(self.notes_label)
        layout.addWidget(self.refusal_table, 1)
        layout.addLayout(buttons)
        return page

    def _planned(self, plan: ImportPlan | StatusPlan) -> None:
        self.task = None
        self.plan = plan
        self.summary_label.setText(str(plan.summary()))
        notes = []
        if isinstance(plan, StatusPlan):
            notes += [
                self.tr("Khác với xã — dòng {r} ({n}): {m}").format(
                    r=c.row_no, n=c.name, m=str(c.message)
                )
                for c in plan.conflicts[:20]
            ]
        else:
            unused = plan.unused_note()
            if unused is not None:
                notes.append(str(unused))
        if isinstance(plan, ImportPlan) and plan.villages_to_create:
            notes.append(
                self.tr("Thôn/xóm sẽ tạo mới: {names}.").format(
                    names=", ".join(plan.villages_to_create)
                )
            )
        if isinstance(plan, ImportPlan) and plan.notes:
            notes.append(
                self.tr(
                    "{n} dòng có số định danh không khớp năm sinh hoặc giới tính: vẫn được nhập "
                    "và sẽ hiện ở màn hình Kiểm tra dữ liệu."
                ).format(n=len(plan.notes))
            )
        self.notes_label.setText("\n".join(notes))
        self.notes_label.setVisible(bool(notes))
        shown = plan.refused[:_SHOWN_REFUSALS]
        self.refusal_table.setRowCount(len(shown))
        for row, refusal in enumerate(shown):
            self.refusal_table.setItem(row, 0, QTableWidgetItem(str(refusal.row_no)))
            self.refusal_table.setItem(row, 1, QTableWidgetItem(str(refusal.reason)))
        self.refusal_table.resizeRowsToContents()
        self.save_refusals_button.setEnabled(bool(plan.refused))
        writes = len(plan.to_add) + len(plan.to_update)
        self.apply_button.setText(self.tr("Ghi {n} dòng vào dữ liệu").format(n=writes))
        self.apply_button.setEnabled(writes > 0 and self.ctx.allowed("citizens.import"))
        self.pages.setCurrentIndex(self.PAGE_PREVIEW)

    def save_refusals(self) -> None:
        """Save the refused rows (with reasons) to a file the officer chooses."""
        if self.plan is None or not self.plan.refused:
            return
        suggested = str(Path(self.plan.source).with_suffix("")) + "_bi_tu_choi.xlsx"
        path, _ = QFileDialog.getSaveFileName(
            self,
            self.tr("Lưu danh sách bị từ chối"),
            suggested,
            self.tr("Excel (*.xlsx);;CSV (*.csv)"),
        )
        if path:
            write_refusals(self.plan, path)
            self.result_label.setText(
                self.result_label.text()
                + "\n"
                + self.tr("Đã lưu danh sách bị từ chối: {p}").format(p=path)
            )

    def apply(self) -> None:
        """Write the previewed import (the officer's confirmation)."""
        if self.plan is None or not self.ctx.allowed("citizens.import"):
            return
        plan, user = self.plan, self.ctx.user
        self.apply_button.setEnabled(False)

        ctx = self.ctx

        def work(progress: Progress, cancelled: CancelCheck) -> Done[ImportResult]:
            with ctx.open_store() as store:
                if isinstance(plan, StatusPlan):
                    return import_status(store, user, plan, progress, cancelled)
                return import_citizens(store, user, plan, progress, cancelled)

        self.task = run_task(
            self, self.tr("Đang ghi dữ liệu"), work, self._applied, self._apply_failed
        )

    def _apply_failed(self, exc: BaseException) -> None:
        self.task = None
        self.apply_button.setEnabled(True)
        if not isinstance(exc, Cancelled):
            show_error(self, exc)
            return
        # The write is one transaction: a cancel leaves the data as it was before.
        cancelled = self.tr("Đã hủy: không có dòng nào được ghi. Bấm nút ghi để ghi lại.")
        notes = [n for n in self.notes_label.text().split("\n") if n and n != cancelled]
        self.notes_label.setText("\n".join([cancelled, *notes]))
        self.notes_label.setVisible(True)

    # ---- page 4: result -----------------------------------------------------------------

    def _result_page(self) -> QWidget:
        page = QWidget()
        self.result_label = QLabel()
        self.result_label.setWordWrap(True)
        self.result_refusals_button = QPushButton(self.tr("Lưu danh sách bị từ chối…"))
        self.result_refusals_button.clicked.connect(self.save_refusals)
        self.undo_button = QPushButton(self.tr("Hoàn tác lần nhập này"))
        self.undo_button.clicked.connect(self.undo)
        buttons = QHBoxLayout()
        buttons.addWidget(self.result_refusals_button)
        buttons.addStretch(1)
        buttons.addWidget(self.undo_button)
        layout = QVBoxLayout(page)
        layout.addWidget(self.result_label)
        layout.addStretch(1)
        layout.addLayout(buttons)
        return page

    def _applied(self, done: Done[ImportResult]) -> None:
        self.task = None
        self.import_result = result = done.value
        text = self.tr(
            "Đã nhập xong: thêm mới {added}, cập nhật {updated}, không đổi {same}, "
            "bị từ chối {refused}."
        ).format(
            added=result.added,
            updated=result.updated,
            same=result.unchanged,
            refused=result.refused,
        )
        if result.villages_created:
            text += " " + self.tr("Đã tạo {n} thôn/xóm.").format(n=result.villages_created)
        self.result_label.setText(
            text + "\n" + self.tr("Mã lần nhập: {b}").format(b=result.batch_id)
        )
        self.result_refusals_button.setEnabled(result.refused > 0)
        self.undo_button.setEnabled(True)
        self.pages.setCurrentIndex(self.PAGE_RESULT)
        self.ctx.apply(done)

    def undo(self) -> None:
        """Undo the import just made."""
        if self.import_result is not None:
            self._run_undo(self.import_result.batch_id)

    def _undo_last(self) -> None:
        batch = self._last_batch()
        if batch is not None:
            self._run_undo(batch)

    def _run_undo(self, batch_id: str) -> None:
        user = self.ctx.user

        ctx = self.ctx

        def work(progress: Progress, cancelled: CancelCheck) -> Done[Any]:
            with ctx.open_store() as store:
                return undo_citizen_import(store, user, batch_id)

        self.task = run_task(self, self.tr("Đang hoàn tác"), work, self._undone)

    def _undone(self, done: Done[Any]) -> None:
        self.task = None
        batch = done.value
        self.undo_button.setEnabled(False)
        message = self.tr("Đã hoàn tác lần nhập {b}.").format(b=batch.batch_id)
        self.result_label.setText(self.result_label.text() + "\n" + message)
        self.last_import_label.setText(message)
        self._show_last_import()
        self.ctx.apply(done)

    def _last_batch(self) -> str | None:
        batches = list_imports(self.ctx.store)
        if not batches or batches[0].undone_at:
            return None
        return batches[0].batch_id

    def _show_last_import(self) -> None:
        batches = list_imports(self.ctx.store)
        last = batches[0] if batches else None
        can_undo = last is not None and not last.undone_at and self.ctx.allowed("citizens.undo")
        self.undo_last_button.setEnabled(can_undo)
        self.undo_last_button.setVisible(last is not None)
        if last is None:
            self.last_import_label.setText("")
        elif last.undone_at:
            self.last_import_label.setText(
                self.tr("Lần nhập gần nhất ({src}) đã được hoàn tác.").format(src=last.source)
            )
        else:
            self.last_import_label.setText(
                self.tr(
                    "Lần nhập gần nhất: {src}, lúc {at}, thêm {a}, cập nhật {u} (mã {b})."
                ).format(
                    src=last.source,
                    at=last.created_at[:16],
                    a=last.added,
                    u=last.updated,
                    b=last.batch_id,
                )
            )
