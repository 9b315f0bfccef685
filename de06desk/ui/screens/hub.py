"""The hub operator's desk: Các xã, Nhận gói, Gửi xuống and Nhắc việc.

A hub (district or province police office) receives the communes' USB packages, follows who
reported and who is behind, sets targets and writes packages back down. Every figure comes
from the hub summary and `reports.communes` (what `hub status` prints); every change goes
through `actions.sync`, as the command line's does.
"""

from __future__ import annotations

import html
from collections.abc import Sequence
from datetime import date, datetime
from pathlib import Path
from typing import Any

from PySide6.QtCore import QDate, QDir, Qt
from PySide6.QtPrintSupport import QPrintPreviewDialog
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMessageBox,
    QPushButton,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from de06desk.actions import Done
from de06desk.actions import sync as act
from de06desk.domain.i18n import DomainError, current_language, msg
from de06desk.domain.progress import CancelCheck, Cancelled, Progress
from de06desk.domain.weeks import current_week, format_date
from de06desk.reports.communes import CommuneRow, Reminders, commune_rows, reminders
from de06desk.reports.formats import format_int, format_pct
from de06desk.reports.list_export import write_list_xlsx
from de06desk.reports.summary import build_summary
from de06desk.store import Store
from de06desk.sync import ExportResult, ImportOutcome, PublicKeyFile
from de06desk.sync.hub import expected_communes, hub_province
from de06desk.sync.keys import load_own_keys, peer_key, unit_name

from .. import printing
from ..context import AppContext
from ..record_screen import ListSetup, RecordListPanel
from ..tasks import Task, run_task, show_error

PACKAGE_GLOB = "*.de06sync"


def _item(text: Any, *, number: bool = False) -> QTableWidgetItem:
    item = QTableWidgetItem("" if text is None else str(text))
    item.setFlags(item.flags() & ~Qt.ItemFlag.ItemIsEditable)
    if number:
        item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
    return item


def _table(parent: QWidget, headers: Sequence[str]) -> QTableWidget:
    table = QTableWidget(0, len(headers), parent)
    table.setHorizontalHeaderLabels(list(headers))
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    table.verticalHeader().setVisible(False)
    table.setAlternatingRowColors(True)
    header = table.horizontalHeader()
    header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    header.setStretchLastSection(True)
    return table


def _day(timestamp: str | None) -> str:
    if not timestamp:
        return ""
    try:
        return format_date(datetime.fromisoformat(timestamp).astimezone().date())
    except ValueError:
        return timestamp[:10]


def _missing_text(row: CommuneRow) -> str:
    return "; ".join(", ".join(str(n) for n in seqs) for seqs in row.missing.values())


class HubWords(QWidget):
    """The words the hub screens (and the wizard's hub set-up) share: one translation context."""

    def silence(self, row: CommuneRow) -> str:
        """ "Chưa đăng ký", "Chưa gửi gói nào", "Im lặng 3 tuần", "Đã gửi tuần này"…"""
        if not row.registered:
            return self.tr("Chưa đăng ký khóa")
        if row.weeks_silent is None:
            return self.tr("Chưa gửi gói nào")
        if row.sent_this_week:
            return self.tr("Đã gửi tuần này")
        if row.weeks_silent == 0:
            return self.tr("Chưa gửi tuần này")
        return self.tr("Im lặng {n} tuần").replace("{n}", str(row.weeks_silent))

    def progress(self, row: CommuneRow) -> str:
        """ "412 / 800 (51,5%)", or the count alone without a target."""
        if not row.target:
            return format_int(row.activated_total)
        return (
            f"{format_int(row.activated_total)} / {format_int(row.target)} "
            f"({format_pct(row.share)})"
        )

    def audit_state(self, row: CommuneRow) -> str:
        """The audit-chain status of the commune's packages."""
        if row.audit_flagged:
            return self.tr("CẢNH BÁO: nhật ký bị viết lại")
        if row.status is not None and row.status.audit_head is not None:
            return self.tr("Khớp")
        return "–"

    def fingerprint_sheet(
        self,
        code: str,
        name: str,
        fingerprint: str,
        communes: Sequence[tuple[str, str, str]],
        *,
        blank_rows: int = 0,
    ) -> str:
        """The printable fingerprint sheet (HTML): the hub's fingerprint, then the communes'
        (and blank rows to fill in by hand as communes register)."""
        title = self.tr("Phiếu vân tay khóa đồng bộ")
        hub_line = self.tr("Vân tay cấp trên: {fp}").replace("{fp}", fingerprint)
        how = self.tr(
            "Khi nhận tệp khóa, hai bên đọc vân tay cho nhau qua điện thoại và so với phiếu này."
        )
        headers = [self.tr("Mã xã"), self.tr("Tên xã, phường"), self.tr("Vân tay đã đăng ký")]
        rows = [list(c) for c in communes] + [["", "", ""]] * blank_rows
        printed = self.tr("In ngày {d}").replace("{d}", format_date(date.today()))
        return (
            f"<h2>{html.escape(title)}</h2>"
            f"<p><b>{html.escape(name)}</b> ({html.escape(code)})"
            f"<br/><b>{html.escape(hub_line)}</b></p><p>{html.escape(how)}</p>"
            + printing.html_table(headers, rows)
            + f"<p>{html.escape(printed)}</p>"
        )

    def trust_question(self, store: Store, key: PublicKeyFile) -> str:
        """What registering `key` asks: its unit and fingerprint, and the key it would replace
        (both fingerprints) or that the commune lies outside the hub's province."""
        text = self.tr("Đơn vị: {c} {n}\nVân tay: {fp}").format(
            c=key.unit_code, n=key.unit_name, fp=key.fingerprint
        )
        replaced, outside = act.trust_problems(store, key)
        if replaced is not None:
            text += "\n\n" + self.tr(
                "CẢNH BÁO: xã này đã có khóa khác. Khóa mới sẽ THAY khóa cũ.\n"
                "Vân tay cũ: {old}\nVân tay mới: {new}\n"
                "Chỉ thay khi đã gọi điện cho xã và xã đọc đúng vân tay mới."
            ).format(old=replaced.fingerprint, new=key.fingerprint)
        if outside:
            province = hub_province(store)
            text += "\n\n" + self.tr("CẢNH BÁO: {c} không thuộc {p}.").format(
                c=key.unit_code, p=province.name if province else ""
            )
        return text + "\n\n" + self.tr("Vân tay có khớp với xã đọc cho bạn qua điện thoại không?")


# ---- Các xã -----------------------------------------------------------------------------


class CommuneRecordsDialog(QDialog):
    """One commune's records at the hub, read-only: the same lists and search as at the
    commune, narrowed to that commune's rows."""

    FORMS = (
        ("activation_drive", ("held_on", "kind", "village", "received_count", "activated_count")),
        ("citizen", ("full_name", "id_number", "birth_year", "village", "living_status")),
        ("cleanup_case", ("opened_on", "error_type", "status")),
        ("support_session", ("held_on", "village")),
    )

    def __init__(self, ctx: AppContext, row: CommuneRow, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(
            self.tr("Dữ liệu của {c} {n} (chỉ xem)").format(c=row.unit_code, n=row.unit_name)
        )
        self.resize(980, 620)
        self.tabs = QTabWidget(self)
        self.lists: dict[str, RecordListPanel] = {}
        for form_id, columns in self.FORMS:
            if form_id not in ctx.store.forms:
                continue
            form = ctx.store.forms[form_id]
            shown = tuple(c for c in columns if c in form.field_names)
            panel = RecordListPanel(
                ctx, form_id, ListSetup(columns=shown), self.tabs, {"unit_code": row.unit_code}
            )
            self.lists[form_id] = panel
            self.tabs.addTab(panel, form.label())
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.tabs, 1)
        layout.addWidget(buttons)


class CommunesScreen(QWidget):
    """Các xã: every expected commune with its packages, silence, figures against target and
    audit-chain status; its key, its records (read-only) and a report on it."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.words = HubWords(self)
        self.rows: list[CommuneRow] = []
        self.task: Task | None = None
        self._stale = True
        layout = QVBoxLayout(self)
        layout.addWidget(self._own_key_box())
        self.title = QLabel(self)
        self.title.setStyleSheet("font-weight: bold;")
        layout.addWidget(self.title)
        self.table = _table(
            self,
            [
                self.tr("Mã xã"),
                self.tr("Tên xã, phường"),
                self.tr("Gói cuối"),
                self.tr("Gói còn thiếu"),
                self.tr("Tình trạng gửi"),
                self.tr("Kích hoạt tuần này"),
                self.tr("Lũy kế / chỉ tiêu"),
                self.tr("Nhật ký"),
            ],
        )
        self.table.setObjectName("communes")
        self.table.itemSelectionChanged.connect(self._selected)
        self.table.doubleClicked.connect(lambda _i: self.open_records())
        layout.addWidget(self.table, 1)
        layout.addWidget(self._detail_box())
        ctx.signals.data_changed.connect(self._data_changed)
        self.refresh()

    # ---- building ----------------------------------------------------------------------

    def _own_key_box(self) -> QGroupBox:
        box = QGroupBox(self.tr("Khóa của đơn vị này"), self)
        row = QHBoxLayout(box)
        self.fingerprint = QLabel(box)
        self.fingerprint.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        row.addWidget(self.fingerprint, 1)
        save = QPushButton(self.tr("Lưu tệp khóa công khai…"), box)
        save.setObjectName("save_key")
        save.clicked.connect(self.save_public_key)
        save.setEnabled(self.ctx.allowed("keys.export"))
        sheet = QPushButton(self.tr("In phiếu vân tay…"), box)
        sheet.setObjectName("print_fingerprints")
        sheet.clicked.connect(self.print_fingerprints)
        register = QPushButton(self.tr("Đăng ký khóa của xã…"), box)
        register.setObjectName("register_key")
        register.clicked.connect(self.choose_commune_key)
        register.setEnabled(self.ctx.allowed("hub.trust"))
        for button in (save, sheet, register):
            row.addWidget(button)
        return box

    def _detail_box(self) -> QGroupBox:
        box = QGroupBox(self.tr("Xã đang chọn"), self)
        layout = QVBoxLayout(box)
        self.detail = QLabel(self.tr("Chọn một xã trong bảng."), box)
        self.detail.setObjectName("detail")
        self.detail.setWordWrap(True)
        self.detail.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout.addWidget(self.detail)
        buttons = QHBoxLayout()
        self.records_button = QPushButton(self.tr("Xem dữ liệu của xã…"), box)
        self.records_button.setObjectName("open_records")
        self.records_button.clicked.connect(self.open_records)
        self.replace_button = QPushButton(self.tr("Thay khóa của xã…"), box)
        self.replace_button.setObjectName("replace_key")
        self.replace_button.setToolTip(
            self.tr("Khi xã cài lại máy hoặc mất máy: nhận tệp khóa mới, đối chiếu vân tay")
        )
        self.replace_button.clicked.connect(self.choose_commune_key)
        for button in (self.records_button, self.replace_button):
            button.setEnabled(False)
            buttons.addWidget(button)
        buttons.addStretch(1)
        layout.addLayout(buttons)
        return box

    # ---- showing -----------------------------------------------------------------------

    def _data_changed(self, _form: str) -> None:
        self._stale = True
        if self.isVisible():
            self.refresh()

    def refresh(self) -> None:
        """Re-read the communes' picture (the week's figures are built in the background)."""
        own = load_own_keys(self.ctx.store)
        self.fingerprint.setText(
            self.tr("{n} — vân tay: {fp}").format(
                n=unit_name(self.ctx.store), fp=own.fingerprint if own else "–"
            )
        )
        if not self._stale or self.task is not None:
            return
        self._stale = False
        ctx = self.ctx
        week = current_week()
        self.title.setText(self.tr("Các xã — đang tính số liệu…"))

        def work(progress: Progress, cancelled: CancelCheck) -> list[CommuneRow]:
            with ctx.open_store() as store:
                summary = build_summary(store, week, lang=current_language(), cancelled=cancelled)
                return commune_rows(store, summary)

        self.task = run_task(self, "", work, self._built, self._failed, show_progress=False)

    def _built(self, rows: list[CommuneRow]) -> None:
        self.task = None
        self.show_rows(rows)
        if self._stale and self.isVisible():
            self.refresh()

    def _failed(self, exc: BaseException) -> None:
        self.task = None
        self._stale = True
        if not isinstance(exc, Cancelled):
            show_error(self, exc)

    def show_rows(self, rows: list[CommuneRow]) -> None:
        """Fill the table with `rows`, keeping the selected commune selected."""
        chosen = self.selected()
        self.rows = rows
        registered = sum(r.registered for r in rows)
        self.title.setText(
            self.tr("Các xã — {w}: {n} xã, {r} đã đăng ký khóa, {s} đã gửi tuần này")
            .replace("{w}", current_week().label())
            .replace("{n}", str(len(rows)))
            .replace("{r}", str(registered))
            .replace("{s}", str(sum(r.sent_this_week for r in rows)))
        )
        self.table.setRowCount(len(rows))
        for i, row in enumerate(rows):
            status = row.status
            last = (
                f"{status.last_seq} · {_day(status.last_package_at)}"
                if status is not None and status.last_seq is not None
                else ""
            )
            cells = [
                _item(row.unit_code),
                _item(row.unit_name),
                _item(last),
                _item(_missing_text(row)),
                _item(self.words.silence(row)),
                _item(format_int(row.activated_week), number=True),
                _item(self.words.progress(row), number=True),
                _item(self.words.audit_state(row)),
            ]
            if row.silent:
                cells[4].setForeground(Qt.GlobalColor.darkRed)
            if row.behind:
                cells[6].setForeground(Qt.GlobalColor.darkRed)
            if row.audit_flagged:
                cells[7].setForeground(Qt.GlobalColor.red)
            for j, cell in enumerate(cells):
                self.table.setItem(i, j, cell)
        if chosen is not None:
            self.select(chosen.unit_code)
        self._selected()

    def select(self, unit_code: str) -> None:
        """Select the commune with this code in the table."""
        for i, row in enumerate(self.rows):
            if row.unit_code == unit_code:
                self.table.selectRow(i)
                return

    def selected(self) -> CommuneRow | None:
        """The commune selected in the table."""
        rows = self.table.selectionModel().selectedRows()
        if not rows or rows[0].row() >= len(self.rows):
            return None
        return self.rows[rows[0].row()]

    def _selected(self) -> None:
        row = self.selected()
        self.records_button.setEnabled(row is not None and row.registered)
        self.replace_button.setEnabled(
            row is not None and row.registered and self.ctx.allowed("hub.trust")
        )
        if row is None:
            self.detail.setText(self.tr("Chọn một xã trong bảng."))
            return
        self.detail.setText(self.describe(row))

    def describe(self, row: CommuneRow) -> str:
        """The selected commune's key, packages and devices, in a few lines."""
        status = row.status
        if status is None:
            return self.tr(
                "{c} {n}: chưa đăng ký khóa. Nhận tệp khóa công khai của xã (.pub), đối chiếu "
                "vân tay qua điện thoại, rồi bấm “Đăng ký khóa của xã…”."
            ).format(c=row.unit_code, n=row.unit_name)
        lines = [
            self.tr("{c} {n} — vân tay đã đăng ký: {fp} (từ {d})").format(
                c=row.unit_code,
                n=row.unit_name,
                fp=status.fingerprint,
                d=_day(status.registered_at),
            ),
            self.tr("Đã nhận {p} gói; gói cuối lập ngày {d}, nhập ngày {i}.").format(
                p=status.packages,
                d=_day(status.last_package_at) or "–",
                i=_day(status.last_imported_at) or "–",
            ),
        ]
        for device in status.devices:
            missing = ", ".join(str(n) for n in device.missing) or self.tr("không")
            lines.append(
                self.tr("Máy {d}: {p} gói, số cuối {s}, còn thiếu: {m}").format(
                    d=device.device_id[:8], p=device.packages, s=device.last_seq, m=missing
                )
            )
        for flag in status.audit_flags:
            lines.append(self.tr("CẢNH BÁO: {f}").format(f=str(flag.describe())))
        return "\n".join(lines)

    # ---- actions -----------------------------------------------------------------------

    def open_records(self) -> CommuneRecordsDialog | None:
        """The selected commune's records, read-only, with search."""
        row = self.selected()
        if row is None or not row.registered:
            return None
        dialog = CommuneRecordsDialog(self.ctx, row, self)
        dialog.open()
        return dialog

    def save_public_key(self) -> None:
        """Write the hub's public-key file (to hand to every commune)."""
        name = f"{self.ctx.store.unit_code}.pub"
        path, _ = QFileDialog.getSaveFileName(
            self, self.tr("Lưu tệp khóa công khai"), str(Path(QDir.homePath()) / name)
        )
        if not path:
            return
        try:
            key = self.ctx.apply(act.write_public_key(self.ctx.store, self.ctx.user, Path(path)))
        except (OSError, ValueError) as exc:
            show_error(self, exc)
            return
        QMessageBox.information(
            self,
            self.tr("Đã lưu"),
            self.tr(
                "Đã lưu {p}.\nVân tay: {fp}\nPhát tệp này cho các xã và đọc vân tay cho xã "
                "đối chiếu qua điện thoại."
            ).format(p=path, fp=key.fingerprint),
        )

    def fingerprint_sheet(self) -> str:
        """The printable sheet: the hub's fingerprint, and every registered commune's."""
        own = load_own_keys(self.ctx.store)
        return self.words.fingerprint_sheet(
            self.ctx.store.unit_code,
            unit_name(self.ctx.store),
            own.fingerprint if own else "–",
            [(r.unit_code, r.unit_name, r.status.fingerprint) for r in self.rows if r.status],
        )

    def print_fingerprints(self) -> None:
        """Print (or save as PDF from the dialog) the fingerprint sheet."""
        printing.print_html(self, self.tr("Phiếu vân tay"), self.fingerprint_sheet())

    def choose_commune_key(self) -> None:
        """Ask for a commune's key file, show both fingerprints if it replaces one, and
        register it once the operator confirms the fingerprint was checked by phone."""
        path, _ = QFileDialog.getOpenFileName(
            self, self.tr("Chọn tệp khóa công khai của xã"), QDir.homePath(), "*.pub *.json"
        )
        if not path:
            return
        try:
            key = PublicKeyFile.from_bytes(Path(path).read_bytes(), Path(path).name)
        except (OSError, ValueError) as exc:
            show_error(self, exc)
            return
        self.trust(key)

    def trust(self, key: PublicKeyFile) -> bool:
        """Confirm and register `key`; True when registered."""
        if key.role != "commune":
            show_error(
                self, ValueError(self.tr("Tệp này là khóa của cấp trên, không phải của một xã."))
            )
            return False
        answer = QMessageBox.question(
            self, self.tr("Xác nhận khóa của xã"), self.words.trust_question(self.ctx.store, key)
        )
        if answer != QMessageBox.StandardButton.Yes:
            return False
        try:
            # The question showed what a replacement or another province means.
            done = act.trust_commune_key(
                self.ctx.store, self.ctx.user, key, replace=True, outside_province=True
            )
        except DomainError as exc:
            show_error(self, exc)
            return False
        self.ctx.apply(done)
        self._stale = True
        self.refresh()
        return True


# ---- Nhận gói ---------------------------------------------------------------------------


class ReceiveScreen(QWidget):
    """Nhận gói: import every package in a folder (a USB stick), with progress and Cancel;
    one line per package saying what happened to it."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.task: Task | None = None
        self.last_outcomes: list[ImportOutcome] = []
        layout = QVBoxLayout(self)
        intro = QLabel(
            self.tr(
                "Cắm USB của xã, chọn thư mục chứa các tệp .de06sync. Mỗi gói được kiểm tra "
                "chữ ký và nhập trọn vẹn hoặc không nhập gì; gói đã nhận rồi được bỏ qua."
            ),
            self,
        )
        intro.setWordWrap(True)
        layout.addWidget(intro)
        row = QHBoxLayout()
        self.folder_button = QPushButton(self.tr("Nhập thư mục gói…"), self)
        self.folder_button.setObjectName("import_folder")
        self.folder_button.clicked.connect(self._folder_clicked)
        self.files_button = QPushButton(self.tr("Nhập tệp gói…"), self)
        self.files_button.setObjectName("import_files")
        self.files_button.clicked.connect(self._files_clicked)
        for button in (self.folder_button, self.files_button):
            button.setEnabled(ctx.allowed("sync.import"))
            row.addWidget(button)
        row.addStretch(1)
        layout.addLayout(row)
        self.summary = QLabel(self)
        self.summary.setObjectName("summary")
        self.summary.setWordWrap(True)
        self.summary.setStyleSheet("font-weight: bold;")
        layout.addWidget(self.summary)
        self.results = _table(
            self, [self.tr("Tệp"), self.tr("Xã"), self.tr("Kết quả"), self.tr("Chi tiết")]
        )
        self.results.setObjectName("results")
        layout.addWidget(self.results, 1)

    def _folder_clicked(self) -> None:
        folder = QFileDialog.getExistingDirectory(
            self, self.tr("Chọn thư mục chứa gói"), QDir.homePath()
        )
        if folder:
            self.import_folder(Path(folder))

    def _files_clicked(self) -> None:
        paths, _ = QFileDialog.getOpenFileNames(
            self, self.tr("Chọn gói đồng bộ"), QDir.homePath(), PACKAGE_GLOB
        )
        if paths:
            self.import_files([Path(p) for p in paths])

    def import_folder(self, folder: Path) -> Task | None:
        """Import every package in `folder` (None, and a line saying so, when it has none)."""
        paths = sorted(folder.glob(PACKAGE_GLOB))
        if not paths:
            self.results.setRowCount(0)
            self.summary.setText(
                self.tr("Không có gói nào trong thư mục này ({p}).").replace("{p}", str(folder))
            )
            return None
        return self.import_files(paths)

    def import_files(self, paths: list[Path]) -> Task:
        """Import packages in the background (progress and Cancel), then show the outcomes."""
        ctx, user = self.ctx, self.ctx.user

        def work(progress: Progress, cancelled: CancelCheck) -> Done[list[ImportOutcome]]:
            with ctx.open_store() as store:
                return act.import_sync_packages(store, user, paths, progress, cancelled)

        def done(finished: Done[list[ImportOutcome]]) -> None:
            self.task = None
            self.show_outcomes(ctx.apply(finished))
            if finished.warnings:
                QMessageBox.warning(
                    self, self.tr("Cảnh báo"), "\n".join(str(w) for w in finished.warnings)
                )

        def failed(exc: BaseException) -> None:
            self.task = None
            show_error(self, exc)

        self.summary.setText(self.tr("Đang nhập {n} gói…").replace("{n}", str(len(paths))))
        self.task = run_task(self, self.tr("Đang nhập gói…"), work, done, failed)
        return self.task

    def show_outcomes(self, outcomes: list[ImportOutcome]) -> None:
        """One line per package: file, commune, what happened, why."""
        self.last_outcomes = outcomes
        labels = {
            "applied": self.tr("Đã nhập"),
            "already": self.tr("Đã có, bỏ qua"),
            "refused": self.tr("Từ chối"),
            "cancelled": self.tr("Đã hủy"),
        }
        self.results.setRowCount(len(outcomes))
        for i, outcome in enumerate(outcomes):
            cells = [
                _item(outcome.path.name),
                _item(outcome.sender or ""),
                _item(labels[outcome.status]),
                _item(outcome.message),
            ]
            if outcome.status in ("refused", "cancelled"):
                cells[2].setForeground(Qt.GlobalColor.darkRed)
            for j, cell in enumerate(cells):
                self.results.setItem(i, j, cell)
        counts = {s: sum(o.status == s for o in outcomes) for s in labels}
        self.summary.setText(
            self.tr("{a} gói đã nhập, {b} đã có, {c} bị từ chối, {d} đã hủy.")
            .replace("{a}", str(counts["applied"]))
            .replace("{b}", str(counts["already"]))
            .replace("{c}", str(counts["refused"]))
            .replace("{d}", str(counts["cancelled"]))
        )


# ---- Gửi xuống --------------------------------------------------------------------------


class TargetDialog(QDialog):
    """One commune's target: commune, kind, value, start and due date."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Chỉ tiêu cho xã"))
        spec = ctx.store.forms["target"]
        self.unit = QComboBox(self)
        for code in expected_communes(ctx.store):
            if peer_key(ctx.store, code) is not None:
                self.unit.addItem(f"{code} – {_commune_name(ctx.store, code)}", code)
        self.kind = QComboBox(self)
        for option in spec.field("kind").choices:
            self.kind.addItem(option.label(), option.value)
        self.value = QSpinBox(self)
        self.value.setRange(1, 10_000_000)
        self.value.setGroupSeparatorShown(True)
        today = date.today()
        self.start = QDateEdit(QDate(today.year, today.month, 1), self)
        self.due = QDateEdit(QDate(today.year, 12, 31), self)
        for edit in (self.start, self.due):
            edit.setCalendarPopup(True)
            edit.setDisplayFormat("dd/MM/yyyy")
        form = QFormLayout(self)
        form.addRow(self.tr("Xã:"), self.unit)
        form.addRow(spec.field("kind").label() + ":", self.kind)
        form.addRow(spec.field("value").label() + ":", self.value)
        form.addRow(spec.field("start_on").label() + ":", self.start)
        form.addRow(spec.field("due_on").label() + ":", self.due)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)

    def values(self) -> dict[str, Any]:
        """The target as the form's values."""
        return {
            "kind": self.kind.currentData(),
            "value": self.value.value(),
            "start_on": self.start.date().toPython(),
            "due_on": self.due.date().toPython(),
        }


def _commune_name(store: Store, code: str) -> str:
    key = peer_key(store, code)
    return key.unit_name if key is not None else code


class SendDownScreen(QWidget):
    """Gửi xuống: the communes' targets (edited in the table, or read from Excel), and the
    packages down — acknowledgements of what arrived and changed targets."""

    # Columns of the targets table; "value" is edited in place.
    VALUE_COLUMN = 3

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.task: Task | None = None
        self.last_export: ExportResult | None = None
        self.targets: list[Any] = []
        self._filling = False
        layout = QVBoxLayout(self)
        layout.addWidget(self._targets_box(), 3)
        layout.addWidget(self._send_box(), 2)
        ctx.signals.data_changed.connect(self._data_changed)
        self.refresh()

    def _targets_box(self) -> QGroupBox:
        box = QGroupBox(self.tr("Chỉ tiêu của các xã"), self)
        layout = QVBoxLayout(box)
        row = QHBoxLayout()
        allowed = self.ctx.allowed("hub.target")
        add = QPushButton(self.tr("Thêm chỉ tiêu…"), box)
        add.setObjectName("add_target")
        add.clicked.connect(self.add_target)
        excel = QPushButton(self.tr("Nhập chỉ tiêu từ Excel…"), box)
        excel.setObjectName("import_targets")
        excel.setToolTip(
            self.tr("Các cột: Mã xã, Loại chỉ tiêu (có thể bỏ trống), Chỉ tiêu, Từ ngày, Hạn")
        )
        excel.clicked.connect(self._excel_clicked)
        for button in (add, excel):
            button.setEnabled(allowed)
            row.addWidget(button)
        hint = QLabel(self.tr("Sửa số chỉ tiêu ngay trong bảng (bấm đúp vào ô)."), box)
        hint.setStyleSheet("color: #555;")
        row.addWidget(hint, 1)
        layout.addLayout(row)
        self.target_table = _table(
            box,
            [
                self.tr("Mã xã"),
                self.tr("Tên xã, phường"),
                self.tr("Loại chỉ tiêu"),
                self.tr("Chỉ tiêu"),
                self.tr("Từ ngày"),
                self.tr("Hạn"),
            ],
        )
        self.target_table.setObjectName("targets")
        if allowed:
            self.target_table.setEditTriggers(
                QAbstractItemView.EditTrigger.DoubleClicked
                | QAbstractItemView.EditTrigger.EditKeyPressed
            )
        self.target_table.itemChanged.connect(self._value_edited)
        layout.addWidget(self.target_table, 1)
        return box

    def _send_box(self) -> QGroupBox:
        box = QGroupBox(self.tr("Gói gửi xuống xã"), self)
        layout = QVBoxLayout(box)
        # What a package down holds; a new part (forms and settings from the hub) is added
        # to sync.hub.send_down and named here.
        parts = QLabel(
            self.tr(
                "Mỗi gói gửi xuống gồm: xác nhận các gói đã nhận của xã, và chỉ tiêu mới hoặc "
                "đã sửa từ lần gửi trước."
            ),
            box,
        )
        parts.setWordWrap(True)
        layout.addWidget(parts)
        row = QHBoxLayout()
        row.addWidget(QLabel(self.tr("Xã nhận:"), box))
        self.recipient = QComboBox(box)
        self.recipient.setObjectName("recipient")
        row.addWidget(self.recipient, 1)
        self.send_button = QPushButton(self.tr("Ghi gói cho xã này…"), box)
        self.send_button.setObjectName("send_one")
        self.send_button.clicked.connect(self._send_one_clicked)
        self.send_all_button = QPushButton(self.tr("Ghi gói cho mọi xã…"), box)
        self.send_all_button.setObjectName("send_all")
        self.send_all_button.clicked.connect(self._send_all_clicked)
        for button in (self.send_button, self.send_all_button):
            button.setEnabled(self.ctx.allowed("hub.send"))
            row.addWidget(button)
        layout.addLayout(row)
        self.sent = QLabel(box)
        self.sent.setObjectName("sent")
        self.sent.setWordWrap(True)
        layout.addWidget(self.sent)
        return box

    # ---- showing -----------------------------------------------------------------------

    def _data_changed(self, form: str) -> None:
        if form in ("", "target"):
            self.refresh()

    def registered(self) -> list[str]:
        """Communes with a registered key (the ones a package can go to)."""
        return [c for c in expected_communes(self.ctx.store) if peer_key(self.ctx.store, c)]

    def refresh(self) -> None:
        """Re-read the targets and the recipients."""
        store = self.ctx.store
        current = self.recipient.currentData()
        self.recipient.clear()
        for code in self.registered():
            self.recipient.addItem(f"{code} – {_commune_name(store, code)}", code)
        index = self.recipient.findData(current) if current else -1
        self.recipient.setCurrentIndex(max(index, 0))
        spec = store.forms["target"]
        kind = spec.field("kind")
        own = store.unit_code
        self.targets = sorted(
            (t for t in store.list_records("target") if t.unit_code != own),
            key=lambda t: (t.unit_code, t["kind"], t["start_on"] or date.min),
        )
        self._filling = True
        self.target_table.setRowCount(len(self.targets))
        for i, target in enumerate(self.targets):
            value = QTableWidgetItem(str(target["value"] or ""))
            value.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            cells = [
                _item(target.unit_code),
                _item(_commune_name(store, target.unit_code)),
                _item(kind.choice_label(target["kind"])),
                value,
                _item(format_date(target["start_on"]) if target["start_on"] else ""),
                _item(format_date(target["due_on"]) if target["due_on"] else ""),
            ]
            for j, cell in enumerate(cells):
                self.target_table.setItem(i, j, cell)
        self._filling = False

    # ---- targets -----------------------------------------------------------------------

    def _value_edited(self, item: QTableWidgetItem) -> None:
        if self._filling or item.column() != self.VALUE_COLUMN:
            return
        target = self.targets[item.row()]
        text = item.text().replace(".", "").replace(",", "").strip()
        try:
            if not text.isdigit() or int(text) <= 0:
                raise DomainError(
                    msg(
                        "Chỉ tiêu phải là một số nguyên dương.",
                        "A target must be a positive whole number.",
                    )
                )
            values = dict(target.values) | {"value": int(text)}
            self.ctx.apply(
                act.set_target(
                    self.ctx.store, self.ctx.user, target.unit_code, values, uuid=target.uuid
                )
            )
        except DomainError as exc:
            show_error(self, exc)
            self.refresh()

    def add_target(self) -> None:
        """Ask for a commune's new target and save it."""
        dialog = TargetDialog(self.ctx, self)
        if dialog.exec() != QDialog.DialogCode.Accepted or dialog.unit.currentData() is None:
            return
        try:
            self.ctx.apply(
                act.set_target(
                    self.ctx.store, self.ctx.user, dialog.unit.currentData(), dialog.values()
                )
            )
        except DomainError as exc:
            show_error(self, exc)

    def _excel_clicked(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self, self.tr("Chọn tệp chỉ tiêu"), QDir.homePath(), "Excel (*.xlsx *.xls);;CSV (*.csv)"
        )
        if path:
            self.import_targets(Path(path))

    def import_targets(self, path: Path) -> int:
        """Read targets from a sheet (all or none); returns how many were saved."""
        try:
            saved = self.ctx.apply(act.import_targets(self.ctx.store, self.ctx.user, path))
        except DomainError as exc:
            show_error(self, exc)
            return 0
        QMessageBox.information(
            self,
            self.tr("Đã nhập chỉ tiêu"),
            self.tr("Đã lưu {n} chỉ tiêu; gửi xuống xã bằng gói gửi xuống.").replace(
                "{n}", str(len(saved))
            ),
        )
        return len(saved)

    # ---- packages down -----------------------------------------------------------------

    def _folder(self) -> Path | None:
        folder = QFileDialog.getExistingDirectory(
            self, self.tr("Chọn thư mục ghi gói"), QDir.homePath()
        )
        return Path(folder) if folder else None

    def _send_one_clicked(self) -> None:
        code = self.recipient.currentData()
        folder = self._folder() if code else None
        if folder is not None:
            self.send([code], folder)

    def _send_all_clicked(self) -> None:
        folder = self._folder()
        if folder is not None:
            self.send(self.registered(), folder)

    def send(self, codes: list[str], folder: Path) -> Task:
        """Write one package down for each commune in `codes`, in the background."""
        ctx, user = self.ctx, self.ctx.user

        def work(progress: Progress, cancelled: CancelCheck) -> list[Done[ExportResult]]:
            results = []
            part = 1 / max(1, len(codes))
            with ctx.open_store() as store:
                for i, code in enumerate(codes):

                    def step(fraction: float, text: str = "", i: int = i) -> None:
                        progress((i + fraction) * part, text)

                    results.append(
                        act.send(store, user, code, folder, progress=step, cancelled=cancelled)
                    )
            return results

        def done(finished: list[Done[ExportResult]]) -> None:
            self.task = None
            written = [ctx.apply(d) for d in finished]
            if written:
                self.last_export = written[-1]
            self.sent.setText(
                self.tr("Đã ghi {n} gói vào {p}: {f}")
                .replace("{n}", str(len(written)))
                .replace("{p}", str(folder))
                .replace("{f}", ", ".join(r.path.name for r in written))
            )

        def failed(exc: BaseException) -> None:
            self.task = None
            if not isinstance(exc, Cancelled):
                show_error(self, exc)

        self.task = run_task(self, self.tr("Đang ghi gói gửi xuống…"), work, done, failed)
        return self.task


# ---- Nhắc việc --------------------------------------------------------------------------


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
            table = _table(self, self.headers())
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
            _missing_text(row),
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
                    table.setItem(i, j, _item(text))

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
