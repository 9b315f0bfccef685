"""Gửi lên: the upper hub this hub reports to (its key, set from its key file) and the summary
packages for it — the weekly figures per commune, no personal data (docs/SYNC.md §9), written
by the same action as `sync export` on a hub."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QDir, Qt
from PySide6.QtWidgets import (
    QFileDialog,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from de06desk.actions import Done
from de06desk.actions import sync as act
from de06desk.domain.progress import CancelCheck, Cancelled, Progress
from de06desk.domain.weeks import format_date
from de06desk.reports.rollup import SummaryExport
from de06desk.sync.keys import hub_key

from ...context import AppContext
from ...key_box import KeyBox
from ...tasks import Task, run_task, show_error


class SendUpScreen(QWidget):
    """Gửi lên: set the upper hub (both fingerprints before a replacement) and write the
    summary package for it in the background."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.task: Task | None = None
        self.last_export: SummaryExport | None = None
        layout = QVBoxLayout(self)
        self.keys = KeyBox(ctx, self.tr("Cấp trên nhận số liệu"), self)
        self.keys.keys_changed.connect(self.refresh)
        layout.addWidget(self.keys)
        layout.addWidget(self._package_box())
        layout.addStretch(1)
        self.refresh()

    def _package_box(self) -> QGroupBox:
        box = QGroupBox(self.tr("Gói số liệu gửi lên"), self)
        layout = QVBoxLayout(box)
        # What a summary package holds (reports/rollup.py), named here.
        what = QLabel(
            self.tr(
                "Gói chỉ gồm số liệu từng tuần của mỗi xã, phường (tiếp nhận, phê duyệt, kích "
                "hoạt, làm sạch dữ liệu, chỉ tiêu…), không có họ tên, số định danh hay số điện "
                "thoại của người dân. Chỉ cấp trên đã đặt ở trên mở được gói."
            ),
            box,
        )
        what.setWordWrap(True)
        layout.addWidget(what)
        row = QHBoxLayout()
        self.write_button = QPushButton(self.tr("Ghi gói số liệu…"), box)
        self.write_button.setObjectName("write_summary")
        self.write_button.clicked.connect(self._write_clicked)
        row.addWidget(self.write_button)
        row.addStretch(1)
        layout.addLayout(row)
        self.written = QLabel(box)
        self.written.setObjectName("written")
        self.written.setWordWrap(True)
        self.written.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout.addWidget(self.written)
        return box

    # ---- showing -----------------------------------------------------------------------

    def refresh(self) -> None:
        """Re-read the upper hub: the package can be written only once it is set."""
        allowed = self.ctx.allowed("hub.export_summary")
        has_upper = hub_key(self.ctx.store) is not None
        self.write_button.setEnabled(allowed and has_upper and self.task is None)
        if not allowed:
            tip = self.tr("Tài khoản này không được ghi gói số liệu gửi lên.")
        elif not has_upper:
            tip = self.tr("Chưa đặt cấp trên: hãy nhập tệp khóa cấp trên trước.")
        else:
            tip = self.tr("Chọn thư mục (USB) để ghi gói cho cấp trên")
        self.write_button.setToolTip(tip)

    # ---- the package -------------------------------------------------------------------

    def _write_clicked(self) -> None:
        folder = QFileDialog.getExistingDirectory(
            self, self.tr("Chọn thư mục ghi gói"), QDir.homePath()
        )
        if folder:
            self.write_to(Path(folder))

    def write_to(self, folder: Path) -> Task:
        """Write the summary package for the upper hub into `folder`, in the background
        (the same action as `sync export` on a hub); a label then says which file."""
        ctx, user = self.ctx, self.ctx.user

        def work(progress: Progress, cancelled: CancelCheck) -> Done[SummaryExport]:
            with ctx.open_store() as store:
                return act.export_up(store, user, folder, progress=progress, cancelled=cancelled)

        def done(finished: Done[SummaryExport]) -> None:
            self.task = None
            self.last_export = up = ctx.apply(finished)
            self.refresh()
            self.written.setText(
                self.tr(
                    "Đã ghi và kiểm tra lại {f} trong {p}: số liệu {w} tuần ({a} – {b}) của "
                    "{n} xã, phường, gửi {r}."
                )
                .replace("{f}", up.result.path.name)
                .replace("{p}", str(up.result.path.parent))
                .replace("{w}", str(len(up.weeks)))
                .replace("{a}", format_date(up.weeks[0].start))
                .replace("{b}", format_date(up.weeks[-1].end))
                .replace("{n}", str(up.communes))
                .replace("{r}", up.result.recipient)
            )

        def failed(exc: BaseException) -> None:
            self.task = None
            self.refresh()
            if not isinstance(exc, Cancelled):
                show_error(self, exc)

        self.task = run_task(self, self.tr("Đang ghi gói số liệu gửi lên…"), work, done, failed)
        self.refresh()  # no second package while this one is being written
        return self.task
