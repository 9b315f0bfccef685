"""Form warnings: the ID number against sex and birth date/year (forms/citizen.toml
`cross_check`), and the form loader's checks of that key."""

from __future__ import annotations

from datetime import date

import pytest

from de06desk.forms import FormError, load_form_text, record_warnings
from de06desk.store import Store


def test_citizen_form_warns_on_sex_year_and_century(store: Store) -> None:
    form = store.form("citizen")
    number = "087184012345"  # female, born 1984
    assert record_warnings(form, {"id_number": number, "sex": "female", "birth_year": 1984}) == []
    found = record_warnings(
        form, {"id_number": number, "sex": "male", "birth_date": date(2084, 1, 1)}
    )
    assert [(w.field, w.code) for w in found] == [
        ("birth_date", "id_number~birth_year"),
        ("sex", "id_number~sex"),
    ]
    # Digit 4 = 2: a man born in the 2000s; 1905 is the wrong century.
    century = record_warnings(form, {"id_number": "087205012345", "birth_year": 1905})
    assert [w.code for w in century] == ["id_number~birth_year"]
    assert "năm sinh theo số định danh là 2005" in century[0].message.vi
    # Old CMND numbers say nothing about sex or year; nothing to compare.
    assert record_warnings(form, {"id_number": "123456789", "sex": "male"}) == []


def test_store_records_a_save_over_a_warning_without_the_number(store: Store) -> None:
    village = store.save_record("village", {"name": "Thôn Đông"}, user="t").uuid
    values = {
        "full_name": "Trần Văn Nam",
        "village": village,
        "living_status": "living",
        "id_number": "087184012345",
        "sex": "male",
        "birth_year": 1984,
    }
    record = store.save_record("citizen", values, user="t")
    # Saving again unchanged writes nothing, and records nothing again.
    store.save_record("citizen", values, user="t", uuid=record.uuid)
    rows = [
        tuple(r)
        for r in store.conn.execute(
            "SELECT username, detail FROM audit WHERE action = 'warning_accepted'"
        )
    ]
    assert rows == [("t", "id_number~sex")]


FORM = """
[form]
id = "x"
version = 1
table = "x"
label_vi = "X"
label_en = "X"
title_field = "n"
[[fields]]
name = "n"
type = "{type}"
label_vi = "N"
label_en = "N"
cross_check = {check}
"""


@pytest.mark.parametrize(
    "type_, check, problem",
    [
        ("text", '{ sex = "n" }', "personal_id fields only"),
        ("personal_id", '{ sex = "missing" }', "sex names unknown field 'missing'"),
        ("personal_id", '{ colour = "n" }', "unknown key 'colour'"),
    ],
)
def test_loader_refuses_a_wrong_cross_check(type_: str, check: str, problem: str) -> None:
    with pytest.raises(FormError, match=problem):
        load_form_text(FORM.format(type=type_, check=check), "x.toml")
