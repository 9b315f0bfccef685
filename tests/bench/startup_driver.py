"""Started in a fresh interpreter by the start-up benchmark: open the app on a database, log in
as the demo user as the log-in dialog does (unlock the keyring, open the encrypted database,
check the password), and print the wall-clock time
of the main window's first paint event, then quit.

`python -m tests.bench.startup_driver DB` — the caller measures from just before it started
this process, so interpreter start, imports, Qt set-up, opening the database, the password
check and building the window are all counted.
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication

from de06desk.demo import DEMO_PASSWORD, DEMO_USER
from de06desk.store.users import log_in
from de06desk.ui.app import create_app, default_settings
from de06desk.ui.context import AppContext
from de06desk.ui.i18n import apply_language
from de06desk.ui.main_window import MainWindow


class _FirstPaint(QObject):
    """Prints the time of the first paint event it sees and quits the application."""

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint and not hasattr(self, "seen"):
            self.seen = time.time()
            print(f"{self.seen:.6f}", flush=True)
            QTimer.singleShot(0, QApplication.quit)
        return False


def main(db: Path) -> int:
    """Open, log in, show the main window; the event loop ends after its first paint."""
    app = create_app()
    settings = default_settings()
    apply_language("vi")
    store, user = log_in(db, DEMO_USER, DEMO_PASSWORD)
    window = MainWindow(AppContext(db, store, user), settings)
    watcher = _FirstPaint()
    window.installEventFilter(watcher)
    window.show()
    code = app.exec()
    store.close()
    return code


if __name__ == "__main__":
    sys.exit(main(Path(sys.argv[1])))
