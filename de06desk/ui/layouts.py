"""Layout helpers the screens share."""

from __future__ import annotations

from PySide6.QtWidgets import QLayout


def remove_widgets(layout: QLayout) -> None:
    """Take every item out of `layout`; its widgets leave the widget tree at once.

    Not deleteLater, which waits for the event loop: until then findChild (and whoever looks
    up a table by name) would still find the old widgets. Python then owns and frees them.
    """
    while layout.count():
        widget = layout.takeAt(0).widget()
        if widget is not None:
            widget.setParent(None)
