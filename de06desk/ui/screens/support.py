"""Hỗ trợ người dân: sessions helping citizens with VNeID, online services and payments."""

from __future__ import annotations

from PySide6.QtWidgets import QWidget

from ..context import AppContext
from ..record_screen import ListSetup, RecordScreen


class SupportScreen(RecordScreen):
    """List and form of support sessions."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(
            ctx,
            "support_session",
            ListSetup(
                columns=(
                    "held_on",
                    "village",
                    "place",
                    "officer",
                    "support_types",
                    "citizens_helped",
                ),
                week_field="held_on",
                filters=("village", "officer"),
                sort="held_on",
                descending=True,
            ),
            parent,
        )
