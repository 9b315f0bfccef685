"""A small grouped bar chart drawn with QPainter (PySide6-Essentials has no QtCharts)."""

from __future__ import annotations

from PySide6.QtCore import QRectF, QSize, Qt
from PySide6.QtGui import QColor, QPainter, QPaintEvent
from PySide6.QtWidgets import QSizePolicy, QWidget

SERIES_COLOURS = (QColor("#9db7d5"), QColor("#1d5fa8"), QColor("#2e7d32"), QColor("#f9a825"))


class BarChart(QWidget):
    """Groups of bars (e.g. received/approved/activated) for a few series (last week, this week).

    `set_data(groups, series, values)` where `values[g][s]` is the value of series `s` in
    group `g`. Values are printed above the bars, so the chart needs no axis.
    """

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.groups: list[str] = []
        self.series: list[str] = []
        self.values: list[list[float]] = []
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setMinimumHeight(180)

    def set_data(self, groups: list[str], series: list[str], values: list[list[float]]) -> None:
        """Replace what the chart shows."""
        self.groups, self.series, self.values = groups, series, values
        self.update()

    def sizeHint(self) -> QSize:
        return QSize(420, 220)

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        metrics = painter.fontMetrics()
        line = metrics.height()
        legend_h = line + 8
        area = QRectF(self.rect()).adjusted(8, legend_h + 4, -8, -(line * 2 + 8))
        # Legend.
        x = 8.0
        for s, name in enumerate(self.series):
            painter.fillRect(QRectF(x, 6, 12, 12), SERIES_COLOURS[s % len(SERIES_COLOURS)])
            painter.setPen(self.palette().windowText().color())
            painter.drawText(QRectF(x + 16, 2, 400, line + 4), Qt.AlignmentFlag.AlignVCenter, name)
            x += 16 + metrics.horizontalAdvance(name) + 18
        if not self.groups or area.height() <= line:
            painter.end()
            return
        top = max((v for row in self.values for v in row), default=0) or 1
        group_w = area.width() / len(self.groups)
        bar_w = min(44.0, (group_w - 16) / max(1, len(self.series)))
        painter.setPen(QColor("#bbb"))
        painter.drawLine(area.bottomLeft(), area.bottomRight())
        for g, label in enumerate(self.groups):
            left = area.left() + g * group_w + (group_w - bar_w * len(self.series)) / 2
            for s in range(len(self.series)):
                value = self.values[g][s] if g < len(self.values) else 0
                h = (area.height() - line - 2) * value / top
                bar = QRectF(left + s * bar_w + 2, area.bottom() - h, bar_w - 4, h)
                painter.fillRect(bar, SERIES_COLOURS[s % len(SERIES_COLOURS)])
                painter.setPen(self.palette().windowText().color())
                painter.drawText(
                    QRectF(bar.left() - 10, bar.top() - line - 2, bar.width() + 20, line),
                    Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignBottom,
                    f"{value:g}",
                )
            painter.drawText(
                QRectF(area.left() + g * group_w, area.bottom() + 4, group_w, line * 2 + 4),
                Qt.AlignmentFlag.AlignHCenter
                | Qt.AlignmentFlag.AlignTop
                | Qt.TextFlag.TextWordWrap,
                label,
            )
        painter.end()
