"""Start the desktop application: Qt set-up, crash handling, first-run wizard, log-in, window.

Later runs open the last database (remembered in QSettings with the window layout and the
language); `de06desk --db FILE` opens a given one.
"""

from __future__ import annotations

import logging
import sys
import threading
import traceback
from pathlib import Path
from types import TracebackType

from PySide6.QtCore import QCoreApplication, QSettings, Qt
from PySide6.QtGui import QFont, QFontDatabase, QGuiApplication, QIcon
from PySide6.QtWidgets import QApplication, QDialog, QMessageBox

from de06desk.backup import auto_backup
from de06desk.config import resource_path
from de06desk.domain.i18n import DomainError, msg
from de06desk.logs import setup_logging
from de06desk.store import Store, StoreError

from .context import AppContext
from .i18n import apply_language
from .idle_lock import IdleLock
from .login import LoginDialog
from .main_window import MainWindow
from .tasks import show_error, stop_running_tasks
from .wizard import SetupWizard, demo_login_hint

log = logging.getLogger(__name__)
# Fonts with every Vietnamese letter, best first: Windows, then common Linux packages.
UI_FONTS = ("Segoe UI", "Noto Sans", "DejaVu Sans", "Liberation Sans", "Arial")


def create_app() -> QApplication:
    """The QApplication with Fusion style and a font that shows Vietnamese."""
    existing = QApplication.instance()
    if isinstance(existing, QApplication):
        app = existing
    else:
        QGuiApplication.setHighDpiScaleFactorRoundingPolicy(
            Qt.HighDpiScaleFactorRoundingPolicy.PassThrough
        )
        app = QApplication(sys.argv)
    app.setApplicationName("de06desk")
    app.setOrganizationName("de06desk")
    app.aboutToQuit.connect(stop_running_tasks)
    app.setStyle("Fusion")
    families = set(QFontDatabase.families())
    family = next((f for f in UI_FONTS if f in families), None)
    if family:
        font = QFont(family)
        font.setPointSize(max(app.font().pointSize(), 10))
        app.setFont(font)
    icon = resource_path("icons", "de06desk.png")
    if icon.exists():
        app.setWindowIcon(QIcon(str(icon)))
    return app


def default_settings() -> QSettings:
    """Where the last database, window layout and language are remembered."""
    return QSettings("de06desk", "de06desk")


def install_excepthook(log_file: Path) -> None:
    """Log any unexpected error (numbers masked by the log formatter) and tell the user."""

    def hook(kind: type[BaseException], exc: BaseException, tb: TracebackType | None) -> None:
        if issubclass(kind, KeyboardInterrupt):
            sys.__excepthook__(kind, exc, tb)
            return
        log.error("unexpected error:\n%s", "".join(traceback.format_exception(kind, exc, tb)))
        if QApplication.instance() is not None:
            QMessageBox.critical(
                None,
                "de06desk",
                QCoreApplication.translate(
                    "Crash",
                    "Đã xảy ra lỗi không mong muốn ({kind}). Dữ liệu đã lưu vẫn an toàn.\n"
                    "Nếu lỗi lặp lại, hãy gửi tệp nhật ký cho bộ phận hỗ trợ:\n{path}",
                )
                .replace("{kind}", kind.__name__)
                .replace("{path}", str(log_file)),
            )

    sys.excepthook = hook


def open_main_window(settings: QSettings, db_path: Path | None = None) -> MainWindow | None:
    """Wizard if needed, then log in (which unlocks and opens the database); the window, or
    None if the user quit."""
    hint, username = "", ""
    path = db_path
    if path is None:
        last = settings.value("last_db")
        path = Path(str(last)) if last and Path(str(last)).exists() else None
    if path is None:
        wizard = SetupWizard()
        # Remembered the moment it exists: a wizard closed (or a PC switched off) after that
        # must not leave a database the next start ignores.
        wizard.database_created.connect(lambda p: settings.setValue("last_db", str(p)))
        accepted = wizard.exec() == QDialog.DialogCode.Accepted
        if wizard.is_demo and wizard.db_path is not None:
            settings.setValue("demo_db", str(wizard.db_path))
        if not accepted or wizard.db_path is None:
            return None
        path, hint, username = wizard.db_path, wizard.login_hint, wizard.login_user
    elif str(settings.value("demo_db") or "") == str(path):
        # The demo's public log-in is shown every time, as the README says, not only the first.
        hint = demo_login_hint()
    if not path.exists():
        show_error(
            None,
            StoreError(
                msg("Không tìm thấy cơ sở dữ liệu {p}.", "Database {p} not found.", p=str(path))
            ),
        )
        return None
    login = LoginDialog(path, hint, username=username)
    if login.exec() != QDialog.DialogCode.Accepted or login.user is None or login.store is None:
        if login.store is not None:
            login.store.close()
        return None
    store = login.store
    if store.migration_backup is not None:
        QMessageBox.information(
            None,
            "de06desk",
            QCoreApplication.translate(
                "Startup",
                "Cơ sở dữ liệu đã được nâng cấp lên phiên bản mới; bản sao trước khi nâng cấp "
                "được giữ tại:\n{path}",
            ).replace("{path}", str(store.migration_backup)),
        )
    settings.setValue("last_db", str(path))
    return MainWindow(AppContext(path, store, login.user), settings)


def start_daily_backup(store: Store) -> threading.Thread:
    """Make the day's automatic backup, if not made yet, on a thread with its own connection.

    A failure is logged, never shown as a crash: the app stays usable without its backup.
    """
    path, key, forms = store.path, store.key, store.forms

    def work() -> None:
        try:
            with Store.open(path, key=key, forms=forms) as own:
                auto_backup(own, "daily")
        except DomainError as exc:
            log.warning("daily backup failed: %s", exc.message.en)

    thread = threading.Thread(target=work, name="daily-backup")
    thread.start()
    return thread


def close_backup(store: Store) -> None:
    """The automatic backup on close (skipped when nothing changed); failures are logged."""
    try:
        auto_backup(store, "close")
    except DomainError as exc:
        log.warning("backup on close failed: %s", exc.message.en)


def run_gui(db_path: Path | None) -> int:
    """Run the desktop app; returns the process exit code."""
    app = create_app()
    log_file = setup_logging()
    install_excepthook(log_file)
    settings = default_settings()
    apply_language(str(settings.value("language", "vi")))
    window = open_main_window(settings, db_path)
    if window is None:
        return 0
    store = window.ctx.store
    daily = start_daily_backup(store)
    # A shared commune PC: hide citizens' data behind the log-in after a while idle.
    app.installEventFilter(IdleLock(window, store, window.ctx.user))
    window.show()
    code = app.exec()
    daily.join()
    close_backup(store)
    store.close()
    return code
