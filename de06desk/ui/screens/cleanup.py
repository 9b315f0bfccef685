"""Làm sạch dữ liệu: cleanup cases ("đúng, đủ, sạch, sống") and the data-quality findings."""

from __future__ import annotations

from PySide6.QtWidgets import QTabWidget, QVBoxLayout, QWidget

from ..context import AppContext
from ..record_screen import ListSetup, RecordScreen
from .quality import QualityScreen


class CleanupCasesScreen(RecordScreen):
    """List and form of cleanup cases."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(
            ctx,
            "cleanup_case",
            ListSetup(
                columns=(
                    "opened_on",
                    "village",
                    "citizen",
                    "criterion",
                    "error_type",
                    "status",
                    "description",
                    "closed_on",
                ),
                week_field="opened_on",
                filters=("village", "criterion", "status", "officer"),
                sort="opened_on",
                descending=True,
            ),
            parent,
        )


class CleanupScreen(QWidget):
    """Two tabs: the cases, and the automatic data-quality check that finds new ones."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.tabs = QTabWidget(self)
        self.cases = CleanupCasesScreen(ctx, self.tabs)
        self.tabs.addTab(self.cases, self.tr("Hồ sơ làm sạch"))
        self.quality = QualityScreen(ctx)
        self.tabs.addTab(self.quality, self.tr("Kiểm tra chất lượng dữ liệu"))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.tabs)

    def new_record(self) -> None:
        """Ctrl+N: a new case."""
        self.tabs.setCurrentWidget(self.cases)
        self.cases.new_record()

    def save(self) -> None:
        """Ctrl+S: save the case being edited."""
        if self.tabs.currentWidget() is self.cases:
            self.cases.save()

    def focus_search(self) -> None:
        """Ctrl+F: search cases."""
        self.tabs.setCurrentWidget(self.cases)
        self.cases.focus_search()

    def cancel(self) -> None:
        """Esc: leave the case being edited."""
        if self.tabs.currentWidget() is self.cases:
            self.cases.cancel()

    def confirm_leave(self) -> bool:
        """True when no unsaved case would be lost."""
        return self.cases.confirm_leave()
