"""Export a village's follow-up list (PDF sheet or Excel) — a file with personal data.

The officer picks the village and the format, reads a plain warning, ticks that they will keep
the file safe, and only then can export. The export is written to the audit log.
"""

from __future__ import annotations

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QLabel,
    QVBoxLayout,
    QWidget,
)

from de06desk.domain.progress import CancelCheck, Progress
from de06desk.domain.text import fold
from de06desk.quality.field_lists import FollowupExport, export_followup
from de06desk.ui.context import AppContext
from de06desk.ui.tasks import Task, run_task, show_error


class FieldListDialog(QDialog):
    """Choose village and format, acknowledge the personal-data warning, export."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.task: Task | None = None
        self.exported: FollowupExport | None = None
        self.setWindowTitle(self.tr("Danh sách công dân cần theo dõi"))
        self.village_combo = QComboBox()
        villages = sorted(ctx.store.list_records("village"), key=lambda v: fold(v["name"]))
        for village in villages:
            self.village_combo.addItem(village["name"], village.uuid)
        self.format_combo = QComboBox()
        self.format_combo.addItem(self.tr("PDF để in (A4 ngang)"), ".pdf")
        self.format_combo.addItem(self.tr("Excel (.xlsx)"), ".xlsx")
        warning = QLabel(
            self.tr(
                "Tệp này có thông tin cá nhân của công dân (họ tên, năm sinh, số định danh, số "
                "điện thoại). Chỉ dùng cho việc rà soát tại thôn/xóm; không gửi qua mạng xã "
                "hội, không để lại trên máy dùng chung; hủy bản in và xóa tệp khi xong việc. "
                "Việc xuất tệp được ghi vào nhật ký."
            )
        )
        warning.setWordWrap(True)
        warning.setStyleSheet("color: #8a1c1c; font-weight: bold;")
        self.acknowledge = QCheckBox(self.tr("Tôi hiểu và sẽ giữ kín tệp này"))
        self.status = QLabel()
        self.status.setWordWrap(True)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.export_button = self.buttons.addButton(
            self.tr("Xuất tệp…"), QDialogButtonBox.ButtonRole.ActionRole
        )
        self.export_button.clicked.connect(self.export)
        self.buttons.rejected.connect(self.reject)
        self.acknowledge.toggled.connect(self._update_buttons)
        form = QFormLayout()
        form.addRow(self.tr("Thôn/xóm:"), self.village_combo)
        form.addRow(self.tr("Định dạng:"), self.format_combo)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(warning)
        layout.addWidget(self.acknowledge)
        layout.addWidget(self.status)
        layout.addWidget(self.buttons)
        self._update_buttons()

    def _update_buttons(self) -> None:
        self.export_button.setEnabled(
            self.acknowledge.isChecked() and self.village_combo.count() > 0
        )

    def export(self) -> None:
        """Ask where to save, then write the list in the background."""
        if not self.acknowledge.isChecked() or self.village_combo.currentData() is None:
            return
        suffix = self.format_combo.currentData()
        name = fold(self.village_combo.currentText()).replace(" ", "_")
        file_filter = self.tr("PDF (*.pdf)") if suffix == ".pdf" else self.tr("Excel (*.xlsx)")
        path, _ = QFileDialog.getSaveFileName(
            self, self.tr("Lưu danh sách"), f"theo_doi_{name}{suffix}", file_filter
        )
        if not path:
            return
        if not path.lower().endswith(suffix):
            path += suffix
        village, user = self.village_combo.currentData(), self.ctx.user
        self.export_button.setEnabled(False)

        ctx = self.ctx

        def work(progress: Progress, cancelled: CancelCheck) -> FollowupExport:
            with ctx.open_store() as store:
                return export_followup(store, village, path, user=user.username)

        self.task = run_task(self, self.tr("Đang xuất danh sách"), work, self._done, self._failed)

    def _done(self, result: FollowupExport) -> None:
        self.task = None
        self.exported = result
        self._update_buttons()
        self.status.setText(
            self.tr("Đã xuất {n} dòng của {v} vào {p}.").format(
                n=result.rows, v=result.village_name, p=str(result.path)
            )
        )

    def _failed(self, exc: BaseException) -> None:
        self.task = None
        self._update_buttons()
        show_error(self, exc)
