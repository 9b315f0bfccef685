"""Các xã: every commune the hub expects, with its packages, silence, figures against target
and audit chain; its key (both fingerprints before a replacement) and its records, read-only."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QDir, Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from de06desk.actions import sync as act
from de06desk.domain.i18n import DomainError, current_language
from de06desk.domain.progress import CancelCheck, Cancelled, Progress
from de06desk.domain.weeks import current_week
from de06desk.reports.communes import CommuneRow, commune_rows
from de06desk.reports.formats import format_int
from de06desk.reports.summary import build_summary
from de06desk.store import Record
from de06desk.sync import PublicKeyFile
from de06desk.sync.keys import load_own_keys, unit_name

from ... import printing
from ...context import AppContext
from ...key_box import KeyBox
from ...record_form import RecordForm
from ...record_screen import ListSetup, RecordListPanel
from ...tasks import Task, run_task, show_error
from .common import HubWords, cell, day_text, missing_text, read_only_table


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
        self.ctx = ctx
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
            panel.open_requested.connect(lambda uuid, f=form_id: self.open_record(f, uuid))
            self.lists[form_id] = panel
            self.tabs.addTab(panel, form.label())
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.tabs, 1)
        layout.addWidget(buttons)

    def open_record(self, form_id: str, uuid: str) -> RecordViewDialog | None:
        """One record (double-click or Enter on its row), as the commune's form shows it,
        read-only."""
        record = self.ctx.store.get_record(form_id, uuid)
        if record is None:
            return None
        dialog = RecordViewDialog(self.ctx, record, self)
        dialog.open()
        return dialog


class RecordViewDialog(QDialog):
    """One commune record in its form, every field read-only, no Lưu: the hub looks, the
    commune keeps its records."""

    def __init__(self, ctx: AppContext, record: Record, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.form = RecordForm(ctx, record.form_id, self, show_buttons=False, read_only=True)
        self.form.load(record)
        self.setWindowTitle(self.form.title.text())
        self.resize(620, 620)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.form, 1)
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
        self.table = read_only_table(
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

    def _own_key_box(self) -> KeyBox:
        # The hub's own key only: its upper hub is set in Gửi lên.
        self.keys = KeyBox(self.ctx, self.tr("Khóa của đơn vị này"), self, upper=False)
        sheet = QPushButton(self.tr("In phiếu vân tay…"), self.keys)
        sheet.setObjectName("print_fingerprints")
        sheet.clicked.connect(self.print_fingerprints)
        register = QPushButton(self.tr("Đăng ký khóa của xã…"), self.keys)
        register.setObjectName("register_key")
        register.clicked.connect(self.choose_commune_key)
        register.setEnabled(self.ctx.allowed("hub.trust"))
        for button in (sheet, register):
            self.keys.row.addWidget(button)
        return self.keys

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
        self.report_button = QPushButton(self.tr("Báo cáo của xã…"), box)
        self.report_button.setObjectName("commune_report")
        self.report_button.setToolTip(self.tr("Mở màn hình Báo cáo với xã này"))
        self.report_button.clicked.connect(self.open_report)
        for button in (self.records_button, self.report_button, self.replace_button):
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
        self.keys.refresh()
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
                f"{status.last_seq} · {day_text(status.last_package_at)}"
                if status is not None and status.last_seq is not None
                else ""
            )
            cells = [
                cell(row.unit_code),
                cell(row.unit_name),
                cell(last),
                cell(missing_text(row)),
                cell(self.words.silence(row)),
                cell(format_int(row.activated_week), number=True),
                cell(self.words.progress(row), number=True),
                cell(self.words.audit_state(row)),
            ]
            if row.silent:
                cells[4].setForeground(Qt.GlobalColor.darkRed)
            if row.behind:
                cells[6].setForeground(Qt.GlobalColor.darkRed)
            if row.audit_flagged:
                cells[7].setForeground(Qt.GlobalColor.red)
            for j, item in enumerate(cells):
                self.table.setItem(i, j, item)
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
        self.report_button.setEnabled(row is not None and row.registered)
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
                d=day_text(status.registered_at),
            ),
            self.tr("Đã nhận {p} gói; gói cuối lập ngày {d}, nhập ngày {i}.").format(
                p=status.packages,
                d=day_text(status.last_package_at) or "–",
                i=day_text(status.last_imported_at) or "–",
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

    def open_report(self) -> None:
        """Báo cáo, on the selected commune."""
        row = self.selected()
        if row is not None and row.registered:
            self.ctx.signals.report_requested.emit(row.unit_code)

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
        """Ask for a commune's key file (or a lower hub's), show both fingerprints if it
        replaces one, and
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
        """Confirm and register `key` (a commune's, or a hub below this one that sends its
        summary packages here); True when registered."""
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
