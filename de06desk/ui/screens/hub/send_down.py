"""Gửi xuống: the communes' targets (edited in the table, added, or read from Excel) and the
packages back down."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

from PySide6.QtCore import QDate, QDir, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QSpinBox,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from de06desk.actions import Done
from de06desk.actions import sync as act
from de06desk.domain.i18n import DomainError, msg
from de06desk.domain.progress import CancelCheck, Cancelled, Progress
from de06desk.domain.weeks import format_date, format_moment
from de06desk.sync import ExportResult
from de06desk.sync.forms_down import last_published
from de06desk.sync.hub import commune_names, expected_communes
from de06desk.sync.keys import peer_key

from ...context import AppContext
from ...tasks import Task, run_task, show_error
from .common import cell, read_only_table


class TargetDialog(QDialog):
    """One commune's target: commune, kind, value, start and due date."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Chỉ tiêu cho xã"))
        spec = ctx.store.forms["target"]
        self.unit = QComboBox(self)
        for code, name in commune_names(ctx.store).items():
            if peer_key(ctx.store, code) is not None:
                self.unit.addItem(f"{code} – {name}", code)
        self.kind = QComboBox(self)
        for option in spec.field("kind").choices:
            self.kind.addItem(option.label(), option.value)
        self.value = QSpinBox(self)
        self.value.setRange(1, 10_000_000)
        self.value.setGroupSeparatorShown(True)
        today = date.today()
        self.start = QDateEdit(QDate(today.year, today.month, 1), self)
        self.due = QDateEdit(QDate(today.year, 12, 31), self)
        for edit in (self.start, self.due):
            edit.setCalendarPopup(True)
            edit.setDisplayFormat("dd/MM/yyyy")
        form = QFormLayout(self)
        form.addRow(self.tr("Xã:"), self.unit)
        form.addRow(spec.field("kind").label() + ":", self.kind)
        form.addRow(spec.field("value").label() + ":", self.value)
        form.addRow(spec.field("start_on").label() + ":", self.start)
        form.addRow(spec.field("due_on").label() + ":", self.due)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)

    def values(self) -> dict[str, Any]:
        """The target as the form's values."""
        return {
            "kind": self.kind.currentData(),
            "value": self.value.value(),
            "start_on": self.start.date().toPython(),
            "due_on": self.due.date().toPython(),
        }


class SendDownScreen(QWidget):
    """Gửi xuống: the communes' targets (edited in the table, or read from Excel), and the
    packages down — acknowledgements of what arrived and changed targets."""

    # Columns of the targets table; "value" is edited in place.
    VALUE_COLUMN = 3

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.task: Task | None = None
        self.last_export: ExportResult | None = None
        self.targets: list[Any] = []
        self._filling = False
        layout = QVBoxLayout(self)
        layout.addWidget(self._targets_box(), 1)
        layout.addWidget(self._send_box())
        ctx.signals.data_changed.connect(self._data_changed)
        self.refresh()

    def _targets_box(self) -> QGroupBox:
        box = QGroupBox(self.tr("Chỉ tiêu của các xã"), self)
        layout = QVBoxLayout(box)
        row = QHBoxLayout()
        allowed = self.ctx.allowed("hub.target")
        add = QPushButton(self.tr("Thêm chỉ tiêu…"), box)
        add.setObjectName("add_target")
        add.clicked.connect(self.add_target)
        excel = QPushButton(self.tr("Nhập chỉ tiêu từ Excel…"), box)
        excel.setObjectName("import_targets")
        excel.setToolTip(
            self.tr("Các cột: Mã xã, Loại chỉ tiêu (có thể bỏ trống), Chỉ tiêu, Từ ngày, Hạn")
        )
        excel.clicked.connect(self._excel_clicked)
        for button in (add, excel):
            button.setEnabled(allowed)
            row.addWidget(button)
        hint = QLabel(self.tr("Sửa số chỉ tiêu ngay trong bảng (bấm đúp vào ô)."), box)
        hint.setStyleSheet("color: #555;")
        row.addWidget(hint, 1)
        layout.addLayout(row)
        self.target_table = read_only_table(
            box,
            [
                self.tr("Mã xã"),
                self.tr("Tên xã, phường"),
                self.tr("Loại chỉ tiêu"),
                self.tr("Chỉ tiêu"),
                self.tr("Từ ngày"),
                self.tr("Hạn"),
            ],
        )
        self.target_table.setObjectName("targets")
        if allowed:
            self.target_table.setEditTriggers(
                QAbstractItemView.EditTrigger.DoubleClicked
                | QAbstractItemView.EditTrigger.EditKeyPressed
            )
        self.target_table.itemChanged.connect(self._value_edited)
        layout.addWidget(self.target_table, 1)
        return box

    def _send_box(self) -> QGroupBox:
        box = QGroupBox(self.tr("Gói gửi xuống xã"), self)
        layout = QVBoxLayout(box)
        # What a package down holds (sync.hub.send_down), named here.
        parts = QLabel(
            self.tr(
                "Mỗi gói gửi xuống gồm: xác nhận các gói đã nhận của xã, chỉ tiêu mới hoặc "
                "đã sửa từ lần gửi trước, và bộ biểu mẫu đã phát hành gần nhất (nếu có)."
            ),
            box,
        )
        parts.setWordWrap(True)
        layout.addWidget(parts)
        forms_row = QHBoxLayout()
        self.forms_state = QLabel(box)
        self.forms_state.setObjectName("forms_state")
        self.forms_state.setWordWrap(True)
        forms_row.addWidget(self.forms_state, 1)
        publish = QPushButton(self.tr("Phát hành biểu mẫu…"), box)
        publish.setObjectName("publish_forms")
        publish.setToolTip(
            self.tr(
                "Chọn thư mục chứa toàn bộ các tệp biểu mẫu (*.toml); chỉ được thêm trường "
                "không bắt buộc hoặc thêm lựa chọn."
            )
        )
        publish.setEnabled(self.ctx.allowed("hub.publish_forms"))
        publish.clicked.connect(self._publish_clicked)
        forms_row.addWidget(publish)
        layout.addLayout(forms_row)
        row = QHBoxLayout()
        row.addWidget(QLabel(self.tr("Xã nhận:"), box))
        self.recipient = QComboBox(box)
        self.recipient.setObjectName("recipient")
        row.addWidget(self.recipient, 1)
        self.send_button = QPushButton(self.tr("Ghi gói cho xã này…"), box)
        self.send_button.setObjectName("send_one")
        self.send_button.clicked.connect(self._send_one_clicked)
        self.send_all_button = QPushButton(self.tr("Ghi gói cho mọi xã…"), box)
        self.send_all_button.setObjectName("send_all")
        self.send_all_button.clicked.connect(self._send_all_clicked)
        for button in (self.send_button, self.send_all_button):
            button.setEnabled(self.ctx.allowed("hub.send"))
            row.addWidget(button)
        layout.addLayout(row)
        self.sent = QLabel(box)
        self.sent.setObjectName("sent")
        self.sent.setWordWrap(True)
        layout.addWidget(self.sent)
        layout.addStretch(1)
        return box

    # ---- showing -----------------------------------------------------------------------

    def _data_changed(self, form: str) -> None:
        if form in ("", "target"):
            self.refresh()

    def registered(self) -> list[str]:
        """Communes with a registered key (the ones a package can go to)."""
        return [c for c in expected_communes(self.ctx.store) if peer_key(self.ctx.store, c)]

    def refresh(self) -> None:
        """Re-read the targets and the recipients."""
        store = self.ctx.store
        current = self.recipient.currentData()
        self.recipient.clear()
        names = commune_names(store)
        for code in self.registered():
            self.recipient.addItem(f"{code} – {names[code]}", code)
        index = self.recipient.findData(current) if current else -1
        self.recipient.setCurrentIndex(max(index, 0))
        published = last_published(store)
        self.forms_state.setText(
            self.tr("Bộ biểu mẫu đã phát hành: số {n}, {d}.")
            .replace("{n}", str(published.set_version))
            .replace("{d}", format_moment(published.recorded_at))
            if published
            else self.tr("Chưa phát hành bộ biểu mẫu nào: các xã dùng biểu mẫu của phần mềm.")
        )
        spec = store.forms["target"]
        kind = spec.field("kind")
        own = store.unit_code
        self.targets = sorted(
            (t for t in store.list_records("target") if t.unit_code != own),
            key=lambda t: (t.unit_code, t["kind"], t["start_on"] or date.min),
        )
        self._filling = True
        self.target_table.setRowCount(len(self.targets))
        for i, target in enumerate(self.targets):
            value = QTableWidgetItem(str(target["value"] or ""))
            value.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            cells = [
                cell(target.unit_code),
                cell(names.get(target.unit_code, target.unit_code)),
                cell(kind.choice_label(target["kind"])),
                value,
                cell(format_date(target["start_on"]) if target["start_on"] else ""),
                cell(format_date(target["due_on"]) if target["due_on"] else ""),
            ]
            for j, item in enumerate(cells):
                self.target_table.setItem(i, j, item)
        self._filling = False

    # ---- targets -----------------------------------------------------------------------

    def _value_edited(self, item: QTableWidgetItem) -> None:
        if self._filling or item.column() != self.VALUE_COLUMN:
            return
        target = self.targets[item.row()]
        text = item.text().replace(".", "").replace(",", "").strip()
        try:
            if not text.isdigit() or int(text) <= 0:
                raise DomainError(
                    msg(
                        "Chỉ tiêu phải là một số nguyên dương.",
                        "A target must be a positive whole number.",
                    )
                )
            values = dict(target.values) | {"value": int(text)}
            self.ctx.apply(
                act.set_target(
                    self.ctx.store, self.ctx.user, target.unit_code, values, uuid=target.uuid
                )
            )
        except DomainError as exc:
            show_error(self, exc)
            self.refresh()

    def add_target(self) -> None:
        """Ask for a commune's new target and save it."""
        dialog = TargetDialog(self.ctx, self)
        if dialog.exec() != QDialog.DialogCode.Accepted or dialog.unit.currentData() is None:
            return
        try:
            self.ctx.apply(
                act.set_target(
                    self.ctx.store, self.ctx.user, dialog.unit.currentData(), dialog.values()
                )
            )
        except DomainError as exc:
            show_error(self, exc)

    def _excel_clicked(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self, self.tr("Chọn tệp chỉ tiêu"), QDir.homePath(), "Excel (*.xlsx *.xls);;CSV (*.csv)"
        )
        if path:
            self.import_targets(Path(path))

    def import_targets(self, path: Path) -> int:
        """Read targets from a sheet (all or none); returns how many were saved."""
        try:
            saved = self.ctx.apply(act.import_targets(self.ctx.store, self.ctx.user, path))
        except DomainError as exc:
            show_error(self, exc)
            return 0
        QMessageBox.information(
            self,
            self.tr("Đã nhập chỉ tiêu"),
            self.tr("Đã lưu {n} chỉ tiêu; gửi xuống xã bằng gói gửi xuống.").replace(
                "{n}", str(len(saved))
            ),
        )
        return len(saved)

    # ---- forms -------------------------------------------------------------------------

    def _publish_clicked(self) -> None:
        folder = QFileDialog.getExistingDirectory(
            self, self.tr("Chọn thư mục bộ biểu mẫu"), QDir.homePath()
        )
        if folder:
            self.publish_forms(Path(folder))

    def publish_forms(self, folder: Path) -> bool:
        """Publish the form set in `folder` (the same action as `hub publish-forms`)."""
        try:
            down = self.ctx.apply(act.publish_forms(self.ctx.store, self.ctx.user, folder))
        except DomainError as exc:
            show_error(self, exc)
            return False
        self.refresh()
        QMessageBox.information(
            self,
            self.tr("Đã phát hành biểu mẫu"),
            self.tr(
                "{what} Gói gửi xuống xã tiếp theo sẽ mang bộ biểu mẫu này; máy này dùng "
                "biểu mẫu mới từ lần mở sau."
            ).replace("{what}", str(down.describe())),
        )
        return True

    # ---- packages down -----------------------------------------------------------------

    def _folder(self) -> Path | None:
        folder = QFileDialog.getExistingDirectory(
            self, self.tr("Chọn thư mục ghi gói"), QDir.homePath()
        )
        return Path(folder) if folder else None

    def _send_one_clicked(self) -> None:
        code = self.recipient.currentData()
        folder = self._folder() if code else None
        if folder is not None:
            self.send([code], folder)

    def _send_all_clicked(self) -> None:
        folder = self._folder()
        if folder is not None:
            self.send(self.registered(), folder)

    def send(self, codes: list[str], folder: Path) -> Task:
        """Write one package down for each commune in `codes`, in the background."""
        ctx, user = self.ctx, self.ctx.user

        def work(progress: Progress, cancelled: CancelCheck) -> list[Done[ExportResult]]:
            results = []
            part = 1 / max(1, len(codes))
            with ctx.open_store() as store:
                for i, code in enumerate(codes):

                    def step(fraction: float, text: str = "", i: int = i) -> None:
                        progress((i + fraction) * part, text)

                    results.append(
                        act.send(store, user, code, folder, progress=step, cancelled=cancelled)
                    )
            return results

        def done(finished: list[Done[ExportResult]]) -> None:
            self.task = None
            written = [ctx.apply(d) for d in finished]
            if written:
                self.last_export = written[-1]
            self.sent.setText(
                self.tr("Đã ghi {n} gói vào {p}: {f}")
                .replace("{n}", str(len(written)))
                .replace("{p}", str(folder))
                .replace("{f}", ", ".join(r.path.name for r in written))
            )

        def failed(exc: BaseException) -> None:
            self.task = None
            if not isinstance(exc, Cancelled):
                show_error(self, exc)

        self.task = run_task(self, self.tr("Đang ghi gói gửi xuống…"), work, done, failed)
        return self.task
