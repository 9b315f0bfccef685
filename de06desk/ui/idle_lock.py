"""Auto-lock: after N minutes without keyboard or mouse input, hide the data and ask to log in.

The commune PC is shared and officers walk away from it; a locked window must not show
citizens' data to the next person. Install once on the application:

    lock = IdleLock(window, ctx.store, ctx.user, minutes=10)
    QApplication.instance().installEventFilter(lock)

While locked the main window's central widget is hidden behind the log-in dialog; only the
same user or an administrator may unlock (anyone else would be a user switch, which needs the
app's normal log-in).
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QDialog, QMainWindow, QWidget

from de06desk.store import Store
from de06desk.store.users import User
from de06desk.ui.login import LoginDialog

DEFAULT_MINUTES = 10
# Only real user input restarts the countdown; paints, timers and focus changes do not.
_INPUT_EVENTS = frozenset(
    {
        QEvent.Type.KeyPress,
        QEvent.Type.MouseButtonPress,
        QEvent.Type.MouseMove,
        QEvent.Type.Wheel,
        QEvent.Type.TouchBegin,
    }
)


class IdleLock(QObject):
    """An application-wide event filter that locks `window` after `minutes` of no input."""

    def __init__(
        self,
        window: QMainWindow,
        store: Store,
        user: User,
        *,
        minutes: float = DEFAULT_MINUTES,
        on_failed_unlock: Callable[[], None] | None = None,
    ) -> None:
        super().__init__(window)
        self.window = window
        self.store = store
        self.user = user
        self.locked = False
        self._on_failed_unlock = on_failed_unlock or window.close
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.setInterval(max(1, int(minutes * 60_000)))
        self.timer.timeout.connect(self.lock)
        self.timer.start()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """Restart the countdown on user input (never consumes the event)."""
        if not self.locked and event.type() in _INPUT_EVENTS:
            self.timer.start()
        return False

    def lock(self) -> None:
        """Hide the data and ask for the password; close the window if the user gives up."""
        if self.locked:
            return
        self.locked = True
        central: QWidget | None = self.window.centralWidget()
        if central is not None:
            central.setVisible(False)
        try:
            unlocked = self._ask()
        finally:
            self.locked = False
        if unlocked:
            if central is not None:
                central.setVisible(True)
            self.timer.start()
        else:
            self._on_failed_unlock()

    def _ask(self) -> bool:
        while True:
            dialog = LoginDialog(
                self.store,
                hint=self.tr("Màn hình đã khóa do không sử dụng. Hãy đăng nhập lại."),
                parent=self.window,
                username=self.user.username,
            )
            if dialog.exec() != QDialog.DialogCode.Accepted or dialog.user is None:
                return False
            if dialog.user.username == self.user.username or dialog.user.role == "admin":
                return True
