"""Layout helpers the screens share."""

from __future__ import annotations

from PySide6.QtCore import QPoint, QRect, QSize, Qt
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import QLayout, QLayoutItem, QSplitter, QWidget


def remove_widgets(layout: QLayout) -> None:
    """Take every item out of `layout`; its widgets leave the widget tree at once.

    Not deleteLater, which waits for the event loop: until then findChild (and whoever looks
    up a table by name) would still find the old widgets. Python then owns and frees them.
    """
    while (item := layout.takeAt(0)) is not None:
        widget = item.widget()
        if widget is not None:
            widget.setParent(None)


class SideOrBelow(QSplitter):
    """Two panes side by side when the width holds both, else the second below the first.

    A commune laptop at 125 % scaling has about 1,093 logical pixels across: a list with its
    filters beside a form does not fit there, one above the other does. The orientation follows
    the width, so the same screen is usable at 100 % and 125 % with nothing clipped.
    """

    def __init__(self, parent: QWidget | None = None, *, first_width: int = 560) -> None:
        super().__init__(Qt.Orientation.Horizontal, parent)
        self.setChildrenCollapsible(False)
        # Beside the form, a list narrower than this shows too few columns to be useful.
        self.first_width = first_width

    def _pane_minimum(self, index: int) -> QSize:
        widget = self.widget(index)
        if widget is None:
            return QSize(0, 0)
        return widget.minimumSizeHint().expandedTo(widget.minimumSize())

    def side_by_side_width(self) -> int:
        """The narrowest width at which the panes go side by side."""
        first = max(self.first_width, self._pane_minimum(0).width())
        return first + self._pane_minimum(1).width() + self.handleWidth()

    def minimumSizeHint(self) -> QSize:
        # The smallest of the two arrangements across (one above the other), which the
        # resize then picks whenever side by side does not fit.
        first, second = self._pane_minimum(0), self._pane_minimum(1)
        return QSize(
            max(first.width(), second.width()),
            first.height() + second.height() + self.handleWidth(),
        )

    def resizeEvent(self, event: QResizeEvent) -> None:
        self.arrange(event.size())
        super().resizeEvent(event)

    def arrange(self, size: QSize) -> None:
        """Choose the orientation for a splitter of `size`."""
        across = size.width() >= self.side_by_side_width()
        wanted = Qt.Orientation.Horizontal if across else Qt.Orientation.Vertical
        if self.orientation() != wanted:
            self.setOrientation(wanted)
            # The list takes the larger share either way (its filters may need two lines);
            # the form scrolls.
            total = size.width() if across else size.height()
            first = total * 3 // 5 if across else total * 11 // 20
            self.setSizes([first, total - first])


class FlowLayout(QLayout):
    """Widgets left to right, wrapping onto a new line when the width runs out.

    For rows of filters and buttons: on a narrow screen they take two lines instead of
    making the whole window wider than the laptop (Qt's own layouts never wrap).
    """

    def __init__(self, parent: QWidget | None = None, spacing: int = 6) -> None:
        super().__init__(parent)
        self._items: list[QLayoutItem] = []
        self._spacing = spacing
        self.setContentsMargins(0, 0, 0, 0)

    def addItem(self, item: QLayoutItem) -> None:
        self._items.append(item)

    def count(self) -> int:
        return len(self._items)

    def itemAt(self, index: int) -> QLayoutItem | None:
        return self._items[index] if 0 <= index < len(self._items) else None

    def takeAt(self, index: int) -> QLayoutItem | None:
        return self._items.pop(index) if 0 <= index < len(self._items) else None

    def expandingDirections(self) -> Qt.Orientation:
        return Qt.Orientation(0)

    def hasHeightForWidth(self) -> bool:
        return True

    def heightForWidth(self, width: int) -> int:
        return self._place(QRect(0, 0, width, 0), move=False)

    def setGeometry(self, rect: QRect) -> None:
        super().setGeometry(rect)
        self._place(rect, move=True)

    def sizeHint(self) -> QSize:
        width = sum(i.sizeHint().width() for i in self._visible()) + self._spacing * max(
            0, len(self._visible()) - 1
        )
        height = max((i.sizeHint().height() for i in self._visible()), default=0)
        margins = self.contentsMargins()
        return QSize(width, height) + QSize(
            margins.left() + margins.right(), margins.top() + margins.bottom()
        )

    def minimumSize(self) -> QSize:
        size = QSize()
        for item in self._visible():
            size = size.expandedTo(item.minimumSize())
        margins = self.contentsMargins()
        return size + QSize(margins.left() + margins.right(), margins.top() + margins.bottom())

    def _visible(self) -> list[QLayoutItem]:
        return [i for i in self._items if not ((w := i.widget()) and w.isHidden())]

    def _place(self, rect: QRect, *, move: bool) -> int:
        margins = self.contentsMargins()
        area = rect.adjusted(margins.left(), margins.top(), -margins.right(), -margins.bottom())
        x, y, line = area.x(), area.y(), 0
        for item in self._visible():
            hint = item.sizeHint()
            width = min(hint.width(), area.width())
            if x > area.x() and x + width > area.right() + 1:
                x, y, line = area.x(), y + line + self._spacing, 0
            if move:
                item.setGeometry(QRect(QPoint(x, y), QSize(width, hint.height())))
            x += width + self._spacing
            line = max(line, hint.height())
        return y + line - rect.y() + margins.bottom()
