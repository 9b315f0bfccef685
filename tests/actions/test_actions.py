"""Actions: the role check comes first and is audited; the cross-record rules hold; the demo
follows them; ui/ and cli/ write only through actions."""

from __future__ import annotations

import inspect
import sqlite3
from datetime import date
from pathlib import Path

import pytest

import de06desk.actions.admin
import de06desk.actions.records
import de06desk.actions.sync  # registers its actions
from de06desk.actions import REGISTRY, ROLE_TABLE, ActionRefused, Changes, allowed, records
from de06desk.domain.i18n import DomainError
from de06desk.domain.roles import ACCOUNT_ROLES, DATABASE_ROLES, ROLE_RANK
from de06desk.store import Store
from de06desk.store.deleted import deleted_records
from de06desk.store.lists import roster_totals
from de06desk.store.users import User
from tests import lint_writes

USERS = {role: User(f"u-{role}", role, role, True) for role in ACCOUNT_ROLES}


def _dump(store: Store) -> list[str]:
    conn = sqlite3.connect(f"file:{store.path}?mode=ro", uri=True)
    try:
        return [
            line
            for line in conn.iterdump()
            if '"audit"' not in line and "sqlite_sequence" not in line
        ]
    finally:
        conn.close()


def test_every_operation_has_an_action_and_every_action_an_operation() -> None:
    assert set(REGISTRY) == set(ROLE_TABLE)
    for operation, functions in REGISTRY.items():
        assert all(getattr(f, "operation", None) == operation for f in functions)


def test_roles_include_the_lower_ones() -> None:
    for operation, rule in ROLE_TABLE.items():
        for database in DATABASE_ROLES:
            granted = [r for r in ACCOUNT_ROLES if allowed(operation, r, database)]
            assert granted == sorted(granted, key=ROLE_RANK.get)
            assert granted == [] or granted[-1] == "admin", operation
            need = rule.needs(database)
            assert (need is None) == (granted == [])


STORE_ACTIONS = [
    f for fs in REGISTRY.values() for f in fs if f.__module__ != "de06desk.actions.admin"
] + [
    de06desk.actions.admin.add_user,
    de06desk.actions.admin.reset_password,
    de06desk.actions.admin.disable_user,
    de06desk.actions.admin.enable_user,
    de06desk.actions.admin.change_role,
    de06desk.actions.admin.import_citizens,
    de06desk.actions.admin.undo_citizen_import,
    de06desk.actions.admin.backup,
]
# (action, role) where the role table refuses the role at a commune (the demo database).
REFUSED = [
    pytest.param(f, role, id=f"{f.__name__}-{role}")
    for f in STORE_ACTIONS
    for role in USERS
    if not allowed(f.operation, role, "commune")
]


@pytest.mark.parametrize(("function", "role"), REFUSED)
def test_a_refused_action_touches_nothing_but_the_audit(demo_store: Store, function, role) -> None:
    """Every store action below the role it needs: refused before it reads its arguments."""
    operation = function.operation
    before = _dump(demo_store)
    with pytest.raises(ActionRefused) as refused:
        function(demo_store, USERS[role], *_dummies(function)[0], **_dummies(function)[1])
    assert USERS[role].username in str(refused.value) or "xã/phường" in str(refused.value)
    assert _dump(demo_store) == before
    last = demo_store.conn.execute(
        "SELECT action, username, detail FROM audit ORDER BY id DESC LIMIT 1"
    ).fetchone()
    assert (last[0], last[1]) == ("refused", USERS[role].username)
    assert last[2].startswith(operation + " ")


def _dummies(function) -> tuple[list[object], dict[str, object]]:
    """Stand-ins for the arguments after (store, user): the check must not look at them."""
    params = list(inspect.signature(function).parameters.values())[2:]
    required = [p for p in params if p.default is p.empty and p.kind != p.VAR_KEYWORD]
    positional = [object() for p in required if p.kind != p.KEYWORD_ONLY]
    return positional, {p.name: object() for p in required if p.kind == p.KEYWORD_ONLY}


def test_a_disabled_account_is_refused_whatever_its_role(demo_store: Store) -> None:
    gone = User("old", "Old", "admin", False)
    with pytest.raises(ActionRefused):
        records.save_record(demo_store, gone, "village", {"name": "Thôn Mới"})


def test_only_an_administrator_edits_the_unit_profile(demo_store: Store) -> None:
    [profile] = demo_store.list_records("commune")
    with pytest.raises(ActionRefused):
        records.save_record(demo_store, USERS["officer"], "commune", profile.values, profile.uuid)
    done = records.save_record(
        demo_store, USERS["admin"], "commune", profile.values | {"unit_name": "X"}, profile.uuid
    )
    assert done.value["unit_name"] == "X" and done.changes == Changes.of(["commune"])


# ---- the roster rules ---------------------------------------------------------------------


def _drive_with_roster(store: Store) -> tuple[str, list[str]]:
    for drive in store.list_records("activation_drive"):
        rows = store.list_records("drive_roster", where={"drive": drive.uuid})
        if rows:
            return drive.uuid, [r["citizen"] for r in rows]
    raise AssertionError("the demo has drives with rosters")


def _counts(store: Store, drive: str) -> dict[str, int]:
    record = store.get_record("activation_drive", drive)
    assert record is not None
    return {f: record[f] for f in records.COUNT_FIELDS}


def test_a_citizen_is_on_a_roster_once(demo_store: Store) -> None:
    drive, citizens = _drive_with_roster(demo_store)
    rows = demo_store.count_records("drive_roster")
    with pytest.raises(DomainError, match="đã có trong danh sách"):
        records.add_to_roster(demo_store, USERS["officer"], drive, citizens[0])
    assert demo_store.count_records("drive_roster") == rows
    # Editing a row into a duplicate is refused too.
    other = demo_store.list_records("drive_roster", where={"drive": drive})[1]
    with pytest.raises(DomainError, match="đã có trong danh sách"):
        records.save_roster_row(
            demo_store, USERS["officer"], other.values | {"citizen": citizens[0]}, other.uuid
        )


def test_drive_counts_follow_the_roster(demo_store: Store) -> None:
    officer = USERS["officer"]
    drive, citizens = _drive_with_roster(demo_store)
    newcomer = next(
        c.uuid for c in demo_store.list_records("citizen", limit=400) if c.uuid not in citizens
    )
    before = _counts(demo_store, drive)
    assert before == roster_totals(demo_store, drive).as_values()
    done = records.add_to_roster(demo_store, officer, drive, newcomer, level="level1")
    assert done.changes.touches("activation_drive") and done.changes.touches("drive_roster")
    after = _counts(demo_store, drive)
    assert after["level1_count"] == before["level1_count"] + 1
    assert after["received_count"] == before["received_count"]
    records.save_roster_row(
        demo_store,
        officer,
        done.value.values | {"level": "level2", "status": "approved", "approved_on": date.today()},
        done.value.uuid,
    )
    approved = _counts(demo_store, drive)
    assert approved["approved_count"] == before["approved_count"] + 1
    records.record_activation(
        demo_store, officer, done.value.uuid, phone="0912345678", on=date.today()
    )
    assert _counts(demo_store, drive)["activated_count"] == before["activated_count"] + 1
    records.remove_from_roster(demo_store, officer, done.value.uuid)
    assert _counts(demo_store, drive) == before
    # A drive saved with other counts keeps its roster's.
    drive_record = demo_store.get_record("activation_drive", drive)
    assert drive_record is not None
    wrong = drive_record.values | {"received_count": 999, "level1_count": 7}
    records.save_record(demo_store, officer, "activation_drive", wrong, drive)
    assert _counts(demo_store, drive) == before


def test_a_refused_roster_change_changes_no_count(demo_store: Store) -> None:
    drive, citizens = _drive_with_roster(demo_store)
    before = _counts(demo_store, drive)
    with pytest.raises(ActionRefused):
        records.add_to_roster(demo_store, USERS["viewer"], drive, citizens[0])
    assert _counts(demo_store, drive) == before


def test_the_demo_counts_every_drive_from_its_roster(demo_store: Store) -> None:
    with_roster = 0
    for drive in demo_store.list_records("activation_drive"):
        totals = roster_totals(demo_store, drive.uuid)
        if totals.rows:
            with_roster += 1
            assert {f: drive[f] for f in records.COUNT_FIELDS} == totals.as_values()
            citizens = [
                r["citizen"]
                for r in demo_store.list_records("drive_roster", where={"drive": drive.uuid})
            ]
            assert len(citizens) == len(set(citizens))
    assert with_roster > 0


# ---- the lint: no direct write from ui/ or cli/ ----------------------------------------------


def test_ui_and_cli_write_only_through_actions() -> None:
    assert lint_writes.check() == []


@pytest.mark.parametrize(
    "source",
    [
        "def f(ctx):\n    ctx.store.save_record('village', {}, user='x')\n",
        "def f(store):\n    store.delete_record('village', 'u', user='x')\n",
        "def f(store):\n    with store.transaction():\n        pass\n",
        "from de06desk.sync import import_packages\nimport_packages(None, [])\n",
        "from de06desk.store.users import set_active as off\noff(None, 'x', False, by='y')\n",
        "from de06desk.store import Store\nStore.create('x.db', unit_code='1')\n",
    ],
)
def test_the_lint_catches_a_direct_write(source: str) -> None:
    assert list(lint_writes.problems(Path("de06desk/ui/x.py"), source))


def test_the_lint_lets_actions_and_reads_through() -> None:
    source = (
        "from de06desk.actions import records\n"
        "from de06desk.sync import hub_status\n"
        "def f(ctx):\n"
        "    records.save_record(ctx.store, ctx.user, 'village', {})\n"
        "    hub_status(ctx.store)\n"
        "    ctx.store.list_records('village')\n"
    )
    assert list(lint_writes.problems(Path("de06desk/ui/x.py"), source)) == []


def test_security_md_prints_the_role_table_of_the_code() -> None:
    from de06desk.actions.roles import markdown_table

    text = (Path(__file__).parents[2] / "docs" / "SECURITY.md").read_text(encoding="utf-8")
    assert "\n".join("  " + line for line in markdown_table().splitlines()) in text


# ---- the screens' actions under every role: allowed ↔ done, refused ↔ nothing -------------


def _first_roster_row(store: Store) -> str:
    return store.list_records("drive_roster", where={"status": "approved"}, limit=1)[0].uuid


def _case(store: Store, status: str) -> str:
    return store.list_records("cleanup_case", where={"status": status}, limit=1)[0].uuid


def _finding(store: Store):
    from de06desk.quality.checks import run_checks

    return next(
        f for f in run_checks(store) if f.village_uuid and f.citizen_uuid and not f.open_case
    )


def _delete_a_village(store: Store) -> None:
    uuid = store.save_record("village", {"name": "Thôn Đã Xóa"}, user="t").uuid
    store.delete_record("village", uuid, user="t")


def _new_citizen_for(store: Store, drive: str) -> str:
    listed = {r["citizen"] for r in store.list_records("drive_roster", where={"drive": drive})}
    return next(c.uuid for c in store.list_records("citizen", limit=300) if c.uuid not in listed)


SCREEN_ACTIONS = {
    "record.save": lambda s, u: records.save_record(s, u, "village", {"name": "Thôn Mới"}),
    "record.delete": lambda s, u: records.delete_record(
        s, u, "village", s.list_records("village", limit=1)[0].uuid
    ),
    "record.restore": lambda s, u: records.restore_deleted(
        s, u, "village", deleted_records(s, "village")[0].uuid
    ),
    "profile.save": lambda s, u: records.save_profile(
        s,
        u,
        s.list_records("commune")[0].values | {"unit_name": "Tên mới"},
        s.list_records("commune")[0].uuid,
    ),
    "roster.add": lambda s, u: records.add_to_roster(
        s, u, (d := _drive_with_roster(s)[0]), _new_citizen_for(s, d)
    ),
    "roster.save": lambda s, u: records.record_failure_reason(
        s, u, _first_roster_row(s), "no_signal"
    ),
    "roster.remove": lambda s, u: records.remove_from_roster(s, u, _first_roster_row(s)),
    "roster.activate": lambda s, u: records.record_activation(
        s, u, _first_roster_row(s), phone="0912345678", on=date(2026, 11, 18)
    ),
    "case.open": lambda s, u: records.open_case(s, u, _finding(s)),
    "case.close": lambda s, u: records.close_case(s, u, _case(s, "open"), "rejected", None),
}


def test_every_screen_operation_is_in_the_role_test() -> None:
    screen_only = {
        op for op in ROLE_TABLE if op.split(".")[0] in ("record", "profile", "roster", "case")
    }
    assert set(SCREEN_ACTIONS) == screen_only


@pytest.mark.parametrize("role", list(USERS))
@pytest.mark.parametrize("operation", list(SCREEN_ACTIONS))
def test_screen_action_under_role(demo_store: Store, operation: str, role: str) -> None:
    if operation == "record.restore":
        _delete_a_village(demo_store)  # something to restore, before the "before" snapshot
    before = _dump(demo_store)
    if allowed(operation, role, "commune"):
        done = SCREEN_ACTIONS[operation](demo_store, USERS[role])
        assert not done.changes.empty
        assert _dump(demo_store) != before
        return
    with pytest.raises(ActionRefused):
        SCREEN_ACTIONS[operation](demo_store, USERS[role])
    assert _dump(demo_store) == before
    assert (
        demo_store.conn.execute("SELECT action FROM audit ORDER BY id DESC LIMIT 1").fetchone()[0]
        == "refused"
    )
