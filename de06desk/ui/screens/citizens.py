"""Công dân & theo dõi: the population list, and the follow-up of unfinished work."""

from __future__ import annotations

from PySide6.QtWidgets import QPushButton, QTabWidget, QVBoxLayout, QWidget

from ..context import AppContext
from ..dialogs.citizen_import import CitizenImportDialog
from ..followup import FollowUpPanel
from ..record_screen import ListSetup, RecordScreen


class CitizenListScreen(RecordScreen):
    """Citizens: searchable list (name, ID number, phone) and the citizen form."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(
            ctx,
            "citizen",
            ListSetup(
                columns=(
                    "full_name",
                    "id_number",
                    "sex",
                    "birth_date",
                    "birth_year",
                    "phone",
                    "village",
                    "living_status",
                ),
                filters=("village", "living_status"),
            ),
            parent,
        )
        self.import_button = QPushButton(self.tr("Nhập danh sách công dân…"), self)
        self.import_button.setObjectName("import_citizens")
        self.import_button.setEnabled(ctx.allowed("citizens.import"))
        self.import_button.clicked.connect(self.open_import)
        self.add_tool_button(self.import_button)

    def open_import(self) -> None:
        """Open the citizen-list import (Excel/CSV) dialog."""
        # The dialog's actions tell every screen what they changed.
        CitizenImportDialog(self.ctx, self).exec()


class CitizensScreen(QWidget):
    """Two tabs: the citizens list and the follow-up ("Theo dõi")."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.tabs = QTabWidget(self)
        self.citizens = CitizenListScreen(ctx, self.tabs)
        self.followup = FollowUpPanel(ctx, self.tabs)
        self.tabs.addTab(self.citizens, self.tr("Danh sách công dân"))
        self.tabs.addTab(self.followup, self.tr("Theo dõi"))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.tabs)

    def _list_tab(self) -> CitizenListScreen | None:
        return self.citizens if self.tabs.currentWidget() is self.citizens else None

    def new_record(self) -> None:
        """Ctrl+N: a new citizen."""
        self.tabs.setCurrentWidget(self.citizens)
        self.citizens.new_record()

    def save(self) -> None:
        """Ctrl+S: save the citizen being edited."""
        if self._list_tab():
            self.citizens.save()

    def focus_search(self) -> None:
        """Ctrl+F: search citizens."""
        self.tabs.setCurrentWidget(self.citizens)
        self.citizens.focus_search()

    def cancel(self) -> None:
        """Esc: leave the citizen being edited."""
        if self._list_tab():
            self.citizens.cancel()

    def confirm_leave(self) -> bool:
        """True when no unsaved citizen would be lost."""
        return self.citizens.confirm_leave()

    def refresh(self) -> None:
        """Reload the follow-up lists (they age by the day)."""
        self.followup.refresh()
