"""First run: set up the commune (or try the demo) — a wizard an officer can finish alone.

Pages: welcome (with the big "Dùng dữ liệu mẫu" button), province and commune from the
official 2025 list (type to search, diacritics optional), the unit's names as printed on
reports, villages, officers, targets, the first administrator account (where the encrypted
database is created) and the recovery code, shown once to copy or print.

A hub (the province police office, or another upper level) takes its own path: its unit from
the official list of provinces (or a code and name of its own), the first administrator, the
recovery code, then its public-key file to hand out and a printable fingerprint sheet.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, QDate, QDir, QEvent, QObject, Qt, Signal
from PySide6.QtGui import QFont, QGuiApplication, QKeyEvent, QTextDocument
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDialog,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPushButton,
    QSpinBox,
    QTableWidget,
    QVBoxLayout,
    QWidget,
    QWizard,
    QWizardPage,
)

from de06desk.actions.admin import (
    CommuneSetup,
    create_commune_database,
    create_hub_database,
    new_encrypted_database,
)
from de06desk.config import data_dir
from de06desk.demo import DEMO_PASSWORD, DEMO_USER, default_profile, make_demo
from de06desk.domain.files import atomic_write
from de06desk.domain.i18n import DomainError
from de06desk.domain.passwords import password_problem
from de06desk.domain.units import Commune, provinces, search_communes
from de06desk.sync import PublicKeyFile

from . import printing
from .dates import to_date
from .screens.hub import HubWords
from .tasks import run_task, show_error

# What "Dùng dữ liệu mẫu" makes (tests make it smaller).
DEMO_OPTIONS: dict[str, Any] = {"seed": 6, "weeks": 12, "citizens": 1500}
PROFILE_FIELDS = ("unit_name", "parent_body", "place_name", "signer_title", "signer_name")


# One action makes a commune database, for this wizard and for `de06desk init`.
SetupData = CommuneSetup


def free_path(stem: str) -> Path:
    """A database path in the data folder that does not exist yet."""
    folder = data_dir()
    path = folder / f"{stem}.db"
    n = 2
    while path.exists():
        path = folder / f"{stem}-{n}.db"
        n += 1
    return path


def _setup_wizard(page: QWizardPage) -> SetupWizard:
    """The wizard a page is on: always a SetupWizard, which builds every page below."""
    wizard = page.wizard()
    assert isinstance(wizard, SetupWizard)
    return wizard


class WelcomePage(QWizardPage):
    """What the app is; set up a commune, or try it with demo data."""

    def __init__(self, wizard: SetupWizard) -> None:
        super().__init__(wizard)
        self.setTitle(self.tr("Chào mừng đến với de06desk"))
        text = QLabel(
            self.tr(
                "Phần mềm giúp Công an xã và Tổ công tác Đề án 06 ghi nhận các đợt kích hoạt "
                "định danh điện tử, làm sạch dữ liệu dân cư, hỗ trợ người dân và lập báo cáo "
                "tuần — hoàn toàn không cần mạng.\n\n"
                "Lần đầu sử dụng: hãy khai báo xã/phường của mình (khoảng 5 phút), "
                "hoặc dùng thử với dữ liệu mẫu."
            ),
            self,
        )
        text.setWordWrap(True)
        self.demo_button = QPushButton(self.tr("Dùng dữ liệu mẫu"), self)
        self.demo_button.setObjectName("demo")
        self.demo_button.setMinimumHeight(56)
        self.demo_button.setStyleSheet("font-size: 15px; font-weight: bold;")
        self.demo_button.clicked.connect(wizard.make_demo)
        note = QLabel(self.tr("Dữ liệu mẫu là dữ liệu giả lập, chỉ để tập sử dụng."), self)
        note.setWordWrap(True)
        note.setStyleSheet("color: #555;")
        next_note = QLabel(self.tr("Bấm “Tiếp theo” để khai báo xã/phường của bạn."), self)
        self.hub_mode = QCheckBox(
            self.tr("Máy này là của cấp trên (tỉnh, thành phố): nhận gói của các xã"), self
        )
        self.hub_mode.setObjectName("hub_mode")
        layout = QVBoxLayout(self)
        layout.addWidget(text)
        layout.addSpacing(16)
        layout.addWidget(self.demo_button)
        layout.addWidget(note)
        layout.addStretch(1)
        layout.addWidget(self.hub_mode)
        layout.addWidget(next_note)

    def nextId(self) -> int:
        wizard = _setup_wizard(self)
        return wizard.hub_unit_id if self.hub_mode.isChecked() else wizard.commune_id


class CommunePage(QWizardPage):
    """Province, then commune, from the official 2025 list; typing filters."""

    def __init__(self, wizard: SetupWizard) -> None:
        super().__init__(wizard)
        self.setTitle(self.tr("Chọn xã/phường"))
        self.setSubTitle(
            self.tr(
                "Danh mục đơn vị hành chính từ 01/07/2025. Gõ tên, có dấu hay không dấu đều được."
            )
        )
        self.province = QComboBox(self)
        self.province.setObjectName("province")
        self.province.addItem(self.tr("Tất cả tỉnh, thành phố"), None)
        for p in provinces():
            self.province.addItem(p.name, p.code)
        self.search = QLineEdit(self)
        self.search.setObjectName("commune_search")
        self.search.setPlaceholderText(self.tr("Ví dụ: ta van"))
        self.results = QListWidget(self)
        self.results.setObjectName("communes")
        self.chosen = QLabel(self)
        self.chosen.setStyleSheet("font-weight: bold;")
        form = QFormLayout()
        form.addRow(self.tr("Tỉnh/Thành phố"), self.province)
        form.addRow(self.tr("Tìm xã/phường"), self.search)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.results, 1)
        layout.addWidget(self.chosen)
        self.province.currentIndexChanged.connect(self.update_results)
        self.search.textChanged.connect(self.update_results)
        self.results.currentItemChanged.connect(self._chosen)
        self.update_results()

    def update_results(self) -> None:
        """Show the communes matching the search within the chosen province."""
        province = self.province.currentData()
        found = search_communes(self.search.text(), limit=4000 if province else 300)
        if province:
            found = [c for c in found if c.province_code == province]
        self.results.clear()
        for commune in found[:300]:
            item = QListWidgetItem(commune.full_name, self.results)
            item.setData(Qt.ItemDataRole.UserRole, commune)
        if self.results.count():
            self.results.setCurrentRow(0)
        else:
            self._chosen()

    def _chosen(self) -> None:
        commune = self.commune()
        self.chosen.setText(
            self.tr("Đã chọn: {c} (mã {code})")
            .replace("{c}", commune.full_name)
            .replace("{code}", commune.code)
            if commune
            else ""
        )
        self.completeChanged.emit()

    def commune(self) -> Commune | None:
        """The commune selected, if any."""
        item = self.results.currentItem()
        return item.data(Qt.ItemDataRole.UserRole) if item else None

    def isComplete(self) -> bool:
        return self.commune() is not None


class ProfilePage(QWizardPage):
    """The unit's names as printed on reports (pre-filled from the official names)."""

    def __init__(self, wizard: SetupWizard) -> None:
        super().__init__(wizard)
        self.setTitle(self.tr("Tên đơn vị trên báo cáo"))
        self.setSubTitle(self.tr("Đã điền sẵn theo tên chính thức; sửa lại nếu cần."))
        self.edits: dict[str, QLineEdit] = {}
        form = QFormLayout(self)
        labels = {
            "unit_name": self.tr("Tên đơn vị in trên báo cáo"),
            "parent_body": self.tr("Cơ quan chủ quản"),
            "place_name": self.tr("Địa danh ghi ngày tháng"),
            "signer_title": self.tr("Chức danh người ký"),
            "signer_name": self.tr("Họ tên người ký"),
        }
        for name in PROFILE_FIELDS:
            edit = QLineEdit(self)
            edit.setObjectName(f"profile_{name}")
            edit.textChanged.connect(self.completeChanged)
            self.edits[name] = edit
            form.addRow(labels[name], edit)
        self._for_code = ""

    def initializePage(self) -> None:
        commune = _setup_wizard(self).commune_page.commune()
        if commune and commune.code != self._for_code:
            profile = default_profile(commune)
            for name, edit in self.edits.items():
                edit.setText(profile.get(name) or "")
            self._for_code = commune.code

    def isComplete(self) -> bool:
        return all(self.edits[n].text().strip() for n in PROFILE_FIELDS if n != "signer_name")


class VillagesPage(QWizardPage):
    """The commune's villages, typed one by one (no made-up names to forget to change)."""

    def __init__(self, wizard: SetupWizard) -> None:
        super().__init__(wizard)
        self.setTitle(self.tr("Thôn/Xóm/Tổ dân phố"))
        self.setSubTitle(
            self.tr(
                "Gõ tên từng thôn rồi nhấn Enter. Bấm đúp vào tên để sửa. "
                "Có thể bổ sung sau trong Cài đặt › Thôn/Xóm."
            )
        )
        self.input = QLineEdit(self)
        self.input.setObjectName("village_name")
        self.input.setPlaceholderText(self.tr("Tên thôn, ví dụ “Bản Cát Cát”"))
        # Enter adds the name; it must not also press the wizard's Tiếp.
        self.input.installEventFilter(self)
        add = QPushButton(self.tr("Thêm thôn"), self)
        add.setObjectName("village_add")
        add.setAutoDefault(False)
        add.clicked.connect(self.add_typed)
        self.list = QListWidget(self)
        self.list.setObjectName("villages")
        remove = QPushButton(self.tr("Bớt thôn đang chọn"), self)
        remove.setAutoDefault(False)
        remove.clicked.connect(lambda: self.list.takeItem(self.list.currentRow()))
        entry = QHBoxLayout()
        entry.addWidget(self.input, 1)
        entry.addWidget(add)
        buttons = QHBoxLayout()
        buttons.addWidget(remove)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addLayout(entry)
        layout.addWidget(self.list)
        layout.addLayout(buttons)

    def eventFilter(self, obj: QObject, event: QEvent) -> bool:
        if (
            obj is self.input
            and event.type() == QEvent.Type.KeyPress
            and isinstance(event, QKeyEvent)
            and event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter)
        ):
            self.add_typed()
            return True
        return super().eventFilter(obj, event)

    def add_typed(self) -> None:
        """Add the name typed in the box (blank and repeated names are ignored)."""
        name = " ".join(self.input.text().split())
        if name and name not in self.names():
            item = QListWidgetItem(name, self.list)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsEditable)
        self.input.clear()
        self.input.setFocus()

    def names(self) -> list[str]:
        """The village names, blanks and repeats left out."""
        out: list[str] = []
        for i in range(self.list.count()):
            name = self.list.item(i).text().strip()
            if name and name not in out:
                out.append(name)
        return out


class OfficersPage(QWizardPage):
    """Officers and digital-team members (may be left for later)."""

    def __init__(self, wizard: SetupWizard) -> None:
        super().__init__(wizard)
        self.setTitle(self.tr("Cán bộ"))
        self.setSubTitle(
            self.tr("Cán bộ phụ trách và thành viên tổ công nghệ số; có thể bổ sung sau.")
        )
        self.table = QTableWidget(4, 2, self)
        self.table.setObjectName("officers")
        self.table.setHorizontalHeaderLabels([self.tr("Họ và tên"), self.tr("Chức vụ")])
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        add = QPushButton(self.tr("Thêm dòng"), self)
        add.clicked.connect(lambda: self.table.insertRow(self.table.rowCount()))
        layout = QVBoxLayout(self)
        layout.addWidget(self.table)
        layout.addWidget(add, 0, Qt.AlignmentFlag.AlignLeft)

    def officers(self) -> list[tuple[str, str]]:
        """(name, position) of each filled row."""
        out = []
        for row in range(self.table.rowCount()):
            cells = [self.table.item(row, c) for c in range(2)]
            name, position = ((c.text().strip() if c else "") for c in cells)
            if name:
                out.append((name, position))
        return out


class TargetsPage(QWizardPage):
    """Targets set by the upper level."""

    def __init__(self, wizard: SetupWizard) -> None:
        super().__init__(wizard)
        self.setTitle(self.tr("Chỉ tiêu"))
        self.setSubTitle(self.tr("Chỉ tiêu cấp trên giao; để 0 nếu chưa có."))
        self.spins: dict[str, QSpinBox] = {}
        form = QFormLayout(self)
        for kind, label in (
            ("level2_accounts", self.tr("Tài khoản định danh mức 2 được kích hoạt")),
            ("cleanup_cases", self.tr("Hồ sơ làm sạch dữ liệu được xử lý")),
            ("support_sessions", self.tr("Buổi hỗ trợ người dân")),
        ):
            spin = QSpinBox(self)
            spin.setObjectName(f"target_{kind}")
            spin.setRange(0, 10_000_000)
            spin.setGroupSeparatorShown(True)
            self.spins[kind] = spin
            form.addRow(label, spin)
        self.due = QDateEdit(QDate(date.today().year, 12, 31), self)
        self.due.setDisplayFormat("dd/MM/yyyy")
        self.due.setCalendarPopup(True)
        form.addRow(self.tr("Hạn hoàn thành"), self.due)


class HubUnitPage(QWizardPage):
    """The hub's unit: a province from the official 2025 list, or a code and name of its own
    (a district where one is kept, a regional office)."""

    def __init__(self, wizard: SetupWizard) -> None:
        super().__init__(wizard)
        self.setTitle(self.tr("Đơn vị cấp trên"))
        self.setSubTitle(
            self.tr(
                "Chọn tỉnh, thành phố theo danh mục từ 01/07/2025: các xã, phường của tỉnh sẽ "
                "hiện trong màn hình “Các xã”. Cấp trên khác (ví dụ cấp huyện nơi còn giữ) tự "
                "đặt mã và tên."
            )
        )
        self.province = QComboBox(self)
        self.province.setObjectName("hub_province")
        for province in provinces():
            self.province.addItem(province.name, province.code)
        self.province.addItem(self.tr("Cấp trên khác (tự đặt mã)"), None)
        self.code = QLineEdit(self)
        self.code.setObjectName("hub_code")
        self.code.setMaxLength(16)
        self.name = QLineEdit(self)
        self.name.setObjectName("hub_name")
        form = QFormLayout(self)
        form.addRow(self.tr("Tỉnh, thành phố"), self.province)
        form.addRow(self.tr("Mã đơn vị (chữ, số)"), self.code)
        form.addRow(self.tr("Tên đơn vị in trên báo cáo"), self.name)
        self.province.currentIndexChanged.connect(self._province_chosen)
        self.code.textChanged.connect(self.completeChanged)
        self.name.textChanged.connect(self.completeChanged)
        self._province_chosen()

    def _province_chosen(self) -> None:
        code = self.province.currentData()
        self.code.setReadOnly(code is not None)
        if code is not None:
            self.code.setText(code)
            # The official name printed on reports and key files: Vietnamese in any interface.
            self.name.setText(f"Công an {self.province.currentText()}")
        self.completeChanged.emit()

    def isComplete(self) -> bool:
        code = self.code.text().strip()
        return bool(code) and code.isalnum() and code.isascii() and bool(self.name.text().strip())

    def nextId(self) -> int:
        return _setup_wizard(self).admin_id


class HubKeyPage(QWizardPage):
    """The hub's public-key file to hand to every commune, and its fingerprint to print."""

    def __init__(self, wizard: SetupWizard) -> None:
        super().__init__(wizard)
        self.setTitle(self.tr("Tệp khóa công khai của cấp trên"))
        self.setSubTitle(
            self.tr(
                "Mỗi xã cần tệp này (chép vào USB) để mã hóa gói gửi lên. Khi xã nhập tệp, hai "
                "bên đọc vân tay cho nhau qua điện thoại: in phiếu vân tay để đối chiếu."
            )
        )
        self.fingerprint = QLabel(self)
        self.fingerprint.setObjectName("hub_fingerprint")
        self.fingerprint.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        font = QFont("monospace")
        font.setStyleHint(QFont.StyleHint.Monospace)
        font.setPointSize(16)
        self.fingerprint.setFont(font)
        save = QPushButton(self.tr("Lưu tệp khóa công khai…"), self)
        save.setObjectName("save_hub_key")
        save.clicked.connect(self._save)
        sheet = QPushButton(self.tr("In phiếu vân tay…"), self)
        sheet.setObjectName("print_hub_fingerprint")
        sheet.clicked.connect(self._print)
        self.saved = QLabel(self)
        self.saved.setWordWrap(True)
        buttons = QHBoxLayout()
        buttons.addWidget(save)
        buttons.addWidget(sheet)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.fingerprint)
        layout.addLayout(buttons)
        layout.addWidget(self.saved)
        layout.addStretch(1)

    def _key(self) -> PublicKeyFile:
        key = _setup_wizard(self).hub_key
        assert key is not None, "the hub page follows the hub's creation"
        return key

    def initializePage(self) -> None:
        key = self._key()
        self.fingerprint.setText(self.tr("Vân tay: {fp}").replace("{fp}", key.fingerprint))

    def isComplete(self) -> bool:
        return _setup_wizard(self).key_file is not None

    def _save(self) -> None:
        key = self._key()
        suggested = Path(QDir.homePath()) / f"{key.unit_code}.pub"
        path, _ = QFileDialog.getSaveFileName(
            self, self.tr("Lưu tệp khóa công khai"), str(suggested), "*.pub"
        )
        if path:
            self.save_to(Path(path))

    def save_to(self, path: Path) -> None:
        """Write the hub's public-key file to `path` (a USB stick, a shared folder)."""
        wizard = _setup_wizard(self)
        try:
            with atomic_write(path) as tmp:
                tmp.write_text(self._key().to_text(), encoding="utf-8")
        except OSError as exc:
            show_error(self, exc)
            return
        wizard.key_file = path
        self.saved.setText(
            self.tr("Đã lưu {p}. Chép tệp này cho mọi xã của đơn vị.").replace("{p}", str(path))
        )
        self.completeChanged.emit()

    def sheet(self) -> str:
        """The fingerprint sheet to print: the hub's, and blank rows for the communes'."""
        key = self._key()
        return HubWords(self).fingerprint_sheet(
            key.unit_code, key.unit_name, key.fingerprint, [], blank_rows=12
        )

    def _print(self) -> None:
        printing.print_html(self, self.tr("Phiếu vân tay"), self.sheet())

    def nextId(self) -> int:
        return -1


class AdminPage(QWizardPage):
    """The first administrator account; leaving this page creates the database."""

    def __init__(self, wizard: SetupWizard) -> None:
        super().__init__(wizard)
        # Past this page the database exists: going back would make a second one.
        self.setCommitPage(True)
        self.setTitle(self.tr("Tài khoản quản trị"))
        self.setSubTitle(self.tr("Dùng để đăng nhập; hãy ghi nhớ mật khẩu."))
        self.username = QLineEdit("admin", self)
        self.username.setObjectName("admin_user")
        self.display_name = QLineEdit(self)
        self.password = QLineEdit(self)
        self.password.setObjectName("admin_password")
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.password2 = QLineEdit(self)
        self.password2.setObjectName("admin_password2")
        self.password2.setEchoMode(QLineEdit.EchoMode.Password)
        self.problem = QLabel(self)
        self.problem.setStyleSheet("color: #b00020;")
        form = QFormLayout(self)
        form.addRow(self.tr("Tên đăng nhập"), self.username)
        form.addRow(self.tr("Họ tên"), self.display_name)
        form.addRow(self.tr("Mật khẩu"), self.password)
        form.addRow(self.tr("Nhập lại mật khẩu"), self.password2)
        form.addRow(self.problem)
        for edit in (self.username, self.password, self.password2):
            edit.textChanged.connect(self._check)
        self._check()

    def _check(self) -> None:
        problem = ""
        if not self.username.text().strip():
            problem = self.tr("Hãy nhập tên đăng nhập.")
        elif weak := password_problem(self.password.text(), self.username.text()):
            problem = str(weak)
        elif self.password.text() != self.password2.text():
            problem = self.tr("Hai lần nhập mật khẩu không giống nhau.")
        self.problem.setText(problem)
        self.completeChanged.emit()

    def isComplete(self) -> bool:
        return not self.problem.text()

    def validatePage(self) -> bool:
        return _setup_wizard(self).create_database()


class RecoveryPage(QWizardPage):
    """The recovery code, shown once: copy it or print it, and say it is written down."""

    def __init__(self, wizard: SetupWizard) -> None:
        super().__init__(wizard)
        self.setTitle(self.tr("Mã khôi phục"))
        self.setSubTitle(
            self.tr(
                "Dữ liệu được mã hóa. Nếu quên mọi mật khẩu quản trị, chỉ mã này mở lại được "
                "dữ liệu. Hãy in hoặc chép lại, cất nơi an toàn, tách khỏi máy tính. "
                "Mã chỉ hiện một lần."
            )
        )
        self.code = QLabel(self)
        self.code.setObjectName("recovery_code")
        self.code.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        font = QFont("monospace")
        font.setStyleHint(QFont.StyleHint.Monospace)
        font.setPointSize(18)
        self.code.setFont(font)
        copy = QPushButton(self.tr("Sao chép"), self)
        copy.clicked.connect(lambda: QGuiApplication.clipboard().setText(self.code.text()))
        print_button = QPushButton(self.tr("In…"), self)
        print_button.clicked.connect(self._print)
        self.confirm = QCheckBox(self.tr("Tôi đã in hoặc chép lại mã khôi phục"), self)
        self.confirm.setObjectName("recovery_confirm")
        self.confirm.toggled.connect(self.completeChanged)
        buttons = QHBoxLayout()
        buttons.addWidget(copy)
        buttons.addWidget(print_button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.code)
        layout.addLayout(buttons)
        layout.addStretch(1)
        layout.addWidget(self.confirm)

    def initializePage(self) -> None:
        self.code.setText(_setup_wizard(self).recovery_code)

    def nextId(self) -> int:
        wizard = _setup_wizard(self)
        return wizard.hub_key_id if wizard.hub_key is not None else -1

    def isComplete(self) -> bool:
        return self.confirm.isChecked()

    def _print(self) -> None:
        printer = QPrinter()
        if QPrintDialog(printer, self).exec() != QDialog.DialogCode.Accepted:
            return
        wizard = _setup_wizard(self)
        doc = QTextDocument()
        doc.setPlainText(
            self.tr("de06desk — mã khôi phục của cơ sở dữ liệu {f}\n\n{c}\n\nCất giữ nơi an toàn.")
            .replace("{f}", wizard.db_path.name if wizard.db_path else "")
            .replace("{c}", self.code.text())
        )
        doc.print_(printer)


def demo_login_hint() -> str:
    """What the log-in shows for a demo database: its public account and password."""
    return (
        QCoreApplication.translate(
            "SetupWizard", "Dữ liệu mẫu: đăng nhập bằng tài khoản “{u}”, mật khẩu “{p}”."
        )
        .replace("{u}", DEMO_USER)
        .replace("{p}", DEMO_PASSWORD)
    )


class SetupWizard(QWizard):
    """The first-run wizard; after `exec()`, `db_path` is the database to open.

    `database_created(path)` fires as soon as a database exists (commune or demo), so the app
    can remember it even if the wizard is then closed before the end.
    """

    database_created = Signal(Path)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Thiết lập de06desk"))
        self.setWizardStyle(QWizard.WizardStyle.ClassicStyle)
        self.setOption(QWizard.WizardOption.NoBackButtonOnStartPage)
        self.resize(760, 560)
        self.db_path: Path | None = None
        self.login_hint = ""
        self.login_user = ""
        self.is_demo = False
        self.recovery_code = ""
        # A hub's public key once its database exists, and where it was saved.
        self.hub_key: PublicKeyFile | None = None
        self.key_file: Path | None = None
        self.welcome_page = WelcomePage(self)
        self.commune_page = CommunePage(self)
        self.profile_page = ProfilePage(self)
        self.villages_page = VillagesPage(self)
        self.officers_page = OfficersPage(self)
        self.targets_page = TargetsPage(self)
        self.admin_page = AdminPage(self)
        self.recovery_page = RecoveryPage(self)
        self.hub_unit_page = HubUnitPage(self)
        self.hub_key_page = HubKeyPage(self)
        for page in (
            self.welcome_page,
            self.commune_page,
            self.profile_page,
            self.villages_page,
            self.officers_page,
            self.targets_page,
            self.admin_page,
            self.recovery_page,
        ):
            self.addPage(page)
        self.commune_id, self.admin_id = self.pageIds()[1], self.pageIds()[6]
        self.hub_unit_id = self.addPage(self.hub_unit_page)
        self.hub_key_id = self.addPage(self.hub_key_page)

    @property
    def is_hub(self) -> bool:
        """Setting up a hub rather than a commune."""
        return self.welcome_page.hub_mode.isChecked()

    def setup_data(self) -> SetupData:
        """What the pages hold, as one object."""
        commune = self.commune_page.commune()
        if commune is None:
            raise RuntimeError("the commune page cannot be passed without a choice")
        profile = default_profile(commune)
        profile.update({n: e.text().strip() for n, e in self.profile_page.edits.items()})
        return SetupData(
            commune=commune,
            profile=profile,
            villages=self.villages_page.names(),
            officers=self.officers_page.officers(),
            targets={k: s.value() for k, s in self.targets_page.spins.items()},
            due_on=to_date(self.targets_page.due.date()),
            username=self.admin_page.username.text(),
            password=self.admin_page.password.text(),
            display_name=self.admin_page.display_name.text(),
        )

    def create_database(self) -> bool:
        """Create the database from the pages (leaving the admin page); False, with the reason
        shown, if that fails."""
        if self.is_hub:
            return self.create_hub()
        data = self.setup_data()
        path = free_path(f"de06desk-{data.commune.code}")
        try:
            self.recovery_code = create_commune_database(path, data)
        except DomainError as exc:
            show_error(self, exc)
            return False
        self.db_path = path
        self.login_user = data.username.strip()
        self.database_created.emit(path)
        return True

    def create_hub(self) -> bool:
        """Create the hub database with its key pairs and administrator."""
        unit = self.hub_unit_page
        code = unit.code.text().strip()
        path = free_path(f"de06desk-hub-{code}")
        try:
            self.hub_key, self.recovery_code = create_hub_database(
                path,
                unit_code=code,
                name=unit.name.text().strip(),
                username=self.admin_page.username.text(),
                password=self.admin_page.password.text(),
                province=unit.province.currentData(),
            )
        except DomainError as exc:
            show_error(self, exc)
            return False
        self.db_path = path
        self.login_user = self.admin_page.username.text().strip()
        self.database_created.emit(path)
        return True

    def reject(self) -> None:
        """Hủy/Esc/close: on the recovery page the database exists — finish there instead."""
        if self.db_path is not None and self.currentPage() in (
            self.recovery_page,
            self.hub_key_page,
        ):
            QMessageBox.information(
                self,
                self.windowTitle(),
                self.tr(
                    "Cơ sở dữ liệu đã được tạo. Hãy in hoặc chép lại mã khôi phục, đánh dấu ô "
                    "“Tôi đã in hoặc chép lại mã khôi phục” rồi bấm Hoàn tất."
                ),
            )
            return
        super().reject()

    def accept(self) -> None:
        """Finish: the database exists; forget the recovery code."""
        self.recovery_code = ""
        super().accept()

    def make_demo(self) -> None:
        """Create a demo database in the background, then close the wizard to open it."""
        path = free_path("de06desk-demo")
        self.welcome_page.demo_button.setEnabled(False)

        def work(progress: Any, cancelled: Any) -> str:
            # Encrypted like a real database, so the demo shows the real log-in; its recovery
            # code is not shown (the data is invented and the demo password is public).
            with new_encrypted_database(path) as (key, _code):
                return make_demo(path, key=key, **DEMO_OPTIONS)

        def done(_description: str) -> None:
            self.db_path = path
            self.login_user = DEMO_USER
            self.login_hint = demo_login_hint()
            self.is_demo = True
            self.database_created.emit(path)
            QDialog.accept(self)

        def failed(exc: BaseException) -> None:
            self.welcome_page.demo_button.setEnabled(True)
            show_error(self, exc)

        run_task(self, self.tr("Đang tạo dữ liệu mẫu…"), work, done, failed)
