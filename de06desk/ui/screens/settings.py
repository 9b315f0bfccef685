"""Cài đặt: the commune profile, villages, officers, targets, users and the language."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from de06desk.actions import admin as act
from de06desk.domain.i18n import DomainError, current_language
from de06desk.domain.passwords import password_problem
from de06desk.domain.roles import ROLE_RANK, AccountRole
from de06desk.store.users import list_users
from de06desk.sync.hub import expected_communes, hub_province
from de06desk.sync.keys import load_own_keys, unit_name

from ..context import AppContext
from ..record_form import RecordForm
from ..record_screen import ListSetup, RecordScreen
from ..tasks import show_error
from .audit import AuditScreen

FIXED_PROFILE_FIELDS = ("commune_code", "province_code")


class NewUserDialog(QDialog):
    """Name, role and a password typed twice."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Thêm người dùng"))
        self.username = QLineEdit(self)
        self.display_name = QLineEdit(self)
        self.role = QComboBox(self)
        for value, label in (
            ("officer", self.tr("Cán bộ (nhập và sửa dữ liệu)")),
            ("viewer", self.tr("Chỉ xem và in báo cáo")),
            ("admin", self.tr("Quản trị")),
        ):
            self.role.addItem(label, value)
        self.password = QLineEdit(self)
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.password2 = QLineEdit(self)
        self.password2.setEchoMode(QLineEdit.EchoMode.Password)
        self.error = QLabel(self)
        self.error.setStyleSheet("color: #b00020;")
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        buttons.accepted.connect(self._accept)
        buttons.rejected.connect(self.reject)
        form = QFormLayout(self)
        form.addRow(self.tr("Tên đăng nhập"), self.username)
        form.addRow(self.tr("Họ tên"), self.display_name)
        form.addRow(self.tr("Vai trò"), self.role)
        form.addRow(self.tr("Mật khẩu"), self.password)
        form.addRow(self.tr("Nhập lại mật khẩu"), self.password2)
        form.addRow(self.error)
        form.addRow(buttons)

    def _accept(self) -> None:
        if self.password.text() != self.password2.text():
            self.error.setText(self.tr("Hai lần nhập mật khẩu không giống nhau."))
            return
        if not self.username.text().strip():
            self.error.setText(self.tr("Hãy nhập tên đăng nhập."))
            return
        # The same rule as the store's, said here so the dialog stays open to try again.
        weak = password_problem(self.password.text(), self.username.text())
        if weak is not None:
            self.error.setText(str(weak))
            return
        self.accept()


class UsersPanel(QWidget):
    """Accounts (administrators only): add, reset a password, disable/enable, change role."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.table = QTableWidget(0, 4, self)
        self.table.setHorizontalHeaderLabels(
            [self.tr("Tên đăng nhập"), self.tr("Họ tên"), self.tr("Vai trò"), self.tr("Trạng thái")]
        )
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.verticalHeader().setVisible(False)
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QTableWidget.SelectionBehavior.SelectRows)
        add = QPushButton(self.tr("Thêm người dùng…"), self)
        add.clicked.connect(self.add_user)
        reset = QPushButton(self.tr("Đặt lại mật khẩu…"), self)
        reset.clicked.connect(self.reset_password)
        self.toggle_button = QPushButton(self.tr("Khóa / mở lại tài khoản…"), self)
        self.toggle_button.setObjectName("toggle_user")
        self.toggle_button.clicked.connect(self.toggle_active)
        role = QPushButton(self.tr("Đổi vai trò…"), self)
        role.setObjectName("change_role")
        role.clicked.connect(self.change_role)
        buttons = QHBoxLayout()
        for button, operation in (
            (add, "user.add"),
            (reset, "user.reset_password"),
            (self.toggle_button, "user.disable"),
            (role, "user.set_role"),
        ):
            button.setEnabled(ctx.allowed(operation))
            buttons.addWidget(button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addLayout(buttons)
        layout.addWidget(self.table)
        self.refresh()

    def refresh(self) -> None:
        """Reload the accounts."""
        roles = {
            "admin": self.tr("Quản trị"),
            "officer": self.tr("Cán bộ"),
            "viewer": self.tr("Chỉ xem"),
        }
        users = list_users(self.ctx.store)
        self.table.setRowCount(len(users))
        for row, user in enumerate(users):
            state = self.tr("Đang dùng") if user.active else self.tr("Đã khóa")
            for col, text in enumerate((user.username, user.display_name, roles[user.role], state)):
                self.table.setItem(row, col, QTableWidgetItem(text))
        self.table.resizeColumnsToContents()

    def add_user(self) -> None:
        """Ask for a new account and create it."""
        dialog = NewUserDialog(self)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return
        try:
            self.ctx.apply(
                act.add_user(
                    self.ctx.store,
                    self.ctx.user,
                    dialog.username.text(),
                    dialog.password.text(),
                    role=dialog.role.currentData(),
                    display_name=dialog.display_name.text().strip(),
                )
            )
        except DomainError as exc:
            show_error(self, exc)
        self.refresh()

    def selected_username(self) -> str | None:
        """The account selected in the table, if any."""
        rows = self.table.selectionModel().selectedRows()
        item = self.table.item(rows[0].row(), 0) if rows else None
        return item.text() if item is not None else None

    def _ask_password(self, username: str) -> str | None:
        password, ok = QInputDialog.getText(
            self,
            self.tr("Đặt lại mật khẩu"),
            self.tr("Mật khẩu mới cho {u}:").replace("{u}", username),
            QLineEdit.EchoMode.Password,
        )
        return password if ok else None

    def reset_password(self) -> None:
        """Set a new password for the selected account."""
        username = self.selected_username()
        password = self._ask_password(username) if username else None
        if username is None or password is None:
            return
        try:
            self.ctx.apply(act.reset_password(self.ctx.store, self.ctx.user, username, password))
        except DomainError as exc:
            show_error(self, exc)
            return
        self._done(self.tr("Đã đặt lại mật khẩu."), rekeyed=True)

    def _done(self, what: str, *, rekeyed: bool) -> None:
        """Say what was done, and on an encrypted database what the new data key means."""
        text = what
        if rekeyed and self.ctx.store.key is not None:
            text += "\n\n" + self.tr(
                "Dữ liệu đã được đổi sang khóa mới: mật khẩu cũ, kể cả cùng một bản sao cũ "
                "của tệp khóa, không mở được dữ liệu từ nay. "
                "Các bản sao lưu làm trước lúc này vẫn mở được bằng mật khẩu đúng vào lúc sao "
                "lưu (và mã khôi phục): hãy giữ chúng cẩn thận, hoặc xóa những bản không cần."
            )
        QMessageBox.information(self, "de06desk", text)

    def toggle_active(self) -> None:
        """Disable the selected account, or re-enable it with a new password."""
        username = self.selected_username()
        user = next((u for u in list_users(self.ctx.store) if u.username == username), None)
        if user is None:
            return
        try:
            if user.active:
                answer = QMessageBox.question(
                    self,
                    self.tr("Khóa tài khoản"),
                    self.tr("Khóa tài khoản {u}? Người này sẽ không đăng nhập được nữa.").replace(
                        "{u}", user.username
                    ),
                )
                if answer != QMessageBox.StandardButton.Yes:
                    return
                done = act.disable_user(self.ctx.store, self.ctx.user, user.username)
            else:
                password = self._ask_password(user.username)
                if password is None:
                    return
                done = act.enable_user(self.ctx.store, self.ctx.user, user.username, password)
            self.ctx.apply(done)
        except DomainError as exc:
            show_error(self, exc)
            self.refresh()  # a disable is saved even when its re-key has to wait
            return
        self.refresh()
        if user.active:
            self._done(
                self.tr("Đã khóa tài khoản {u}.").replace("{u}", user.username), rekeyed=True
            )

    def change_role(self) -> None:
        """Give the selected account another role."""
        username = self.selected_username()
        if username is None:
            return
        labels: dict[str, AccountRole] = {
            self.tr("Cán bộ (nhập và sửa dữ liệu)"): "officer",
            self.tr("Chỉ xem và in báo cáo"): "viewer",
            self.tr("Quản trị"): "admin",
        }
        label, ok = QInputDialog.getItem(
            self, self.tr("Đổi vai trò"), username, list(labels), 0, False
        )
        if not ok:
            return
        role = labels[label]
        old = next(u.role for u in list_users(self.ctx.store) if u.username == username)
        try:
            self.ctx.apply(act.change_role(self.ctx.store, self.ctx.user, username, role))
        except DomainError as exc:
            show_error(self, exc)
            self.refresh()  # a lowered role is saved even when its re-key has to wait
            return
        self.refresh()
        self._done(
            self.tr("Đã đổi vai trò của {u}.").replace("{u}", username),
            rekeyed=ROLE_RANK[role] < ROLE_RANK[old],
        )


class LanguagePanel(QWidget):
    """Choose Vietnamese or English for the whole interface."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.combo = QComboBox(self)
        self.combo.setObjectName("language")
        self.combo.addItem("Tiếng Việt", "vi")
        self.combo.addItem("English", "en")
        self.combo.setCurrentIndex(1 if current_language() == "en" else 0)
        apply = QPushButton(self.tr("Áp dụng"), self)
        apply.setObjectName("apply_language")
        apply.clicked.connect(self.apply)
        row = QHBoxLayout()
        row.addWidget(QLabel(self.tr("Ngôn ngữ giao diện:"), self))
        row.addWidget(self.combo)
        row.addWidget(apply)
        row.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addLayout(row)
        layout.addStretch(1)

    def apply(self) -> None:
        """Ask the main window to switch language."""
        self.ctx.signals.language_changed.emit(self.combo.currentData())


class HubProfilePanel(QWidget):
    """A hub's identity: its code and name, its province, its key fingerprint (read-only)."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        store = ctx.store
        province = hub_province(store)
        own = load_own_keys(store)
        form = QFormLayout(self)
        self.fields: dict[str, QLabel] = {}
        for key, label, value in (
            ("unit_code", self.tr("Mã đơn vị cấp trên:"), store.unit_code),
            ("unit_name", self.tr("Tên đơn vị:"), unit_name(store)),
            (
                "province",
                self.tr("Tỉnh, thành phố:"),
                province.name if province else self.tr("(không gắn với một tỉnh)"),
            ),
            ("fingerprint", self.tr("Vân tay khóa đồng bộ:"), own.fingerprint if own else "–"),
            ("communes", self.tr("Số xã dự kiến gửi gói:"), str(len(expected_communes(store)))),
        ):
            shown = QLabel(value, self)
            shown.setObjectName(key)
            shown.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            self.fields[key] = shown
            form.addRow(label, shown)
        note = QLabel(
            self.tr(
                "Mã và tên đơn vị cấp trên được đặt khi tạo cơ sở dữ liệu; chúng nằm trong tệp "
                "khóa đã phát cho các xã nên không sửa ở đây."
            ),
            self,
        )
        note.setWordWrap(True)
        note.setStyleSheet("color: #555;")
        form.addRow(note)


class SettingsScreen(QWidget):
    """Tabs for everything that is set once and changed rarely."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.tabs = QTabWidget(self)
        if ctx.store.role == "hub":
            # A hub has no commune profile of its own (it holds its communes' profiles):
            # its identity is what `hub init` or the wizard set, shown here.
            self.tabs.addTab(HubProfilePanel(ctx, self.tabs), self.tr("Thông tin đơn vị"))
        else:
            self._add_commune_tabs(ctx)
        if ctx.allowed("user.add"):
            self.users = UsersPanel(ctx, self.tabs)
            self.tabs.addTab(self.users, self.tr("Người dùng"))
            self.tabs.addTab(AuditScreen(ctx), self.tr("Nhật ký hoạt động"))
        self.language = LanguagePanel(ctx, self.tabs)
        self.tabs.addTab(self.language, self.tr("Ngôn ngữ"))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.tabs)

    def _add_commune_tabs(self, ctx: AppContext) -> None:
        self.profile = RecordForm(ctx, "commune", self.tabs)
        # RecordForm already asks the role table (profile.save) whether this may be edited.
        existing = ctx.store.list_records("commune", limit=1)
        if existing:
            self.profile.load(existing[0])
        # The unit code is fixed when the database is made: keys, packages and reports carry
        # it. A different code typed here would be saved while everything else kept the old.
        self.profile.lock_fields(
            FIXED_PROFILE_FIELDS,
            self.tr("Cố định từ khi tạo cơ sở dữ liệu (mã đơn vị {c}); không sửa được.").replace(
                "{c}", ctx.store.unit_code
            ),
        )
        self.villages = RecordScreen(
            ctx, "village", ListSetup(columns=("name", "population")), self.tabs
        )
        self.officers = RecordScreen(
            ctx, "officer", ListSetup(columns=("full_name", "position", "phone")), self.tabs
        )
        self.targets = RecordScreen(
            ctx,
            "target",
            ListSetup(columns=("kind", "value", "start_on", "due_on"), filters=("kind",)),
            self.tabs,
        )
        self.tabs.addTab(self.profile, self.tr("Thông tin đơn vị"))
        self.tabs.addTab(self.villages, self.tr("Thôn/Xóm"))
        self.tabs.addTab(self.officers, self.tr("Cán bộ"))
        self.tabs.addTab(self.targets, self.tr("Chỉ tiêu"))

    def _forms(self) -> list[RecordForm | RecordScreen]:
        """The tabs that edit records (none at a hub)."""
        widgets = [self.tabs.widget(i) for i in range(self.tabs.count())]
        return [w for w in widgets if isinstance(w, RecordForm | RecordScreen)]

    def _current_screen(self) -> RecordScreen | None:
        widget = self.tabs.currentWidget()
        return widget if isinstance(widget, RecordScreen) else None

    def new_record(self) -> None:
        """Ctrl+N in the villages/officers/targets tab."""
        screen = self._current_screen()
        if screen:
            screen.new_record()

    def save(self) -> None:
        """Ctrl+S: save the form in view."""
        if isinstance(profile := self.tabs.currentWidget(), RecordForm):
            profile.save()
        elif screen := self._current_screen():
            screen.save()

    def focus_search(self) -> None:
        """Ctrl+F in a list tab."""
        screen = self._current_screen()
        if screen:
            screen.focus_search()

    def cancel(self) -> None:
        """Esc: leave the record being edited."""
        if isinstance(profile := self.tabs.currentWidget(), RecordForm):
            if profile.confirm_leave():
                profile.revert()
        elif screen := self._current_screen():
            screen.cancel()

    def confirm_leave(self) -> bool:
        """True when no unsaved setting would be lost."""
        return all(form.confirm_leave() for form in self._forms())
