"""Screens that other parts of the app provide, loaded by name with a stand-in until they exist."""

from __future__ import annotations

import importlib

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from .context import AppContext


class PlaceholderScreen(QWidget):
    """Stands in for a screen whose module is not installed yet."""

    def __init__(self, title: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        label = QLabel(
            self.tr("{title}\n\nChức năng này đang được chuẩn bị.").replace("{title}", title), self
        )
        label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        label.setStyleSheet("font-size: 16px; color: #555;")
        label.setObjectName("placeholder")
        layout = QVBoxLayout(self)
        layout.addWidget(label)


def load_screen(module: str, name: str, ctx: AppContext, title: str) -> QWidget:
    """Build `module.name(ctx)`, or a placeholder if that module does not exist (yet)."""
    try:
        cls = getattr(importlib.import_module(module), name)
    except ModuleNotFoundError as exc:
        if exc.name != module:
            raise  # a real missing dependency is a bug, not a screen in preparation
        return PlaceholderScreen(title)
    return cls(ctx)
