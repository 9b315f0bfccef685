"""Printing: a PDF we made, with the system's print dialog previewing the very same pages; and
short HTML pages (the hub's fingerprint sheet and reminders) laid out by Qt itself.

The weekly report and the follow-up lists are laid out once, as PDF (reportlab). To print,
each PDF page is rendered to an image by PDFium (pypdfium2: wheels for Windows and Linux
carry the library; PySide6-Essentials has no QtPdf) and painted onto the QPrinter page by
page, so the paper, the preview and the saved file cannot differ. Pages are rendered one at a
time at the printer's resolution (capped), so a long list does not hold every page in memory.
"""

from __future__ import annotations

import html
from collections.abc import Sequence
from pathlib import Path

import pypdfium2 as pdfium
from PySide6.QtCore import QMarginsF, QRectF, QSizeF, Qt
from PySide6.QtGui import QImage, QPageLayout, QPageSize, QPainter, QTextDocument
from PySide6.QtPrintSupport import QPrinter, QPrintPreviewDialog
from PySide6.QtWidgets import QWidget

# Sharp enough for 11-point text and thin table rules; 300 dpi pages would take ~25 MB each.
MAX_DPI = 200


def page_count(pdf: Path) -> int:
    """How many pages the PDF has."""
    document = pdfium.PdfDocument(str(pdf))
    try:
        return len(document)
    finally:
        document.close()


def page_image(document: pdfium.PdfDocument, index: int, dpi: float) -> QImage:
    """Page `index` as an RGB image at `dpi` (a copy Qt owns)."""
    page = document[index]
    try:
        bitmap = page.render(scale=dpi / 72, rev_byteorder=True)
        image = QImage(
            bitmap.buffer,
            bitmap.width,
            bitmap.height,
            bitmap.stride,
            QImage.Format.Format_RGB888
            if bitmap.n_channels == 3
            else QImage.Format.Format_RGBA8888,
        )
        return image.copy()
    finally:
        page.close()


def _layout_for(document: pdfium.PdfDocument) -> QPageLayout:
    """The page size and orientation of the PDF's first page, no margins (the PDF has its own)."""
    width, height = document[0].get_size()  # points
    landscape = width > height
    # QPageSize is always portrait; the layout's orientation turns it.
    portrait = QSizeF(min(width, height), max(width, height))
    size = QPageSize(portrait, QPageSize.Unit.Point, "", QPageSize.SizeMatchPolicy.FuzzyMatch)
    orientation = (
        QPageLayout.Orientation.Landscape if landscape else QPageLayout.Orientation.Portrait
    )
    return QPageLayout(size, orientation, QMarginsF(0, 0, 0, 0))


def prepare_printer(printer: QPrinter, pdf: Path) -> None:
    """Set the printer to the PDF's paper size and orientation, printing to the paper's edge."""
    document = pdfium.PdfDocument(str(pdf))
    try:
        printer.setFullPage(True)
        printer.setPageLayout(_layout_for(document))
    finally:
        document.close()


def print_pdf(printer: QPrinter, pdf: Path) -> int:
    """Paint every page of `pdf` onto `printer` (honouring a chosen page range); returns pages.

    Each image fills the printable page keeping its proportions, centred.
    """
    document = pdfium.PdfDocument(str(pdf))
    try:
        total = len(document)
        # A page range chosen in the dialog (0 = none chosen: every page).
        first, last = printer.fromPage(), printer.toPage()
        pages = range(first - 1, min(total, last)) if first else range(total)
        dpi = min(float(printer.resolution()), MAX_DPI)
        painter = QPainter()
        if not painter.begin(printer):
            return 0
        try:
            for n, index in enumerate(pages):
                if n:
                    printer.newPage()
                image = page_image(document, index, dpi)
                target = QRectF(painter.viewport())
                scaled = QSizeF(image.size()).scaled(
                    target.size(), Qt.AspectRatioMode.KeepAspectRatio
                )
                rect = QRectF(
                    target.left() + (target.width() - scaled.width()) / 2,
                    target.top() + (target.height() - scaled.height()) / 2,
                    scaled.width(),
                    scaled.height(),
                )
                painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
                painter.drawImage(rect, image)
        finally:
            painter.end()
        return len(pages)
    finally:
        document.close()


class PrintPreview(QPrintPreviewDialog):
    """The print dialog's preview of a PDF; "In" in it sends the same pages to the printer."""

    def __init__(self, pdf: Path, title: str, parent: QWidget | None = None) -> None:
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        printer.setDocName(title)
        prepare_printer(printer, pdf)
        super().__init__(printer, parent)
        self._printer = printer  # the dialog does not own it
        self.pdf = pdf
        self.setWindowTitle(title)
        self.paintRequested.connect(self.paint)

    def paint(self, printer: QPrinter) -> None:
        """Draw the PDF's pages on `printer` (the preview's or the real one)."""
        print_pdf(printer, self.pdf)


def html_table(headers: Sequence[str], rows: Sequence[Sequence[str]]) -> str:
    """A bordered HTML table for a printed page, every cell escaped."""
    head = "".join(f"<th>{html.escape(h)}</th>" for h in headers)
    body = "".join(
        "<tr>" + "".join(f"<td>{html.escape(c)}</td>" for c in row) + "</tr>" for row in rows
    )
    return f"<table border='1' cellpadding='4' cellspacing='0'><tr>{head}</tr>{body}</table>"


def print_html(parent: QWidget, title: str, text: str) -> QPrintPreviewDialog:
    """The print dialog's preview of an HTML page (the printer's PDF option saves it)."""
    document = QTextDocument(parent)
    document.setHtml(text)
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setDocName(title)
    dialog = QPrintPreviewDialog(printer, parent)
    dialog.setWindowTitle(title)
    dialog.paintRequested.connect(document.print_)
    dialog.open()
    return dialog
