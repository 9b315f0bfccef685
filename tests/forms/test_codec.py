"""The one value codec: a field's value in its SQLite column and as JSON (forms/codec.py)."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from de06desk.forms import FieldSpec, FormSpec
from de06desk.forms.codec import (
    blank,
    column_to_json_plan,
    from_db,
    from_json,
    record_from_json,
    record_to_json,
    row_to_db,
    to_db,
    to_json,
)
from de06desk.forms.model import FIELD_TYPES

REF = "0f5b8a61-6f8e-4b8e-9d0a-3c1a7e2b9d44"
# Field type → (a value, its column, its JSON data).
SAMPLES: dict[str, tuple[Any, Any, Any]] = {
    "text": ("Nguyễn Văn Á", "Nguyễn Văn Á", "Nguyễn Văn Á"),
    "integer": (0, 0, 0),
    "date": (date(2026, 11, 18), "2026-11-18", "2026-11-18"),
    "choice": ("vneid", "vneid", "vneid"),
    "multi_choice": (["vneid", "cashless"], '["vneid", "cashless"]', ["vneid", "cashless"]),
    "personal_id": ("001204012345", "001204012345", "001204012345"),
    "phone": ("0912345678", "0912345678", "0912345678"),
    "village": (REF, REF, REF),
    "officer": (REF, REF, REF),
    "reference": (REF, REF, REF),
}
FORM = FormSpec(
    id="thing",
    version=1,
    table="things",
    label_vi="Vật",
    label_en="Thing",
    title_field="text",
    fields=tuple(FieldSpec(kind, kind, kind, kind) for kind in sorted(SAMPLES)),
    rules=(),
    source=Path("thing.toml"),
)


def test_every_field_type_has_a_sample() -> None:
    assert set(SAMPLES) == FIELD_TYPES


@pytest.mark.parametrize("kind", sorted(SAMPLES))
def test_a_value_as_column_and_as_json_and_back(kind: str) -> None:
    spec = FORM.field(kind)
    value, column, data = SAMPLES[kind]
    assert to_db(spec, value) == column and from_db(spec, column) == value
    assert to_json(spec, value) == data and from_json(spec, data) == value
    assert type(from_db(spec, column)) is type(value) is type(from_json(spec, data))


@pytest.mark.parametrize("kind", sorted(SAMPLES))
def test_blank_is_defined_by_the_field_type(kind: str) -> None:
    spec = FORM.field(kind)
    empty = [] if kind == "multi_choice" else None
    assert blank(spec) == empty
    for value in (None, "", []):
        assert to_db(spec, value) is None
    assert from_db(spec, None) == empty and from_json(spec, None) == empty
    assert to_json(spec, empty) == empty


def test_the_whole_row_conversion_is_to_db_of_each_field() -> None:
    values = {kind: SAMPLES[kind][0] for kind in SAMPLES}
    assert row_to_db(FORM)(values) == [to_db(f, values[f.name]) for f in FORM.fields]
    blanks = {f.name: blank(f) for f in FORM.fields}
    assert row_to_db(FORM)(blanks) == [None] * len(FORM.fields)


def test_a_column_goes_to_json_as_its_value_would() -> None:
    """The sync export's shortcut (no Python value made) gives what the importer reads back."""
    for row in ({k: SAMPLES[k][1] for k in SAMPLES}, dict.fromkeys(SAMPLES)):
        out = dict(row)
        for name, convert in column_to_json_plan(FORM):
            out[name] = convert(row[name])
        assert out == {f.name: to_json(f, from_db(f, row[f.name])) for f in FORM.fields}
        json.dumps(out)  # JSON data indeed


def test_records_as_json_and_back() -> None:
    values = {kind: SAMPLES[kind][0] for kind in SAMPLES}
    data = record_to_json(FORM, {**values, "not_a_field": 1})
    assert data == {kind: SAMPLES[kind][2] for kind in SAMPLES}
    assert record_from_json(FORM, json.loads(json.dumps(data))) == values
    assert record_to_json(FORM, {"date": date(2026, 1, 2)}) == {"date": "2026-01-02"}
    assert record_from_json(FORM, {}) == {f.name: blank(f) for f in FORM.fields}
