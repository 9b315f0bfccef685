"""A drive's roster: citizens seen at the drive, added by ID number, each with a VNeID status.

The roster rules (the drive's counts follow its roster; a citizen once per roster) live in
`actions.records`; this panel only asks for the changes.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from de06desk.actions import records
from de06desk.actions.records import COUNT_FIELDS as COUNT_FIELDS
from de06desk.domain.i18n import DomainError
from de06desk.domain.idnumber import parse_id_number
from de06desk.store import Record

from .context import AppContext
from .dialogs_common import confirm
from .record_form import RecordForm
from .record_screen import ListSetup, RecordListPanel
from .tasks import show_error


class FormDialog(QDialog):
    """A generated form in a dialog: Ctrl+S or Lưu saves and closes, Esc cancels."""

    def __init__(
        self,
        ctx: AppContext,
        form_id: str,
        parent: QWidget | None = None,
        *,
        hidden: tuple[str, ...] = (),
    ) -> None:
        super().__init__(parent)
        self.form = RecordForm(ctx, form_id, self, hidden=hidden)
        self.setWindowTitle(self.form.form.label())
        self.resize(620, 620)
        layout = QVBoxLayout(self)
        layout.addWidget(self.form)
        self.form.saved.connect(self._saved)
        shortcut = QShortcut(QKeySequence.StandardKey.Save, self)
        shortcut.activated.connect(self.form.save)
        self.record: Record | None = None

    def _saved(self, record: Record) -> None:
        self.record = record
        self.accept()

    def reject(self) -> None:
        """Esc/close: ask about unsaved changes first."""
        if self.form.confirm_leave():
            super().reject()


class RosterPanel(QWidget):
    """The roster of one drive: add by ID number, open a row, delete a row."""

    changed = Signal()

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.drive_uuid: str | None = None
        self.id_input = QLineEdit(self)
        self.id_input.setObjectName("roster_id")
        self.id_input.setPlaceholderText(self.tr("Số định danh của công dân (12 chữ số)"))
        self.id_input.returnPressed.connect(self.add_from_input)
        self.add_button = QPushButton(self.tr("Thêm công dân"), self)
        self.add_button.setObjectName("roster_add")
        self.add_button.clicked.connect(self.add_from_input)
        self.message = QLabel(self)
        self.message.setWordWrap(True)
        self.message.setObjectName("roster_message")
        top = QHBoxLayout()
        top.addWidget(self.id_input, 1)
        top.addWidget(self.add_button)
        self.list = RecordListPanel(
            ctx,
            "drive_roster",
            ListSetup(
                columns=(
                    "citizen",
                    "level",
                    "status",
                    "failure_reason",
                    "phone",
                    "approved_on",
                    "activated_on",
                ),
                filters=("status",),
            ),
            self,
            equals={"drive": ""},
        )
        self.list.open_requested.connect(self.open_row)
        self.list.delete_requested.connect(self.delete_row)
        self.empty = QLabel(self.tr("Hãy lưu đợt kích hoạt trước khi thêm công dân."), self)
        self.empty.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addWidget(self.empty)
        layout.addLayout(top)
        layout.addWidget(self.message)
        layout.addWidget(self.list, 1)
        for w in (self.id_input, self.add_button):
            w.setEnabled(ctx.allowed("roster.add"))
        self.set_drive(None)

    def set_drive(self, uuid: str | None) -> None:
        """Show the roster of drive `uuid` (None: a drive not saved yet)."""
        self.drive_uuid = uuid
        self.empty.setVisible(uuid is None)
        for w in (self.id_input, self.add_button, self.list):
            w.setVisible(uuid is not None)
        self.message.setText("")
        self.list.set_fixed({"drive": uuid or ""})

    def add_from_input(self) -> None:
        """Add the citizen whose ID number was typed (found, or entered now)."""
        if self.drive_uuid is None or not self.ctx.allowed("roster.add"):
            return
        text = self.id_input.text()
        try:
            number = parse_id_number(text, allow_cmnd=True).number
        except DomainError as exc:
            self._say(str(exc), error=True)
            return
        found = self.ctx.store.list_records("citizen", where={"id_number": number}, limit=1)
        if found:
            citizen = found[0]
        else:
            citizen = self.enter_citizen(number)
            if citizen is None:
                return
        try:
            self.ctx.apply(
                records.add_to_roster(self.ctx.store, self.ctx.user, self.drive_uuid, citizen.uuid)
            )
        except DomainError as exc:
            self._say(str(exc), error=True)
            return
        self.id_input.clear()
        self._say(self.tr("Đã thêm {name}.").replace("{name}", citizen["full_name"]))
        self.list.refresh()
        self.changed.emit()

    def enter_citizen(self, id_number: str) -> Record | None:
        """Ask for a new citizen with this ID number (what it encodes pre-filled)."""
        dialog = FormDialog(self.ctx, "citizen", self)
        preset: dict[str, Any] = {"id_number": id_number}
        info = parse_id_number(id_number, allow_cmnd=True)
        if info.sex:
            preset["sex"] = info.sex
        if info.birth_year:
            preset["birth_year"] = info.birth_year
        drive = self.ctx.store.get_record("activation_drive", self.drive_uuid or "")
        if drive is not None and drive["village"]:
            preset["village"] = drive["village"]
        dialog.form.new_record(preset)
        dialog.setWindowTitle(self.tr("Công dân mới — chưa có trong danh sách"))
        dialog.exec()
        return dialog.record

    def open_row(self, uuid: str) -> None:
        """Edit a roster row (status, reason, phone, dates) in a dialog."""
        record = self.ctx.store.get_record("drive_roster", uuid)
        if record is None:
            return
        dialog = FormDialog(self.ctx, "drive_roster", self, hidden=("drive",))
        dialog.form.load(record)
        if dialog.exec() == QDialog.DialogCode.Accepted:
            self.list.refresh()
            self.changed.emit()

    def delete_row(self, uuid: str) -> None:
        """Ask, then remove a citizen from the roster (tombstone) and update the counts."""
        if not self.ctx.allowed("roster.remove") or not confirm(
            self,
            self.tr("Xóa khỏi danh sách"),
            self.tr("Xóa công dân này khỏi danh sách của đợt?"),
        ):
            return
        try:
            self.ctx.apply(records.remove_from_roster(self.ctx.store, self.ctx.user, uuid))
        except DomainError as exc:
            show_error(self, exc)
            return
        self.list.refresh()
        self.changed.emit()

    def _say(self, text: str, *, error: bool = False) -> None:
        self.message.setText(text)
        self.message.setStyleSheet("color: #b00020;" if error else "color: #1b5e20;")
