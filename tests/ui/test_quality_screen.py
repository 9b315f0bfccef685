"""pytest-qt tests of the import dialog, the quality screen and the follow-up list dialog."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog, QPushButton

from de06desk.quality.checks import CHECKS
from de06desk.store import Store
from de06desk.store.users import create_user, list_users
from de06desk.ui.context import AppContext
from de06desk.ui.dialogs.citizen_import import CitizenImportDialog
from de06desk.ui.dialogs.field_list import FieldListDialog
from de06desk.ui.screens.quality import QualityScreen
from tests.quality.helpers import add_villages, write_xlsx
from tests.quality.test_checks import crafted  # noqa: F401  (fixture)


@pytest.fixture
def ctx(store: Store) -> AppContext:
    create_user(store, "canbo", "mat-khau-06", role="officer", display_name="Cán bộ", by="t")
    return AppContext(db_path=store.path, store=store, user=list_users(store)[0])


def test_import_dialog_from_file_to_undo(
    qtbot, ctx: AppContext, tmp_path: Path, monkeypatch
) -> None:  # type: ignore[no-untyped-def]
    add_villages(ctx.store, "Thôn Đông")
    path = write_xlsx(
        tmp_path / "ds.xlsx",
        [
            ["Họ và tên", "Số CCCD", "Ngày sinh", "Giới tính", "Thôn/Xóm"],
            ["Lò Thị Mới", "001190123456", "05/06/1990", "Nữ", "Đông"],
            ["Sai Số", "12AB", "1990", "Nam", "Đông"],
        ],
    )
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(path), ""))
    dialog = CitizenImportDialog(ctx)
    qtbot.addWidget(dialog)
    dialog.choose_file()
    qtbot.waitUntil(lambda: dialog.pages.currentIndex() == dialog.PAGE_MAPPING)
    assert dialog.field_combos["full_name"].currentText() == "Họ và tên"
    assert dialog.field_combos["village"].currentText() == "Thôn/Xóm"
    assert dialog.field_combos["phone"].currentData() is None
    assert dialog.mapping() == {
        "full_name": 0,
        "id_number": 1,
        "birth_date": 2,
        "sex": 3,
        "village": 4,
    }

    change_no = ctx.store.current_change_no()
    qtbot.mouseClick(dialog.preview_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.pages.currentIndex() == dialog.PAGE_PREVIEW)
    assert (
        "thêm mới 1" in dialog.summary_label.text()
        and "bị từ chối 1" in dialog.summary_label.text()
    )
    assert dialog.refusal_table.rowCount() == 1
    assert dialog.refusal_table.item(0, 0).text() == "3"
    assert ctx.store.current_change_no() == change_no, "preview must not write"

    refusals = tmp_path / "tu_choi.xlsx"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(refusals), ""))
    qtbot.mouseClick(dialog.save_refusals_button, Qt.MouseButton.LeftButton)
    assert refusals.exists()

    with qtbot.waitSignal(ctx.signals.data_changed, timeout=10_000):
        qtbot.mouseClick(dialog.apply_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.pages.currentIndex() == dialog.PAGE_RESULT)
    assert "thêm mới 1" in dialog.result_label.text()
    assert ctx.store.count_records("citizen") == 1

    qtbot.mouseClick(dialog.undo_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not dialog.undo_button.isEnabled())
    assert ctx.store.count_records("citizen") == 0
    assert "Đã hoàn tác" in dialog.result_label.text()


def test_import_dialog_offers_undo_of_the_last_import(
    qtbot, ctx: AppContext, tmp_path: Path, monkeypatch
) -> None:  # type: ignore[no-untyped-def]
    from de06desk.quality.citizen_import import apply_import, guess_mapping, plan_import, read_table

    add_villages(ctx.store, "Thôn Đông")
    path = write_xlsx(
        tmp_path / "ds.xlsx", [["Họ tên", "Năm sinh", "Thôn"], ["A Páo", 1970, "Đông"]]
    )
    table = read_table(path)
    apply_import(ctx.store, plan_import(ctx.store, table, guess_mapping(table.headers)), "canbo")
    dialog = CitizenImportDialog(ctx)
    qtbot.addWidget(dialog)
    assert dialog.undo_last_button.isEnabled()
    assert "ds.xlsx" in dialog.last_import_label.text()
    qtbot.mouseClick(dialog.undo_last_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not dialog.undo_last_button.isEnabled())
    assert ctx.store.count_records("citizen") == 0


def test_quality_screen_lists_filters_and_opens_cases(qtbot, ctx: AppContext, crafted) -> None:  # type: ignore[no-untyped-def]  # noqa: F811
    screen = QualityScreen(ctx)
    qtbot.addWidget(screen)
    screen.refresh()
    qtbot.waitUntil(lambda: not screen.busy and screen.model.total > 0)
    assert screen.model.rowCount() == screen.model.total
    assert screen.model.index(0, 1).data() == "Số định danh không hợp lệ"

    screen.criterion_filter.setCurrentIndex(screen.criterion_filter.findData("sach"))
    assert {screen.model.finding(r).criterion for r in range(screen.model.rowCount())} == {"sach"}
    screen.check_filter.setCurrentIndex(screen.check_filter.findData("phone_shared"))
    assert screen.model.rowCount() == 1
    screen.check_filter.setCurrentIndex(screen.check_filter.findData("id_mismatch"))
    assert screen.model.rowCount() == 0
    screen.criterion_filter.setCurrentIndex(0)
    assert screen.model.rowCount() == 1
    assert not screen.case_button.isEnabled()

    screen.table.selectRow(0)
    assert screen.case_button.isEnabled()
    with qtbot.waitSignal(ctx.signals.data_changed) as signal:
        qtbot.mouseClick(screen.case_button, Qt.MouseButton.LeftButton)
    assert signal.args == ["cleanup_case"]
    (case,) = ctx.store.list_records("cleanup_case")
    assert case["citizen"] == crafted["mismatch"] and case["source"] == "check"
    assert not screen.case_button.isEnabled()
    assert screen.model.index(0, 3).data().startswith("[Đã có hồ sơ làm sạch]")
    assert not screen.busy, "its own signal must not re-run the checks"
    assert len(CHECKS) == screen.check_filter.count() - 1


def test_field_list_dialog_needs_acknowledgement_then_exports(
    qtbot, ctx: AppContext, tmp_path: Path, monkeypatch
) -> None:  # type: ignore[no-untyped-def]
    add_villages(ctx.store, "Thôn Đông", "Bản Hầu Thào")
    dialog = FieldListDialog(ctx)
    qtbot.addWidget(dialog)
    assert [dialog.village_combo.itemText(i) for i in range(2)] == ["Bản Hầu Thào", "Thôn Đông"]
    assert not dialog.export_button.isEnabled()
    dialog.acknowledge.setChecked(True)
    assert dialog.export_button.isEnabled()
    dialog.format_combo.setCurrentIndex(dialog.format_combo.findData(".xlsx"))
    target = tmp_path / "theo_doi"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), ""))
    qtbot.mouseClick(dialog.export_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.exported is not None)
    assert dialog.exported.path == tmp_path / "theo_doi.xlsx" and dialog.exported.path.exists()
    row = ctx.store.conn.execute(
        "SELECT username FROM audit WHERE action = 'export_personal'"
    ).fetchone()
    assert row[0] == "canbo"


def test_import_dialog_one_village_for_all_and_the_mapping_remembered(
    qtbot, ctx: AppContext, tmp_path: Path, monkeypatch
) -> None:  # type: ignore[no-untyped-def]
    villages = add_villages(ctx.store, "Thôn Đông", "Thôn Tây")
    rows = [["Tên", "Năm"], ["Lò Thị Mới", "1990"]]
    path = write_xlsx(tmp_path / "ds.xlsx", rows)
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(path), ""))
    dialog = CitizenImportDialog(ctx)
    qtbot.addWidget(dialog)
    dialog.choose_file()
    qtbot.waitUntil(lambda: dialog.pages.currentIndex() == dialog.PAGE_MAPPING)
    assert dialog.mapping() == {}
    # The officer picks the columns and one village for every row, as a person would.
    dialog.field_combos["full_name"].setCurrentIndex(1)
    dialog.field_combos["birth_year"].setCurrentIndex(2)
    dialog.village_combo.setCurrentText("Thôn Tây")
    qtbot.mouseClick(dialog.preview_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.pages.currentIndex() == dialog.PAGE_PREVIEW)
    assert "thêm mới 1" in dialog.summary_label.text()
    with qtbot.waitSignal(ctx.signals.data_changed, timeout=10_000):
        qtbot.mouseClick(dialog.apply_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.pages.currentIndex() == dialog.PAGE_RESULT)
    (citizen,) = ctx.store.list_records("citizen")
    assert citizen["village"] == villages["Thôn Tây"]

    # Next week's file from the same source: the mapping comes back by itself.
    again = CitizenImportDialog(ctx)
    qtbot.addWidget(again)
    monkeypatch.setattr(
        QFileDialog,
        "getOpenFileName",
        lambda *a, **k: (str(write_xlsx(tmp_path / "ds2.xlsx", rows)), ""),
    )
    again.choose_file()
    qtbot.waitUntil(lambda: again.pages.currentIndex() == again.PAGE_MAPPING)
    assert again.mapping() == {"full_name": 0, "birth_year": 1}
    assert "theo lần nhập trước" in again.mapping_info.text()


def test_import_dialog_status_list(qtbot, ctx: AppContext, tmp_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    from tests.quality.helpers import add_citizen

    village = add_villages(ctx.store, "Thôn Đông")["Thôn Đông"]
    ctx.store.save_record("officer", {"full_name": "Hà Văn Cán"}, user="t")
    add_citizen(ctx.store, village, id_number="001080000001", phone="0912345671")
    path = write_xlsx(
        tmp_path / "tt.xlsx",
        [
            ["Số CCCD", "Trạng thái", "Ngày phê duyệt", "Đơn vị"],
            ["001080000001", "Đã phê duyệt, chưa kích hoạt", "05/11/2026", "CA"],
        ],
    )
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(path), ""))
    dialog = CitizenImportDialog(ctx)
    qtbot.addWidget(dialog)
    dialog.kind_combo.setCurrentIndex(dialog.kind_combo.findData("status"))
    dialog.choose_file()
    qtbot.waitUntil(lambda: dialog.pages.currentIndex() == dialog.PAGE_MAPPING)
    assert dialog.mapping() == {"id_number": 0, "status": 1, "approved_on": 2}
    assert not dialog.village_row.isVisibleTo(dialog)
    qtbot.mouseClick(dialog.preview_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.pages.currentIndex() == dialog.PAGE_PREVIEW)
    text = dialog.summary_label.text()
    assert "thay đổi 1 (đưa vào danh sách đợt 1" in text and "Cột không dùng: “Đơn vị”" in text
    with qtbot.waitSignal(ctx.signals.data_changed, timeout=10_000):
        qtbot.mouseClick(dialog.apply_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.pages.currentIndex() == dialog.PAGE_RESULT)
    (row,) = ctx.store.list_records("drive_roster")
    assert row["status"] == "approved"
    qtbot.mouseClick(dialog.undo_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not dialog.undo_button.isEnabled())
    assert ctx.store.count_records("drive_roster") == 0


def test_a_200000_row_list_is_read_with_progress_and_its_preview_can_be_cancelled(
    qtbot, ctx: AppContext, tmp_path: Path, monkeypatch
) -> None:  # type: ignore[no-untyped-def]
    add_villages(ctx.store, "Thôn Đông")
    path = tmp_path / "lon.csv"
    lines = ["Họ và tên,Năm sinh,Thôn"] + [f"Người {n},1980,Thôn Đông" for n in range(200_000)]
    path.write_text("\n".join(lines), encoding="utf-8")
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(path), ""))
    dialog = CitizenImportDialog(ctx)
    qtbot.addWidget(dialog)
    dialog.choose_file()
    assert dialog.task is not None and dialog.task.dialog is not None  # the progress dialog
    qtbot.waitUntil(lambda: dialog.pages.currentIndex() == dialog.PAGE_MAPPING, timeout=60_000)
    assert "200000 dòng dữ liệu" in dialog.mapping_info.text()

    change_no = ctx.store.current_change_no()
    qtbot.mouseClick(dialog.preview_button, Qt.MouseButton.LeftButton)
    task = dialog.task
    assert task is not None and task.dialog is not None
    (cancel,) = task.dialog.findChildren(QPushButton)
    assert cancel.text() == "Hủy"
    cancel.click()
    qtbot.waitUntil(lambda: task.worker.isFinished(), timeout=60_000)
    qtbot.wait(50)
    assert dialog.pages.currentIndex() == dialog.PAGE_MAPPING
    assert dialog.plan is None
    assert ctx.store.current_change_no() == change_no


def test_a_large_import_shows_its_progress_and_cancel_writes_nothing(
    qtbot, ctx: AppContext, tmp_path: Path, monkeypatch
) -> None:  # type: ignore[no-untyped-def]
    # Big enough that the write takes a while (several progress steps of 5,000 rows), small
    # enough to run in seconds; the 200,000-row run is in tests/bench (list_import).
    add_villages(ctx.store, "Thôn Đông")
    path = tmp_path / "lon.csv"
    lines = ["Họ và tên,Năm sinh,Giới tính,Thôn"] + [
        f"Người {n},{1950 + n % 60},{'Nam' if n % 2 else 'Nữ'},Thôn Đông" for n in range(40_000)
    ]
    path.write_text("\n".join(lines), encoding="utf-8")
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(path), ""))
    dialog = CitizenImportDialog(ctx)
    qtbot.addWidget(dialog)
    dialog.choose_file()
    qtbot.waitUntil(lambda: dialog.pages.currentIndex() == dialog.PAGE_MAPPING, timeout=60_000)
    qtbot.mouseClick(dialog.preview_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.pages.currentIndex() == dialog.PAGE_PREVIEW, timeout=60_000)
    assert "thêm mới 40000" in dialog.summary_label.text()

    change_no = ctx.store.current_change_no()
    qtbot.mouseClick(dialog.apply_button, Qt.MouseButton.LeftButton)
    task = dialog.task
    assert task is not None and task.dialog is not None
    assert not dialog.apply_button.isEnabled()
    # The bar moves as the records are written (20 % once the villages are done).
    qtbot.waitUntil(lambda: task.dialog is not None and task.dialog.value() >= 200)
    (cancel,) = task.dialog.findChildren(QPushButton)
    assert cancel.text() == "Hủy"
    cancel.click()
    qtbot.waitUntil(lambda: task.worker.isFinished(), timeout=60_000)
    qtbot.waitUntil(lambda: dialog.task is None)
    assert ctx.store.count_records("citizen", include_deleted=True) == 0
    assert ctx.store.current_change_no() == change_no
    assert dialog.pages.currentIndex() == dialog.PAGE_PREVIEW
    assert (
        "Đã hủy" in dialog.notes_label.text() and "không có dòng nào" in dialog.notes_label.text()
    )
    assert dialog.apply_button.isEnabled()  # the same preview can be written again
