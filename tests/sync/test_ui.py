"""The Đồng bộ screen in commune and hub mode (offscreen)."""

from __future__ import annotations

from pathlib import Path

import pytest

from de06desk.store import Store
from de06desk.store.users import User
from de06desk.ui.context import AppContext
from de06desk.ui.screens import sync as screen_module
from de06desk.ui.screens.sync import SyncScreen, removable_volumes

ADMIN = User("admin", "Quản trị", "admin", True)


@pytest.fixture(autouse=True)
def _no_message_boxes(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(screen_module.QMessageBox, "information", lambda *a, **k: None)


def test_commune_exports_and_hub_imports(qtbot, commune: Store, hub: Store, tmp_path: Path) -> None:
    assert isinstance(removable_volumes(), list)
    screen = SyncScreen(AppContext(commune.path, commune, ADMIN))
    qtbot.addWidget(screen)
    assert "Vân tay" in screen.fingerprint.text() and hub.unit_code in screen.fingerprint.text()
    assert screen.destination.count() >= 1
    task = screen.export_to(tmp_path / "usb")
    qtbot.waitUntil(lambda: not task.worker.isRunning() and screen.last_export is not None)
    assert screen.history.rowCount() == 1
    assert screen.history.item(0, 4).text() == "Đã gửi, chưa xác nhận"

    hub_screen = SyncScreen(AppContext(hub.path, hub, ADMIN))
    qtbot.addWidget(hub_screen)
    assert hub_screen.status.rowCount() == 1
    bogus = tmp_path / "usb" / "zz_bogus.de06sync"
    bogus.write_bytes(b"not a package")
    task = hub_screen.import_files(sorted((tmp_path / "usb").glob("*.de06sync")))
    qtbot.waitUntil(lambda: len(hub_screen.last_outcomes) == 2)
    assert [o.status for o in hub_screen.last_outcomes] == ["applied", "refused"]
    assert hub_screen.results.rowCount() == 2
    assert hub_screen.status.item(0, 3).text() == "1"

    task = hub_screen.send_to(commune.unit_code, tmp_path / "down")
    qtbot.waitUntil(lambda: hub_screen.last_export is not None)
    down = hub_screen.last_export
    assert down is not None
    task = screen.import_files([down.path])
    qtbot.waitUntil(lambda: len(screen.last_outcomes) == 1)
    assert screen.last_outcomes[0].status == "applied"
    assert screen.history.item(0, 4).text().startswith("Đã nhận")
