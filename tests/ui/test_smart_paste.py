"""A spreadsheet row pasted into a form splits into its fields after a preview, or is refused."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QGuiApplication
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QPushButton, QTableWidget

from de06desk.ui import record_form
from de06desk.ui.context import AppContext
from de06desk.ui.dialogs_common import Unsaved
from de06desk.ui.record_form import RecordForm

ROW = "Lò Thị Dung\t084190012345\tNữ\t12/05/1990"


@pytest.fixture(autouse=True)
def _no_unsaved_question(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(record_form, "ask_unsaved", lambda parent: Unsaved.DISCARD)


def _citizen_form(qtbot, ctx: AppContext) -> RecordForm:
    form = RecordForm(ctx, "citizen")
    qtbot.addWidget(form)
    form.show()
    form.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is form)
    return form


def _paste_into(widget, text: str, answer: str | None) -> dict[str, object]:
    """Copy `text`, press Ctrl+V in `widget`; then read the preview and press `answer`."""
    seen: dict[str, object] = {}

    def respond() -> None:
        dialog = QApplication.activeModalWidget()
        seen["dialog"] = dialog is not None
        if dialog is None:
            return
        seen["message"] = dialog.findChild(object, "paste_message").text()
        table = dialog.findChild(QTableWidget, "paste_preview")
        seen["rows"] = [
            tuple(table.item(r, c).text() for c in range(3)) for r in range(table.rowCount())
        ]
        for button in dialog.findChildren(QPushButton):
            seen.setdefault("buttons", []).append(button.text())  # type: ignore[union-attr]
            if button.text() == answer:
                button.click()
                return
        dialog.reject()

    QGuiApplication.clipboard().setText(text)
    widget.setFocus()
    QTimer.singleShot(0, respond)
    QTest.keyClick(widget, Qt.Key.Key_V, Qt.KeyboardModifier.ControlModifier)
    QApplication.processEvents()  # no preview opened: let `respond` see that
    return seen


def test_a_pasted_excel_row_fills_its_fields_after_a_preview(qtbot, empty_ctx: AppContext) -> None:
    form = _citizen_form(qtbot, empty_ctx)
    seen = _paste_into(form.editors["full_name"].edit, ROW, "Điền vào biểu mẫu")
    assert seen["rows"] == [
        ("Họ và tên", "Lò Thị Dung", "đúng"),
        ("Số định danh cá nhân (CCCD)", "084190012345", "đúng"),
        ("Giới tính", "Nữ", "đúng"),
        ("Ngày sinh", "12/05/1990", "đúng"),
    ]
    assert form.editors["full_name"].raw() == "Lò Thị Dung"
    assert form.editors["id_number"].raw() == "084190012345"
    assert form.editors["sex"].raw() == "female"
    assert form.editors["birth_date"].raw() == date(1990, 5, 12)
    form.editors["village"].combo.setCurrentIndex(1)
    record = form.save()
    assert record is not None and record["full_name"] == "Lò Thị Dung"


def test_cancelling_the_preview_changes_nothing(qtbot, empty_ctx: AppContext) -> None:
    form = _citizen_form(qtbot, empty_ctx)
    seen = _paste_into(form.editors["full_name"].edit, ROW, "Hủy")
    assert seen["dialog"]
    assert form.editors["full_name"].raw() == "" and not form.is_dirty


def test_a_row_that_does_not_fit_is_refused_with_the_reason(qtbot, empty_ctx: AppContext) -> None:
    form = _citizen_form(qtbot, empty_ctx)
    # Columns in another order: the name lands in the ID-number field.
    seen = _paste_into(form.editors["full_name"].edit, "084190012345\tLò Thị Dung", None)
    assert "Biểu mẫu chưa thay đổi" in str(seen["message"])
    assert "Điền vào biểu mẫu" not in seen["buttons"]  # type: ignore[operator]
    assert form.editors["full_name"].raw() == "" and form.editors["id_number"].raw() == ""


def test_several_rows_or_too_many_cells_are_refused(qtbot, empty_ctx: AppContext) -> None:
    form = _citizen_form(qtbot, empty_ctx)
    seen = _paste_into(form.editors["full_name"].edit, ROW + "\n" + ROW, None)
    assert "Chỉ dán được một dòng" in str(seen["message"])
    religion = form.editors["religion"].edit  # three fields from here to the end
    seen = _paste_into(religion, ROW, None)
    assert "có 4 ô nhưng từ ô này chỉ còn 3 ô" in str(seen["message"])
    assert religion.text() == "" and form.editors["full_name"].raw() == ""


def test_a_plain_paste_still_works(qtbot, empty_ctx: AppContext) -> None:
    form = _citizen_form(qtbot, empty_ctx)
    seen = _paste_into(form.editors["full_name"].edit, "Lò Thị Dung\n", None)
    assert not seen["dialog"]
    assert form.editors["full_name"].raw() == "Lò Thị Dung"


def test_cells_pasted_past_ctrl_v_are_never_saved_as_a_name(qtbot, empty_ctx: AppContext) -> None:
    form = _citizen_form(qtbot, empty_ctx)
    form.editors["full_name"].edit.insert(ROW)  # what the right-click menu's Dán does
    form.editors["village"].combo.setCurrentIndex(1)
    form.editors["birth_year"].edit.setText("1990")
    assert form.save() is None
    assert "Tab" in form._error_labels["full_name"].text()
    assert empty_ctx.store.count_records("citizen") == 0
