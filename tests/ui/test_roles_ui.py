"""The screens offer what the role table allows the logged-in account, and refresh from what
an action says it changed."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest

from de06desk.actions import Changes
from de06desk.demo import DEMO_PASSWORD
from de06desk.store import Store
from de06desk.store.users import authenticate, create_user
from de06desk.ui.context import AppContext
from de06desk.ui.screens.drives import DrivesScreen
from de06desk.ui.screens.settings import SettingsScreen


@pytest.fixture
def viewer_ctx(demo_path: Path) -> Iterator[AppContext]:
    store = Store.open(demo_path)
    create_user(store, "xem", DEMO_PASSWORD, role="viewer", display_name="Xem", by="t")
    yield AppContext(demo_path, store, authenticate(store, "xem", DEMO_PASSWORD))
    store.close()


def test_a_viewer_gets_no_editing_controls(qtbot, viewer_ctx: AppContext) -> None:
    drives = DrivesScreen(viewer_ctx)
    qtbot.addWidget(drives)
    assert not drives.new_button.isEnabled() and not drives.delete_button.isEnabled()
    assert drives.form.read_only
    assert drives.roster is not None and not drives.roster.add_button.isEnabled()
    rows = viewer_ctx.store.count_records("activation_drive")
    drives.new_record()
    drives.save()
    assert viewer_ctx.store.count_records("activation_drive") == rows
    settings = SettingsScreen(viewer_ctx)
    qtbot.addWidget(settings)
    tabs = [settings.tabs.tabText(i) for i in range(settings.tabs.count())]
    assert "Người dùng" not in tabs and settings.profile.read_only


def test_an_officer_edits_records_but_not_the_profile(qtbot, ctx: AppContext) -> None:
    create_user(ctx.store, "cb", DEMO_PASSWORD, role="officer", display_name="CB", by="t")
    officer = AppContext(ctx.db_path, ctx.store, authenticate(ctx.store, "cb", DEMO_PASSWORD))
    settings = SettingsScreen(officer)
    qtbot.addWidget(settings)
    assert settings.profile.read_only and not settings.villages.form.read_only
    assert settings.villages.new_button.isEnabled()


def test_a_roster_added_by_id_refreshes_the_drive_counts(qtbot, ctx: AppContext) -> None:
    screen = DrivesScreen(ctx)
    qtbot.addWidget(screen)
    drive = next(
        d
        for d in ctx.store.list_records("activation_drive")
        if ctx.store.count_records("drive_roster", where={"drive": d.uuid})
    )
    screen.open_record(drive.uuid)
    seen: list[Changes] = []
    ctx.signals.changed.connect(seen.append)
    listed = {
        r["citizen"] for r in ctx.store.list_records("drive_roster", where={"drive": drive.uuid})
    }
    citizen = next(
        c
        for c in ctx.store.list_records("citizen", limit=300)
        if c.uuid not in listed and c["id_number"]
    )
    assert screen.roster is not None
    screen.roster.id_input.setText(citizen["id_number"])
    QTest.keyClick(screen.roster.id_input, Qt.Key.Key_Return)
    assert seen and seen[-1].touches("activation_drive") and seen[-1].touches("drive_roster")
    stored = ctx.store.get_record("activation_drive", drive.uuid)
    assert stored is not None and stored["received_count"] == drive["received_count"] + 1
    assert screen.form.editors["received_count"].raw() in (
        stored["received_count"],
        str(stored["received_count"]),
    )


def test_an_administrator_changes_a_role_and_disables_an_account(
    qtbot, ctx: AppContext, monkeypatch
) -> None:
    from PySide6.QtWidgets import QInputDialog, QMessageBox

    from de06desk.store.users import list_users
    from de06desk.ui.screens.settings import UsersPanel

    panel = UsersPanel(ctx)
    qtbot.addWidget(panel)
    row = next(i for i in range(panel.table.rowCount()) if panel.table.item(i, 0).text() == "canbo")
    panel.table.selectRow(row)
    monkeypatch.setattr(QInputDialog, "getItem", lambda *a, **k: ("Chỉ xem và in báo cáo", True))
    panel.change_role()
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Yes)
    panel.table.selectRow(row)
    panel.toggle_active()
    canbo = next(u for u in list_users(ctx.store) if u.username == "canbo")
    assert (canbo.role, canbo.active) == ("viewer", False)
    assert panel.table.item(row, 3).text() == "Đã khóa"
