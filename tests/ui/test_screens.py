"""The working screens: drives with a roster, follow-up, delete, search, main window, language."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QMessageBox

from de06desk.store.lists import pending_activations
from de06desk.ui.context import AppContext
from de06desk.ui.followup import FollowUpPanel
from de06desk.ui.main_window import MainWindow
from de06desk.ui.screens.drives import DrivesScreen
from de06desk.ui.screens.support import SupportScreen


def _type(widget, text: str) -> None:
    for ch in text:
        QTest.sendKeyEvent(
            QTest.KeyAction.Click, widget, Qt.Key.Key_unknown, ch, Qt.KeyboardModifier.NoModifier
        )


def _yes(monkeypatch) -> None:
    monkeypatch.setattr(
        QMessageBox, "question", lambda *args, **kwargs: QMessageBox.StandardButton.Yes
    )


def test_drive_with_roster_adds_an_existing_citizen_once(qtbot, ctx: AppContext) -> None:
    screen = DrivesScreen(ctx)
    qtbot.addWidget(screen)
    form = screen.form
    screen.new_record()
    form.editors["kind"].combo.setCurrentIndex(1)
    _type(form.editors["place"].edit, "Nhà văn hóa thôn")
    form.editors["officer"].combo.setCurrentIndex(1)
    drive = form.save()
    assert drive is not None
    assert screen.roster is not None and screen.roster.drive_uuid == drive.uuid

    citizen = next(c for c in ctx.store.list_records("citizen") if c["id_number"])
    citizens_before = ctx.store.count_records("citizen")
    roster = screen.roster
    roster.id_input.setText(citizen["id_number"])
    roster.add_from_input()
    rows = ctx.store.list_records("drive_roster", where={"drive": drive.uuid})
    assert [r["citizen"] for r in rows] == [citizen.uuid]
    assert ctx.store.count_records("citizen") == citizens_before  # found, not duplicated

    roster.id_input.setText(citizen["id_number"])
    roster.add_from_input()
    assert ctx.store.count_records("drive_roster", where={"drive": drive.uuid}) == 1
    assert "đã có trong danh sách" in roster.message.text()

    saved = ctx.store.get_record("activation_drive", drive.uuid)
    assert saved["received_count"] == 1  # the drive's counts follow its roster
    assert not form.editors["received_count"].edit.isEnabled() or (
        form.editors["received_count"].edit.isReadOnly()
    )
    assert form.editors["received_count"].edit.text() == "1"
    assert roster.list.model.rowCount() == 1


def test_unknown_id_opens_a_prefilled_citizen_form(qtbot, ctx: AppContext, monkeypatch) -> None:
    screen = DrivesScreen(ctx)
    qtbot.addWidget(screen)
    drive = ctx.store.list_records("activation_drive", limit=1)[0]
    screen.open_record(drive.uuid)
    seen = {}

    def fake_exec(dialog) -> int:
        seen["sex"] = dialog.form.editors["sex"].raw()
        seen["birth_year"] = dialog.form.editors["birth_year"].raw()
        _type(dialog.form.editors["full_name"].edit, "Giàng A Páo")
        dialog.form.editors["village"].combo.setCurrentIndex(1)
        dialog.form.save()
        return dialog.result()

    from de06desk.ui.roster import FormDialog

    monkeypatch.setattr(FormDialog, "exec", fake_exec)
    screen.roster.id_input.setText("010 1 90 000777")
    screen.roster.add_from_input()
    assert seen == {"sex": "female", "birth_year": "1990"}
    citizen = ctx.store.list_records("citizen", where={"id_number": "010190000777"})[0]
    assert citizen["full_name"] == "Giàng A Páo"
    assert (
        ctx.store.count_records(
            "drive_roster", where={"drive": drive.uuid, "citizen": citizen.uuid}
        )
        == 1
    )


def test_one_click_activation_updates_the_roster_row(qtbot, ctx: AppContext, monkeypatch) -> None:
    panel = FollowUpPanel(ctx)
    qtbot.addWidget(panel)
    pending = pending_activations(ctx.store, date.today())
    assert panel.pending.rowCount() == len(pending) > 0
    target = pending[0]
    monkeypatch.setattr(
        FollowUpPanel, "ask_activation", lambda self, name, phone: ("0912345678", date.today())
    )
    panel.pending.selectRow(0)
    panel.activated_button.click()
    row = ctx.store.get_record("drive_roster", target.roster_uuid)
    assert row["status"] == "activated"
    assert row["phone"] == "0912345678" and row["activated_on"] == date.today()
    assert row["failure_reason"] is None
    assert panel.pending.rowCount() == len(pending) - 1


def test_closing_a_cleanup_case_as_corrected(qtbot, ctx: AppContext, monkeypatch) -> None:
    from PySide6.QtWidgets import QInputDialog

    panel = FollowUpPanel(ctx)
    qtbot.addWidget(panel)
    uuid = panel.cases.item(0, 0).data(Qt.ItemDataRole.UserRole)
    before = panel.cases.rowCount()
    monkeypatch.setattr(QInputDialog, "getText", lambda *a, **k: ("Sinh ngày 02/03/1980", True))
    panel.cases.selectRow(0)
    panel.corrected_button.click()
    case = ctx.store.get_record("cleanup_case", uuid)
    assert case["status"] == "corrected" and case["closed_on"] == date.today()
    assert case["corrected_value"] == "Sinh ngày 02/03/1980"
    assert panel.cases.rowCount() == before - 1


def test_delete_asks_then_leaves_a_tombstone(qtbot, ctx: AppContext, monkeypatch) -> None:
    screen = SupportScreen(ctx)
    qtbot.addWidget(screen)
    uuid = screen.list.model.row_uuid(0)
    monkeypatch.setattr(
        QMessageBox, "question", lambda *args, **kwargs: QMessageBox.StandardButton.No
    )
    screen.delete_record(uuid)
    assert ctx.store.get_record("support_session", uuid) is not None
    _yes(monkeypatch)
    screen.delete_record(uuid)
    assert ctx.store.get_record("support_session", uuid) is None
    tombstone = ctx.store.get_record("support_session", uuid, include_deleted=True)
    assert tombstone is not None and tombstone.deleted
    assert screen.list.model.row_of(uuid) == -1


def test_search_box_finds_names_without_diacritics(qtbot, ctx: AppContext, settings) -> None:
    window = MainWindow(ctx, settings)
    qtbot.addWidget(window)
    window.show_screen(2)
    citizens = window.current_screen().citizens
    citizens.list.search.setText("nguyen")
    citizens.list.apply_filters()  # what the debounce timer does a moment later
    model = citizens.list.model
    names = [model.data(model.index(r, 0)) for r in range(model.rowCount())]
    assert names and all(n.startswith("Nguyễn") or "Nguyễn" in n for n in names)
    citizens.list.search.setText("d")
    citizens.list.apply_filters()
    names = [model.data(model.index(r, 0)) for r in range(model.rowCount())]
    assert any("Đ" in n or "đ" in n for n in names)


def test_unsaved_changes_are_asked_about_when_leaving(
    qtbot, ctx: AppContext, settings, monkeypatch
) -> None:
    window = MainWindow(ctx, settings)
    qtbot.addWidget(window)
    window.show_screen(4)
    screen = window.current_screen()
    screen.new_record()
    _type(screen.form.editors["place"].edit, "Nhà văn hóa")
    assert screen.form.is_dirty
    monkeypatch.setattr(
        QMessageBox, "question", lambda *args, **kwargs: QMessageBox.StandardButton.Cancel
    )
    assert not window.show_screen(1)
    assert window.current_screen() is screen
    monkeypatch.setattr(
        QMessageBox, "question", lambda *args, **kwargs: QMessageBox.StandardButton.Discard
    )
    assert window.show_screen(1)


def test_all_eight_screens_open_and_language_switches(qtbot, ctx: AppContext, settings) -> None:
    window = MainWindow(ctx, settings)
    qtbot.addWidget(window)
    titles = [window.nav.item(i).text() for i in range(8)]
    assert titles[0] == "1. Tổng quan" and titles[7] == "8. Cài đặt"
    for i in range(8):
        assert window.show_screen(i)
        assert window.current_screen() is window.stack.currentWidget()
    assert [type(window.page(i)).__name__ for i in range(8)] == [
        "DashboardScreen",
        "DrivesScreen",
        "CitizensScreen",
        "CleanupScreen",
        "SupportScreen",
        "ReportsScreen",
        "SyncScreen",
        "SettingsScreen",
    ]

    window.show_screen(7)
    settings_screen = window.current_screen()
    settings_screen.language.combo.setCurrentIndex(1)
    settings_screen.language.apply()
    qtbot.waitUntil(lambda: window.nav.item(0).text() == "1. Overview")
    assert window.nav.item(1).text() == "2. Activation drives"
    assert settings.value("language") == "en"
    window.show_screen(1)
    drives = window.current_screen()
    assert drives.new_button.text() == "New (Ctrl+N)"
    assert drives.form._row_labels["place"].text() == "Place *"  # form labels from the forms
    assert drives.tabs.tabText(0) == "Drive details"
    window.set_language("vi")
    assert window.nav.item(0).text() == "1. Tổng quan"


def test_window_geometry_is_remembered(qtbot, ctx: AppContext, settings) -> None:
    window = MainWindow(ctx, settings)
    qtbot.addWidget(window)
    window.resize(701, 502)
    window.close()
    again = MainWindow(ctx, settings)
    qtbot.addWidget(again)
    assert (again.size().width(), again.size().height()) == (701, 502)
