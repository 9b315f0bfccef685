"""The columns every record table has besides its fields: one definition, refused as field names."""

from __future__ import annotations

from pathlib import Path

import pytest

from de06desk.forms import FormError, bookkeeping, load_form_text, load_forms
from de06desk.store import Store

THING = """
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

[[fields]]
name = "{name}"
type = "text"
label_vi = "Khác"
label_en = "Other"
"""


@pytest.mark.parametrize("name", sorted(bookkeeping.NAMES))
def test_a_field_named_like_a_bookkeeping_column_is_refused_by_the_loader(name: str) -> None:
    with pytest.raises(FormError) as info:
        load_form_text(THING.format(name=name), "thing.toml")
    assert str(info.value) == f"thing.toml: field '{name}': this name is reserved for the store"


def test_every_record_table_has_the_bookkeeping_columns_in_table_order(tmp_path: Path) -> None:
    with Store.create(tmp_path / "c.db", unit_code="00004") as store:
        for form in load_forms():
            assert list(store.db[form.table].columns_dict) == bookkeeping.table_columns(form)
            synced = bookkeeping.synced_columns(form)
            assert synced == [c for c in bookkeeping.table_columns(form) if c != "search_text"]
