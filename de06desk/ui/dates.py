"""Qt's dates and Python's: the one conversion the screens share.

`QDate.toPython()` is typed as returning `object` in PySide6's stubs; these say `date`.
"""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QDate


def to_date(day: QDate) -> date:
    """The Python date of a (valid) QDate."""
    return date(day.year(), day.month(), day.day())


def to_qdate(day: date) -> QDate:
    """The QDate of a Python date."""
    return QDate(day.year, day.month, day.day)
