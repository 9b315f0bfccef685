"""Warnings: what a record says that is probably wrong but may be right, so it is shown beside
the field and the officer may save anyway (the save is then recorded in the audit).

Today one kind: a personal ID number whose sex or birth year (digit 4 and digits 5–6) disagree
with the sex and birth date/year typed next to it (`cross_check` on the field). The card may
be right and the list wrong, or the other way round: only a person can tell.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date
from typing import Any

from de06desk.domain.i18n import DomainError, Msg
from de06desk.domain.idnumber import check_id_consistency, parse_id_number

from .model import FormSpec


@dataclass(frozen=True)
class FieldWarning:
    """A warning shown beside `field`: `code` for the audit (no personal data), and the text."""

    field: str
    code: str
    message: Msg


def record_warnings(form: FormSpec, values: Mapping[str, Any]) -> list[FieldWarning]:
    """The warnings of a record of `form` with parsed `values` (empty when all agree)."""
    found: list[FieldWarning] = []
    for spec in form.fields:
        if not spec.cross_check or not values.get(spec.name):
            continue
        try:
            info = parse_id_number(str(values[spec.name]), allow_cmnd=spec.allow_cmnd)
        except DomainError:
            continue  # an invalid number is an error of its own field, not a warning
        roles = dict(spec.cross_check)
        sex_field = roles.get("sex")
        sex = values.get(sex_field) if sex_field else None
        birth = values.get(roles.get("birth_date", ""))
        year_field = roles.get("birth_year")
        year = values.get(year_field) if year_field else None
        birth_field = year_field
        if isinstance(birth, date):
            year, birth_field = birth.year, roles.get("birth_date")
        year = year if isinstance(year, int) else None
        for message in check_id_consistency(info, birth_year=year):
            found.append(FieldWarning(birth_field or spec.name, f"{spec.name}~birth_year", message))
        for message in check_id_consistency(info, sex=sex if isinstance(sex, str) else None):
            found.append(FieldWarning(sex_field or spec.name, f"{spec.name}~sex", message))
    return found
