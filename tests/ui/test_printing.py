"""Printing (issue 18): "In…" opens the system print dialog with a preview of the same pages as
the PDF; printing goes through QPrinter (tested offscreen by printing to a PDF file).

Found: no Print — only "save PDF, then open it" on the Báo cáo screen and the follow-up lists.
"""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtPrintSupport import QPrinter, QPrintPreviewWidget
from PySide6.QtWidgets import QApplication, QMessageBox

from de06desk.domain.weeks import parse_week
from de06desk.store.audit_queries import AuditFilter, query_audit
from de06desk.ui import printing
from de06desk.ui.context import AppContext
from de06desk.ui.followup import FollowUpPanel
from de06desk.ui.screens.reports import ReportsScreen
from tests.reports.samples import pdf_pages, pdf_text

WEEK = parse_week("2026-W47")


class Printed:
    """What the print dialog showed and what "In" sent to the (PDF file) printer."""

    def __init__(self) -> None:
        self.source_pages = 0
        self.preview_pages = 0
        self.source_text = ""
        self.landscape = False
        self.out: Path | None = None


@pytest.fixture
def printed(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> Printed:
    """The dialog opens (not modal, offscreen), its preview is counted, then it prints to PDF."""
    seen = Printed()

    def exec_(dialog: printing.PrintPreview) -> int:
        seen.source_pages = pdf_pages(dialog.pdf)
        seen.source_text = pdf_text(dialog.pdf)
        dialog.show()
        preview = dialog.findChild(QPrintPreviewWidget)
        preview.updatePreview()
        QApplication.processEvents()
        seen.preview_pages = preview.pageCount()
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        printing.prepare_printer(printer, dialog.pdf)
        seen.landscape = printer.pageLayout().orientation().name == "Landscape"
        printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
        seen.out = tmp_path / "printed.pdf"
        printer.setOutputFileName(str(seen.out))
        dialog.paint(printer)
        dialog.close()
        return 1

    monkeypatch.setattr(printing.PrintPreview, "exec", exec_)
    return seen


def _ink(path: Path, page: int) -> float:
    """Share of non-white pixels on a page rendered by poppler (a blank page is 0)."""
    pgm = subprocess.run(
        ["pdftoppm", "-r", "20", "-gray", "-f", str(page), "-l", str(page), str(path)],
        check=True,
        capture_output=True,
    ).stdout
    body = pgm.split(b"\n", 3)[3]
    return sum(1 for b in body if b < 200) / len(body)


def test_print_on_the_reports_screen_previews_and_prints_the_pdfs_pages(
    qtbot, ctx: AppContext, printed: Printed
) -> None:
    screen = ReportsScreen(ctx)
    qtbot.addWidget(screen)
    qtbot.waitUntil(lambda: screen.task is None, timeout=20_000)
    screen.set_period(WEEK)
    qtbot.mouseClick(screen.print_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: printed.out is not None, timeout=30_000)
    assert "BÁO CÁO" in printed.source_text and "Biểu đồ 3." in printed.source_text
    assert printed.preview_pages == printed.source_pages >= 3
    assert pdf_pages(printed.out) == printed.source_pages
    assert all(_ink(printed.out, p) > 0.005 for p in range(1, printed.source_pages + 1))
    assert screen.print_dialog is None  # closed, and its temporary PDF removed
    assert screen.last_file is None  # nothing was "saved" by printing


def test_print_on_the_follow_up_list_previews_the_villages_sheet(
    qtbot, ctx: AppContext, printed: Printed, monkeypatch: pytest.MonkeyPatch
) -> None:
    panel = FollowUpPanel(ctx)
    qtbot.addWidget(panel)
    told: list[str] = []
    monkeypatch.setattr(QMessageBox, "information", lambda *a: told.append(a[2]))
    qtbot.mouseClick(panel.print_button, Qt.MouseButton.LeftButton)
    assert told and "thôn" in told[0] and printed.out is None  # which village, first
    panel.village.setCurrentIndex(1)
    qtbot.mouseClick(panel.print_button, Qt.MouseButton.LeftButton)
    assert printed.out is not None
    assert "DANH SÁCH CÔNG DÂN CẦN THEO DÕI" in printed.source_text
    assert printed.landscape  # the sheet is A4 landscape, and so is the paper
    assert printed.preview_pages == printed.source_pages == pdf_pages(printed.out)
    # Personal data went to paper: audited like an export, as a print.
    entry = query_audit(ctx.store, AuditFilter(action="export_personal"))[0]
    assert '"format": "print"' in (entry.detail or "")


def test_the_print_preview_speaks_vietnamese(qtbot, tmp_path: Path) -> None:
    from PySide6.QtGui import QAction

    from de06desk.reports.pdf import render_pdf
    from tests.reports.samples import make_header, make_summary

    pdf = render_pdf(make_summary(), make_header(), tmp_path / "r.pdf")
    dialog = printing.PrintPreview(pdf, "Báo cáo", None)
    qtbot.addWidget(dialog)
    dialog.show()
    texts = {a.text() for a in dialog.findChildren(QAction) if a.text()}
    assert {"In", "Trang sau", "Trang trước", "Phóng to", "Khổ dọc", "Khổ ngang"} <= texts
    assert not texts & {"Print", "Next page", "Previous page", "Zoom in", "Page setup"}
