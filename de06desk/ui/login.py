"""The log-in dialog: unlocks and opens the database, or checks a user again on an open one."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QWidget,
)

from de06desk.domain.i18n import DomainError
from de06desk.store import Store
from de06desk.store.users import User, authenticate, log_in
from de06desk.sync.keys import unit_name


class LoginDialog(QDialog):
    """User name and password; on success `user` is set and `store` is the open database.

    Given a path, the password unlocks the database's key (docs/SECURITY.md §3), opens it and
    is checked against the account (`store.users.log_in`); the caller then owns `store`.
    Given an open Store (the idle lock), the password is only checked against it.
    """

    def __init__(
        self,
        target: Path | Store,
        hint: str = "",
        parent: QWidget | None = None,
        username: str = "",
    ) -> None:
        super().__init__(parent)
        self.path = target.path if isinstance(target, Store) else Path(target)
        self.store: Store | None = target if isinstance(target, Store) else None
        self.user: User | None = None
        self.setWindowTitle(self.tr("Đăng nhập — de06desk"))
        self.setMinimumWidth(420)
        unit = QLabel(f"<b>{self._unit_name()}</b>", self)
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

    def _unit_name(self) -> str:
        # An encrypted database cannot say whose it is before the log-in: show the file.
        if self.store is None:
            return self.path.name
        return unit_name(self.store)

    def try_login(self) -> None:
        """Check the user name and password; close on success, explain on failure."""
        username, password = self.username.text().strip(), self.password.text()
        # Unlocking takes a moment, and opening an older database upgrades it first (tens
        # of seconds for a hub's million rows): show that the program is working.
        QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            if self.store is not None:
                self.user = authenticate(self.store, username, password)
            else:
                self.store, self.user = log_in(self.path, username, password)
        except DomainError as exc:
            self.error.setText(str(exc))
            self.password.clear()
            self.password.setFocus()
            return
        finally:
            QApplication.restoreOverrideCursor()
        self.accept()
