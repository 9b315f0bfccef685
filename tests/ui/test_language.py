"""Vietnamese everywhere in the Vietnamese UI, English complete in the English one (issue 18).

Found: Qt's own file dialog said "Look in / File name / Save" on Linux; the English dashboard
and report mixed "Tuần này compared with tuần trước"; the .qm was not shipped.
"""

from __future__ import annotations

import re

import pytest
from PySide6.QtWidgets import (
    QAbstractButton,
    QApplication,
    QFileDialog,
    QGroupBox,
    QHeaderView,
    QLabel,
)

from de06desk.domain.weeks import parse_week
from de06desk.ui import i18n
from de06desk.ui.context import AppContext
from de06desk.ui.screens import dashboard as dashboard_module
from de06desk.ui.screens.dashboard import DashboardScreen

DEMO_WEEK = parse_week("2026-W47")

ENGLISH = {
    "Look in:",
    "File name:",
    "Files of type:",
    "Save",
    "Open",
    "Cancel",
    "Name",
    "Size",
    "Type",
    "Date Modified",
    "All Files (*)",
}


def _texts(dialog: QFileDialog) -> set[str]:
    texts = {w.text().replace("&", "") for w in dialog.findChildren(QLabel)}
    texts |= {b.text().replace("&", "") for b in dialog.findChildren(QAbstractButton)}
    texts |= {b.toolTip() for b in dialog.findChildren(QAbstractButton)}
    for header in dialog.findChildren(QHeaderView):
        model = header.model()
        if model is not None:
            texts |= {
                str(model.headerData(c, header.orientation())) for c in range(model.columnCount())
            }
    return {t for t in texts if t}


def test_qt_file_dialog_speaks_vietnamese(qtbot, tmp_path) -> None:
    (tmp_path / "BaoCao.pdf").write_bytes(b"%PDF-1.4")
    dialog = QFileDialog(None, "Lưu báo cáo", str(tmp_path), "PDF (*.pdf)")
    dialog.setOption(QFileDialog.Option.DontUseNativeDialog)
    dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
    dialog.setViewMode(QFileDialog.ViewMode.Detail)
    qtbot.addWidget(dialog)
    dialog.show()
    QApplication.processEvents()
    texts = _texts(dialog)
    assert not texts & ENGLISH, texts & ENGLISH
    assert {"Tìm trong:", "Tên tệp:", "Loại tệp:", "Lưu", "Hủy", "Tên", "Kích thước"} <= texts
    dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptOpen)
    QApplication.processEvents()
    assert "Mở" in _texts(dialog)


VIETNAMESE = re.compile(
    "[àáạảãâầấậẩẫăằắặẳẵèéẹẻẽêềếệểễìíịỉĩòóọỏõôồốộổỗơờớợởỡùúụủũưừứựửữỳýỵỷỹđ]", re.IGNORECASE
)


def test_english_dashboard_has_no_vietnamese_words(
    qtbot, ctx: AppContext, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Found: "Tuần này compared with tuần trước" and Vietnamese tables in the English UI."""
    monkeypatch.setattr(dashboard_module, "current_week", lambda: DEMO_WEEK)
    i18n.apply_language("en")
    screen = DashboardScreen(ctx)
    qtbot.addWidget(screen)
    screen.show()
    qtbot.waitUntil(lambda: screen.summary is not None, timeout=20000)
    words: list[str] = [screen.as_of.text()]
    for card in screen.cards.values():
        words += [card.label.text(), card.previous.text()]
        if card.progress_text is not None:
            words.append(card.progress_text.text())
    for box in screen.body.findChildren(QGroupBox):
        words.append(box.title())
    for label in screen.body.findChildren(QLabel):
        words.append(label.text())
    for view in screen.tables.values():
        words += view.report_model.headers()
    places = {p for p, _ in screen.summary.activations_by_place}
    mixed = [w for w in words if VIETNAMESE.search(w) and not any(p in w for p in places)]
    assert mixed == []
    assert "This week compared with last week" in words
    assert re.fullmatch(r"Last week: [\d,]+", screen.cards["received"].previous.text())
    share = screen.cards["activated_share"].value.text()
    assert re.fullmatch(r"\d+\.\d%", share)  # English number format
    assert screen.compare_chart is not None and screen.compare_chart.number(1234.0) == "1,234"


def test_english_without_a_compiled_qm_reads_the_ts(
    qtbot, tmp_path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A checkout (or an install) without `make translations` still speaks English."""
    from PySide6.QtCore import QCoreApplication

    monkeypatch.setattr(i18n, "qm_dir_override", tmp_path)  # no .qm in it
    i18n.apply_language("en")
    assert QCoreApplication.translate("ReportsScreen", "Xem số liệu") == "Show figures"
    assert QCoreApplication.translate("DashboardScreen", "{now} so với {before}") == (
        "{now} compared with {before}"
    )


def test_qt_context_menu_words_are_vietnamese() -> None:
    from PySide6.QtCore import QCoreApplication

    for context, source, expected in (
        ("QScrollBar", "Scroll here", "Cuộn tới đây"),
        ("QScrollBar", "Page down", "Xuống một trang"),
        ("QAbstractSpinBox", "&Step up", "Tăng"),
        ("QAbstractSpinBox", "&Select All", "Chọn tất cả"),
        ("QPrintPreviewDialog", "Next page", "Trang sau"),
        ("QFileDialog", "File &name:", "Tên tệp:"),
    ):
        assert QCoreApplication.translate(context, source) == expected
