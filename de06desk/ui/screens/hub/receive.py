"""Nhận gói: a folder of packages (a USB stick) imported with progress and Cancel, one line
per package."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QDir, Qt
from PySide6.QtWidgets import (
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from de06desk.actions import Done
from de06desk.actions import sync as act
from de06desk.domain.progress import CancelCheck, Progress
from de06desk.sync import ImportOutcome

from ...context import AppContext
from ...tasks import Task, run_task, show_error
from .common import PACKAGE_GLOB, cell, read_only_table


class ReceiveScreen(QWidget):
    """Nhận gói: import every package in a folder (a USB stick), with progress and Cancel;
    one line per package saying what happened to it."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.task: Task | None = None
        self.last_outcomes: list[ImportOutcome] = []
        layout = QVBoxLayout(self)
        intro = QLabel(
            self.tr(
                "Cắm USB của xã, chọn thư mục chứa các tệp .de06sync. Mỗi gói được kiểm tra "
                "chữ ký và nhập trọn vẹn hoặc không nhập gì; gói đã nhận rồi được bỏ qua."
            ),
            self,
        )
        intro.setWordWrap(True)
        layout.addWidget(intro)
        row = QHBoxLayout()
        self.folder_button = QPushButton(self.tr("Nhập thư mục gói…"), self)
        self.folder_button.setObjectName("import_folder")
        self.folder_button.clicked.connect(self._folder_clicked)
        self.files_button = QPushButton(self.tr("Nhập tệp gói…"), self)
        self.files_button.setObjectName("import_files")
        self.files_button.clicked.connect(self._files_clicked)
        for button in (self.folder_button, self.files_button):
            button.setEnabled(ctx.allowed("sync.import"))
            row.addWidget(button)
        row.addStretch(1)
        layout.addLayout(row)
        self.summary = QLabel(self)
        self.summary.setObjectName("summary")
        self.summary.setWordWrap(True)
        self.summary.setStyleSheet("font-weight: bold;")
        layout.addWidget(self.summary)
        self.results = read_only_table(
            self, [self.tr("Tệp"), self.tr("Xã"), self.tr("Kết quả"), self.tr("Chi tiết")]
        )
        self.results.setObjectName("results")
        layout.addWidget(self.results, 1)

    def _folder_clicked(self) -> None:
        folder = QFileDialog.getExistingDirectory(
            self, self.tr("Chọn thư mục chứa gói"), QDir.homePath()
        )
        if folder:
            self.import_folder(Path(folder))

    def _files_clicked(self) -> None:
        paths, _ = QFileDialog.getOpenFileNames(
            self, self.tr("Chọn gói đồng bộ"), QDir.homePath(), PACKAGE_GLOB
        )
        if paths:
            self.import_files([Path(p) for p in paths])

    def import_folder(self, folder: Path) -> Task | None:
        """Import every package in `folder` (None, and a line saying so, when it has none)."""
        paths = sorted(folder.glob(PACKAGE_GLOB))
        if not paths:
            self.results.setRowCount(0)
            self.summary.setText(
                self.tr("Không có gói nào trong thư mục này ({p}).").replace("{p}", str(folder))
            )
            return None
        return self.import_files(paths)

    def import_files(self, paths: list[Path]) -> Task:
        """Import packages in the background (progress and Cancel), then show the outcomes."""
        ctx, user = self.ctx, self.ctx.user

        def work(progress: Progress, cancelled: CancelCheck) -> Done[list[ImportOutcome]]:
            with ctx.open_store() as store:
                return act.import_sync_packages(store, user, paths, progress, cancelled)

        def done(finished: Done[list[ImportOutcome]]) -> None:
            self.task = None
            self.show_outcomes(ctx.apply(finished))
            if finished.warnings:
                QMessageBox.warning(
                    self, self.tr("Cảnh báo"), "\n".join(str(w) for w in finished.warnings)
                )

        def failed(exc: BaseException) -> None:
            self.task = None
            show_error(self, exc)

        self.summary.setText(self.tr("Đang nhập {n} gói…").replace("{n}", str(len(paths))))
        self.task = run_task(self, self.tr("Đang nhập gói…"), work, done, failed)
        return self.task

    def show_outcomes(self, outcomes: list[ImportOutcome]) -> None:
        """One line per package: file, commune, what happened, why."""
        self.last_outcomes = outcomes
        labels = {
            "applied": self.tr("Đã nhập"),
            "already": self.tr("Đã có, bỏ qua"),
            "refused": self.tr("Từ chối"),
            "cancelled": self.tr("Đã hủy"),
        }
        self.results.setRowCount(len(outcomes))
        for i, outcome in enumerate(outcomes):
            cells = [
                cell(outcome.path.name),
                cell(outcome.sender or ""),
                cell(labels[outcome.status]),
                cell(outcome.message),
            ]
            if outcome.status in ("refused", "cancelled"):
                cells[2].setForeground(Qt.GlobalColor.darkRed)
            for j, item in enumerate(cells):
                self.results.setItem(i, j, item)
        counts = {s: sum(o.status == s for o in outcomes) for s in labels}
        self.summary.setText(
            self.tr("{a} gói đã nhập, {b} đã có, {c} bị từ chối, {d} đã hủy.")
            .replace("{a}", str(counts["applied"]))
            .replace("{b}", str(counts["already"]))
            .replace("{c}", str(counts["refused"]))
            .replace("{d}", str(counts["cancelled"]))
        )
