"""The commune's Đồng bộ screen against the hub's Nhận gói, Gửi xuống and Các xã (offscreen)."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtWidgets import QFileDialog, QMessageBox

from de06desk.store import Store
from de06desk.store.users import User
from de06desk.sync import PublicKeyFile, public_key_file
from de06desk.sync.keys import peer_key
from de06desk.ui.context import AppContext
from de06desk.ui.screens import sync as screen_module
from de06desk.ui.screens.hub import CommunesScreen, ReceiveScreen, SendDownScreen
from de06desk.ui.screens.sync import SyncScreen, removable_volumes

ADMIN = User("admin", "Quản trị", "admin", True)


@pytest.fixture(autouse=True)
def _no_message_boxes(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(screen_module.QMessageBox, "information", lambda *a, **k: None)
    monkeypatch.setattr(QMessageBox, "information", lambda *a, **k: None)


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

    hub_ctx = AppContext(hub.path, hub, ADMIN)
    receive = ReceiveScreen(hub_ctx)
    qtbot.addWidget(receive)
    bogus = tmp_path / "usb" / "zz_bogus.de06sync"
    bogus.write_bytes(b"not a package")
    task = receive.import_folder(tmp_path / "usb")
    qtbot.waitUntil(lambda: len(receive.last_outcomes) == 2)
    assert [o.status for o in receive.last_outcomes] == ["applied", "refused"]
    assert receive.results.rowCount() == 2
    assert receive.results.item(0, 2).text() == "Đã nhập"
    assert receive.summary.text() == "1 gói đã nhập, 0 đã có, 1 bị từ chối, 0 đã hủy."

    send = SendDownScreen(hub_ctx)
    qtbot.addWidget(send)
    task = send.send([commune.unit_code], tmp_path / "down")
    qtbot.waitUntil(lambda: send.last_export is not None)
    down = send.last_export
    assert down is not None
    task = screen.import_files([down.path])
    qtbot.waitUntil(lambda: len(screen.last_outcomes) == 1)
    assert screen.last_outcomes[0].status == "applied"
    assert screen.history.item(0, 4).text().startswith("Đã nhận")


def _forged_key(tmp_path: Path, unit_code: str) -> Path:
    """Another key for the same unit, as an impostor (or a re-installed PC) would bring."""
    with Store.create(tmp_path / f"forged-{unit_code}.db", unit_code=unit_code) as other:
        key = public_key_file(other)
    path = tmp_path / f"{unit_code}.pub"
    path.write_text(key.to_text(), encoding="utf-8")
    return path


def test_replacing_a_commune_key_asks_with_both_fingerprints(
    qtbot, commune: Store, hub: Store, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    old = peer_key(hub, commune.unit_code)
    assert old is not None
    forged = _forged_key(tmp_path, commune.unit_code)
    new = PublicKeyFile.from_bytes(forged.read_bytes())
    screen = CommunesScreen(AppContext(hub.path, hub, ADMIN))
    qtbot.addWidget(screen)
    asked: list[str] = []
    answer = [screen_module.QMessageBox.StandardButton.No]

    def question(_parent, _title, text, *a, **k):
        asked.append(text)
        return answer[0]

    monkeypatch.setattr(QMessageBox, "question", question)
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(forged), ""))
    screen.choose_commune_key()
    assert old.fingerprint in asked[0] and new.fingerprint in asked[0] and "THAY" in asked[0]
    assert peer_key(hub, commune.unit_code) == old  # "No": nothing changed
    answer[0] = screen_module.QMessageBox.StandardButton.Yes
    screen.choose_commune_key()
    assert peer_key(hub, commune.unit_code) == new
    detail = hub.conn.execute(
        "SELECT detail FROM audit WHERE action = 'sync_trust' ORDER BY id DESC LIMIT 1"
    ).fetchone()[0]
    assert old.fingerprint in detail and new.fingerprint in detail


@pytest.mark.parametrize("role", ["viewer", "officer"])
def test_the_sync_screen_offers_only_what_the_role_may_do(
    qtbot, commune: Store, hub: Store, role: str
) -> None:
    from PySide6.QtWidgets import QPushButton

    user = User(role, role, role, True)  # type: ignore[arg-type]
    hub_ctx = AppContext(hub.path, hub, user)
    hub_screens = [ReceiveScreen(hub_ctx), SendDownScreen(hub_ctx), CommunesScreen(hub_ctx)]
    enabled = set()
    for hub_screen in hub_screens:
        qtbot.addWidget(hub_screen)
        enabled |= {b.objectName() for b in hub_screen.findChildren(QPushButton) if b.isEnabled()}
    always = {"print_fingerprints"}  # reading and printing fingerprints changes nothing
    if role == "viewer":
        assert enabled == always
    else:
        assert enabled == always | {
            "import_folder",
            "import_files",
            "add_target",
            "import_targets",
            "send_one",
            "send_all",
        }
    screen = SyncScreen(AppContext(commune.path, commune, user))
    qtbot.addWidget(screen)
    assert screen.export_button.isEnabled() == (role == "officer")
    assert not screen.full.isEnabled()  # a full package: administrators only


def test_a_second_device_and_its_commune_exchange_packages_on_the_screen(
    qtbot, commune: Store, tmp_path: Path
) -> None:
    from PySide6.QtCore import Qt

    from de06desk.sync import clone_device

    plain = SyncScreen(AppContext(commune.path, commune, ADMIN))
    qtbot.addWidget(plain)
    assert plain.devices_button is None  # no second device made: nothing to show
    laptop = Store.open(clone_device(commune, tmp_path / "laptop.db"))
    try:
        drive = laptop.list_records("activation_drive", limit=1)[0]
        laptop.save_record(
            "activation_drive", drive.values | {"place": "Thôn Bắc"}, user="b", uuid=drive.uuid
        )
        field = SyncScreen(AppContext(laptop.path, laptop, ADMIN))
        qtbot.addWidget(field)
        assert field.devices_button is not None
        assert field.devices_button.text() == "Ghi gói cho máy của xã"
        usb = tmp_path / "usb"
        usb.mkdir()
        field.destination.insertItem(0, "USB", str(usb))
        field.destination.setCurrentIndex(0)
        qtbot.mouseClick(field.devices_button, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda: field.last_export is not None)
        up = field.last_export
        assert up is not None and up.path.parent == usb
        pc = SyncScreen(AppContext(commune.path, commune, ADMIN))
        qtbot.addWidget(pc)
        assert pc.devices_button is not None
        assert pc.devices_button.text() == "Ghi gói cho các máy thứ hai"
        pc.import_files([up.path])
        qtbot.waitUntil(lambda: len(pc.last_outcomes) == 1)
        assert pc.last_outcomes[0].status == "applied"
        assert commune.get_record("activation_drive", drive.uuid)["place"] == "Thôn Bắc"
        task = pc.export_to(usb, devices=True)
        qtbot.waitUntil(lambda: not task.worker.isRunning() and pc.last_export is not None)
        assert pc.last_export is not None and "_to_devices_" in pc.last_export.path.name
    finally:
        laptop.close()
