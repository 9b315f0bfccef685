"""The keyboard of a tired officer: Enter, Tab and Ctrl+S with the cursor in a field."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QWidget

from de06desk.ui import record_form
from de06desk.ui.context import AppContext
from de06desk.ui.dialogs_common import Unsaved
from de06desk.ui.main_window import MainWindow
from de06desk.ui.record_form import RecordForm
from de06desk.ui.roster import FormDialog


@pytest.fixture(autouse=True)
def _no_unsaved_question(monkeypatch: pytest.MonkeyPatch) -> None:
    """A test that fails with unsaved edits must not wait on "Lưu / Không lưu" at teardown."""
    monkeypatch.setattr(record_form, "ask_unsaved", lambda parent: Unsaved.DISCARD)


def type_text(widget: QWidget, text: str) -> None:
    """Type text one character at a time (works for Vietnamese, unlike keyClicks)."""
    for ch in text:
        QTest.sendKeyEvent(
            QTest.KeyAction.Click, widget, Qt.Key.Key_unknown, ch, Qt.KeyboardModifier.NoModifier
        )


def press(key: Qt.Key, modifier: Qt.KeyboardModifier = Qt.KeyboardModifier.NoModifier) -> None:
    """Press a key where the keyboard focus is, as a person would."""
    widget = QApplication.focusWidget()
    assert widget is not None, "nothing has the keyboard focus"
    QTest.keyClick(widget, key, modifier)


def _show(qtbot, widget: QWidget) -> None:
    widget.show()
    widget.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is widget.window())


def test_enter_through_the_new_citizen_window_never_wipes_it(qtbot, empty_ctx: AppContext) -> None:
    dialog = FormDialog(empty_ctx, "citizen")
    qtbot.addWidget(dialog)
    dialog.form.new_record({"id_number": "001084012345"})
    _show(qtbot, dialog)
    form = dialog.form
    form.editors["full_name"].edit.setFocus()
    type_text(form.editors["full_name"].edit, "Lò Thị Dung")
    for _ in range(12):  # Enter after each field, right through the form
        press(Qt.Key.Key_Return)
        if QApplication.focusWidget() is form.editors["phone"].edit:
            type_text(form.editors["phone"].edit, "0912345678")
    assert dialog.isVisible()
    assert form.editors["full_name"].raw() == "Lò Thị Dung"
    assert form.editors["phone"].raw() == "0912345678"
    assert form.is_dirty


def test_enter_goes_past_an_optional_date(qtbot, empty_ctx: AppContext) -> None:
    form = RecordForm(empty_ctx, "citizen")
    qtbot.addWidget(form)
    _show(qtbot, form)
    form.editors["sex"].combo.setFocus()
    press(Qt.Key.Key_Return)  # onto the birth date's tick box
    press(Qt.Key.Key_Return)
    assert QApplication.focusWidget() is form.editors["birth_year"].edit


def test_one_tab_passes_a_date_field(qtbot, empty_ctx: AppContext) -> None:
    form = RecordForm(empty_ctx, "support_session")
    qtbot.addWidget(form)
    _show(qtbot, form)
    date_edit = form.editors["held_on"].edit
    date_edit.setFocus()
    press(Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is not date_edit
    assert not form.editors["held_on"].isAncestorOf(QApplication.focusWidget())


def test_ctrl_s_with_the_cursor_in_the_new_citizen_window_saves(
    qtbot, empty_ctx: AppContext
) -> None:
    dialog = FormDialog(empty_ctx, "citizen")
    qtbot.addWidget(dialog)
    village = empty_ctx.store.list_records("village")[0].uuid
    dialog.form.new_record({"village": village, "living_status": "living", "birth_year": 1990})
    _show(qtbot, dialog)
    name = dialog.form.editors["full_name"].edit
    name.setFocus()
    type_text(name, "Lò Thị Dung")
    assert dialog.form.errors == {}
    press(Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    assert dialog.record is not None and dialog.record["full_name"] == "Lò Thị Dung"


def _main_window(qtbot, ctx: AppContext, settings, screen: int) -> MainWindow:
    window = MainWindow(ctx, settings)
    qtbot.addWidget(window)
    _show(qtbot, window)
    window.show_screen(screen)
    return window


def test_ctrl_s_in_a_field_saves_a_drive(qtbot, empty_ctx: AppContext, settings) -> None:
    window = _main_window(qtbot, empty_ctx, settings, 1)
    form = window.current_screen().form
    for name in ("kind", "village", "officer"):
        form.editors[name].combo.setCurrentIndex(1)
    place = form.editors["place"].edit
    place.setFocus()
    type_text(place, "Nhà văn hóa thôn")
    press(Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    assert empty_ctx.store.count_records("activation_drive") == 1
    assert not form.is_dirty


def test_ctrl_s_in_a_field_saves_a_support_session(qtbot, empty_ctx: AppContext, settings) -> None:
    window = _main_window(qtbot, empty_ctx, settings, 4)
    form = window.current_screen().form
    form.editors["village"].combo.setCurrentIndex(1)
    form.editors["officer"].combo.setCurrentIndex(1)
    form.editors["support_types"].list.item(0).setCheckState(Qt.CheckState.Checked)
    helped = form.editors["citizens_helped"].edit
    helped.setFocus()
    QTest.keyClicks(helped, "7")
    form.editors["place"].edit.setText("Nhà văn hóa")
    assert form.errors == {}
    press(Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    assert empty_ctx.store.count_records("support_session") == 1


def test_ctrl_s_in_a_field_saves_a_cleanup_case(qtbot, empty_ctx: AppContext, settings) -> None:
    window = _main_window(qtbot, empty_ctx, settings, 3)
    form = window.current_screen().cases.form
    for name in ("village", "criterion", "error_type"):
        editor = form.editors[name]
        editor.combo.setCurrentIndex(1)
    description = form.editors["description"].edit
    description.setFocus()
    type_text(description, "Sai ngày sinh")
    press(Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    assert empty_ctx.store.count_records("cleanup_case") == 1


def test_an_optional_date_is_one_tab_stop_ticked_by_space(qtbot, empty_ctx: AppContext) -> None:
    form = RecordForm(empty_ctx, "citizen")
    qtbot.addWidget(form)
    _show(qtbot, form)
    editor = form.editors["birth_date"]
    form.editors["sex"].combo.setFocus()
    press(Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is editor.check  # blank: the tick box is the stop
    press(Qt.Key.Key_Space)
    assert QApplication.focusWidget() is editor.edit and editor.raw() is not None
    press(Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is form.editors["birth_year"].edit
    press(Qt.Key.Key_Backtab)
    assert QApplication.focusWidget() is editor.edit  # ticked: the date is the only stop
    press(Qt.Key.Key_Delete)
    assert editor.raw() is None and QApplication.focusWidget() is editor.check


def test_the_commune_code_cannot_be_changed_in_settings(
    qtbot, ctx: AppContext, settings, monkeypatch
) -> None:
    errors: list[str] = []
    monkeypatch.setattr(record_form, "show_error", lambda parent, exc: errors.append(str(exc)))
    window = _main_window(qtbot, ctx, settings, 7)
    profile = window.current_screen().profile
    code = profile.editors["commune_code"].edit
    before = code.text()
    assert before == ctx.store.unit_code and code.isReadOnly()
    assert "Cố định" in profile._hint_labels["commune_code"].text()
    code.setFocus()
    code.selectAll()
    QTest.keyClicks(code, "99999")
    assert code.text() == before
    # Even a value put there some other way is refused, not saved silently.
    code.setReadOnly(False)
    code.setText("99999")
    assert profile.save() is None
    assert errors and "cố định" in errors[0]
    stored = ctx.store.list_records("commune", limit=1)[0]
    assert stored["commune_code"] == ctx.store.unit_code
