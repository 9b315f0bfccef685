"""Hostile input: random and mutated form files, rules, citizen lists, sync packages, backups.

Each target may only refuse cleanly (its own error type) or succeed — never crash, hang or
change stored data. CI runs 100 fixed (derandomized) examples per target; setting
`DE06_FUZZ_EXAMPLES` runs that many random ones (docs/SECURITY.md records a 3000-example run).
Failing examples are printed by hypothesis and replayable.
"""

from __future__ import annotations

import contextlib
import os
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from de06desk.config import forms_dir
from de06desk.domain.i18n import DomainError
from de06desk.forms import (
    FormError,
    RuleSyntaxError,
    compile_rule,
    load_form_text,
    load_forms_from_texts,
)
from de06desk.store import Store
from tests.conftest import TEST_COMMUNE

EXAMPLES = int(os.environ.get("DE06_FUZZ_EXAMPLES", "100"))
FUZZ = settings(
    max_examples=EXAMPLES,
    # CI replays the same examples every run (a red build is never luck); a long run explores.
    derandomize="DE06_FUZZ_EXAMPLES" not in os.environ,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
    database=None,
)
FORM_TEXTS = {p.name: p.read_text(encoding="utf-8") for p in sorted(forms_dir().glob("*.toml"))}


@st.composite
def mutated(draw: st.DrawFn, seeds: list[bytes]) -> bytes:
    """A valid input with a few random edits: flips, cuts, insertions, duplicated slices."""
    data = bytearray(draw(st.sampled_from(seeds)))
    for _ in range(draw(st.integers(1, 4))):
        if not data:
            data += draw(st.binary(min_size=1, max_size=16))
            continue
        at = draw(st.integers(0, len(data) - 1))
        edit = draw(st.sampled_from(["flip", "cut", "insert", "dup", "truncate"]))
        if edit == "flip":
            data[at] ^= draw(st.integers(1, 255))
        elif edit == "cut":
            del data[at : at + draw(st.integers(1, 64))]
        elif edit == "insert":
            data[at:at] = draw(st.binary(min_size=1, max_size=32))
        elif edit == "dup":
            data[at:at] = data[at : at + draw(st.integers(1, 64))]
        else:
            del data[at:]
    return bytes(data)


def _snapshot(store: Store) -> tuple[int, tuple[int, ...]]:
    """What "data changed" means: the change counter and every form's row count."""
    counts = tuple(store.count_records(f.id, include_deleted=True) for f in store.forms)
    return store.current_change_no(), counts


# ---- form files ---------------------------------------------------------------------------


@FUZZ
@given(text=st.text(max_size=400))
def test_random_text_is_not_a_form(text: str) -> None:
    with pytest.raises(FormError):
        load_form_text(text, "fuzz.toml")


@FUZZ
@given(data=mutated([t.encode() for t in FORM_TEXTS.values()]))
def test_mutated_form_files_load_or_refuse(data: bytes) -> None:
    text = data.decode("utf-8", "replace")
    with contextlib.suppress(FormError):
        load_form_text(text, "fuzz.toml")


@FUZZ
@given(name=st.sampled_from(sorted(FORM_TEXTS)), data=st.data())
def test_mutated_form_sets_load_or_refuse(name: str, data: st.DataObject) -> None:
    texts = dict(FORM_TEXTS)
    texts[name] = data.draw(mutated([texts[name].encode()])).decode("utf-8", "replace")
    with contextlib.suppress(FormError):
        load_forms_from_texts(texts)


# ---- rule evaluator -----------------------------------------------------------------------

NAMES = ["a", "b", "count", "status", "_x", "__class__"]
ATOMS = st.one_of(
    st.sampled_from(NAMES),
    st.integers(-(10**30), 10**30).map(str),
    st.floats(allow_nan=True).map(repr),
    st.text(max_size=8).map(repr),
    st.sampled_from(["None", "True", "False", "[1, 2]", "('x', 'y')", "()", "1e308", "nan"]),
)
ALLOWED_OPS = [" and ", " or ", " + ", " - ", " * ", " == ", " != ", " < ", " <= ", " > ", " >= "]
# Operators and punctuation outside the rule language, to be refused.
OTHER_OPS = [" in ", " not in ", " ** ", " / ", " // ", " % ", " if ", ".", "(", ")", "[", "]", ","]
OPS = st.sampled_from([*ALLOWED_OPS, *OTHER_OPS])
EXPRESSIONS = st.one_of(
    st.recursive(
        ATOMS,
        lambda inner: st.one_of(
            st.tuples(inner, OPS, inner).map("".join),
            inner.map(lambda e: f"not ({e})"),
            inner.map(lambda e: f"-({e})"),
            inner.map(lambda e: f"({e})"),
        ),
        max_leaves=20,
    ),
    st.text(max_size=120),
)
VALUES = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(-(10**40), 10**40),
    st.floats(allow_nan=True, allow_infinity=True),
    st.text(max_size=12),
    st.dates(min_value=date(1880, 1, 1), max_value=date(2100, 12, 31)),
    st.lists(st.text(max_size=5), max_size=4),
)


@FUZZ
@given(source=EXPRESSIONS, values=st.dictionaries(st.sampled_from(NAMES), VALUES))
def test_rules_refuse_or_give_a_truth_value(source: str, values: dict) -> None:
    try:
        rule = compile_rule(source)
    except RuleSyntaxError:
        return
    assert not any(name.startswith("_") for name in rule.names)
    assert rule.evaluate(values) in (True, False, None)
    assert rule.passes(values) in (True, False)


def test_deep_nesting_is_refused_not_a_crash() -> None:
    for source in ["(" * 5000 + "1" + ")" * 5000, "not " * 400 + "a", "-" * 450 + "1"]:
        with pytest.raises(RuleSyntaxError):
            compile_rule(source)


# ---- citizen import -----------------------------------------------------------------------

CSV_SEED = (
    "Họ và tên,Số định danh,Ngày sinh,Giới tính,Số điện thoại,Thôn\n"
    "Nguyễn Văn An,001090012345,01/02/1990,Nam,0912345678,Thôn Đông\n"
    "Trần Thị Bình,001190054321,1991,Nữ,+84 912 345 679,Đông\n"
).encode()


@pytest.fixture(scope="module")
def import_store(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Store]:
    store = Store.create(tmp_path_factory.mktemp("imp") / "c.db", unit_code=TEST_COMMUNE)
    store.save_record("village", {"name": "Thôn Đông"}, user="t")
    yield store
    store.close()


@FUZZ
@given(
    data=st.one_of(mutated([CSV_SEED, b"\xef\xbb\xbf" + CSV_SEED]), st.binary(max_size=300)),
    suffix=st.sampled_from([".csv", ".txt", ".xlsx", ".xls"]),
)
def test_citizen_import_refuses_or_plans(
    import_store: Store, tmp_path_factory: pytest.TempPathFactory, data: bytes, suffix: str
) -> None:
    citizen_import = pytest.importorskip("de06desk.quality.citizen_import")
    path = tmp_path_factory.getbasetemp() / f"fuzz{suffix}"
    path.write_bytes(data)
    before = _snapshot(import_store)
    try:
        table = citizen_import.read_table(path)
        mapping = citizen_import.guess_mapping(table.headers)
        citizen_import.plan_import(import_store, table, mapping)
    except DomainError:
        pass
    assert _snapshot(import_store) == before


def test_csv_with_a_stray_carriage_return_in_a_name_imports_it_whole(
    import_store: Store, tmp_path: Path
) -> None:
    # A stray CR inside a name in a file with LF line ends is whitespace, not a line end.
    citizen_import = pytest.importorskip("de06desk.quality.citizen_import")
    path = tmp_path / "cr.csv"
    path.write_bytes(CSV_SEED.replace("Văn An".encode(), "Văn \rAn".encode()))
    table = citizen_import.read_table(path)
    plan = citizen_import.plan_import(
        import_store, table, citizen_import.guess_mapping(table.headers)
    )
    assert [r.values["full_name"] for r in plan.to_add] == ["Nguyễn Văn An", "Trần Thị Bình"]
    assert plan.refused == []


def test_csv_with_old_mac_line_ends_reads_every_row(import_store: Store, tmp_path: Path) -> None:
    citizen_import = pytest.importorskip("de06desk.quality.citizen_import")
    path = tmp_path / "mac.csv"
    path.write_bytes(CSV_SEED.replace(b"\n", b"\r"))
    table = citizen_import.read_table(path)
    assert len(table.rows) == 2


@pytest.fixture(scope="module")
def xlsx_seed(tmp_path_factory: pytest.TempPathFactory) -> bytes:
    openpyxl = pytest.importorskip("openpyxl")
    book = openpyxl.Workbook()
    sheet = book.active
    for line in CSV_SEED.decode().splitlines():
        sheet.append(line.split(","))
    path = tmp_path_factory.mktemp("xlsx") / "seed.xlsx"
    book.save(path)
    return path.read_bytes()


@FUZZ
@given(data=st.data())
def test_mutated_xlsx_refuses_or_plans(
    import_store: Store, tmp_path_factory: pytest.TempPathFactory, xlsx_seed: bytes, data
) -> None:
    citizen_import = pytest.importorskip("de06desk.quality.citizen_import")
    path = tmp_path_factory.getbasetemp() / "fuzz.xlsx"
    path.write_bytes(data.draw(mutated([xlsx_seed])))
    before = _snapshot(import_store)
    try:
        table = citizen_import.read_table(path)
        citizen_import.plan_import(import_store, table, citizen_import.guess_mapping(table.headers))
    except DomainError:
        pass
    assert _snapshot(import_store) == before


# ---- sync import --------------------------------------------------------------------------


@pytest.fixture(scope="module")
def sync_pair(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Store, bytes]]:
    """A hub that trusts a commune, and one valid package from that commune."""
    pytest.importorskip("de06desk.sync.importer")
    from de06desk.sync.export import export_package
    from de06desk.sync.hub import init_hub
    from de06desk.sync.keys import public_key_file, set_hub, trust_commune

    base = tmp_path_factory.mktemp("sync")
    hub = init_hub(base / "hub.db", unit_code="01", name="Hà Nội")
    commune = Store.create(base / "c.db", unit_code=TEST_COMMUNE)
    set_hub(commune, public_key_file(hub), user="t")
    trust_commune(hub, public_key_file(commune), user="t")
    commune.save_record("village", {"name": "Thôn Đông"}, user="t")
    result = export_package(commune, base / "out", user="t")
    assert result is not None
    package = result.path.read_bytes()
    commune.close()
    yield hub, package
    hub.close()


@FUZZ
@given(data=st.data())
def test_mutated_sync_packages_are_refused(
    sync_pair: tuple[Store, bytes], tmp_path_factory: pytest.TempPathFactory, data
) -> None:
    from de06desk.sync.errors import SyncError
    from de06desk.sync.importer import import_package

    hub, package = sync_pair
    raw = data.draw(st.one_of(mutated([package]), st.binary(max_size=400)))
    if raw == package:
        return
    path = tmp_path_factory.getbasetemp() / "fuzz.de06sync"
    path.write_bytes(raw)
    before = _snapshot(hub)
    with pytest.raises((SyncError, DomainError)):
        import_package(hub, path, user="t")
    assert _snapshot(hub) == before


# ---- backup files -------------------------------------------------------------------------


@pytest.fixture(scope="module")
def backup_seed(tmp_path_factory: pytest.TempPathFactory) -> bytes:
    from de06desk.backup import backup_database

    base = tmp_path_factory.mktemp("bak")
    with Store.create(base / "c.db", unit_code=TEST_COMMUNE) as store:
        store.save_record("village", {"name": "Thôn Đông"}, user="t")
        return backup_database(store, base / "out").read_bytes()


@FUZZ
@given(data=st.data())
def test_mutated_backups_are_refused(
    tmp_path_factory: pytest.TempPathFactory, backup_seed: bytes, data
) -> None:
    from de06desk.backup import inspect_backup, restore_backup
    from de06desk.store.users import User

    raw = data.draw(st.one_of(mutated([backup_seed]), st.binary(max_size=200)))
    if raw == backup_seed:
        return
    base = tmp_path_factory.getbasetemp()
    path = base / "fuzz.de06bak"
    path.write_bytes(raw)
    db = base / "restore-target.db"
    if not db.exists():
        Store.create(db, unit_code=TEST_COMMUNE).close()
    before = db.read_bytes()
    with pytest.raises(DomainError):
        inspect_backup(path)
    with pytest.raises(DomainError):
        restore_backup(db, path, User("a", "a", "admin", True))
    assert db.read_bytes() == before


def test_csv_with_a_huge_field_is_refused_with_its_line(tmp_path: Path) -> None:
    citizen_import = pytest.importorskip("de06desk.quality.citizen_import")
    path = tmp_path / "huge.csv"
    path.write_bytes(CSV_SEED + b'"' + b"x" * 200_000 + b'",1\n')
    with pytest.raises(DomainError, match="dòng 4"):
        citizen_import.read_table(path)
