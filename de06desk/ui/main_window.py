"""The main window: navigation on the left, the screens on the right.

A commune has eight screens; a hub has its own eight (`MainWindow.screens`). Screens are built
the first time they are shown (start-up stays fast on a big database) and rebuilt when the
language changes. Keyboard: Alt+1…8 switch screens; Ctrl+N, Ctrl+S, Ctrl+F
and Esc go to the screen in view.
"""

from __future__ import annotations

import html
from collections.abc import Callable

from PySide6.QtCore import QSettings, QSize, Qt, QTimer
from PySide6.QtGui import QCloseEvent, QIcon, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from de06desk import __version__
from de06desk.config import resource_path
from de06desk.domain.weeks import current_week
from de06desk.sync.keys import unit_name

from .context import AppContext
from .i18n import apply_language
from .screens.citizens import CitizensScreen
from .screens.cleanup import CleanupScreen
from .screens.dashboard import DashboardScreen
from .screens.drives import DrivesScreen
from .screens.hub import (
    CommunesScreen,
    ReceiveScreen,
    RemindersScreen,
    SendDownScreen,
    SendUpScreen,
)
from .screens.reports import ReportsScreen
from .screens.settings import SettingsScreen
from .screens.support import SupportScreen
from .screens.sync import SyncScreen

ScreenFactory = Callable[[AppContext], QWidget]


class MainWindow(QMainWindow):
    """The application window for one open database and one logged-in user."""

    def __init__(self, ctx: AppContext, settings: QSettings) -> None:
        super().__init__()
        self.ctx = ctx
        self.settings = settings
        self.setWindowTitle(self.tr("de06desk {v} — Đề án 06").replace("{v}", __version__))
        icon = resource_path("icons", "de06desk.png")
        if icon.exists():
            self.setWindowIcon(QIcon(str(icon)))
        self.nav = QListWidget(self)
        self.nav.setObjectName("nav")
        self.nav.setIconSize(QSize(0, 0))
        self.nav.setFixedWidth(210)
        self.nav.setStyleSheet(
            "QListWidget { font-size: 14px; background: #f4f6f8; border: none; }"
            "QListWidget::item { padding: 9px 10px; }"
            "QListWidget::item:selected { background: #1d5fa8; color: white; }"
        )
        self.stack = QStackedWidget(self)
        self.header = QLabel(self)
        self.header.setStyleSheet("font-size: 13px; padding: 4px 8px; color: #333;")
        right = QWidget(self)
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(4, 4, 4, 4)
        right_layout.addWidget(self.header)
        right_layout.addWidget(self.stack, 1)
        central = QWidget(self)
        layout = QHBoxLayout(central)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self.nav)
        layout.addWidget(right, 1)
        self.setCentralWidget(central)
        self.statusBar().setSizeGripEnabled(False)
        self._pages: list[QWidget | None] = []
        self._current = -1
        self.nav.currentRowChanged.connect(self._nav_changed)
        self._build()

        for key, method in (
            (QKeySequence.StandardKey.New, "new_record"),
            (QKeySequence.StandardKey.Save, "save"),
            (QKeySequence.StandardKey.Find, "focus_search"),
            (QKeySequence(Qt.Key.Key_Escape), "cancel"),
        ):
            shortcut = QShortcut(QKeySequence(key), self)
            shortcut.activated.connect(lambda m=method: self._dispatch(m))
        for i in range(self.nav.count()):
            shortcut = QShortcut(QKeySequence(f"Alt+{i + 1}"), self)
            shortcut.activated.connect(lambda i=i: self.show_screen(i))
        ctx.signals.language_changed.connect(self._language_requested)
        ctx.signals.report_requested.connect(self.show_report)
        ctx.signals.data_changed.connect(lambda _form: self._update_header())

        geometry = settings.value("window/geometry")
        if geometry is not None:
            self.restoreGeometry(geometry)
        else:
            self.resize(1280, 760)
        state = settings.value("window/state")
        if state is not None:
            self.restoreState(state)

    def screens(self) -> list[tuple[str, ScreenFactory]]:
        """Navigation labels and screen classes, in order (Alt+1 …): a commune's work, or at
        a hub the operator's desk (its communes, packages in, down and up, reminders)."""
        if self.ctx.store.role == "hub":
            return [
                (self.tr("Tổng quan"), DashboardScreen),
                (self.tr("Các xã"), CommunesScreen),
                (self.tr("Nhận gói"), ReceiveScreen),
                (self.tr("Gửi xuống"), SendDownScreen),
                (self.tr("Gửi lên"), SendUpScreen),
                (self.tr("Nhắc việc"), RemindersScreen),
                (self.tr("Báo cáo"), ReportsScreen),
                (self.tr("Cài đặt"), SettingsScreen),
            ]
        return [
            (self.tr("Tổng quan"), DashboardScreen),
            (self.tr("Đợt kích hoạt"), DrivesScreen),
            (self.tr("Công dân & theo dõi"), CitizensScreen),
            (self.tr("Làm sạch dữ liệu"), CleanupScreen),
            (self.tr("Hỗ trợ người dân"), SupportScreen),
            (self.tr("Báo cáo"), ReportsScreen),
            (self.tr("Đồng bộ"), SyncScreen),
            (self.tr("Cài đặt"), SettingsScreen),
        ]

    def screen_titles(self) -> list[str]:
        """Navigation labels, in order."""
        return [title for title, _ in self.screens()]

    def _build(self, index: int = 0) -> None:
        """(Re)build navigation and empty pages, then show screen `index`."""
        self.nav.blockSignals(True)
        self.nav.clear()
        for i, title in enumerate(self.screen_titles()):
            item = QListWidgetItem(f"{i + 1}. {title}", self.nav)
            item.setToolTip(f"Alt+{i + 1}")
        self.nav.blockSignals(False)
        while (page := self.stack.widget(0)) is not None:
            self.stack.removeWidget(page)
            page.deleteLater()
        self._pages = [None] * self.nav.count()
        for _ in self._pages:
            self.stack.addWidget(QWidget(self.stack))
        self._current = -1
        self._update_header()
        self.show_screen(index)

    def page(self, index: int) -> QWidget:
        """The screen at `index`, built on first use."""
        page = self._pages[index]
        if page is None:
            page = self.screens()[index][1](self.ctx)
            old = self.stack.widget(index)
            self.stack.insertWidget(index, page)
            if old is not None:
                self.stack.removeWidget(old)
                old.deleteLater()
            self._pages[index] = page
        return page

    def show_screen(self, index: int) -> bool:
        """Switch to screen `index` (asks first if the current one has unsaved changes)."""
        if index == self._current:
            return True
        if not self._may_leave(self._current):
            self.nav.blockSignals(True)
            self.nav.setCurrentRow(self._current)
            self.nav.blockSignals(False)
            return False
        page = self.page(index)
        self.stack.setCurrentWidget(page)
        self._current = index
        self.nav.blockSignals(True)
        self.nav.setCurrentRow(index)
        self.nav.blockSignals(False)
        refresh = getattr(page, "refresh", None)
        if callable(refresh):
            refresh()
        return True

    def show_report(self, unit_code: str) -> None:
        """Go to Báo cáo with one commune chosen (a hub's Các xã asks for it)."""
        index = next(i for i, (_, cls) in enumerate(self.screens()) if cls is ReportsScreen)
        if self.show_screen(index):
            page = self.page(index)
            assert isinstance(page, ReportsScreen)
            page.show_unit(unit_code)

    def current_screen(self) -> QWidget:
        """The screen in view."""
        return self.page(self._current)

    def _nav_changed(self, row: int) -> None:
        if row >= 0:
            self.show_screen(row)

    def _may_leave(self, index: int) -> bool:
        if index < 0 or self._pages[index] is None:
            return True
        check = getattr(self._pages[index], "confirm_leave", None)
        return bool(check()) if callable(check) else True

    def _dispatch(self, method: str) -> None:
        action = getattr(self.current_screen(), method, None)
        if callable(action):
            action()

    def _update_header(self) -> None:
        # The database's own unit: a hub's name, never one of the communes' profiles it holds.
        unit = html.escape(unit_name(self.ctx.store))
        self.header.setText(
            f"<b>{unit}</b> &nbsp;·&nbsp; {current_week().label()} &nbsp;·&nbsp; "
            + self.tr("Người dùng: {u}").replace("{u}", self.ctx.user.display_name)
        )

    # ---- language ------------------------------------------------------------------------

    def _language_requested(self, lang: str) -> None:
        # Deferred: the request comes from a widget that the rebuild is about to delete.
        QTimer.singleShot(0, lambda: self.set_language(lang))

    def set_language(self, lang: str) -> bool:
        """Switch the interface language and rebuild the screens; False if the user stayed."""
        if not all(self._may_leave(i) for i in range(len(self._pages))):
            return False
        applied = apply_language(lang)
        self.settings.setValue("language", applied)
        self.setWindowTitle(self.tr("de06desk {v} — Đề án 06").replace("{v}", __version__))
        self._build(self._current if self._current >= 0 else 0)
        return True

    # ---- closing ---------------------------------------------------------------------------

    def closeEvent(self, event: QCloseEvent) -> None:
        if not all(self._may_leave(i) for i in range(len(self._pages))):
            event.ignore()
            return
        self.settings.setValue("window/geometry", self.saveGeometry())
        self.settings.setValue("window/state", self.saveState())
        self.settings.sync()
        event.accept()
