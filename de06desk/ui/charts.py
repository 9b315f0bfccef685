"""Small charts drawn with QPainter (PySide6-Essentials has no QtCharts): grouped bars, lines."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QPointF, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QPainter, QPaintEvent, QPen, QPolygonF
from PySide6.QtWidgets import QSizePolicy, QWidget


def _plain(value: float) -> str:
    return f"{value:g}"


SERIES_COLOURS = (QColor("#9db7d5"), QColor("#1d5fa8"), QColor("#2e7d32"), QColor("#f9a825"))


class BarChart(QWidget):
    """Groups of bars (e.g. received/approved/activated) for a few series (last week, this week).

    `set_data(groups, series, values)` where `values[g][s]` is the value of series `s` in
    group `g`. Values are printed above the bars, so the chart needs no axis.
    """

    def __init__(
        self, parent: QWidget | None = None, number: Callable[[float], str] = _plain
    ) -> None:
        super().__init__(parent)
        self.number = number  # how a value is written (the reports' own format)
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
                    self.number(value),
                )
            painter.drawText(
                QRectF(area.left() + g * group_w, area.bottom() + 4, group_w, line * 2 + 4),
                Qt.AlignmentFlag.AlignHCenter
                | Qt.AlignmentFlag.AlignTop
                | Qt.TextFlag.TextWordWrap,
                label,
            )
        painter.end()


# Series styles of the progress chart: a dash pattern and a marker for each, so lines can be
# told apart on a black-and-white printout or by a colour-blind reader (same as the PDF's).
LINE_STYLES: dict[str, tuple[Qt.PenStyle, str, float]] = {
    "cumulative": (Qt.PenStyle.SolidLine, "filled_circle", 2.4),
    "target": (Qt.PenStyle.DashLine, "", 1.6),
    "received": (Qt.PenStyle.DotLine, "square", 1.4),
    "approved": (Qt.PenStyle.DashDotLine, "triangle", 1.4),
    "activated": (Qt.PenStyle.SolidLine, "filled_circle", 1.8),
}


class LineChart(QWidget):
    """Lines over a few weeks (cumulative against a target, or weekly flows), drawn in the
    window's text colour and told apart by dash pattern and marker, with a legend.

    `set_data(ticks, series)` where each series is (name, style key, values; None = no point).
    """

    def __init__(
        self, parent: QWidget | None = None, number: Callable[[float], str] = _plain
    ) -> None:
        super().__init__(parent)
        self.number = number
        self.ticks: list[str] = []
        self.series: list[tuple[str, str, list[float | None]]] = []
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setMinimumHeight(200)

    def set_data(self, ticks: list[str], series: list[tuple[str, str, list[float | None]]]) -> None:
        """Replace what the chart shows."""
        self.ticks, self.series = ticks, series
        self.update()

    def sizeHint(self) -> QSize:
        return QSize(420, 230)

    def _pen(self, style: str) -> QPen:
        dash, _marker, width = LINE_STYLES[style]
        pen = QPen(self.palette().windowText().color(), width)
        pen.setStyle(dash)
        return pen

    def _marker(self, painter: QPainter, style: str, x: float, y: float) -> None:
        marker = LINE_STYLES[style][1]
        if not marker:
            return
        painter.save()
        painter.setPen(QPen(self.palette().windowText().color(), 1.2))
        filled = marker.startswith("filled")
        painter.setBrush(self.palette().windowText() if filled else self.palette().base())
        r = 3.5
        if marker.endswith("circle"):
            painter.drawEllipse(QPointF(x, y), r, r)
        elif marker == "square":
            painter.drawRect(QRectF(x - r, y - r, 2 * r, 2 * r))
        else:
            painter.drawPolygon(
                QPolygonF([QPointF(x, y - r - 1), QPointF(x - r, y + r), QPointF(x + r, y + r)])
            )
        painter.restore()

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        metrics = painter.fontMetrics()
        line = metrics.height()
        text = self.palette().windowText().color()
        # Legend: a line sample with its marker, then the name.
        x = 8.0
        for name, style, _values in self.series:
            painter.setPen(self._pen(style))
            painter.drawLine(QPointF(x, 10 + line / 2), QPointF(x + 30, 10 + line / 2))
            self._marker(painter, style, x + 15, 10 + line / 2)
            painter.setPen(text)
            painter.drawText(QRectF(x + 36, 10, 400, line), Qt.AlignmentFlag.AlignVCenter, name)
            x += 36 + metrics.horizontalAdvance(name) + 18
        values = [v for _, _, vs in self.series for v in vs if v is not None]
        top = max(values, default=0) or 1
        label_w = metrics.horizontalAdvance(self.number(top)) + 8
        area = QRectF(self.rect()).adjusted(8 + label_w, line + 24, -12, -(line + 10))
        if not self.ticks or area.height() <= line or area.width() <= 0:
            painter.end()
            return
        painter.setPen(QColor("#bbb"))
        painter.drawLine(area.bottomLeft(), area.bottomRight())
        painter.drawLine(area.bottomLeft(), area.topLeft())
        painter.setPen(text)
        for fraction in (0.0, 0.5, 1.0):
            y = area.bottom() - area.height() * fraction
            painter.drawText(
                QRectF(0, y - line / 2, label_w + 2, line),
                Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter,
                self.number(top * fraction),
            )
        step = area.width() / max(1, len(self.ticks) - 1) if len(self.ticks) > 1 else 0
        xs = [area.left() + i * step for i in range(len(self.ticks))]
        for x_tick, tick in zip(xs, self.ticks, strict=True):
            painter.drawText(
                QRectF(x_tick - 30, area.bottom() + 4, 60, line),
                Qt.AlignmentFlag.AlignHCenter,
                tick,
            )
        for _name, style, series_values in self.series:
            points = [
                QPointF(x_point, area.bottom() - area.height() * v / top)
                for x_point, v in zip(xs, series_values, strict=False)
                if v is not None
            ]
            painter.setPen(self._pen(style))
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawPolyline(QPolygonF(points))
            for point in points:
                self._marker(painter, style, point.x(), point.y())
        painter.end()
