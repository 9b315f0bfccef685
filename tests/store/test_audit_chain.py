"""The audit log as a hash chain: written in one place, migrated, verified, and the attack of
issue 14 (unwrap the key, open the file with sqlcipher3, make oneself admin, drop the trigger,
delete one's rows, put the trigger back) done for real and seen by `audit verify`.
"""

from __future__ import annotations

import contextlib
import io
import shutil
import sqlite3
from datetime import date
from pathlib import Path

import pytest

from de06desk.cli import main
from de06desk.demo import DEMO_PASSWORD, DEMO_USER
from de06desk.domain.audit_chain import GENESIS, entry_hash
from de06desk.quality.citizen_import import (
    apply_import,
    guess_mapping,
    plan_import,
    read_table,
    undo_import,
)
from de06desk.store import Store
from de06desk.store.audit_queries import verify_audit_chain
from de06desk.store.crypto import keyring_path
from de06desk.store.migrations import SCHEMA_VERSION
from de06desk.store.users import unlock
from tests.quality.helpers import add_citizen, add_villages, write_csv

OFFICER = "canbo"  # the demo's officer account (same demo password)


def _rows(conn: sqlite3.Connection | Store) -> list[tuple]:
    c = conn.conn if isinstance(conn, Store) else conn
    sql = "SELECT id, at, username, action, form_id, record_uuid, old, new, detail, hash"
    return [tuple(r) for r in c.execute(f"{sql} FROM audit ORDER BY id")]


def _recomputed(rows: list[tuple]) -> list[str]:
    previous, out = GENESIS, []
    for row in rows:
        previous = entry_hash(previous, row[:-1])
        out.append(previous)
    return out


def test_every_write_path_chains_its_entries(store: Store) -> None:
    store.audit("login", "admin")
    village = store.save_record("village", {"name": "Thôn Đông"}, user="admin")
    store.save_record("village", {"name": "Thôn Tây"}, user="admin", uuid=village.uuid)
    store.delete_record("village", village.uuid, user="admin")
    # The bulk path (citizen import) writes many entries in one go through the same method.
    store.append_audit(
        [
            ("2026-11-18T00:00:00.000+00:00", "lan", "update", None, None, None, None, str(i))
            for i in range(3)
        ]
    )
    rows = _rows(store)
    assert [r[0] for r in rows] == list(range(1, len(rows) + 1))
    assert [r[-1] for r in rows] == _recomputed(rows)
    report = verify_audit_chain(store, at_ids=[2, 99])
    assert report.whole and report.entries == len(rows) == 7
    assert (report.head_id, report.head_hash) == (7, rows[-1][-1])
    assert report.at == {2: rows[1][-1], 99: None}


def test_a_changed_entry_and_a_removed_one_are_located(tmp_path: Path) -> None:
    path = tmp_path / "c.db"
    with Store.create(path, unit_code="00004") as store:
        for i in range(8):
            store.audit("x", "lan", detail=str(i))
    conn = sqlite3.connect(path)
    conn.execute("DROP TRIGGER audit_no_update")
    conn.execute("DROP TRIGGER audit_no_delete")
    conn.execute("UPDATE audit SET detail = 'nothing happened' WHERE id = 3")
    conn.execute("DELETE FROM audit WHERE id IN (5, 6)")
    conn.execute("DELETE FROM audit WHERE id = 8")  # the newest: only its id is left behind
    conn.commit()
    conn.close()
    with Store.open(path) as store:
        report = verify_audit_chain(store)
        assert not report.whole and report.first_bad_id == 3
        assert report.bad_ids == [3, 7] and report.missing == [(5, 6), (8, 8)]
        # The next entry takes id 9, not 8: removed ids are never handed out again.
        store.audit("y", "admin")
        assert verify_audit_chain(store).missing == [(5, 6), (8, 8)]


def _as_schema_2(path: Path) -> None:
    """Turn a database made by this version back into what schema 2 had (no chain)."""
    conn = sqlite3.connect(path)
    conn.execute("ALTER TABLE audit DROP COLUMN hash")
    conn.execute("ALTER TABLE sync_sent DROP COLUMN audit_head")
    conn.execute("DROP TABLE sync_audit_heads")
    conn.execute("UPDATE meta SET value = '2' WHERE key = 'schema_version'")
    conn.commit()
    conn.close()


def test_migration_chains_the_existing_entries_once(tmp_path: Path) -> None:
    path = tmp_path / "c.db"
    with Store.create(path, unit_code="00004") as store:
        for i in range(5):
            store.audit("x", "lan", detail=f"việc {i}")
    _as_schema_2(path)
    with Store.open(path) as store:
        assert store.migrated_from == 2 and SCHEMA_VERSION >= 3
        rows = _rows(store)
        assert [r[-1] for r in rows] == _recomputed(rows)
        assert verify_audit_chain(store).whole
        store.audit("y", "admin")
        after = _rows(store)
    with Store.open(path) as store:  # opening again changes nothing
        assert store.migrated_from is None and _rows(store) == after
        # The trigger came back with the migration.
        with pytest.raises(sqlite3.DatabaseError, match="append-only"):
            store.conn.execute("UPDATE audit SET detail = 'x' WHERE id = 1")


def test_citizen_import_and_undo_entries_are_chained(store: Store, tmp_path: Path) -> None:
    villages = add_villages(store, "Thôn Đông", "Thôn Tây")
    add_citizen(store, villages["Thôn Đông"], id_number="001080000001")
    path = write_csv(
        tmp_path / "ds.csv",
        [
            ["Họ và tên", "Số định danh", "Ngày sinh", "Giới tính", "Thôn"],
            ["Nguyễn Văn An", "001080000001", "12/03/1980", "Nam", "Thôn Tây"],
            ["Hà Văn Mới", "001090000003", "1990", "Nam", "Thôn Đông"],
        ],
    )
    table = read_table(path)
    plan = plan_import(store, table, guess_mapping(table.headers), today=date(2026, 11, 18))
    result = apply_import(store, plan, "t")
    assert (result.added, result.updated) == (1, 1)
    undo_import(store, result.batch_id, "t")
    actions = [r[3] for r in _rows(store)]
    assert actions.count("update") >= 2 and "delete" in actions and "import_undo" in actions
    assert verify_audit_chain(store).whole


# ---- the attack, exactly as reported ---------------------------------------------------------


@pytest.fixture(scope="module")
def encrypted_demo(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """An encrypted demo commune made the way officers make it (CLI)."""
    db = tmp_path_factory.mktemp("enc") / "demo.db"
    with contextlib.redirect_stdout(io.StringIO()):
        assert main(["demo", "--db", str(db), "--citizens", "30", "--weeks", "1"]) == 0
    return db


@pytest.fixture
def db(encrypted_demo: Path, tmp_path: Path) -> Path:
    target = tmp_path / "demo.db"
    shutil.copy2(encrypted_demo, target)
    shutil.copy2(keyring_path(encrypted_demo), keyring_path(target))
    return target


def _as(monkeypatch: pytest.MonkeyPatch, user: str) -> None:
    monkeypatch.setenv("DE06_USER", user)
    monkeypatch.setenv("DE06_PASSWORD", DEMO_PASSWORD)


def _verify(monkeypatch: pytest.MonkeyPatch, db: Path, capsys) -> tuple[int, str]:
    _as(monkeypatch, DEMO_USER)
    code = main(["audit", "verify", "--db", str(db)])
    return code, capsys.readouterr().out


def tamper_as_officer(db: Path, user: str = OFFICER) -> list[int]:
    """What the officer did: the key from their own password, the file opened with sqlcipher3,
    themselves made administrator, the delete trigger dropped, their entries deleted, the
    trigger put back as it was. Returns the ids deleted."""
    sqlcipher = pytest.importorskip("sqlcipher3.dbapi2")
    key = unlock(db, user, DEMO_PASSWORD)
    assert key is not None
    conn = sqlcipher.connect(str(db))
    conn.execute(f"PRAGMA key = \"x'{key.hex()}'\"")
    trigger = conn.execute(
        "SELECT sql FROM sqlite_master WHERE name = 'audit_no_delete'"
    ).fetchone()[0]
    gone = [r[0] for r in conn.execute("SELECT id FROM audit WHERE username = ?", (user,))]
    conn.execute("UPDATE users SET role = 'admin' WHERE username = ?", (user,))
    conn.execute("DROP TRIGGER audit_no_delete")
    conn.execute("DELETE FROM audit WHERE username = ?", (user,))
    conn.execute(trigger)
    conn.commit()
    conn.close()
    return gone


def test_the_reported_attack_is_seen_by_audit_verify(
    db: Path, monkeypatch: pytest.MonkeyPatch, capsys
) -> None:
    # The officer works (log-in and a backup: audited), then the administrator does something.
    _as(monkeypatch, OFFICER)
    assert main(["backup", "--db", str(db), "--out", str(db.parent / "bk")]) == 0
    _as(monkeypatch, DEMO_USER)
    assert main(["user", "list", "--db", str(db)]) == 0
    capsys.readouterr()
    assert _verify(monkeypatch, db, capsys)[0] == 0
    gone = tamper_as_officer(db)
    assert gone, "the officer had audit entries to delete"
    code, out = _verify(monkeypatch, db, capsys)
    assert code == 1
    assert "NHẬT KÝ HOẠT ĐỘNG ĐÃ BỊ SỬA HOẶC XÓA" in out
    assert f"đứt từ mục số {gone[0]}" in out
    assert gone == list(range(gone[0], gone[-1] + 1))  # the officer's entries were the newest
    assert f"mất {len(gone)} mục: {gone[0]}–{gone[-1]}." in out


def test_untouched_history_verifies(db: Path, monkeypatch: pytest.MonkeyPatch, capsys) -> None:
    code, out = _verify(monkeypatch, db, capsys)
    assert code == 0 and "nguyên vẹn" in out


def test_verify_is_for_administrators(db: Path, monkeypatch: pytest.MonkeyPatch, capsys) -> None:
    _as(monkeypatch, OFFICER)
    assert main(["audit", "verify", "--db", str(db)]) == 1
    assert "cần quyền quản trị" in capsys.readouterr().err
