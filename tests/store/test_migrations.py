"""The migration register: named steps in order, recorded as applied, each idempotent."""

from __future__ import annotations

import gzip
import sqlite3
from datetime import date
from pathlib import Path

import pytest

from de06desk.store import Store
from de06desk.store.migrations import MIGRATIONS, SCHEMA_VERSION, Migrations

DATA = Path(__file__).parent / "data"
ORDER = [
    "tables",
    "search_text_spaced",
    "audit_hash_chain",
    "import_mappings",
    "sync_summaries",
    "form_sets",
    "hub_lean_indexes",
]


def _main_db(tmp_path: Path) -> Path:
    """A database made by main at c801a32 (schema 4, before the register; data/make_main_db.py)."""
    path = tmp_path / "main.db"
    path.write_bytes(gzip.decompress((DATA / "main_schema4.db.gz").read_bytes()))
    return path


def _recorded(path: Path) -> dict[str, str | None]:
    with sqlite3.connect(f"file:{path}?mode=ro", uri=True) as conn:
        return dict(conn.execute("SELECT name, applied_at FROM migrations").fetchall())


def _backups(path: Path) -> list[Path]:
    return sorted(path.parent.glob(f"{path.stem}.before-migration-*{path.suffix}"))


def _dump(path: Path) -> list[str]:
    conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        return [line for line in conn.iterdump() if 'INTO "migrations"' not in line]
    finally:
        conn.close()


def test_the_steps_are_named_in_order_and_the_last_gives_the_schema_version() -> None:
    steps = list(MIGRATIONS)
    assert [s.name for s in steps] == ORDER
    assert [s.schema for s in steps] == [1, 2, 3, 4, 5, 5, 5]
    assert SCHEMA_VERSION == steps[-1].schema == 5
    # Only the step that follows the forms runs again at later opens.
    assert [s.name for s in steps if s.every_open] == ["tables"]


def test_the_register_refuses_a_name_twice_and_a_schema_going_back() -> None:
    register = Migrations()
    register.step("a", schema=2)(lambda store: None)
    with pytest.raises(ValueError, match="registered twice"):
        register.step("a", schema=2)(lambda store: None)
    with pytest.raises(ValueError, match="goes back"):
        register.step("b", schema=1)(lambda store: None)


def test_a_new_database_records_every_step_as_applied(tmp_path: Path) -> None:
    path = tmp_path / "new.db"
    with Store.create(path, unit_code="00004") as store:
        assert MIGRATIONS.pending(store) == []
        created = store.get_meta("created_at")
    recorded = _recorded(path)
    assert set(recorded) == set(ORDER)
    assert set(recorded.values()) == {created}


def test_a_database_made_by_main_before_the_register_is_known_by_its_schema(
    tmp_path: Path,
) -> None:
    path = _main_db(tmp_path)
    with Store.open(path) as store:
        assert MIGRATIONS.pending(store) == []
        applied = MIGRATIONS.applied(store)
        # Steps up to schema 4 are known from the file's schema version, never run again; the
        # later one (figures from hubs below, schema 5) runs, after a backup copy.
        assert [n for n in ORDER if applied[n] is None] == [
            "search_text_spaced",
            "audit_hash_chain",
            "import_mappings",
        ]
        assert applied["sync_summaries"] is not None
        assert store.migrated_from == 4 and store.migration_backup == _backups(path)[0]
        [citizen] = store.list_records("citizen")
        assert citizen["full_name"] == "Nguyễn Thị Mai"
        assert citizen["birth_date"] == date(1990, 5, 17)


def test_a_current_database_opens_without_writing(tmp_path: Path) -> None:
    path = _main_db(tmp_path)
    Store.open(path).close()  # brings it to the current schema
    before = path.read_bytes()
    with Store.open(path) as store:
        assert store.migrated_from is None and store.migration_backup is None
    assert path.read_bytes() == before  # nothing to do, nothing written


def test_an_older_database_gets_the_missing_steps_recorded_after_a_backup(tmp_path: Path) -> None:
    path = _main_db(tmp_path)
    with sqlite3.connect(path) as conn:  # as schema 3 left it
        conn.execute("DROP TABLE import_mappings")
        conn.execute("UPDATE meta SET value = '3' WHERE key = 'schema_version'")
    conn.close()
    with Store.open(path) as store:
        assert store.migrated_from == 3 and store.migration_backup == _backups(path)[0]
        assert store.get_meta("schema_version") == str(SCHEMA_VERSION)
        assert "import_mappings" in store.db.table_names()
    recorded = _recorded(path)
    # Steps the file had before the register: known from its schema stamp, time unknown.
    assert recorded["search_text_spaced"] is None and recorded["audit_hash_chain"] is None
    # Steps run now (the `tables` step runs with every migration): recorded with their time.
    assert recorded["tables"] is not None
    assert recorded["tables"] == recorded["import_mappings"]
    with Store.open(path) as store:
        assert MIGRATIONS.pending(store) == [] and store.migration_backup is None
    assert len(_backups(path)) == 1


def test_a_field_added_to_a_form_runs_only_the_tables_step(tmp_path: Path) -> None:
    from de06desk.forms import load_forms
    from tests.dist.test_upgrade import _forms_with_new_field

    path = tmp_path / "c.db"
    Store.create(path, unit_code="00004").close()
    created = _recorded(path)
    forms = load_forms(_forms_with_new_field(tmp_path))
    with Store.open(path, forms=forms) as store:
        assert store.migration_backup is not None
        assert "other_name" in store.db["citizens"].columns_dict
    recorded = _recorded(path)
    assert recorded["tables"] > created["tables"]
    assert {k: v for k, v in recorded.items() if k != "tables"} == {
        k: v for k, v in created.items() if k != "tables"
    }


def test_every_step_applied_again_changes_nothing(tmp_path: Path) -> None:
    path = tmp_path / "c.db"
    with Store.create(path, unit_code="00004") as store:
        village = store.save_record("village", {"name": "Thôn Đông"}, user="admin")
        store.save_record(
            "citizen",
            {
                "full_name": "Lò Văn A",
                "birth_year": 1985,
                "village": village.uuid,
                "living_status": "living",
            },
            user="admin",
        )
    before = _dump(path)
    with Store.open(path) as store, store.transaction():
        MIGRATIONS.apply(store, list(MIGRATIONS), "2026-12-02T00:00:00.000+00:00")
    assert _dump(path) == before
    assert set(_recorded(path).values()) == {"2026-12-02T00:00:00.000+00:00"}


def _indexes(store: Store) -> set[str]:
    rows = store.conn.execute("SELECT name FROM sqlite_master WHERE type = 'index'").fetchall()
    return {name for (name,) in rows if not name.startswith("sqlite_autoindex")}


def test_a_hub_made_before_drops_the_indexes_a_hub_does_without_and_a_commune_keeps_them(
    tmp_path: Path,
) -> None:
    from de06desk.store.schema import index_sql

    hub_path, commune_path = tmp_path / "hub.db", tmp_path / "commune.db"
    for path, role in ((hub_path, "hub"), (commune_path, "commune")):
        with Store.create(path, unit_code="01", role=role) as store:
            # As a hub or commune made before the step: every index a commune has, the step
            # not yet recorded.
            for form in store.forms:
                for sql in index_sql(form, "commune"):
                    store.conn.execute(sql)
            store.conn.execute("DELETE FROM migrations WHERE name = 'hub_lean_indexes'")
            store.conn.commit()
            full = _indexes(store)
    with Store.open(hub_path) as hub:
        kept = _indexes(hub)
    dropped = full - kept
    # The identity lookups and the date indexes the hub's reports do not read are gone …
    assert {"citizens_id_number", "citizens_phone", "citizens_birth_date"} <= dropped
    assert {"drive_roster_approved_on", "activation_drives_held_on"} <= dropped
    # … the ones its weekly report reads a week by, the references and the summary's stay.
    assert {"support_sessions_held_on", "targets_due_on", "drive_roster_citizen"} <= kept
    assert {"drive_roster_summary", "citizens_change_no", "citizens_unit"} <= kept
    assert "hub_lean_indexes" in _recorded(hub_path)
    with Store.open(commune_path) as commune:
        assert _indexes(commune) == full
    # A second open changes nothing.
    with Store.open(hub_path) as hub:
        assert _indexes(hub) == kept
