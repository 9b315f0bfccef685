"""Record lists: Vietnamese name order, exact count, Excel export, "Đã lưu", undoing a delete."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtTest import QTest

from de06desk.ui import record_form
from de06desk.ui.context import AppContext
from de06desk.ui.dialogs_common import Unsaved
from de06desk.ui.screens.citizens import CitizenListScreen


@pytest.fixture(autouse=True)
def _no_unsaved_question(monkeypatch: pytest.MonkeyPatch) -> None:
    """A test leaving unsaved edits must not wait on "Lưu / Không lưu" at teardown."""
    monkeypatch.setattr(record_form, "ask_unsaved", lambda parent: Unsaved.DISCARD)


NAMES = ["Bùi A Huy", "Đặng Thị Ánh", "Bùi A Hùng", "Lò Văn An", "Sùng A Hùng", "Vàng Thị Ư"]


def _add_citizens(ctx: AppContext, names: list[str]) -> None:
    village = ctx.store.list_records("village")[0].uuid
    with ctx.store.transaction():
        for i, name in enumerate(names):
            ctx.store.save_record(
                "citizen",
                {
                    "full_name": name,
                    "birth_year": 1980 + i,
                    "village": village,
                    "living_status": "living",
                },
                user="admin",
            )


def _click_header(screen: CitizenListScreen, field: str) -> None:
    header = screen.list.view.horizontalHeader()
    section = screen.list.model.column_names().index(field)
    x = header.sectionViewportPosition(section) + header.sectionSize(section) // 2
    QTest.mouseClick(
        header.viewport(), Qt.MouseButton.LeftButton, pos=QPoint(x, header.height() // 2)
    )


def _column(screen: CitizenListScreen, field: str) -> list[str]:
    model = screen.list.model
    col = model.column_names().index(field)
    return [model.index(r, col).data() for r in range(model.rowCount())]


def test_clicking_the_name_header_sorts_the_vietnamese_way(qtbot, empty_ctx: AppContext) -> None:
    _add_citizens(empty_ctx, NAMES)
    screen = CitizenListScreen(empty_ctx)
    qtbot.addWidget(screen)
    screen.resize(1100, 600)
    screen.show()
    _click_header(screen, "full_name")
    assert _column(screen, "full_name") == [
        "Lò Văn An",
        "Đặng Thị Ánh",
        "Bùi A Hùng",
        "Sùng A Hùng",
        "Bùi A Huy",
        "Vàng Thị Ư",
    ]
    _click_header(screen, "full_name")  # again: the other way round
    assert _column(screen, "full_name")[0] == "Vàng Thị Ư"


def test_the_count_is_the_number_even_past_the_quick_count(
    qtbot, empty_ctx: AppContext, monkeypatch
) -> None:
    from de06desk.ui import record_screen

    # The quick count stops at COUNT_CAP (1,000); past it the number comes from a count in
    # the background. A cap of 4 takes the same path with six citizens.
    monkeypatch.setattr(record_screen, "COUNT_CAP", 4)
    _add_citizens(empty_ctx, NAMES)
    screen = CitizenListScreen(empty_ctx)
    qtbot.addWidget(screen)
    screen.show()
    qtbot.waitUntil(lambda: screen.list.count_label.text() == "6 bản ghi")
    screen.list.search.setText("hung")
    screen.list.apply_filters()
    qtbot.waitUntil(lambda: screen.list.count_label.text() == "2 bản ghi")


def test_saving_says_so(qtbot, empty_ctx: AppContext, settings) -> None:
    from tests.ui.test_keyboard import _main_window, press, type_text

    window = _main_window(qtbot, empty_ctx, settings, 7)  # Cài đặt › Thôn/Xóm
    screen = window.current_screen()
    screen.tabs.setCurrentWidget(screen.villages)
    name = screen.villages.form.editors["name"].edit
    name.setFocus()
    type_text(name, "Thôn Nà Lừa")
    press(Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    assert window.statusBar().currentMessage().startswith("Đã lưu “Thôn Nà Lừa” lúc ")
    assert screen.villages.form.problems.text().startswith("Đã lưu lúc ")
    type_text(name, "x")  # the next edit: the note goes
    assert not screen.villages.form.problems.text().startswith("Đã lưu")


def test_a_deletion_is_undone_from_the_deleted_view(
    qtbot, empty_ctx: AppContext, monkeypatch
) -> None:
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication, QTableWidget

    from de06desk.ui import record_screen

    _add_citizens(empty_ctx, ["Lò Thị Dung", "Bùi A Hùng"])
    monkeypatch.setattr(record_screen, "confirm", lambda parent, title, text: True)
    screen = CitizenListScreen(empty_ctx)
    qtbot.addWidget(screen)
    screen.show()
    screen.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is screen)
    screen.list.view.setFocus()
    screen.list.view.selectRow(0)
    QTest.keyClick(screen.list.view, Qt.Key.Key_Delete)
    assert _column(screen, "full_name") == ["Bùi A Hùng"]

    seen: dict[str, object] = {}

    def restore() -> None:
        dialog = QApplication.activeModalWidget()
        table = dialog.findChild(QTableWidget, "deleted")
        seen["rows"] = [
            (table.item(r, 0).text(), table.item(r, 2).text()) for r in range(table.rowCount())
        ]
        dialog.findChild(object, "restore").click()
        seen["after"] = table.rowCount()
        dialog.reject()

    QTimer.singleShot(0, restore)
    screen.deleted_button.click()
    assert seen == {"rows": [("Lò Thị Dung", "admin")], "after": 0}
    assert sorted(_column(screen, "full_name")) == ["Bùi A Hùng", "Lò Thị Dung"]
    assert screen.form.editors["full_name"].raw() == "Lò Thị Dung"  # shown again
    assert empty_ctx.store.count_records("citizen") == 2


def test_the_list_goes_to_excel_as_shown(
    qtbot, empty_ctx: AppContext, monkeypatch, tmp_path
) -> None:
    from openpyxl import load_workbook
    from PySide6.QtWidgets import QFileDialog

    _add_citizens(empty_ctx, [*NAMES, '=HYPERLINK("http://x","Hùng")'])
    out = tmp_path / "cong-dan"
    monkeypatch.setattr(
        QFileDialog, "getSaveFileName", lambda *a, **k: (str(out), "Tệp Excel (*.xlsx)")
    )
    screen = CitizenListScreen(empty_ctx)
    qtbot.addWidget(screen)
    screen.show()
    screen.list.search.setText("hung")  # the filter applied goes with the export
    screen.list.apply_filters()
    shown = _column(screen, "full_name")
    screen.export_button.click()
    qtbot.waitUntil(lambda: (tmp_path / "cong-dan.xlsx").exists(), timeout=20000)

    sheet = load_workbook(tmp_path / "cong-dan.xlsx").active
    rows = list(sheet.iter_rows(values_only=True))
    assert rows[0][0] == "Công dân"
    assert "tìm “hung”" in rows[1][0]
    assert list(rows[2]) == [
        screen.list.model.headerData(c, Qt.Orientation.Horizontal)
        for c in range(screen.list.model.columnCount())
    ]
    names = [r[0] for r in rows[3:]]
    assert names == shown and len(names) == 3
    # A name that looks like a formula stays text in Excel.
    cell = next(c for c in sheet["A"] if str(c.value).startswith("=HYPERLINK"))
    assert cell.data_type == "s"
    birth_years = [r[screen.list.model.column_names().index("birth_year")] for r in rows[3:]]
    assert all(isinstance(y, int) for y in birth_years)


def test_double_clicking_a_row_opens_its_record(qtbot, empty_ctx: AppContext) -> None:
    _add_citizens(empty_ctx, NAMES[:3])
    screen = CitizenListScreen(empty_ctx)
    qtbot.addWidget(screen)
    screen.resize(1100, 600)
    screen.show()
    view = screen.list.view
    rect = view.visualRect(screen.list.model.index(1, 0))
    # A double click is a click followed by a second press (Qt's item views need both).
    QTest.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    QTest.mouseDClick(view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert screen.form.uuid == screen.list.model.row_uuid(1)
