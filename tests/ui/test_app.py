"""Start-up: later runs open the last database and go straight to the log-in."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QDialog

from de06desk.demo import DEMO_PASSWORD
from de06desk.ui import app as app_module
from de06desk.ui.login import LoginDialog
from de06desk.ui.main_window import MainWindow


def test_last_database_is_opened_after_log_in(
    qtbot, demo_path: Path, settings, monkeypatch
) -> None:
    settings.setValue("last_db", str(demo_path))

    def fake_exec(dialog: LoginDialog) -> int:
        dialog.username.setText("admin")
        dialog.password.setText(DEMO_PASSWORD)
        dialog.try_login()
        return dialog.result()

    monkeypatch.setattr(LoginDialog, "exec", fake_exec)
    monkeypatch.setattr(
        app_module.SetupWizard, "exec", lambda self: (_ for _ in ()).throw(AssertionError)
    )
    window = app_module.open_main_window(settings)
    assert isinstance(window, MainWindow)
    qtbot.addWidget(window)
    assert window.ctx.user.username == "admin" and window.ctx.db_path == demo_path
    window.ctx.store.close()


def test_quitting_the_log_in_opens_nothing(qtbot, demo_path: Path, settings, monkeypatch) -> None:
    monkeypatch.setattr(LoginDialog, "exec", lambda self: QDialog.DialogCode.Rejected)
    assert app_module.open_main_window(settings, demo_path) is None
    assert settings.value("last_db") is None


def test_the_main_window_does_not_import_the_file_writers() -> None:
    """reportlab and openpyxl cost a third of a second: the first export imports them, not
    the start-up (docs/BENCHMARKS.md, start-up)."""
    import subprocess
    import sys

    code = (
        "import sys, de06desk.ui.main_window, de06desk.ui.screens.reports;"
        "print(sorted(m for m in ('reportlab', 'openpyxl', 'pandas') if m in sys.modules))"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    ).stdout
    assert out.strip() == "[]"
