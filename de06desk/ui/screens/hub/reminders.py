"""Nhắc việc: the communes to call this week, to print or save as Excel."""

from __future__ import annotations

import html
from pathlib import Path

from PySide6.QtCore import QDir
from PySide6.QtPrintSupport import QPrintPreviewDialog
from PySide6.QtWidgets import (
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTableWidget,
    QVBoxLayout,
    QWidget,
)

from de06desk.domain.i18n import DomainError, current_language
from de06desk.domain.progress import CancelCheck, Cancelled, Progress
from de06desk.domain.weeks import current_week
from de06desk.reports.communes import CommuneRow, Reminders, commune_rows, reminders
from de06desk.reports.summary import build_summary
from de06desk.sync.keys import unit_name

from ... import printing
from ...context import AppContext
from ...tasks import Task, run_task, show_error
from .common import HubWords, cell, missing_text, read_only_table


class RemindersScreen(QWidget):
    """Nhắc việc: the communes to call this week — silent, missing packages, behind target —
    to print or save as Excel, as the follow-up list does for citizens."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.words = HubWords(self)
        self.task: Task | None = None
        self.list: Reminders | None = None
        self.print_dialog: QPrintPreviewDialog | None = None
        self._stale = True
        layout = QVBoxLayout(self)
        row = QHBoxLayout()
        self.title = QLabel(self)
        self.title.setStyleSheet("font-weight: bold;")
        row.addWidget(self.title, 1)
        self.print_button = QPushButton(self.tr("In…"), self)
        self.print_button.setObjectName("print_reminders")
        self.print_button.clicked.connect(self.print_list)
        self.excel_button = QPushButton(self.tr("Xuất Excel…"), self)
        self.excel_button.setObjectName("export_reminders")
        self.excel_button.clicked.connect(self._export_clicked)
        row.addWidget(self.print_button)
        row.addWidget(self.excel_button)
        layout.addLayout(row)
        self.tables: dict[str, QTableWidget] = {}
        self.captions: dict[str, QLabel] = {}
        for key in ("silent", "missing", "behind"):
            caption = QLabel(self)
            caption.setStyleSheet("font-weight: bold; margin-top: 6px;")
            table = read_only_table(self, self.headers())
            table.setObjectName(f"reminders_{key}")
            self.captions[key], self.tables[key] = caption, table
            layout.addWidget(caption)
            layout.addWidget(table, 1)
        ctx.signals.data_changed.connect(self._data_changed)
        self.refresh()

    def headers(self) -> list[str]:
        """Columns of each list (and of the Excel sheet)."""
        return [
            self.tr("Mã xã"),
            self.tr("Tên xã, phường"),
            self.tr("Tình trạng gửi"),
            self.tr("Gói còn thiếu"),
            self.tr("Lũy kế / chỉ tiêu"),
        ]

    def captions_text(self, reminders_list: Reminders) -> dict[str, str]:
        """Each list's heading with its count."""
        return {
            "silent": self.tr("Chưa gửi gói tuần này: {n} xã").replace(
                "{n}", str(len(reminders_list.silent))
            ),
            "missing": self.tr("Còn thiếu gói (số gói bị hụt): {n} xã").replace(
                "{n}", str(len(reminders_list.missing))
            ),
            "behind": self.tr("Chậm so với tiến độ chỉ tiêu: {n} xã").replace(
                "{n}", str(len(reminders_list.behind))
            ),
        }

    def _data_changed(self, _form: str) -> None:
        self._stale = True
        if self.isVisible():
            self.refresh()

    def refresh(self) -> None:
        """Rebuild the lists in the background when the data changed."""
        if not self._stale or self.task is not None:
            return
        self._stale = False
        ctx, week = self.ctx, current_week()
        self.title.setText(self.tr("Nhắc việc — đang tính…"))

        def work(progress: Progress, cancelled: CancelCheck) -> Reminders:
            with ctx.open_store() as store:
                summary = build_summary(store, week, lang=current_language(), cancelled=cancelled)
                return reminders(commune_rows(store, summary))

        def failed(exc: BaseException) -> None:
            self.task = None
            self._stale = True
            if not isinstance(exc, Cancelled):
                show_error(self, exc)

        self.task = run_task(self, "", work, self._built, failed, show_progress=False)

    def _built(self, result: Reminders) -> None:
        self.task = None
        self.show_list(result)

    def rows_of(self, row: CommuneRow) -> list[str]:
        """One commune's cells."""
        return [
            row.unit_code,
            row.unit_name,
            self.words.silence(row),
            missing_text(row),
            self.words.progress(row),
        ]

    def show_list(self, result: Reminders) -> None:
        """Fill the three lists."""
        self.list = result
        self.title.setText(
            self.tr("Nhắc việc — {w}").replace("{w}", current_week().label())
            if not result.empty
            else self.tr("Nhắc việc — {w}: không có xã nào cần nhắc.").replace(
                "{w}", current_week().label()
            )
        )
        captions = self.captions_text(result)
        for key, rows in (
            ("silent", result.silent),
            ("missing", result.missing),
            ("behind", result.behind),
        ):
            self.captions[key].setText(captions[key])
            table = self.tables[key]
            table.setRowCount(len(rows))
            for i, row in enumerate(rows):
                for j, text in enumerate(self.rows_of(row)):
                    table.setItem(i, j, cell(text))

    def as_html(self) -> str:
        """The printable page: the three lists under the hub's name and the week."""
        assert self.list is not None
        captions = self.captions_text(self.list)
        heading = self.tr("Danh sách xã cần nhắc — {w}").replace("{w}", current_week().label())
        parts = [
            f"<h2>{html.escape(unit_name(self.ctx.store))}</h2>",
            f"<h3>{html.escape(heading)}</h3>",
        ]
        for key, rows in (
            ("silent", self.list.silent),
            ("missing", self.list.missing),
            ("behind", self.list.behind),
        ):
            parts.append(f"<h4>{html.escape(captions[key])}</h4>")
            if rows:
                parts.append(printing.html_table(self.headers(), [self.rows_of(r) for r in rows]))
        return "".join(parts)

    def print_list(self) -> None:
        """The print dialog's preview of the three lists."""
        if self.list is not None:
            self.print_dialog = printing.print_html(self, self.tr("Nhắc việc"), self.as_html())

    def _export_clicked(self) -> None:
        name = f"NhacViec_{current_week().iso_key()}.xlsx"
        path, _ = QFileDialog.getSaveFileName(
            self, self.tr("Lưu danh sách"), str(Path(QDir.homePath()) / name), "Excel (*.xlsx)"
        )
        if path:
            self.export_xlsx(Path(path))

    def export_xlsx(self, out: Path) -> int:
        """Write the three lists to one sheet (a "Lý do" column says which); returns rows."""
        if self.list is None:
            return 0
        captions = self.captions_text(self.list)
        rows = [
            [captions[key].split(":")[0], *self.rows_of(r)]
            for key, group in (
                ("silent", self.list.silent),
                ("missing", self.list.missing),
                ("behind", self.list.behind),
            )
            for r in group
        ]
        # openpyxl is imported by the first export, not by every window's start-up.
        from de06desk.reports.list_export import write_list_xlsx

        try:
            written = write_list_xlsx(
                out,
                self.tr("Danh sách xã cần nhắc — {w}").replace("{w}", current_week().label()),
                [self.tr("Lý do"), *self.headers()],
                rows,
                note=unit_name(self.ctx.store),
            )
        except (OSError, DomainError) as exc:
            show_error(self, exc)
            return 0
        return written
