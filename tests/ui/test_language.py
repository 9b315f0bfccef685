"""Vietnamese everywhere in the Vietnamese UI, English complete in the English one (issue 18).

Found: Qt's own file dialog said "Look in / File name / Save" on Linux; the English dashboard
and report mixed "Tuần này compared with tuần trước"; the .qm was not shipped.
"""

from __future__ import annotations

from PySide6.QtWidgets import (
    QAbstractButton,
    QApplication,
    QFileDialog,
    QHeaderView,
    QLabel,
)

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
