"""How a field's value is written down: in its SQLite column, and as JSON.

The one codec of field values, by field type. Python values (docs/ARCHITECTURE.md "Records"):
text, choices, ID numbers, phones and references are `str`, integers `int`, dates
`datetime.date`, multi-choice `list[str]`; blank is `blank(field)`.

- Column (the record tables, `store/`): dates as ISO text, multi-choice as JSON text, blank as
  NULL, everything else as is.
- JSON (audit entries' old/new values, import batches' saved values, and the rows of sync
  packages, docs/SYNC.md): dates as "YYYY-MM-DD", multi-choice as arrays, everything else as is.

Both are read back by older and newer versions of the app: a change here is a change of the
database format and of the sync format (tests/sync/test_main_packages.py reads packages written
before).
"""

from __future__ import annotations

import json
from collections.abc import Callable, Mapping
from datetime import date
from typing import Any

from .model import FieldSpec, FormSpec


def blank(spec: FieldSpec) -> Any:
    """The value of a field left empty: [] for a multi-choice, None for every other type."""
    return [] if spec.type == "multi_choice" else None


def _date_to_text(value: Any) -> str:
    return value.isoformat() if isinstance(value, date) else str(value)


def _choices_to_text(value: Any) -> str:
    return json.dumps(list(value), ensure_ascii=False)


# Field type → conversion of a non-blank value to its column / back; types not listed are
# stored as they are.
_TO_COLUMN: dict[str, Callable[[Any], Any]] = {
    "date": _date_to_text,
    "multi_choice": _choices_to_text,
}
_FROM_COLUMN: dict[str, Callable[[Any], Any]] = {
    "date": date.fromisoformat,
    "multi_choice": json.loads,
}


def to_db(spec: FieldSpec, value: Any) -> Any:
    """A field value as stored in its SQLite column."""
    # An empty value is NULL whatever the field type.
    if value is None or value == "" or value == []:
        return None
    convert = _TO_COLUMN.get(spec.type)
    return value if convert is None else convert(value)


def from_db(spec: FieldSpec, cell: Any) -> Any:
    """A stored column value back as the field's Python value."""
    if cell is None:
        return blank(spec)
    convert = _FROM_COLUMN.get(spec.type)
    return cell if convert is None else convert(cell)


def row_to_db(form: FormSpec) -> Callable[[Mapping[str, Any]], list[Any]]:
    """`to_db` of every field of `form`, in form order, prepared once for many records.

    The same conversion as `to_db`, with the per-field lookups done once: a hub import or a
    list import converts millions of values.
    """
    plan = [(spec.name, _TO_COLUMN.get(spec.type)) for spec in form.fields]

    def convert(values: Mapping[str, Any]) -> list[Any]:
        out: list[Any] = []
        append = out.append
        for name, to_column in plan:
            value = values.get(name)  # a field left out is blank
            if value is None or value == "" or value == []:
                append(None)
            elif to_column is None:
                append(value)
            else:
                append(to_column(value))
        return out

    return convert


def to_json(spec: FieldSpec, value: Any) -> Any:
    """A field value as JSON data (dates as ISO text)."""
    if spec.type == "date" and isinstance(value, date):
        return value.isoformat()
    return value


def from_json(spec: FieldSpec, data: Any) -> Any:
    """JSON data written by `to_json` back as the field's Python value."""
    if data is None:
        return blank(spec)
    if spec.type == "date" and isinstance(data, str):
        return date.fromisoformat(data)
    return data


def record_to_json(form: FormSpec, values: Mapping[str, Any]) -> dict[str, Any]:
    """The given values of `form`'s fields as JSON data (other keys are left out)."""
    return {
        spec.name: to_json(spec, values[spec.name]) for spec in form.fields if spec.name in values
    }


def record_from_json(form: FormSpec, data: Mapping[str, Any]) -> dict[str, Any]:
    """Every field of `form` from JSON data written by `record_to_json` (missing: blank)."""
    return {spec.name: from_json(spec, data.get(spec.name)) for spec in form.fields}


def _choices_column_to_json(cell: Any) -> Any:
    return json.loads(cell) if cell else []


# Field type → column value to JSON data, for the types where the two differ (a date's ISO
# text is the same in both): `to_json(from_db(cell))` without making the Python value.
_COLUMN_TO_JSON: dict[str, Callable[[Any], Any]] = {"multi_choice": _choices_column_to_json}


def column_to_json_plan(form: FormSpec) -> list[tuple[str, Callable[[Any], Any]]]:
    """(field, conversion) for the fields of `form` whose stored value is not already its JSON
    data; a sync export applies them to each row it reads."""
    return [
        (spec.name, _COLUMN_TO_JSON[spec.type])
        for spec in form.fields
        if spec.type in _COLUMN_TO_JSON
    ]
