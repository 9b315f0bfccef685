"""How stored values are shown to a person (dd/mm/yyyy dates, choice labels, names)."""

from __future__ import annotations

from datetime import date
from typing import Any

from de06desk.domain.weeks import format_date
from de06desk.forms import FieldSpec


def display_value(spec: FieldSpec, value: Any) -> str:
    """`value` of field `spec` as text for a list cell or a label ('' for blank)."""
    if value is None or value == "" or value == []:
        return ""
    if spec.type == "date" and isinstance(value, date):
        return format_date(value)
    if spec.type == "choice":
        return spec.choice_label(value)
    if spec.type == "multi_choice":
        return ", ".join(spec.choice_label(v) for v in value)
    return str(value)
