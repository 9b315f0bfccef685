"""Tổng quan: this week at a glance, from the weekly report's own summary (same numbers).

The figures come only from `de06desk.reports.summary.build_summary` — the screen computes
nothing itself, so it cannot disagree with the PDF, the Excel file or the hub. Until the
reports module is installed the screen says so instead of showing other numbers.
"""

from __future__ import annotations

import importlib
from collections.abc import Mapping
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QFrame,
    QGridLayout,
    QGroupBox,
    QLabel,
    QScrollArea,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from de06desk.domain.weeks import current_week

from ..charts import BarChart
from ..context import AppContext

SUMMARY_MODULE = "de06desk.reports.summary"


def _summary_builder() -> Any:
    try:
        return importlib.import_module(SUMMARY_MODULE).build_summary
    except ModuleNotFoundError as exc:
        if exc.name != SUMMARY_MODULE:
            raise
        return None


def _is_number(value: Any) -> bool:
    return isinstance(value, int | float) and not isinstance(value, bool)


class DashboardScreen(QWidget):
    """The week's summary: key figures, this week against last, and the detailed tables."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.build_summary = _summary_builder()
        self.title = QLabel(self)
        self.title.setStyleSheet("font-size: 16px; font-weight: bold;")
        self.body = QWidget(self)
        self.chart = BarChart(self.body)
        self.chart.hide()
        self.body_layout = QVBoxLayout(self.body)
        scroll = QScrollArea(self)
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setWidget(self.body)
        layout = QVBoxLayout(self)
        layout.addWidget(self.title)
        layout.addWidget(scroll, 1)
        ctx.signals.data_changed.connect(lambda _form: self.refresh())
        self.summary: dict[str, Any] = {}
        self.refresh()

    def refresh(self) -> None:
        """Rebuild the figures for the current week."""
        week = current_week()
        self.title.setText(self.tr("Tổng quan — {w}").replace("{w}", week.label()))
        while self.body_layout.count():
            item = self.body_layout.takeAt(0)
            if item.widget() is not None and item.widget() is not self.chart:
                item.widget().deleteLater()
        if self.build_summary is None:
            note = QLabel(
                self.tr("Tổng quan lấy số liệu từ báo cáo tuần; phần báo cáo đang được chuẩn bị."),
                self.body,
            )
            note.setObjectName("placeholder")
            note.setWordWrap(True)
            self.body_layout.addWidget(note)
            self.body_layout.addStretch(1)
            return
        this = self.build_summary(self.ctx.store, week).to_dict()
        last = self.build_summary(self.ctx.store, week.previous()).to_dict()
        self.summary = this
        self._chart(this, last)
        self._sections(this)
        self.body_layout.addStretch(1)

    def _chart(self, this: Mapping[str, Any], last: Mapping[str, Any]) -> None:
        # Every top-level group of plain numbers is compared with the week before.
        groups: list[str] = []
        values: list[list[float]] = []
        for key, value in this.items():
            if isinstance(value, Mapping):
                for name, number in value.items():
                    if _is_number(number) and isinstance(last.get(key), Mapping):
                        groups.append(f"{key}: {name}")
                        values.append([float(last[key].get(name) or 0), float(number)])
        self.chart.set_data(groups[:8], [self.tr("Tuần trước"), self.tr("Tuần này")], values[:8])
        self.body_layout.addWidget(self.chart)
        self.chart.show()

    def _sections(self, data: Mapping[str, Any]) -> None:
        scalars = {k: v for k, v in data.items() if _is_number(v)}
        if scalars:
            self.body_layout.addWidget(self._figures(self.tr("Số liệu chính"), scalars))
        for key, value in data.items():
            if isinstance(value, Mapping) and value:
                self.body_layout.addWidget(self._figures(str(key), value))
            elif isinstance(value, list) and value and isinstance(value[0], Mapping):
                self.body_layout.addWidget(self._table(str(key), value))

    def _figures(self, title: str, values: Mapping[str, Any]) -> QGroupBox:
        box = QGroupBox(title, self.body)
        grid = QGridLayout(box)
        for i, (name, value) in enumerate(values.items()):
            label = QLabel(str(name), box)
            shown = QLabel(str(value), box)
            shown.setAlignment(Qt.AlignmentFlag.AlignRight)
            grid.addWidget(label, i // 3, (i % 3) * 2)
            grid.addWidget(shown, i // 3, (i % 3) * 2 + 1)
        return box

    def _table(self, title: str, rows: list[Mapping[str, Any]]) -> QGroupBox:
        box = QGroupBox(title, self.body)
        columns = list(rows[0])
        table = QTableWidget(len(rows), len(columns), box)
        table.setHorizontalHeaderLabels([str(c) for c in columns])
        table.verticalHeader().setVisible(False)
        for r, row in enumerate(rows):
            for c, column in enumerate(columns):
                table.setItem(r, c, QTableWidgetItem(str(row.get(column, ""))))
        table.resizeColumnsToContents()
        table.setMinimumHeight(min(400, 30 + 26 * len(rows)))
        QVBoxLayout(box).addWidget(table)
        return box
