"""The Báo cáo screen: period choice, preview from the summary, PDF and Excel files, Mở tệp."""

from __future__ import annotations

from pathlib import Path

import openpyxl
import pytest
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QFileDialog

from de06desk.domain.weeks import current_week, month_period, parse_week
from de06desk.reports.formats import format_cell
from de06desk.reports.summary import build_summary
from de06desk.reports.xlsx import FIRST_SHEET
from de06desk.store import Store
from de06desk.store.users import authenticate, create_user
from de06desk.sync import init_hub, public_key_file, trust_commune
from de06desk.ui.context import AppContext
from de06desk.ui.report_table import ReportTableView
from de06desk.ui.screens.reports import ReportsScreen, default_file_name
from tests.reports.samples import pdf_text

WEEK = parse_week("2026-W47")


def _idle(qtbot, screen: ReportsScreen) -> None:
    qtbot.waitUntil(lambda: screen.task is None, timeout=20_000)


def _save_as(monkeypatch: pytest.MonkeyPatch, path: Path, seen: list[str]) -> None:
    def fake(parent, title, suggested, file_filter):  # type: ignore[no-untyped-def]
        seen.append(suggested)
        return str(path), file_filter

    monkeypatch.setattr(QFileDialog, "getSaveFileName", fake)


def test_defaults_to_this_week_and_previews_the_summary(qtbot, ctx: AppContext) -> None:
    screen = ReportsScreen(ctx)
    qtbot.addWidget(screen)
    assert screen.period() == current_week()
    assert screen.period_label.text() == current_week().label("vi")
    _idle(qtbot, screen)
    screen.set_period(WEEK)
    assert screen.period_label.text() == "Tuần 47 (16/11/2026 – 22/11/2026)"
    screen.preview()
    _idle(qtbot, screen)
    expected = build_summary(ctx.store, WEEK)
    assert screen.summary == expected
    eid = expected.table("eid_by_village")
    widget = screen.findChild(ReportTableView, "eid_by_village")
    assert widget is not None and widget.model().rowCount() == len(eid.rows)
    for r, row in enumerate(eid.rows):
        for c, (value, kind) in enumerate(zip(row, eid.kinds, strict=True)):
            assert widget.report_model.text(r, c) == format_cell(value, kind)


def test_export_pdf_writes_the_report_and_opens_it(
    qtbot, ctx: AppContext, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    screen = ReportsScreen(ctx)
    qtbot.addWidget(screen)
    _idle(qtbot, screen)
    screen.set_period(WEEK)
    suggested: list[str] = []
    _save_as(monkeypatch, tmp_path / "BaoCao", suggested)  # the suffix is added
    assert not screen.open_button.isEnabled()
    screen.pdf_button.click()
    _idle(qtbot, screen)
    out = tmp_path / "BaoCao.pdf"
    assert Path(suggested[0]).name == "BaoCao_DeAn06_2026-W47.pdf"
    assert screen.last_file == out and out.exists()
    text = " ".join(pdf_text(out).split())
    summary = build_summary(ctx.store, WEEK)
    assert "BÁO CÁO" in text and "Kết quả thực hiện Đề án 06 tuần 47" in text
    for h in summary.headlines:
        assert f"{h.label} {format_cell(h.value, h.kind)}" in text
    assert str(out) in screen.status.text()
    opened: list[str] = []
    monkeypatch.setattr(QDesktopServices, "openUrl", lambda url: opened.append(url.toLocalFile()))
    assert screen.open_button.isEnabled()
    screen.open_button.click()
    assert opened == [str(out)]


def test_export_excel_for_a_month(
    qtbot, ctx: AppContext, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    screen = ReportsScreen(ctx)
    qtbot.addWidget(screen)
    _idle(qtbot, screen)
    screen.set_period(month_period(2026, 11))
    assert screen.day_to.isHidden()
    assert screen.period_label.text() == "Tháng 11/2026"
    suggested: list[str] = []
    _save_as(monkeypatch, tmp_path / "thang.xlsx", suggested)
    screen.xlsx_button.click()
    _idle(qtbot, screen)
    assert Path(suggested[0]).name == "BaoCao_DeAn06_2026-11.xlsx"
    book = openpyxl.load_workbook(tmp_path / "thang.xlsx")
    assert book.sheetnames[0] == FIRST_SHEET
    summary = build_summary(ctx.store, month_period(2026, 11))
    assert len(book.sheetnames) >= 1 + len(summary.tables())


def test_range_steps_and_a_reversed_range_disables_export(qtbot, ctx: AppContext) -> None:
    screen = ReportsScreen(ctx)
    qtbot.addWidget(screen)
    _idle(qtbot, screen)
    screen.set_period(WEEK)
    screen.back.click()
    assert screen.period() == parse_week("2026-W46")
    screen.forward.click()
    screen.forward.click()
    assert screen.period() == parse_week("2026-W48")
    screen.kind.setCurrentIndex(2)
    assert not screen.day_to.isHidden()
    screen.day_to.setDate(screen.day.date().addDays(-3))
    assert not screen.pdf_button.isEnabled()
    assert "đứng trước" in screen.period_label.text()


def test_file_names_for_each_period_kind() -> None:
    assert default_file_name(WEEK, None, ".pdf") == "BaoCao_DeAn06_2026-W47.pdf"
    assert default_file_name(month_period(2026, 1), "00008", ".xlsx") == (
        "BaoCao_DeAn06_2026-01_00008.xlsx"
    )


def test_at_a_hub_one_commune_can_be_chosen(qtbot, demo_path: Path, tmp_path: Path) -> None:
    hub = init_hub(tmp_path / "hub.db", unit_code="HN01", name="Công an Thành phố Hà Nội")
    with Store.open(demo_path) as commune:
        trust_commune(hub, public_key_file(commune), user="admin")
    create_user(hub, "admin", "mat-khau-06", role="admin", display_name="Quản trị", by="t")
    ctx = AppContext(hub.path, hub, authenticate(hub, "admin", "mat-khau-06"))
    try:
        screen = ReportsScreen(ctx)
        qtbot.addWidget(screen)
        _idle(qtbot, screen)
        assert screen.summary is not None and screen.summary.scope == "hub"
        assert screen.unit.count() == 2 and screen.unit.itemData(1) == "00004"
        screen.unit.setCurrentIndex(1)
        assert screen.unit_code() == "00004"
        assert default_file_name(WEEK, screen.unit_code(), ".pdf").endswith("_00004.pdf")
        screen.preview()
        _idle(qtbot, screen)
        assert screen.summary.scope == "commune" and screen.summary.unit_code == "00004"
    finally:
        hub.close()


def test_says_when_the_figures_are_out_of_date(qtbot, ctx: AppContext) -> None:
    screen = ReportsScreen(ctx)
    qtbot.addWidget(screen)
    _idle(qtbot, screen)
    assert screen.status.text() == ""
    ctx.signals.data_changed.emit("support_session")
    assert "Dữ liệu đã thay đổi" in screen.status.text()
    screen.preview()
    _idle(qtbot, screen)
    assert screen.status.text() == ""
