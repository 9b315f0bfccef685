"""Start the desktop application."""

from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtWidgets import QApplication, QLabel, QMainWindow

from de06desk import __version__


def run_gui(db_path: Path | None) -> int:
    """Open the main window; returns the application's exit code."""
    app = QApplication.instance() or QApplication(sys.argv)
    window = QMainWindow()
    window.setWindowTitle(f"de06desk {__version__} — Đề án 06")
    window.setCentralWidget(QLabel("de06desk"))
    window.resize(1100, 720)
    window.show()
    return app.exec()
