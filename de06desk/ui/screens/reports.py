"""Báo cáo: choose a period (and at a hub a commune), preview the figures, save PDF or Excel.

The preview and both files come from one `build_summary` call each, so what the officer reads
on screen is what gets printed. "In…" lays out the PDF and opens the system print dialog's
preview of exactly those pages (`ui.printing`).
"""

from __future__ import annotations

import shutil
import tempfile
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path

from PySide6.QtCore import QDir, Qt, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QFileDialog,
    QFrame,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from de06desk.domain.i18n import DomainError, current_language
from de06desk.domain.progress import CancelCheck, Cancelled, Progress
from de06desk.domain.weeks import Period, format_date, month_period, range_period, week_of
from de06desk.reports.formats import format_cell, period_words, report_language
from de06desk.reports.header import ReportHeader, report_header
from de06desk.reports.model import Summary
from de06desk.reports.summary import as_of_day, build_summary
from de06desk.sync import hub_status
from de06desk.sync.hub import commune_names

from .. import printing
from ..context import AppContext
from ..dates import to_date, to_qdate
from ..layouts import remove_widgets
from ..report_table import ReportTableView
from ..tasks import Task, run_task, show_error

KIND_WEEK, KIND_MONTH, KIND_RANGE = "week", "month", "range"


@dataclass(frozen=True)
class _Built:
    """What a background run hands back: the figures, and the file if one was written."""

    summary: Summary
    path: Path | None = None


def default_file_name(period: Period, unit_code: str | None, suffix: str) -> str:
    """ "BaoCao_DeAn06_2026-W47.pdf" (with the commune's code when a hub reports on one)."""
    key = period.iso_key().replace("..", "_")
    unit = f"_{unit_code}" if unit_code else ""
    return f"BaoCao_DeAn06_{key}{unit}{suffix}"


class ReportsScreen(QWidget):
    """The Báo cáo screen."""

    def __init__(self, ctx: AppContext) -> None:
        super().__init__()
        self.ctx = ctx
        self.is_hub = ctx.store.role == "hub"
        self.task: Task | None = None
        self.summary: Summary | None = None
        self.last_file: Path | None = None
        self._print_file: Path | None = None
        self.print_dialog: printing.PrintPreview | None = None
        layout = QVBoxLayout(self)
        layout.addWidget(self._choice_box())
        layout.addLayout(self._buttons())
        self.status = QLabel(self)
        self.status.setWordWrap(True)
        layout.addWidget(self.status)
        self.body = QWidget(self)
        self.body_layout = QVBoxLayout(self.body)
        scroll = QScrollArea(self)
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setWidget(self.body)
        layout.addWidget(scroll, 1)
        ctx.signals.data_changed.connect(self._data_changed)
        self._period_changed()
        self.preview()

    def _data_changed(self, _form: str) -> None:
        # The shown figures are kept (the officer may be comparing them); say they are old.
        if self.summary is not None:
            self.status.setText(
                self.tr("Dữ liệu đã thay đổi sau lần xem này; bấm “Xem số liệu” để cập nhật.")
            )

    # ---- building ----------------------------------------------------------------------

    def _choice_box(self) -> QGroupBox:
        box = QGroupBox(self.tr("Kỳ báo cáo"), self)
        row = QHBoxLayout(box)
        self.kind = QComboBox(box)
        self.kind.addItem(self.tr("Tuần"), KIND_WEEK)
        self.kind.addItem(self.tr("Tháng"), KIND_MONTH)
        self.kind.addItem(self.tr("Từ ngày – đến ngày"), KIND_RANGE)
        row.addWidget(self.kind)
        self.back = QPushButton("◀", box)
        self.back.setToolTip(self.tr("Kỳ trước"))
        self.back.setFixedWidth(32)
        row.addWidget(self.back)
        self.day = self._date_edit(box, date.today())
        self.day.setToolTip(self.tr("Chọn một ngày bất kỳ trong tuần hoặc tháng cần báo cáo"))
        row.addWidget(self.day)
        self.to_label = QLabel(self.tr("đến"), box)
        row.addWidget(self.to_label)
        self.day_to = self._date_edit(box, date.today())
        row.addWidget(self.day_to)
        self.forward = QPushButton("▶", box)
        self.forward.setToolTip(self.tr("Kỳ sau"))
        self.forward.setFixedWidth(32)
        row.addWidget(self.forward)
        self.period_label = QLabel(box)
        self.period_label.setStyleSheet("font-weight: bold;")
        row.addWidget(self.period_label, 1)
        self.unit = QComboBox(box)
        self.unit.addItem(self.tr("Toàn địa bàn"), None)
        if self.is_hub:
            names = commune_names(self.ctx.store)  # as Các xã names them
            for status in hub_status(self.ctx.store):
                code = status.unit_code
                self.unit.addItem(f"{code} – {names[code]}", code)
            row.addWidget(QLabel(self.tr("Đơn vị:"), box))
            row.addWidget(self.unit)
        else:
            self.unit.hide()
        self.kind.currentIndexChanged.connect(self._period_changed)
        self.day.dateChanged.connect(self._period_changed)
        self.day_to.dateChanged.connect(self._period_changed)
        self.back.clicked.connect(lambda: self._step(-1))
        self.forward.clicked.connect(lambda: self._step(1))
        return box

    def _date_edit(self, parent: QWidget, value: date) -> QDateEdit:
        edit = QDateEdit(to_qdate(value), parent)
        edit.setCalendarPopup(True)
        edit.setDisplayFormat("dd/MM/yyyy")
        return edit

    def _buttons(self) -> QHBoxLayout:
        row = QHBoxLayout()
        self.preview_button = QPushButton(self.tr("Xem số liệu"), self)
        self.preview_button.clicked.connect(self.preview)
        self.pdf_button = QPushButton(self.tr("Xuất PDF…"), self)
        self.pdf_button.clicked.connect(self.export_pdf)
        self.xlsx_button = QPushButton(self.tr("Xuất Excel…"), self)
        self.xlsx_button.clicked.connect(self.export_xlsx)
        self.print_button = QPushButton(self.tr("In…"), self)
        self.print_button.setObjectName("print_report")
        self.print_button.setToolTip(
            self.tr("Xem trước và in đúng các trang của báo cáo PDF (chọn máy in trong hộp thoại)")
        )
        self.print_button.clicked.connect(self.print_report)
        self.open_button = QPushButton(self.tr("Mở tệp"), self)
        self.open_button.setToolTip(self.tr("Mở tệp vừa ghi bằng chương trình của máy (để in)"))
        self.open_button.clicked.connect(self.open_file)
        self.open_button.setEnabled(False)
        for button in (
            self.preview_button,
            self.pdf_button,
            self.xlsx_button,
            self.print_button,
            self.open_button,
        ):
            row.addWidget(button)
        row.addStretch(1)
        return row

    # ---- the period --------------------------------------------------------------------

    def period(self) -> Period:
        """The period chosen on screen (`DomainError` for an end before the start)."""
        kind = self.kind.currentData()
        day = to_date(self.day.date())
        if kind == KIND_WEEK:
            return week_of(day)
        if kind == KIND_MONTH:
            return month_period(day.year, day.month)
        return range_period(day, to_date(self.day_to.date()))

    def set_period(self, period: Period) -> None:
        """Show `period` in the controls (its kind, start and end)."""
        kinds = {KIND_WEEK: 0, KIND_MONTH: 1, KIND_RANGE: 2}
        for widget in (self.kind, self.day, self.day_to):
            widget.blockSignals(True)
        self.kind.setCurrentIndex(kinds[period.kind])
        self.day.setDate(to_qdate(period.start))
        self.day_to.setDate(to_qdate(period.end))
        for widget in (self.kind, self.day, self.day_to):
            widget.blockSignals(False)
        self._period_changed()

    def unit_code(self) -> str | None:
        """The commune chosen at a hub, or None for the whole area (always None at a commune)."""
        return self.unit.currentData() if self.is_hub else None

    def show_unit(self, unit_code: str) -> None:
        """At a hub: choose this commune and show its figures for the chosen period."""
        index = self.unit.findData(unit_code)
        if index >= 0:
            self.unit.setCurrentIndex(index)
            self.preview()

    def _step(self, direction: int) -> None:
        try:
            period = self.period()
        except DomainError:
            return
        if direction < 0:
            self.set_period(period.previous())
        elif period.kind == KIND_RANGE:
            start = period.end + timedelta(days=1)
            self.set_period(range_period(start, start + timedelta(days=period.days - 1)))
        else:
            following = period.end + timedelta(days=1)
            self.set_period(
                week_of(following)
                if period.kind == KIND_WEEK
                else month_period(following.year, following.month)
            )

    def _period_changed(self) -> None:
        is_range = self.kind.currentData() == KIND_RANGE
        self.to_label.setVisible(is_range)
        self.day_to.setVisible(is_range)
        try:
            period = self.period()
            as_of_day(period)  # a period not begun yet has nothing to count: say so here
        except DomainError as exc:
            self.period_label.setText(str(exc))
            self.period_label.setStyleSheet("color: #b00020;")
            self._set_busy(False, valid=False)
            return
        self.period_label.setStyleSheet("font-weight: bold;")
        self.period_label.setText(period.label())
        self._set_busy(False)

    def _set_busy(self, busy: bool, *, valid: bool = True) -> None:
        for button in (self.preview_button, self.pdf_button, self.xlsx_button, self.print_button):
            button.setEnabled(valid and not busy)

    # ---- work --------------------------------------------------------------------------

    def _run(self, title: str, out: Path | None, write: str | None) -> None:
        """Build the summary in the background; write it as `write` ("pdf"/"xlsx") to `out`."""
        try:
            period = self.period()
        except DomainError as exc:
            show_error(self, exc)
            return
        unit = self.unit_code()
        ctx = self.ctx
        # The files are official Vietnamese documents; a preview reads in the interface's language.
        lang = current_language() if out is None else "vi"

        def work(progress: Progress, cancelled: CancelCheck) -> _Built:
            # A connection belongs to one thread: the worker opens its own.
            with ctx.open_store() as store:
                summary = build_summary(
                    store,
                    period,
                    unit,
                    lang=lang,
                    progress=lambda f, t: progress(f * 0.5, t),
                    cancelled=cancelled,
                )
                header = report_header(store, unit)
            if out is None or write is None:
                return _Built(summary)
            return _Built(summary, self._write(write, summary, header, out, progress, cancelled))

        self._set_busy(True)
        self.task = run_task(self, title, work, self._done, self._failed)

    @staticmethod
    def _write(
        kind: str,
        summary: Summary,
        header: ReportHeader,
        out: Path,
        progress: Progress,
        cancelled: CancelCheck,
    ) -> Path:
        def later(fraction: float, text: str = "") -> None:
            progress(0.5 + fraction * 0.5, text)

        # reportlab and openpyxl take a third of a second to import: the first export pays it,
        # not the start-up of every window (docs/BENCHMARKS.md, start-up).
        from de06desk.reports.pdf import render_pdf
        from de06desk.reports.xlsx import write_xlsx

        writer = render_pdf if kind == "pdf" else write_xlsx
        return writer(summary, header, out, progress=later, cancelled=cancelled)

    def _done(self, built: _Built) -> None:
        wanted = self.unit_code() or self.ctx.store.unit_code
        if built.path is None and built.summary.unit_code != wanted:
            return  # a preview of another unit, asked before the choice changed
        self.task = None
        self._set_busy(False)
        self.show_summary(built.summary)
        self.status.clear()  # fresh figures: no "data changed" notice
        if built.path is not None and built.path == self._print_file:
            self._print_file = None
            self.show_print_preview(built.path)
        elif built.path is not None:
            self.last_file = built.path
            self.open_button.setEnabled(True)
            self.status.setText(self.tr("Đã ghi {p}.").replace("{p}", str(built.path)))

    def _failed(self, exc: BaseException) -> None:
        self.task = None
        self._set_busy(False)
        if not isinstance(exc, Cancelled):
            show_error(self, exc)

    def preview(self) -> None:
        """Recompute the figures for the chosen period and show them."""
        self._run(self.tr("Đang tổng hợp số liệu"), None, None)

    def export_pdf(self) -> None:
        """Ask where to save, then write the PDF report in the background."""
        self._export(".pdf", self.tr("PDF (*.pdf)"), "pdf")

    def export_xlsx(self) -> None:
        """Ask where to save, then write the Excel workbook in the background."""
        self._export(".xlsx", self.tr("Excel (*.xlsx)"), "xlsx")

    def _export(self, suffix: str, file_filter: str, kind: str) -> None:
        try:
            period = self.period()
        except DomainError as exc:
            show_error(self, exc)
            return
        folder = self.last_file.parent if self.last_file else Path(QDir.homePath())
        suggested = folder / default_file_name(period, self.unit_code(), suffix)
        path, _ = QFileDialog.getSaveFileName(
            self, self.tr("Lưu báo cáo"), str(suggested), file_filter
        )
        if not path:
            return
        out = Path(path)
        if out.suffix.lower() != suffix:
            out = out.with_name(out.name + suffix)
        self._run(self.tr("Đang xuất báo cáo"), out, kind)

    def print_report(self) -> None:
        """Lay the report out as its PDF, then open the print dialog's preview of those pages."""
        try:
            period = self.period()
        except DomainError as exc:
            show_error(self, exc)
            return
        folder = Path(tempfile.mkdtemp(prefix="de06desk-in-"))
        self._print_file = folder / default_file_name(period, self.unit_code(), ".pdf")
        self._run(self.tr("Đang chuẩn bị bản in"), self._print_file, "pdf")

    def show_print_preview(self, pdf: Path) -> None:
        """The system print dialog's preview of `pdf`; the temporary file goes afterwards."""
        try:
            dialog = printing.PrintPreview(pdf, pdf.stem, self)
            self.print_dialog = dialog
            dialog.exec()
        finally:
            self.print_dialog = None
            shutil.rmtree(pdf.parent, ignore_errors=True)

    def open_file(self) -> None:
        """Open the file just written with the system's viewer (from which it can be printed)."""
        if self.last_file is not None:
            QDesktopServices.openUrl(QUrl.fromLocalFile(str(self.last_file)))

    # ---- showing -----------------------------------------------------------------------

    def show_summary(self, summary: Summary) -> None:
        """Replace the preview with this summary's headline figures and tables."""
        with report_language(summary.lang):
            self._lay_out(summary)

    def _lay_out(self, summary: Summary) -> None:
        self.summary = summary
        remove_widgets(self.body_layout)
        title = QLabel(f"{summary.unit_name} — {summary.period.label(summary.lang)}", self.body)
        title.setStyleSheet("font-size: 15px; font-weight: bold;")
        self.body_layout.addWidget(title)
        self.as_of = QLabel(
            self.tr("Số liệu tính đến hết ngày {d}").replace(
                "{d}", format_date(summary.counted_to)
            ),
            self.body,
        )
        self.body_layout.addWidget(self.as_of)
        if summary.headlines:
            self.body_layout.addWidget(self._headlines(summary))
        if not summary.sections:
            self.body_layout.addWidget(QLabel(self.tr("Không có số liệu trong kỳ."), self.body))
        number = 1
        for section in summary.sections:
            heading = QLabel(f"{section.number}. {section.title}", self.body)
            heading.setStyleSheet("font-weight: bold; margin-top: 8px;")
            self.body_layout.addWidget(heading)
            for text in section.paragraphs:
                paragraph = QLabel(text, self.body)
                paragraph.setWordWrap(True)
                self.body_layout.addWidget(paragraph)
            for table in section.tables:
                caption = self.tr("Bảng {n}. {title}").replace("{n}", str(number))
                self.body_layout.addWidget(
                    QLabel(caption.replace("{title}", table.title), self.body)
                )
                self.body_layout.addWidget(ReportTableView(table, self.body, max_rows=15))
                number += 1
        self.body_layout.addStretch(1)

    def _headlines(self, summary: Summary) -> QGroupBox:
        box = QGroupBox(self.tr("Chỉ số chính"), self.body)
        grid = QGridLayout(box)
        # The summary's own words ("Tuần trước", "Tháng trước"), like the PDF's columns.
        previous_word = period_words(summary.period)[1]
        for i, h in enumerate(summary.headlines):
            value = QLabel(format_cell(h.value, h.kind), box)
            value.setStyleSheet("font-size: 18px; font-weight: bold;")
            value.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            before = f"{previous_word.lower()}: {format_cell(h.previous, h.kind)}"
            if h.target is not None:
                before += " · " + self.tr("chỉ tiêu: {v}").replace(
                    "{v}", format_cell(h.target, "int")
                )
            grid.addWidget(QLabel(h.label, box), i, 0)
            grid.addWidget(value, i, 1)
            grid.addWidget(QLabel(before, box), i, 2)
        grid.setColumnStretch(2, 1)
        return box
