"""Generated forms: widgets per type, inline errors, Save only when valid, decoded ID numbers."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest

from de06desk.ui.context import AppContext
from de06desk.ui.editors import ChoiceEditor, DateEditor, LineEditor, MultiChoiceEditor
from de06desk.ui.record_form import RecordForm


def _type(widget, text: str) -> None:
    """Type text one character at a time (works for Vietnamese, unlike keyClicks)."""
    for ch in text:
        QTest.sendKeyEvent(
            QTest.KeyAction.Click, widget, Qt.Key.Key_unknown, ch, Qt.KeyboardModifier.NoModifier
        )


def test_every_field_of_the_form_gets_an_editor(qtbot, empty_ctx: AppContext) -> None:
    form = RecordForm(empty_ctx, "support_session")
    qtbot.addWidget(form)
    assert set(form.editors) == set(form.form.field_names)
    assert isinstance(form.editors["held_on"], DateEditor)
    assert isinstance(form.editors["support_types"], MultiChoiceEditor)
    assert isinstance(form.editors["public_service"], ChoiceEditor)
    assert isinstance(form.editors["citizens_helped"], LineEditor)


def test_invalid_id_and_phone_are_shown_and_save_is_disabled(qtbot, empty_ctx: AppContext) -> None:
    form = RecordForm(empty_ctx, "citizen")
    qtbot.addWidget(form)
    form.show()
    _type(form.editors["full_name"].edit, "Nguyễn Thị Hường")
    form.editors["village"].combo.setCurrentIndex(1)
    form.editors["birth_year"].edit.setText("1984")
    assert form.save_button.isEnabled()

    id_edit = form.editors["id_number"].edit
    qtbot.keyClicks(id_edit, "08718401234")  # 11 digits: the leading zero lost in Excel
    error = form._error_labels["id_number"]
    assert error.isVisible() and "12 chữ số" in error.text()
    assert not form.save_button.isEnabled()
    id_edit.setText("087184012345")
    assert not error.isVisible()
    hint = form._hint_labels["id_number"].text()
    assert hint == "Nữ, sinh năm 1984, đăng ký khai sinh tại Đồng Tháp"

    phone = form.editors["phone"].edit
    qtbot.keyClicks(phone, "0212345678")
    assert "máy bàn" in form._error_labels["phone"].text()
    assert not form.save_button.isEnabled()
    phone.setText("+84 912 345 678")
    assert form._hint_labels["phone"].text().endswith("0912345678")
    assert form.save_button.isEnabled()

    record = form.save()
    assert record is not None
    assert record["id_number"] == "087184012345" and record["phone"] == "0912345678"
    assert record["full_name"] == "Nguyễn Thị Hường"
    assert not form.is_dirty


def test_rule_messages_are_attached_to_their_fields(qtbot, empty_ctx: AppContext) -> None:
    form = RecordForm(empty_ctx, "activation_drive")
    qtbot.addWidget(form)
    form.show()
    form.editors["received_count"].edit.setText("3")
    form.editors["approved_count"].edit.setText("5")
    label = form._error_labels["approved_count"]
    assert label.isVisible()
    assert "không được lớn hơn số hồ sơ tiếp nhận" in label.text()
    assert not form.save_button.isEnabled()


def test_enter_moves_to_the_next_field(qtbot, empty_ctx: AppContext) -> None:
    form = RecordForm(empty_ctx, "village")
    qtbot.addWidget(form)
    form.show()
    form.activateWindow()
    name = form.editors["name"].edit
    name.setFocus()
    assert form.focusWidget() is name
    qtbot.keyClick(name, Qt.Key.Key_Return)
    assert form.focusWidget() is form.editors["population"].edit


def test_viewer_cannot_save(qtbot, empty_ctx: AppContext) -> None:
    from dataclasses import replace

    viewer = AppContext(empty_ctx.db_path, empty_ctx.store, replace(empty_ctx.user, role="viewer"))
    form = RecordForm(viewer, "village")
    qtbot.addWidget(form)
    form.editors["name"].edit.setText("Thôn Mới")
    assert form.save() is None
    assert empty_ctx.store.count_records("village") == 1
