"""The log-in dialog shown after the database is opened."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QWidget,
)

from de06desk.domain.i18n import DomainError
from de06desk.store import Store
from de06desk.store.users import User, authenticate


class LoginDialog(QDialog):
    """User name and password; `user` is set when the log-in succeeds."""

    def __init__(
        self, store: Store, hint: str = "", parent: QWidget | None = None, username: str = ""
    ) -> None:
        super().__init__(parent)
        self.store = store
        self.user: User | None = None
        self.setWindowTitle(self.tr("Đăng nhập — de06desk"))
        self.setMinimumWidth(420)
        profile = store.list_records("commune", limit=1)
        unit = QLabel(f"<b>{profile[0]['unit_name']}</b>" if profile else store.unit_code, self)
        self.username = QLineEdit(username, self)
        self.username.setObjectName("username")
        self.password = QLineEdit(self)
        self.password.setObjectName("password")
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.error = QLabel(self)
        self.error.setObjectName("login_error")
        self.error.setWordWrap(True)
        self.error.setStyleSheet("color: #b00020;")
        buttons = QDialogButtonBox(self)
        self.ok = buttons.addButton(self.tr("Đăng nhập"), QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.addButton(self.tr("Thoát"), QDialogButtonBox.ButtonRole.RejectRole)
        buttons.accepted.connect(self.try_login)
        buttons.rejected.connect(self.reject)
        form = QFormLayout(self)
        form.addRow(unit)
        if hint:
            note = QLabel(hint, self)
            note.setObjectName("login_hint")
            note.setWordWrap(True)
            note.setStyleSheet("background: #fff8d6; padding: 6px;")
            form.addRow(note)
        form.addRow(self.tr("Tên đăng nhập"), self.username)
        form.addRow(self.tr("Mật khẩu"), self.password)
        form.addRow(self.error)
        form.addRow(buttons)
        (self.password if username else self.username).setFocus()

    def try_login(self) -> None:
        """Check the user name and password; close on success, explain on failure."""
        try:
            self.user = authenticate(self.store, self.username.text().strip(), self.password.text())
        except DomainError as exc:
            self.error.setText(str(exc))
            self.password.clear()
            self.password.setFocus()
            return
        self.accept()
