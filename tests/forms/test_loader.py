"""Form files: the shipped ones load, broken ones are refused with a precise message."""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path

import pytest

from de06desk.domain.i18n import DomainError
from de06desk.forms import (
    FormError,
    load_form_text,
    load_forms,
    load_forms_from_texts,
    parse_record,
    parse_value,
)

GOOD = """
[form]
id = "thing"
version = 1
table = "things"
label_vi = "Vật"
label_en = "Thing"
title_field = "name"

[[fields]]
name = "name"
type = "text"
label_vi = "Tên"
label_en = "Name"
required = true

[[fields]]
name = "kind"
type = "choice"
choices = "kinds"
label_vi = "Loại"
label_en = "Kind"

[[rules]]
id = "r1"
expr = "kind != 'b' or name"
fields = ["name"]
message_vi = "Cần tên."
message_en = "Name needed."

[choices.kinds]
options = [{ value = "a", vi = "A", en = "A" }, { value = "b", vi = "B", en = "B" }]
"""


def test_shipped_forms_load_with_every_record_type() -> None:
    forms = load_forms()
    assert {
        "citizen",
        "activation_drive",
        "drive_roster",
        "cleanup_case",
        "support_session",
        "commune",
        "village",
        "officer",
        "target",
    } <= set(forms.versions())
    statuses = [c.value for c in forms["drive_roster"].field("status").choices]
    assert statuses == ["level1_registered", "received", "approved", "activated", "refused"]
    criteria = [c.vi for c in forms["cleanup_case"].field("criterion").choices]
    assert criteria == ["Đúng", "Đủ", "Sạch", "Sống"]


def test_a_good_form_loads() -> None:
    form = load_form_text(GOOD, "thing.toml")
    assert form.field_names == ("name", "kind")
    assert form.field("kind").choice_label("b", "vi") == "B"


@pytest.mark.parametrize(
    ("change", "where", "problem"),
    [
        (('type = "text"', 'type = "textt"'), "field 'name'", "unknown type 'textt'"),
        (('expr = "kind', 'expr = "colour'), "rule 'r1'", "names missing field 'colour'"),
        (
            ('choices = "kinds"', 'choices = "sizes"'),
            "field 'kind'",
            "choice list 'sizes' is not defined",
        ),
        (
            ('title_field = "name"', 'title_field = "nom"'),
            "form.title_field",
            "unknown field 'nom'",
        ),
        (
            ('expr = "kind', 'expr = "len(kind) or kind'),
            "rule 'r1'",
            "function calls are not allowed",
        ),
        (('name = "name"', 'name = "uuid"'), "field 'uuid'", "reserved"),
        (("required = true", 'required = "yes"'), "field 'name'", "'required' has the wrong type"),
        (
            ('label_en = "Name"\n', 'label_en = "Name"\ncolour = 1\n'),
            "field 'name'",
            "unknown key 'colour'",
        ),
        (('fields = ["name"]', 'fields = ["nothing"]'), "rule 'r1'", "missing field 'nothing'"),
    ],
)
def test_broken_form_is_refused_naming_file_field_and_problem(
    change: tuple[str, str], where: str, problem: str
) -> None:
    text = GOOD.replace(*change, 1)
    assert text != GOOD
    with pytest.raises(FormError) as info:
        load_form_text(text, "thing.toml")
    message = str(info.value)
    assert message.startswith("thing.toml: ")
    assert where in message
    assert problem in message


def test_not_toml_is_refused() -> None:
    with pytest.raises(FormError, match=r"thing\.toml: not valid TOML"):
        load_form_text("[form\nid=", "thing.toml")


def test_reference_to_unknown_form_is_refused_in_a_set() -> None:
    text = GOOD.replace('type = "choice"\nchoices = "kinds"', 'type = "reference"\nref = "ghost"')
    with pytest.raises(FormError, match="refers to unknown form 'ghost'"):
        load_forms_from_texts({"thing.toml": text})


def test_load_forms_reads_a_directory(tmp_path: Path) -> None:
    (tmp_path / "thing.toml").write_text(GOOD, encoding="utf-8")
    assert load_forms(tmp_path).versions() == {"thing": 1}


def test_parse_values_by_type() -> None:
    forms = load_forms()
    citizen = forms["citizen"]
    assert parse_value(citizen.field("id_number"), " 087 084 000 999 ") == "087084000999"
    assert parse_value(citizen.field("phone"), "+84 912.345.678") == "0912345678"
    assert parse_value(citizen.field("birth_date"), "05/01/1984") == date(1984, 1, 5)
    assert parse_value(citizen.field("sex"), "Nữ") == "female"
    assert parse_value(citizen.field("birth_year"), "1.984") == 1984
    with pytest.raises(DomainError, match="12 chữ số"):
        parse_value(citizen.field("id_number"), "08708400099")
    with pytest.raises(DomainError):
        parse_value(citizen.field("phone"), "0241234567")


def test_record_rules_and_bounds() -> None:
    drive = load_forms()["activation_drive"]
    raw = {
        "held_on": "02/11/2026",
        "ended_on": "01/11/2026",
        "kind": "office",
        "place": "Trụ sở",
        "officer": "6d3c5f0e-0000-4000-8000-000000000001",
        "received_count": "5",
        "approved_count": "7",
        "activated_count": "8",
    }
    _, errors = parse_record(drive, raw)
    assert set(errors) == {"ended_on", "approved_count", "activated_count"}
    assert "không được lớn hơn số hồ sơ tiếp nhận" in errors["approved_count"][0].vi
    future = (date.today() + timedelta(days=3)).strftime("%d/%m/%Y")
    _, errors = parse_record(drive, raw | {"held_on": future, "ended_on": ""})
    assert "không được sau ngày hôm nay" in errors["held_on"][0].vi
