"""The audit-log viewer: administrators only, filter by user, action and dates; read-only.

The log is a hash chain in the database; this screen only reads it (through
`store.audit_queries`), newest first, a page at a time ("Xem thêm" loads the next older page),
with one line above saying whether the chain is whole (the same line as `audit verify`).
Entries read in words (`ui.audit_text`): action names, form labels, field-by-field changes
with ID numbers and phones masked, and local times.
"""

from __future__ import annotations

from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDateEdit,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from de06desk.domain.audit_chain import describe_chain
from de06desk.store.audit_queries import (
    DEFAULT_LIMIT,
    AuditEntry,
    AuditFilter,
    audit_actions,
    audit_usernames,
    query_audit,
    verify_audit_chain,
)
from de06desk.ui.audit_text import action_label, changes, detail_text, form_label, local_time
from de06desk.ui.context import AppContext
from de06desk.ui.dates import to_date

# Columns of the table.
TIME, USER, ACTION, FORM, RECORD, CHANGES, DETAIL = range(7)


class AuditScreen(QWidget):
    """Read-only table of the audit log with filters; shows a refusal to non-administrators."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self._oldest_id: int | None = None
        self._titles: dict[tuple[str, str], str | None] = {}
        layout = QVBoxLayout(self)
        if not ctx.allowed("audit.read"):
            # Who did what to which citizen is itself sensitive: administrators only.
            denied = QLabel(self.tr("Chỉ quản trị viên được xem nhật ký hoạt động."), self)
            denied.setObjectName("audit_denied")
            layout.addWidget(denied)
            self.table = None
            return
        self.chain = QLabel(self)
        self.chain.setObjectName("audit_chain")
        self.chain.setWordWrap(True)
        layout.addWidget(self.chain)
        self.user_box = QComboBox(self)
        self.user_box.setObjectName("audit_user")
        self.action_box = QComboBox(self)
        self.action_box.setObjectName("audit_action")
        self.use_dates = QCheckBox(self.tr("Từ ngày"), self)
        self.date_from = QDateEdit(QDate.currentDate().addDays(-30), self)
        self.date_to = QDateEdit(QDate.currentDate(), self)
        for edit in (self.date_from, self.date_to):
            edit.setCalendarPopup(True)
            edit.setDisplayFormat("dd/MM/yyyy")
        apply = QPushButton(self.tr("Lọc"), self)
        apply.setObjectName("audit_apply")
        apply.clicked.connect(self.refresh)
        filters = QHBoxLayout()
        filters.addWidget(QLabel(self.tr("Người dùng"), self))
        filters.addWidget(self.user_box)
        filters.addWidget(QLabel(self.tr("Thao tác"), self))
        filters.addWidget(self.action_box)
        filters.addWidget(self.use_dates)
        filters.addWidget(self.date_from)
        filters.addWidget(QLabel(self.tr("đến"), self))
        filters.addWidget(self.date_to)
        filters.addWidget(apply)
        filters.addStretch(1)
        layout.addLayout(filters)
        headers = [
            self.tr("Thời điểm"),
            self.tr("Người dùng"),
            self.tr("Thao tác"),
            self.tr("Loại bản ghi"),
            self.tr("Bản ghi"),
            self.tr("Thay đổi"),
            self.tr("Chi tiết"),
        ]
        self.table = QTableWidget(0, len(headers), self)
        self.table.setObjectName("audit_table")
        self.table.setHorizontalHeaderLabels(headers)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        # The time, user and action are short: never cut; the changes take the room left.
        for column in (TIME, USER, ACTION, FORM):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        self.table.setColumnWidth(RECORD, 160)
        header.setSectionResizeMode(CHANGES, QHeaderView.ResizeMode.Stretch)
        header.setStretchLastSection(False)
        self.table.setWordWrap(False)
        layout.addWidget(self.table, 1)
        self.more = QPushButton(self.tr("Xem thêm"), self)
        self.more.setObjectName("audit_more")
        self.more.clicked.connect(self.load_more)
        layout.addWidget(self.more, 0, Qt.AlignmentFlag.AlignLeft)
        self._fill_choices()
        # Once per opening: the walk reads the whole log (about 0.5 s per 100,000 entries).
        self.check_chain()
        self.refresh()

    def current_filter(self) -> AuditFilter:
        """The filter the controls describe."""
        use_dates = self.use_dates.isChecked()
        return AuditFilter(
            username=self.user_box.currentData() or None,
            action=self.action_box.currentData() or None,
            date_from=to_date(self.date_from.date()) if use_dates else None,
            date_to=to_date(self.date_to.date()) if use_dates else None,
        )

    def refresh(self) -> None:
        """Reload the newest page for the current filter."""
        if self.table is None:
            return
        self.table.setRowCount(0)
        self._oldest_id = None
        self.load_more()

    def check_chain(self) -> None:
        """Walk the log's hash chain and say on the line above the table whether it is whole."""
        report = verify_audit_chain(self.ctx.store)
        self.chain.setText(str(describe_chain(report)))
        self.chain.setStyleSheet("" if report.whole else "color: #b00020; font-weight: bold;")

    def load_more(self) -> None:
        """Append the next (older) page."""
        if self.table is None:
            return
        entries = query_audit(self.ctx.store, self.current_filter(), before_id=self._oldest_id)
        for entry in entries:
            self._append(entry)
        if entries:
            self._oldest_id = entries[-1].id
        self.more.setEnabled(len(entries) == DEFAULT_LIMIT)

    def _fill_choices(self) -> None:
        everyone = self.tr("(tất cả)")
        self.user_box.addItem(everyone, "")
        for name in audit_usernames(self.ctx.store):
            self.user_box.addItem(name, name)
        self.action_box.addItem(everyone, "")
        for action in audit_actions(self.ctx.store):
            self.action_box.addItem(action_label(action), action)

    def _record_title(self, form_id: str, uuid: str) -> str | None:
        """The title of a record the log points to (deleted ones too), looked up once."""
        key = (form_id, uuid)
        if key not in self._titles:
            title = None
            if form_id in self.ctx.store.forms:
                record = self.ctx.store.get_record(form_id, uuid, include_deleted=True)
                form = self.ctx.store.forms[form_id]
                if record is not None and record.get(form.title_field):
                    title = str(record.get(form.title_field))
            self._titles[key] = title
        return self._titles[key]

    def _append(self, entry: AuditEntry) -> None:
        assert self.table is not None
        forms = self.ctx.store.forms
        row = self.table.rowCount()
        self.table.insertRow(row)
        lines = changes(forms, entry.form_id, entry.old, entry.new, title_of=self._record_title)
        record = ""
        if entry.form_id and entry.record_uuid:
            record = self._record_title(entry.form_id, entry.record_uuid) or entry.record_uuid[:8]
        cells = [
            local_time(entry.at),
            entry.username,
            action_label(entry.action),
            form_label(forms, entry.form_id),
            record,
            "; ".join(lines),
            detail_text(entry.detail),
        ]
        tips = {CHANGES: "\n".join(lines)}
        for column, text in enumerate(cells):
            item = QTableWidgetItem(text)
            tip = tips.get(column, text)
            item.setToolTip(tip if len(text) > 40 or "\n" in tip else "")
            self.table.setItem(row, column, item)
