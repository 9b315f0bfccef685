"""Data-quality screen: run the checks, filter the findings, open cleanup cases from them."""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from de06desk.actions import records
from de06desk.domain.i18n import DomainError
from de06desk.domain.progress import CancelCheck, Progress
from de06desk.domain.weeks import format_date
from de06desk.quality.checks import (
    CHECK_LABELS,
    CHECKS,
    CRITERION_LABELS,
    CaseAlreadyOpen,
    Finding,
    run_checks,
)
from de06desk.ui.context import AppContext
from de06desk.ui.tasks import Task, run_task, show_error

_Index = QModelIndex | QPersistentModelIndex


class FindingsModel(QAbstractTableModel):
    """Findings as rows, filtered by criterion and check (None = all)."""

    COLUMNS = 4

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._all: list[Finding] = []
        self._shown: list[Finding] = []
        self._criterion: str | None = None
        self._check: str | None = None

    def set_findings(self, findings: list[Finding]) -> None:
        """Replace every finding (after a run)."""
        self._all = list(findings)
        self._refilter()

    def set_filter(self, criterion: str | None, check: str | None) -> None:
        """Show only findings of this criterion and check."""
        self._criterion, self._check = criterion, check
        self._refilter()

    def replace(self, old: Finding, new: Finding) -> None:
        """Swap one finding for an updated copy (e.g. once its case is open)."""
        self._all = [new if f is old else f for f in self._all]
        for row, finding in enumerate(self._shown):
            if finding is old:
                self._shown[row] = new
                self.dataChanged.emit(self.index(row, 0), self.index(row, self.COLUMNS - 1))

    def _refilter(self) -> None:
        self.beginResetModel()
        self._shown = [
            f
            for f in self._all
            if (self._criterion is None or f.criterion == self._criterion)
            and (self._check is None or f.check == self._check)
        ]
        self.endResetModel()

    def finding(self, row: int) -> Finding:
        """The finding shown on `row`."""
        return self._shown[row]

    @property
    def total(self) -> int:
        """Findings before filtering."""
        return len(self._all)

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._shown)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else self.COLUMNS

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        return (
            self.tr("Tiêu chí"),
            self.tr("Kiểm tra"),
            self.tr("Công dân"),
            self.tr("Giải thích"),
        )[section]

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        finding = self._shown[index.row()]
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            if column == 0:
                return str(CRITERION_LABELS[finding.criterion])
            if column == 1:
                return str(CHECK_LABELS[finding.check])
            if column == 2:
                return finding.name
            text = str(finding.message)
            if finding.open_case:
                text = self.tr("[Đã có hồ sơ làm sạch] ") + text
            return text
        if role == Qt.ItemDataRole.ToolTipRole and column == 3:
            return str(finding.message)
        return None


class QualityScreen(QWidget):
    """Lists every data-quality problem; one click opens a pre-filled cleanup case."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self._task: Task | None = None
        self._stale = True
        self._own_change = False

        self.run_button = QPushButton(self.tr("Kiểm tra lại"))
        self.run_button.clicked.connect(self.refresh)
        self.criterion_filter = QComboBox()
        self.criterion_filter.addItem(self.tr("Mọi tiêu chí"), None)
        for key, label in CRITERION_LABELS.items():
            self.criterion_filter.addItem(str(label), key)
        self.check_filter = QComboBox()
        self.check_filter.addItem(self.tr("Mọi loại kiểm tra"), None)
        for key in CHECKS:
            self.check_filter.addItem(str(CHECK_LABELS[key]), key)
        self.criterion_filter.currentIndexChanged.connect(self._apply_filter)
        self.check_filter.currentIndexChanged.connect(self._apply_filter)

        self.checked_on = date.today()
        self.model = FindingsModel(self)
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setWordWrap(True)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(True)
        self.table.selectionModel().selectionChanged.connect(self._update_buttons)
        self.table.doubleClicked.connect(lambda _index: self.open_case())

        self.case_button = QPushButton(self.tr("Mở hồ sơ làm sạch"))
        self.case_button.setToolTip(
            self.tr("Tạo hồ sơ làm sạch dữ liệu đã điền sẵn theo vấn đề đang chọn.")
        )
        self.case_button.clicked.connect(self.open_case)
        self.status = QLabel(self.tr("Chưa kiểm tra."))
        self.status.setWordWrap(True)

        filters = QHBoxLayout()
        filters.addWidget(self.run_button)
        filters.addWidget(QLabel(self.tr("Lọc:")))
        filters.addWidget(self.criterion_filter)
        filters.addWidget(self.check_filter)
        filters.addStretch(1)
        actions = QHBoxLayout()
        actions.addWidget(self.status, 1)
        actions.addWidget(self.case_button)
        layout = QVBoxLayout(self)
        layout.addLayout(filters)
        layout.addWidget(self.table, 1)
        layout.addLayout(actions)
        ctx.signals.data_changed.connect(self._data_changed)
        self._update_buttons()

    # ---- running the checks -------------------------------------------------------------

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self._stale:
            self.refresh()

    def _data_changed(self, form_id: str) -> None:
        # Re-run when the screen is next shown (or now, if it is showing), not on every save.
        if self._own_change:
            return
        self._stale = True
        if self.isVisible() and self._task is None:
            self.refresh()

    def refresh(self) -> None:
        """Run the checks in the background and show the findings."""
        if self._task is not None:
            return
        self._stale = False
        self.run_button.setEnabled(False)
        self.status.setText(self.tr("Đang kiểm tra…"))

        ctx = self.ctx
        # The same day the dashboard and the weekly report count to (reports.summary.as_of_day).
        self.checked_on = date.today()
        day = self.checked_on

        def work(progress: Progress, cancelled: CancelCheck) -> list[Finding]:
            with ctx.open_store() as store:
                return run_checks(store, today=day)

        self._task = run_task(self, self.tr("Kiểm tra dữ liệu"), work, self._checked, self._failed)

    @property
    def busy(self) -> bool:
        """True while the checks run."""
        return self._task is not None

    def _checked(self, findings: list[Finding]) -> None:
        self._task = None
        self.run_button.setEnabled(True)
        self.model.set_findings(findings)
        self._show_counts()
        self._update_buttons()

    def _failed(self, exc: BaseException) -> None:
        self._task = None
        self.run_button.setEnabled(True)
        self.status.setText(self.tr("Kiểm tra không xong."))
        show_error(self, exc)

    def _apply_filter(self) -> None:
        self.model.set_filter(self.criterion_filter.currentData(), self.check_filter.currentData())
        self._show_counts()
        self._update_buttons()

    def _show_counts(self) -> None:
        if self.model.total == 0:
            self.status.setText(
                self.tr("Kiểm tra đến ngày {d}: không phát hiện vấn đề nào.").format(
                    d=format_date(self.checked_on)
                )
            )
        else:
            self.status.setText(
                self.tr(
                    "Kiểm tra đến ngày {d}: phát hiện {total} vấn đề; đang hiện {shown}."
                ).format(
                    d=format_date(self.checked_on),
                    total=self.model.total,
                    shown=self.model.rowCount(),
                )
            )

    # ---- cleanup cases ------------------------------------------------------------------

    def selected_finding(self) -> Finding | None:
        """The finding on the selected row, if any."""
        rows = self.table.selectionModel().selectedRows()
        return self.model.finding(rows[0].row()) if rows else None

    def _update_buttons(self) -> None:
        finding = self.selected_finding()
        self.case_button.setEnabled(
            self.ctx.allowed("case.open") and finding is not None and finding.open_case is None
        )

    def open_case(self) -> None:
        """Open a cleanup case for the selected finding (unless one is open already)."""
        finding = self.selected_finding()
        if finding is None or not self.ctx.allowed("case.open"):
            return
        try:
            done = records.open_case(self.ctx.store, self.ctx.user, finding)
        except CaseAlreadyOpen as exc:
            self.model.replace(finding, _with_case(finding, exc.case.uuid))
            self.status.setText(str(exc))
        except DomainError as exc:
            show_error(self, exc)
        else:
            case = done.value
            self.model.replace(finding, _with_case(finding, case.uuid))
            self.status.setText(
                self.tr("Đã mở hồ sơ làm sạch cho {name}.").format(name=finding.name)
            )
            # This screen already shows the new case; its own signal need not re-run checks.
            self._own_change = True
            try:
                self.ctx.apply(done)
            finally:
                self._own_change = False
        self._update_buttons()


def _with_case(finding: Finding, case_uuid: str) -> Finding:
    return replace(finding, open_case=case_uuid)
