"""Đồng bộ (a commune's screen): export USB packages for the hub, see what the hub confirmed,
set the hub's key (`ui/key_box.py`, shared with the hub's Gửi lên and Các xã) and import what
the hub sends down. A hub has its own screens (`ui/screens/hub/`: Các xã, Nhận gói, Gửi xuống,
Gửi lên, Nhắc việc)."""

from __future__ import annotations

import os
from collections.abc import Sequence
from datetime import datetime
from pathlib import Path
from typing import Any

from PySide6.QtCore import QDir, QStorageInfo
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QFileDialog,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMessageBox,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from de06desk.actions import Done
from de06desk.actions import sync as act
from de06desk.domain.progress import CancelCheck, Progress
from de06desk.domain.weeks import format_date
from de06desk.store import Store
from de06desk.sync import ExportResult, ImportOutcome
from de06desk.sync.devices import DEVICES_SINCE, primary_device
from de06desk.sync.hub import sent_history

from ..context import AppContext
from ..key_box import KeyBox
from ..tasks import Task, run_task

# File systems that are never a USB stick or an external drive.
_VIRTUAL_FS = {"tmpfs", "devtmpfs", "overlay", "squashfs", "proc", "sysfs", "ramfs", "autofs"}


def removable_volumes() -> list[tuple[str, Path]]:
    """Mounted, writable volumes other than the system's own (label, root path)."""
    out: list[tuple[str, Path]] = []
    system_root = QStorageInfo.root().rootPath()
    for volume in QStorageInfo.mountedVolumes():
        if not volume.isValid() or not volume.isReady() or volume.isReadOnly():
            continue
        root = volume.rootPath()
        fs = bytes(volume.fileSystemType().data()).decode(errors="replace")
        if volume.isRoot() or root == system_root or fs in _VIRTUAL_FS:
            continue
        if os.name == "posix" and not root.startswith(("/media/", "/run/media/", "/mnt/")):
            continue
        free_gb = volume.bytesAvailable() / 1e9
        label = volume.name() or volume.displayName() or root
        out.append((f"{label} ({root}, {free_gb:.1f} GB)", Path(root)))
    return out


def _item(text: Any) -> QTableWidgetItem:
    return QTableWidgetItem("" if text is None else str(text))


def _day(timestamp: str | None) -> str:
    if not timestamp:
        return ""
    try:
        return format_date(datetime.fromisoformat(timestamp).astimezone().date())
    except ValueError:
        return timestamp[:10]


class SyncScreen(QWidget):
    """The Đồng bộ screen of a commune."""

    def __init__(self, ctx: AppContext) -> None:
        super().__init__()
        self.ctx = ctx
        self.task: Task | None = None
        self.last_export: ExportResult | None = None
        self.last_outcomes: list[ImportOutcome] = []
        layout = QVBoxLayout(self)
        layout.addWidget(self._keys_box())
        self._build_commune(layout)
        self.refresh()

    # ---- building ----------------------------------------------------------------------

    def _keys_box(self) -> KeyBox:
        self.keys = KeyBox(self.ctx, self.tr("Khóa bảo mật"), self)
        # The fingerprints' label under the name it had before the box was shared.
        self.fingerprint = self.keys.fingerprint
        return self.keys

    def _build_commune(self, layout: QVBoxLayout) -> None:
        box = QGroupBox(self.tr("Gửi dữ liệu lên cấp trên"), self)
        row = QHBoxLayout(box)
        self.destination = QComboBox(box)
        row.addWidget(QLabel(self.tr("Ghi vào:"), box))
        row.addWidget(self.destination, 1)
        self.full = QCheckBox(self.tr("Gửi toàn bộ"), box)
        self.full.setToolTip(self.tr("Gửi lại toàn bộ dữ liệu, không chỉ phần thay đổi"))
        row.addWidget(self.full)
        self.export_button = QPushButton(self.tr("Xuất gói đồng bộ"), box)
        self.export_button.clicked.connect(self._export_clicked)
        self.export_button.setEnabled(self.ctx.allowed("sync.export"))
        self.full.setEnabled(self.ctx.allowed("sync.export_full"))
        row.addWidget(self.export_button)
        layout.addWidget(box)
        self._build_devices(layout)
        self.history = self._table(
            [
                self.tr("Số gói"),
                self.tr("Ngày"),
                self.tr("Số dòng"),
                self.tr("Tệp"),
                self.tr("Cấp trên đã nhận"),
            ]
        )
        layout.addWidget(QLabel(self.tr("Các gói đã gửi"), self))
        layout.addWidget(self.history, 1)
        back = QPushButton(
            self.tr("Nhập gói từ cấp trên…")
            if self.devices_button is None
            else self.tr("Nhập gói từ cấp trên hoặc máy khác của xã…"),
            self,
        )
        back.clicked.connect(self._import_files_clicked)
        back.setEnabled(self.ctx.allowed("sync.import"))
        layout.addWidget(back)

    def _build_devices(self, layout: QVBoxLayout) -> None:
        """Packages between the commune's PC and its second devices (`sync clone-device`):
        shown on a second device, and on a PC that has made one."""
        store = self.ctx.store
        self.field_device = primary_device(store) is not None
        if not self.field_device and store.get_meta(DEVICES_SINCE) is None:
            self.devices_button: QPushButton | None = None
            return
        box = QGroupBox(self.tr("Máy thứ hai của xã"), self)
        row = QHBoxLayout(box)
        if self.field_device:
            text = self.tr("Ghi gói cho máy của xã")
            tip = self.tr(
                "Những gì nhập trên máy này, để máy của xã nhập vào (báo cáo tuần của xã tính cả)"
            )
            operation = "sync.export_to_commune"
        else:
            text = self.tr("Ghi gói cho các máy thứ hai")
            tip = self.tr("Những thay đổi trên máy của xã, để các máy thứ hai nhập vào")
            operation = "sync.export_to_devices"
        row.addWidget(QLabel(tip, box), 1)
        self.devices_button = QPushButton(text, box)
        self.devices_button.clicked.connect(self._devices_clicked)
        self.devices_button.setEnabled(self.ctx.allowed(operation))
        row.addWidget(self.devices_button)
        layout.addWidget(box)

    def _table(self, headers: Sequence[str]) -> QTableWidget:
        table = QTableWidget(0, len(headers), self)
        table.setHorizontalHeaderLabels(list(headers))
        table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        table.verticalHeader().setVisible(False)
        table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        table.horizontalHeader().setStretchLastSection(True)
        return table

    # ---- showing -----------------------------------------------------------------------

    def refresh(self) -> None:
        """Re-read keys, history and status from the database."""
        self.keys.refresh()
        self._fill_destinations()
        self._fill_history(self.ctx.store)

    def _fill_destinations(self) -> None:
        current = self.destination.currentData()
        self.destination.clear()
        for label, root in removable_volumes():
            self.destination.addItem(self.tr("Ổ USB/ổ rời: {v}").format(v=label), str(root))
        self.destination.addItem(self.tr("Chọn thư mục…"), "")
        index = self.destination.findData(current) if current else -1
        self.destination.setCurrentIndex(max(index, 0))

    def _fill_history(self, store: Store) -> None:
        rows = sent_history(store)
        self.history.setRowCount(len(rows))
        for i, sent in enumerate(rows):
            state = (
                self.tr("Đã nhận ({d})").format(d=_day(sent.acked_at))
                if sent.acked_at
                else self.tr("Đã gửi, chưa xác nhận")
            )
            for j, value in enumerate(
                [sent.seq, _day(sent.created_at), sent.rows, sent.file_name, state]
            ):
                self.history.setItem(i, j, _item(value))

    # ---- export ------------------------------------------------------------------------

    def _export_clicked(self) -> None:
        folder = self.destination.currentData()
        if not folder:
            folder = QFileDialog.getExistingDirectory(
                self, self.tr("Chọn thư mục ghi gói"), QDir.homePath()
            )
        if folder:
            self.export_to(Path(folder), full=self.full.isChecked())

    def _devices_clicked(self) -> None:
        folder = self.destination.currentData()
        if not folder:
            folder = QFileDialog.getExistingDirectory(
                self, self.tr("Chọn thư mục ghi gói"), QDir.homePath()
            )
        if folder:
            self.export_to(Path(folder), devices=True)

    def export_to(self, folder: Path, *, full: bool = False, devices: bool = False) -> Task:
        """Write a package into `folder` in the background (for the hub; with `devices`, for
        the commune's PC from a second device or for the second devices from the PC); the
        history updates when done."""
        user = self.ctx.user

        ctx = self.ctx
        if devices:
            export = act.to_commune if self.field_device else act.to_devices
        else:
            export = act.export_full if full else act.export

        def work(progress: Progress, cancelled: CancelCheck) -> Done[ExportResult | None]:
            with ctx.open_store() as store:
                return export(store, user, folder, progress=progress, cancelled=cancelled)

        def done(finished: Done[ExportResult | None]) -> None:
            self.last_export = result = ctx.apply(finished)
            self.refresh()
            if result is None:
                QMessageBox.information(
                    self,
                    self.tr("Không có thay đổi"),
                    self.tr("Không có gì mới từ lần gửi trước; không ghi gói."),
                )
            else:
                QMessageBox.information(
                    self,
                    self.tr("Đã ghi gói"),
                    self.tr("Đã ghi và kiểm tra lại {p} ({n} dòng).").format(
                        p=result.path, n=result.rows
                    ),
                )

        self.task = run_task(self, self.tr("Đang ghi gói đồng bộ…"), work, done)
        return self.task

    # ---- import ------------------------------------------------------------------------

    def _import_files_clicked(self) -> None:
        paths, _ = QFileDialog.getOpenFileNames(
            self, self.tr("Chọn gói đồng bộ"), QDir.homePath(), "*.de06sync"
        )
        if paths:
            self.import_files([Path(p) for p in paths])

    def import_files(self, paths: list[Path]) -> Task:
        """Import the hub's packages in the background; a message says what happened."""
        user = self.ctx.user

        ctx = self.ctx

        def work(progress: Progress, cancelled: CancelCheck) -> Done[list[ImportOutcome]]:
            with ctx.open_store() as store:
                return act.import_sync_packages(store, user, paths, progress, cancelled)

        def done(finished: Done[list[ImportOutcome]]) -> None:
            self.last_outcomes = outcomes = ctx.apply(finished)
            self.refresh()
            QMessageBox.information(
                self,
                self.tr("Kết quả nhập gói"),
                "\n".join(f"{o.path.name}: {o.message}" for o in outcomes),
            )

        self.task = run_task(self, self.tr("Đang nhập gói…"), work, done)
        return self.task
