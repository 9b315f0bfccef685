"""Pasting a copied spreadsheet row into a form: split into its fields, or refused — never a name.

An officer copies "Lò Thị Dung⇥084190012345⇥Nữ⇥12/05/1990" from Excel and presses Ctrl+V in
"Họ và tên". The cells go, in order, into that field and the ones after it (as Excel pastes
across columns), after a preview that shows where each cell lands. A cell that does not fit its
field, more cells than fields, or several rows: the paste is refused with a one-line reason and
the form is left as it was.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt
from PySide6.QtGui import QGuiApplication, QKeyEvent, QKeySequence, QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QLineEdit,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from de06desk.domain.i18n import DomainError
from de06desk.domain.text import fold
from de06desk.forms import FieldSpec, parse_value

from .editors import FieldEditor, RecordComboEditor

# Texts go straight to QCoreApplication.translate("SmartPaste", "…"): pyside6-lupdate only
# collects literal calls, not those made through a helper function.


def is_table_text(text: str) -> bool:
    """True when pasted text holds spreadsheet cells (a tab) or several lines."""
    body = text.strip("\r\n")
    return "\t" in body or "\n" in body or "\r" in body


@dataclass(frozen=True)
class PastedCell:
    """One pasted cell: the field it goes to, the text, the value, or why it does not fit."""

    field: FieldSpec
    text: str
    value: Any
    problem: str = ""


@dataclass(frozen=True)
class PastePlan:
    """What a paste would do: the cells in their fields, or the reason it is refused."""

    cells: tuple[PastedCell, ...]
    refused: str = ""

    @property
    def ok(self) -> bool:
        """True when every cell fits its field."""
        return not self.refused and not any(c.problem for c in self.cells)

    def values(self) -> dict[str, Any]:
        """Field name → value, for the form."""
        return {c.field.name: c.value for c in self.cells if c.text}


class _Unfit(Exception):
    """A cell that cannot go into its field (the message says why)."""


def _cell_value(editor: FieldEditor, text: str) -> Any:
    spec = editor.spec
    if not text:
        return None
    if isinstance(editor, RecordComboEditor):  # a village or an officer
        combo = editor.combo
        wanted = fold(text)
        for i in range(1, combo.count()):
            if fold(combo.itemText(i)) == wanted:
                return combo.itemData(i)
        raise _Unfit(
            QCoreApplication.translate("SmartPaste", "“{v}” không có trong danh sách.").replace(
                "{v}", text[:40]
            )
        )
    if spec.type in ("reference", "multi_choice"):
        raise _Unfit(
            QCoreApplication.translate(
                "SmartPaste", "Ô này không nhận giá trị dán vào; hãy chọn trong biểu mẫu."
            )
        )
    return parse_value(spec, text)


def plan_paste(editors: Mapping[str, FieldEditor], start: str, text: str) -> PastePlan:
    """Where the cells of `text` would go, starting at field `start` (editors in form order)."""
    body = text.strip("\r\n")
    if "\n" in body or "\r" in body:
        return PastePlan(
            (),
            QCoreApplication.translate(
                "SmartPaste",
                "Chỉ dán được một dòng vào biểu mẫu. Để nhập nhiều người, "
                "dùng “Nhập danh sách công dân…”.",
            ),
        )
    cells = [c.strip() for c in body.split("\t")]
    names = list(editors)
    targets = [editors[n] for n in names[names.index(start) :] if editors[n].isEnabled()]
    if len(cells) > len(targets):
        return PastePlan(
            (),
            QCoreApplication.translate(
                "SmartPaste", "Dòng dán vào có {n} ô nhưng từ ô này chỉ còn {m} ô để điền."
            )
            .replace("{n}", str(len(cells)))
            .replace("{m}", str(len(targets))),
        )
    planned: list[PastedCell] = []
    for editor, cell in zip(targets, cells, strict=False):
        try:
            planned.append(PastedCell(editor.spec, cell, _cell_value(editor, cell)))
        except DomainError as exc:
            planned.append(PastedCell(editor.spec, cell, None, str(exc.message)))
        except _Unfit as exc:
            planned.append(PastedCell(editor.spec, cell, None, str(exc)))
    return PastePlan(tuple(planned))


class PastePreview(QDialog):
    """Shows where each pasted cell goes; "Điền vào biểu mẫu" only when every cell fits."""

    def __init__(self, plan: PastePlan, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(QCoreApplication.translate("SmartPaste", "Dán một dòng từ bảng tính"))
        self.plan = plan
        self.message = QLabel(self)
        self.message.setObjectName("paste_message")
        self.message.setWordWrap(True)
        self.table = QTableWidget(len(plan.cells), 3, self)
        self.table.setObjectName("paste_preview")
        self.table.setHorizontalHeaderLabels(
            [
                QCoreApplication.translate("SmartPaste", "Ô"),
                QCoreApplication.translate("SmartPaste", "Giá trị dán"),
                QCoreApplication.translate("SmartPaste", "Kiểm tra"),
            ]
        )
        self.table.verticalHeader().setVisible(False)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.horizontalHeader().setStretchLastSection(True)
        for row, cell in enumerate(plan.cells):
            check = cell.problem or (
                QCoreApplication.translate("SmartPaste", "đúng")
                if cell.text
                else QCoreApplication.translate("SmartPaste", "(để trống)")
            )
            for col, text in enumerate((cell.field.label(), cell.text, check)):
                item = QTableWidgetItem(text)
                item.setToolTip(text)
                if col == 2 and cell.problem:
                    item.setForeground(Qt.GlobalColor.red)
                self.table.setItem(row, col, item)
        self.table.setWordWrap(True)
        buttons = QDialogButtonBox(self)
        if plan.ok:
            self.message.setText(
                QCoreApplication.translate(
                    "SmartPaste",
                    "Các ô sẽ được điền như sau. Kiểm tra rồi bấm “Điền vào biểu mẫu”.",
                )
            )
            accept = QDialogButtonBox.ButtonRole.AcceptRole
            fill = buttons.addButton(
                QCoreApplication.translate("SmartPaste", "Điền vào biểu mẫu"), accept
            )
            fill.setObjectName("paste_fill")
            buttons.addButton(
                QCoreApplication.translate("SmartPaste", "Hủy"),
                QDialogButtonBox.ButtonRole.RejectRole,
            )
        else:
            reason = plan.refused or QCoreApplication.translate(
                "SmartPaste",
                "Không dán được: có ô không hợp với trường của nó (xem cột Kiểm tra). "
                "Biểu mẫu chưa thay đổi.",
            )
            self.message.setText(reason)
            self.message.setStyleSheet("color: #b00020;")
            self.table.setVisible(bool(plan.cells))
            buttons.addButton(
                QCoreApplication.translate("SmartPaste", "Đóng"),
                QDialogButtonBox.ButtonRole.RejectRole,
            )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.message)
        layout.addWidget(self.table)
        layout.addWidget(buttons)
        self.resize(680, 150 + 40 * max(1, len(plan.cells)))

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        # Once the columns have their widths: rows tall enough for a wrapped reason.
        self.table.resizeRowsToContents()


class SmartPaste(QObject):
    """Ctrl+V of spreadsheet cells into one of the form's line fields goes through a preview."""

    def __init__(self, form: Any) -> None:
        super().__init__(form)
        self._form = form

    def eventFilter(self, obj: QObject, event: QEvent) -> bool:
        if (
            event.type() == QEvent.Type.KeyPress
            and isinstance(obj, QLineEdit)
            and isinstance(event, QKeyEvent)
            and event.matches(QKeySequence.StandardKey.Paste)
            and not obj.isReadOnly()
        ):
            text = QGuiApplication.clipboard().text()
            if is_table_text(text):
                self._form.paste_row(obj, text)
                return True
            if text != text.strip("\r\n"):
                # One cell copied from Excel ends with a line break: paste the cell only.
                obj.insert(text.strip("\r\n"))
                return True
        return False
