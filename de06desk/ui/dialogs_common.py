"""Small dialogs every screen uses: confirm, unsaved changes, errors."""

from __future__ import annotations

from enum import Enum

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QMainWindow, QMessageBox, QWidget

STATUS_MS = 8000


class Unsaved(Enum):
    """What to do with unsaved changes."""

    SAVE = "save"
    DISCARD = "discard"
    CANCEL = "cancel"


def ask_unsaved(parent: QWidget | None) -> Unsaved:
    """Ask "Lưu / Không lưu / Hủy" about unsaved changes."""
    button = QMessageBox.question(
        parent,
        QCoreApplication.translate("Dialogs", "Chưa lưu thay đổi"),
        QCoreApplication.translate(
            "Dialogs", "Bạn đã sửa thông tin nhưng chưa lưu. Có lưu lại không?"
        ),
        QMessageBox.StandardButton.Save
        | QMessageBox.StandardButton.Discard
        | QMessageBox.StandardButton.Cancel,
        QMessageBox.StandardButton.Save,
    )
    if button == QMessageBox.StandardButton.Save:
        return Unsaved.SAVE
    if button == QMessageBox.StandardButton.Discard:
        return Unsaved.DISCARD
    return Unsaved.CANCEL


def confirm(parent: QWidget | None, title: str, text: str) -> bool:
    """A Yes/No question; True for Yes (No is the default, so Enter does not destroy)."""
    button = QMessageBox.question(
        parent,
        title,
        text,
        QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
        QMessageBox.StandardButton.No,
    )
    return button == QMessageBox.StandardButton.Yes


def show_status(widget: QWidget, text: str) -> None:
    """A short message in the status bar of the main window holding `widget` ("Đã lưu…")."""
    window = widget.window()
    if isinstance(window, QMainWindow):
        window.statusBar().showMessage(text, STATUS_MS)
