"""Theo dõi: who still needs a visit — approved-not-activated citizens and open cleanup cases.

Each list is short enough to show whole (bounded by the store query) and every outcome is
one button: "Đã kích hoạt" asks only the phone and date (pre-filled), a reason takes one pick,
a cleanup case closes with the corrected value or as "not an error".
"""

from __future__ import annotations

import shutil
import tempfile
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any

from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QInputDialog,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from de06desk.actions import Done, records
from de06desk.domain.i18n import DomainError
from de06desk.domain.phone import normalize_phone
from de06desk.domain.weeks import format_date
from de06desk.quality.field_lists import export_followup
from de06desk.store import Record
from de06desk.store.lists import open_cleanup_cases, pending_activations, titles

from . import printing
from .context import AppContext
from .dates import to_date
from .dialogs.field_list import FieldListDialog
from .tasks import show_error


class ActivationDialog(QDialog):
    """Ask the activation phone and date (both pre-filled) for "Đã kích hoạt"."""

    def __init__(self, name: str, phone: str | None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Ghi nhận đã kích hoạt"))
        self.phone = QLineEdit(phone or "", self)
        self.day = QDateEdit(QDate.currentDate(), self)
        self.day.setDisplayFormat("dd/MM/yyyy")
        self.day.setCalendarPopup(True)
        self.day.setMaximumDate(QDate.currentDate())
        self.error = QLabel(self)
        self.error.setStyleSheet("color: #b00020;")
        self.error.setWordWrap(True)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        form = QFormLayout(self)
        form.addRow(QLabel(f"<b>{name}</b>", self))
        form.addRow(self.tr("Số điện thoại kích hoạt"), self.phone)
        form.addRow(self.tr("Ngày kích hoạt"), self.day)
        form.addRow(self.error)
        form.addRow(self.buttons)
        self.phone.textChanged.connect(self._check)
        self._check()

    def _check(self) -> None:
        try:
            normalize_phone(self.phone.text())
        except DomainError as exc:
            self.error.setText(str(exc))
            self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(False)
            return
        self.error.setText("")
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(True)

    def values(self) -> tuple[str, date]:
        """The normalised phone and the date."""
        return normalize_phone(self.phone.text()), to_date(self.day.date())


def _table(headers: list[str], parent: QWidget) -> QTableWidget:
    table = QTableWidget(0, len(headers), parent)
    table.setHorizontalHeaderLabels(headers)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setAlternatingRowColors(True)
    table.verticalHeader().setVisible(False)
    table.horizontalHeader().setStretchLastSection(True)
    table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
    return table


def _fill(table: QTableWidget, rows: list[tuple[str, list[str]]]) -> None:
    table.setRowCount(len(rows))
    for r, (uuid, cells) in enumerate(rows):
        for c, text in enumerate(cells):
            item = QTableWidgetItem(text)
            item.setData(Qt.ItemDataRole.UserRole, uuid)
            table.setItem(r, c, item)
    table.resizeColumnsToContents()


def _selected(table: QTableWidget) -> str | None:
    items = table.selectedItems()
    return items[0].data(Qt.ItemDataRole.UserRole) if items else None


class FollowUpPanel(QWidget):
    """The two follow-up lists with their one-click outcomes."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        roster_form = ctx.store.forms["drive_roster"]
        case_form = ctx.store.forms["cleanup_case"]
        self._reason = roster_form.field("failure_reason")
        self._criterion = case_form.field("criterion")
        self._error_type = case_form.field("error_type")
        self._status = case_form.field("status")

        self.village = QComboBox(self)
        self.village.setObjectName("followup_village")
        self.village.addItem(self.tr("Mọi thôn/xóm"), None)
        for uuid, name in titles(ctx.store, "village"):
            self.village.addItem(name, uuid)
        self.village.currentIndexChanged.connect(self.refresh)

        self.pending = _table(
            [
                self.tr("Thôn/Xóm"),
                self.tr("Họ và tên"),
                self.tr("Số định danh"),
                self.tr("Điện thoại"),
                self.tr("Ngày phê duyệt"),
                self.tr("Số ngày chờ"),
                self.tr("Lý do chưa kích hoạt"),
            ],
            self,
        )
        self.pending.setObjectName("pending")
        self.pending.doubleClicked.connect(self.mark_activated)
        self.activated_button = QPushButton(self.tr("✔ Đã kích hoạt…"), self)
        self.activated_button.setObjectName("mark_activated")
        self.activated_button.clicked.connect(self.mark_activated)
        self.reason_button = QPushButton(self.tr("Chưa kích hoạt được: ghi lý do…"), self)
        self.reason_button.clicked.connect(self.record_reason)
        self.pending_title = QLabel(self)
        self.pending_title.setStyleSheet("font-weight: bold;")

        self.cases = _table(
            [
                self.tr("Ngày phát hiện"),
                self.tr("Số ngày"),
                self.tr("Thôn/Xóm"),
                self.tr("Công dân"),
                self.tr("Tiêu chí"),
                self.tr("Loại sai sót"),
                self.tr("Trạng thái"),
                self.tr("Mô tả"),
            ],
            self,
        )
        self.cases.setObjectName("open_cases")
        self.corrected_button = QPushButton(self.tr("✔ Đã chỉnh sửa…"), self)
        self.corrected_button.clicked.connect(self.close_corrected)
        self.rejected_button = QPushButton(self.tr("Không phải sai sót"), self)
        self.rejected_button.clicked.connect(self.close_rejected)
        self.cases_title = QLabel(self)
        self.cases_title.setStyleSheet("font-weight: bold;")
        for button, operation in (
            (self.activated_button, "roster.activate"),
            (self.reason_button, "roster.save"),
            (self.corrected_button, "case.close"),
            (self.rejected_button, "case.close"),
        ):
            button.setEnabled(ctx.allowed(operation))

        self.export_button = QPushButton(self.tr("Xuất danh sách đi thôn…"), self)
        self.export_button.setObjectName("export_field_list")
        self.export_button.setToolTip(
            self.tr("In hoặc lưu danh sách cần theo dõi của một thôn để mang đi rà soát.")
        )
        self.export_button.clicked.connect(self.export_list)
        self.print_button = QPushButton(self.tr("In danh sách…"), self)
        self.print_button.setObjectName("print_field_list")
        self.print_button.setToolTip(
            self.tr("Xem trước và in danh sách cần theo dõi của thôn đang lọc.")
        )
        self.print_button.clicked.connect(self.print_list)
        top = QHBoxLayout()
        top.addWidget(QLabel(self.tr("Lọc theo:"), self))
        top.addWidget(self.village)
        top.addStretch(1)
        top.addWidget(self.print_button)
        top.addWidget(self.export_button)
        upper = QWidget(self)
        upper_layout = QVBoxLayout(upper)
        upper_layout.setContentsMargins(0, 0, 0, 0)
        row = QHBoxLayout()
        row.addWidget(self.pending_title, 1)
        row.addWidget(self.activated_button)
        row.addWidget(self.reason_button)
        upper_layout.addLayout(row)
        upper_layout.addWidget(self.pending)
        lower = QWidget(self)
        lower_layout = QVBoxLayout(lower)
        lower_layout.setContentsMargins(0, 0, 0, 0)
        row = QHBoxLayout()
        row.addWidget(self.cases_title, 1)
        row.addWidget(self.corrected_button)
        row.addWidget(self.rejected_button)
        lower_layout.addLayout(row)
        lower_layout.addWidget(self.cases)
        splitter = QSplitter(Qt.Orientation.Vertical, self)
        splitter.addWidget(upper)
        splitter.addWidget(lower)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(splitter, 1)
        ctx.signals.data_changed.connect(lambda _form: self.refresh())
        self.refresh()

    def refresh(self) -> None:
        """Reload both lists."""
        today = date.today()
        village = self.village.currentData()
        pending = pending_activations(self.ctx.store, today, village=village)
        self._pending = {p.roster_uuid: p for p in pending}
        _fill(
            self.pending,
            [
                (
                    p.roster_uuid,
                    [
                        p.village_name or "",
                        p.citizen_name,
                        p.id_number or "",
                        p.phone or "",
                        format_date(p.approved_on),
                        "" if p.days_waiting is None else str(p.days_waiting),
                        self._reason.choice_label(p.failure_reason),
                    ],
                )
                for p in pending
            ],
        )
        self.pending_title.setText(
            self.tr("Đã phê duyệt, chưa kích hoạt: {n} người").replace("{n}", str(len(pending)))
        )
        cases = open_cleanup_cases(self.ctx.store, today, village=village)
        _fill(
            self.cases,
            [
                (
                    c.uuid,
                    [
                        format_date(c.opened_on),
                        str(c.days_open),
                        c.village_name or "",
                        c.citizen_name or "",
                        self._criterion.choice_label(c.criterion),
                        self._error_type.choice_label(c.error_type),
                        self._status.choice_label(c.status),
                        c.description,
                    ],
                )
                for c in cases
            ],
        )
        self.cases_title.setText(
            self.tr("Hồ sơ làm sạch chưa xong (cũ nhất trước): {n}").replace("{n}", str(len(cases)))
        )

    def export_list(self) -> None:
        """Open the follow-up list export (PDF/Excel for a village visit)."""
        FieldListDialog(self.ctx, self).exec()

    def print_list(self) -> None:
        """The print dialog's preview of the filtered village's follow-up sheet (the PDF pages).

        The sheet holds names, ID numbers and phones: it is written to a temporary folder,
        audited as printed, and removed when the dialog closes.
        """
        village = self.village.currentData()
        if not village:
            QMessageBox.information(
                self,
                "de06desk",
                self.tr("Hãy chọn một thôn/xóm ở ô “Lọc theo” để in danh sách của thôn đó."),
            )
            return
        folder = Path(tempfile.mkdtemp(prefix="de06desk-in-"))
        try:
            sheet = export_followup(
                self.ctx.store,
                village,
                folder / "DanhSachTheoDoi.pdf",
                user=self.ctx.user.username,
                for_printing=True,
            )
            title = self.tr("Danh sách theo dõi — {v}").replace("{v}", sheet.village_name)
            printing.PrintPreview(sheet.path, title, self).exec()
        except DomainError as exc:
            show_error(self, exc)
        finally:
            shutil.rmtree(folder, ignore_errors=True)

    # ---- outcomes --------------------------------------------------------------------------

    def ask_activation(self, name: str, phone: str | None) -> tuple[str, date] | None:
        """Phone and date of an activation, or None if cancelled."""
        dialog = ActivationDialog(name, phone, self)
        if dialog.exec() == QDialog.DialogCode.Accepted:
            return dialog.values()
        return None

    def mark_activated(self) -> None:
        """The selected citizen activated their account: record phone and date."""
        uuid = _selected(self.pending)
        if not uuid or not self.ctx.allowed("roster.activate"):
            return
        pending = self._pending[uuid]
        answer = self.ask_activation(pending.citizen_name, pending.phone)
        if answer is None:
            return
        phone, day = answer
        self._run(
            lambda: records.record_activation(
                self.ctx.store, self.ctx.user, uuid, phone=phone, on=day
            )
        )

    def record_reason(self) -> None:
        """The selected citizen could not activate: record why (stays approved)."""
        uuid = _selected(self.pending)
        if not uuid or not self.ctx.allowed("roster.save"):
            return
        labels = [c.label() for c in self._reason.choices]
        current = self._pending[uuid].failure_reason
        start = next((i for i, c in enumerate(self._reason.choices) if c.value == current), 0)
        label, ok = QInputDialog.getItem(
            self, self.tr("Lý do chưa kích hoạt"), self.tr("Lý do:"), labels, start, False
        )
        if not ok:
            return
        value = self._reason.choices[labels.index(label)].value
        self._run(lambda: records.record_failure_reason(self.ctx.store, self.ctx.user, uuid, value))

    def _run(self, work: Callable[[], Done[Any]]) -> None:
        try:
            self.ctx.apply(work())
        except DomainError as exc:
            show_error(self, exc)
        self.refresh()

    def close_corrected(self) -> None:
        """The selected case was corrected: ask the corrected value, close it today."""
        uuid = _selected(self.cases)
        if not uuid or not self.ctx.allowed("case.close"):
            return
        record = self.ctx.store.get_record("cleanup_case", uuid)
        if record is None:
            return
        text, ok = QInputDialog.getText(
            self,
            self.tr("Đã chỉnh sửa"),
            self.tr("Thông tin đúng sau khi chỉnh sửa:"),
            QLineEdit.EchoMode.Normal,
            record["corrected_value"] or "",
        )
        if not ok or not text.strip():
            return
        self._close_case(record, "corrected", text.strip())

    def close_rejected(self) -> None:
        """The selected case turned out not to be an error: close it today."""
        uuid = _selected(self.cases)
        if not uuid or not self.ctx.allowed("case.close"):
            return
        record = self.ctx.store.get_record("cleanup_case", uuid)
        if record is not None:
            self._close_case(record, "rejected", record["corrected_value"])

    def _close_case(self, record: Record, status: str, corrected: str | None) -> None:
        try:
            self.ctx.apply(
                records.close_case(self.ctx.store, self.ctx.user, record.uuid, status, corrected)
            )
        except DomainError as exc:
            show_error(self, exc)
