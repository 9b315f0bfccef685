"""Roles hold on the command line: every command under every role, against the role table.

Issue 14's findings first (a viewer trusting a key and importing, a viewer pointing the
commune at a hub key it owns, …), then every command: allowed ↔ done; refused ↔ exit 1,
one line on stderr, the data unchanged and an audit row for the refusal.
"""

from __future__ import annotations

import shutil
import sqlite3
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pytest

from de06desk.actions.roles import ROLE_TABLE, allowed
from de06desk.cli import build_parser, main
from de06desk.config import program_forms_dir
from de06desk.demo import DEMO_PASSWORD
from de06desk.quality.citizen_import import apply_import, guess_mapping, plan_import, read_table
from de06desk.store import Store
from de06desk.store.users import create_user, is_encrypted
from de06desk.sync import (
    clone_device,
    export_package,
    init_hub,
    public_key_file,
    set_hub,
    trust_commune,
)
from de06desk.sync.keys import PublicKeyFile, hub_key, peer_key
from tests.quality.helpers import write_csv

ACCOUNTS = {"admin": "admin", "officer": "canbo", "viewer": "xem"}
ROLES = tuple(ACCOUNTS)
HEADER = ["Họ và tên", "Số CCCD", "Năm sinh", "Giới tính", "Thôn/Xóm"]


@dataclass(frozen=True)
class World:
    """A commune and its hub on disk, with everything the commands need beside them."""

    root: Path
    batch: str
    village: str

    def __getattr__(self, name: str) -> Path:
        files = {
            "commune": "commune.db",
            "laptop": "laptop.db",
            "hub": "hub.db",
            "hub_pub": "hub.pub",
            "other_hub_pub": "other-hub.pub",
            "new_commune_pub": "new-commune.pub",
            "forged_pub": "forged.pub",
            "package": "up.de06sync",
            "citizens": "list.csv",
            "statuses": "status.csv",
            "backup": "commune.de06bak",
        }
        if name not in files:
            raise AttributeError(name)
        return self.root / files[name]


def _key_of(folder: Path, code: str, *, role: str = "commune") -> Path:
    """A fresh unit's public-key file (its own database made and thrown away)."""
    db = folder / f"keys-{code}.db"
    store = (
        init_hub(db, unit_code=code, name=f"Cấp trên {code}")
        if role == "hub"
        else Store.create(db, unit_code=code)
    )
    with store:
        key = public_key_file(store)
    out = folder / f"{code}-{role}.pub"
    out.write_text(key.to_text(), encoding="utf-8")
    return out


@pytest.fixture(scope="session")
def world_template(demo_template: Path, tmp_path_factory: pytest.TempPathFactory) -> World:
    root = tmp_path_factory.mktemp("roles")
    shutil.copy2(demo_template, root / "commune.db")
    hub = init_hub(root / "hub.db", unit_code="HN01", name="Công an Thành phố Hà Nội")
    commune = Store.open(root / "commune.db")
    for store in (hub, commune):
        names = {u for (u,) in store.conn.execute("SELECT username FROM users")}
        for role, name in ACCOUNTS.items():
            if name not in names:
                create_user(store, name, DEMO_PASSWORD, role=role, display_name=name, by="t")
    set_hub(commune, public_key_file(hub), user="t")
    trust_commune(hub, public_key_file(commune), user="t")
    # The hub's own upper hub, for its summary packages (figures upward).
    set_hub(hub, PublicKeyFile.read(_key_of(root, "VN", role="hub")), user="t")
    (root / "hub.pub").write_text(public_key_file(hub).to_text(), encoding="utf-8")
    shutil.copy(_key_of(root, "HN02", role="hub"), root / "other-hub.pub")
    shutil.copy(_key_of(root, "00008"), root / "new-commune.pub")
    shutil.copy(_key_of(root, "00004"), root / "forged.pub")  # same unit, attacker's key
    result = export_package(commune, root / "usb", user="t")
    assert result is not None
    shutil.move(result.path, root / "up.de06sync")
    # A second device with work of its own to send to the commune's PC, and work on the PC
    # since the copy to send to it.
    with Store.open(clone_device(commune, root / "laptop.db", user="t")) as laptop:
        person = laptop.list_records("citizen", limit=1)[0]
        laptop.save_record(
            "citizen", person.values | {"notes": "máy 2"}, user="t", uuid=person.uuid
        )
    village = commune.list_records("village", order_by="name")[0]["name"]
    write_csv(
        root / "list.csv",
        [HEADER, ["Lò Thị Mới", "001190123456", "1990", "Nữ", village]],
    )
    other = write_csv(
        root / "earlier.csv",
        [HEADER, ["Lò Văn Cũ", "001085123457", "1985", "Nam", village]],
    )
    write_csv(
        root / "status.csv",
        [
            ["Họ và tên", "Số CCCD/ĐDCN", "Trạng thái", "Ngày kích hoạt", "Số điện thoại"],
            ["Lò Văn Cũ", "001085123457", "Đã kích hoạt", "10/11/2026", "0912345678"],
        ],
    )
    table = read_table(str(other))
    batch = apply_import(commune, plan_import(commune, table, guess_mapping(table.headers)), "t")
    from de06desk.backup import backup_database

    shutil.move(backup_database(commune, root / "bak", user="t"), root / "commune.de06bak")
    hub.close()
    commune.close()
    return World(root, batch.batch_id, village)


@pytest.fixture
def world(world_template: World, tmp_path: Path) -> World:
    root = tmp_path / "w"
    shutil.copytree(world_template.root, root)
    (root / "out").mkdir()
    return World(root, world_template.batch, world_template.village)


def as_role(monkeypatch: pytest.MonkeyPatch, role: str) -> None:
    monkeypatch.setenv("DE06_USER", ACCOUNTS[role])
    monkeypatch.setenv("DE06_PASSWORD", DEMO_PASSWORD)
    # The new password of user add / reset-password / enable (never on the command line).
    monkeypatch.setenv("DE06_NEW_PASSWORD", "ca-phe-sua-da-06")


def data_dump(path: Path) -> list[str]:
    """Everything in a plaintext database except the audit log (and its id counter)."""
    conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        return [
            line
            for line in conn.iterdump()
            if '"audit"' not in line and "sqlite_sequence" not in line
        ]
    finally:
        conn.close()


def refusals(path: Path, operation: str) -> int:
    conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        return conn.execute(
            "SELECT count(*) FROM audit WHERE action = 'refused' AND detail LIKE ?",
            (operation + " %",),
        ).fetchone()[0]
    finally:
        conn.close()


# ---- the findings of issue 14, each reproduced -------------------------------------------


def test_viewer_cannot_trust_a_key_nor_import_at_the_hub(world, monkeypatch, capsys) -> None:
    as_role(monkeypatch, "viewer")
    genuine = peer_key_fp(world.hub, "00004")
    code = main(["hub", "trust", "--db", str(world.hub), str(world.forged_pub), "--replace"])
    err = capsys.readouterr().err.strip()
    assert code == 1 and len(err.splitlines()) == 1 and "xem" in err
    assert peer_key_fp(world.hub, "00004") == genuine
    assert refusals(world.hub, "hub.trust") == 1
    before = data_dump(world.hub)
    assert main(["sync", "import", "--db", str(world.hub), str(world.package)]) == 1
    assert _refusal_line(capsys.readouterr(), "sync.import")
    assert data_dump(world.hub) == before
    assert refusals(world.hub, "sync.import") == 1


def test_viewer_cannot_point_the_commune_at_another_hub(world, monkeypatch, capsys) -> None:
    as_role(monkeypatch, "viewer")
    assert main(["keys", "set-hub", "--db", str(world.commune), str(world.other_hub_pub)]) == 1
    with Store.open(world.commune) as store:
        hub = hub_key(store)
        assert hub is not None and hub.unit_code == "HN01"
    assert refusals(world.commune, "keys.set_hub") == 1


@pytest.mark.parametrize(
    "argv",
    [
        ["sync", "export", "--full", "--out", "{out}"],
        ["sync", "clone-device", "--out", "{out}/laptop.db"],
        ["import", "citizens", "{citizens}", "--yes"],
        ["import", "undo", "{batch}"],
    ],
    ids=["export-full", "clone-device", "import-citizens", "import-undo"],
)
def test_viewer_cannot_take_or_change_the_commune(world, monkeypatch, capsys, argv) -> None:
    as_role(monkeypatch, "viewer")
    out = world.root / "out"
    filled = [a.format(out=out, citizens=world.citizens, batch=world.batch) for a in argv]
    before = data_dump(world.commune)
    assert main([*filled, "--db", str(world.commune)]) == 1
    assert len(capsys.readouterr().err.strip().splitlines()) == 1
    assert data_dump(world.commune) == before
    assert not any(out.iterdir())


def _refusal_line(captured: pytest.CaptureResult[str], operation: str | None) -> bool:
    """One line says the refusal: on stderr, or for a batch import the package's own outcome
    line (every package of a batch gets exactly one, issue 15)."""
    if operation == "sync.import":
        lines = captured.out.strip().splitlines()
        return len(lines) == 1 and lines[0].startswith("TỪ CHỐI") and "cần quyền" in lines[0]
    return len(captured.err.strip().splitlines()) == 1


def peer_key_fp(path: Path, code: str) -> str | None:
    with Store.open(path) as store:
        key = peer_key(store, code)
        return key.fingerprint if key else None


# ---- item 5: key changes are loud ---------------------------------------------------------


def test_trusting_another_key_for_a_known_commune_needs_replace(world, monkeypatch, capsys):
    as_role(monkeypatch, "admin")
    old = peer_key_fp(world.hub, "00004")
    assert main(["hub", "trust", "--db", str(world.hub), str(world.forged_pub)]) == 1
    err = capsys.readouterr().err
    assert "--replace" in err and old in err
    assert peer_key_fp(world.hub, "00004") == old
    assert main(["hub", "trust", "--db", str(world.hub), str(world.forged_pub), "--replace"]) == 0
    out = capsys.readouterr().out
    new = peer_key_fp(world.hub, "00004")
    assert new != old and old in out and new in out
    conn = sqlite3.connect(world.hub)
    [detail] = conn.execute(
        "SELECT detail FROM audit WHERE action = 'sync_trust' ORDER BY id DESC LIMIT 1"
    ).fetchone()
    conn.close()
    assert old in detail and new in detail


def test_a_province_hub_asks_before_trusting_another_province(tmp_path, monkeypatch, capsys):
    monkeypatch.setenv("DE06_USER", "admin")
    monkeypatch.setenv("DE06_PASSWORD", "mat-khau-tinh-06")
    hub = tmp_path / "tinh.db"
    args = ["hub", "init", "--db", str(hub), "--unit-code", "CAHN", "--name", "Công an Hà Nội"]
    assert main([*args, "--province", "01", "--key-out", str(tmp_path / "h.pub")]) == 0
    in_province, elsewhere = _key_of(tmp_path, "00004"), _key_of(tmp_path, "01273")
    assert main(["hub", "trust", "--db", str(hub), str(in_province)]) == 0
    assert main(["hub", "trust", "--db", str(hub), str(elsewhere)]) == 1
    assert "--outside-province" in capsys.readouterr().err
    args = ["hub", "trust", "--db", str(hub), str(elsewhere), "--outside-province"]
    assert main(args) == 0


# ---- every command under every role -------------------------------------------------------


@dataclass(frozen=True)
class Command:
    """One CLI command as the role test runs it; `state` reads what it changes (allowed: the
    state differs afterwards; refused: it is the same)."""

    argv: Callable[[World], list[str]]
    database: str  # "commune" or "hub": the kind of database, and the file it changes
    operation: str | None  # None: a read, allowed to every account
    state: Callable[[World], object] = lambda w: None
    reads: bool = False  # an operation that only reads (allowed: exit 0 is the whole check)
    file: str | None = None  # another file of that kind (the commune's second device)


def _files(pattern: str) -> Callable[[World], object]:
    return lambda w: sorted(p.name for p in (w.root / "out").glob(pattern))


def _audits(db: str, action: str) -> Callable[[World], object]:
    return lambda w: _query(getattr(w, db), "SELECT count(*) FROM audit WHERE action = ?", action)


def _user(name: str) -> Callable[[World], object]:
    return lambda w: _query(w.commune, "SELECT role, active FROM users WHERE username = ?", name)


def _query(path: Path, sql: str, *params: object) -> object:
    if is_encrypted(path):
        return "encrypted"
    conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        return conn.execute(sql, params).fetchone()
    finally:
        conn.close()


def _hub_of(w: World, db: str = "commune") -> object:
    with Store.open(getattr(w, db)) as store:
        key = hub_key(store)
        return key.unit_code if key else None


C = "commune"
COMMANDS: dict[str, Command] = {
    "keys export": Command(
        lambda w: ["keys", "export", "--out", str(w.root / "out" / "c.pub")],
        C,
        "keys.export",
        _files("c.pub"),
    ),
    "keys set-hub": Command(
        lambda w: ["keys", "set-hub", str(w.other_hub_pub)], C, "keys.set_hub", _hub_of
    ),
    "keys set-hub --at-hub": Command(
        lambda w: ["keys", "set-hub", str(w.other_hub_pub)],
        "hub",
        "keys.set_hub",
        lambda w: _hub_of(w, "hub"),
    ),
    "sync export": Command(
        lambda w: ["sync", "export", "--out", str(w.root / "out")],
        C,
        "sync.export",
        _files("*.de06sync"),
    ),
    "sync export --full": Command(
        lambda w: ["sync", "export", "--full", "--out", str(w.root / "out")],
        C,
        "sync.export_full",
        _files("*.de06sync"),
    ),
    "sync export --at-hub": Command(
        lambda w: ["sync", "export", "--weeks", "1", "--out", str(w.root / "out")],
        "hub",
        "hub.export_summary",
        _files("*.de06sync"),
    ),
    "sync export --to-commune": Command(
        lambda w: ["sync", "export", "--to-commune", "--out", str(w.root / "out")],
        C,
        "sync.export_to_commune",
        _files("*.de06sync"),
        file="laptop",
    ),
    "sync export --to-devices": Command(
        lambda w: ["sync", "export", "--to-devices", "--out", str(w.root / "out")],
        C,
        "sync.export_to_devices",
        _files("*.de06sync"),
    ),
    "sync clone-device": Command(
        lambda w: ["sync", "clone-device", "--out", str(w.root / "out" / "laptop.db")],
        C,
        "sync.clone_device",
        _files("laptop.db"),
    ),
    "sync import": Command(
        lambda w: ["sync", "import", str(w.package)],
        "hub",
        "sync.import",
        _audits("hub", "sync_import"),
    ),
    "hub trust": Command(
        lambda w: ["hub", "trust", str(w.new_commune_pub)],
        "hub",
        "hub.trust",
        lambda w: peer_key_fp(w.hub, "00008"),
    ),
    "hub target": Command(
        lambda w: [
            "hub",
            "target",
            "--to",
            "00004",
            "--kind",
            "cleanup_cases",
            "--value",
            "40",
            "--start",
            "2026-01-01",
            "--due",
            "2026-12-31",
        ],
        "hub",
        "hub.target",
        _audits("hub", "create"),
    ),
    "hub send": Command(
        lambda w: ["hub", "send", "--to", "00004", "--out", str(w.root / "out")],
        "hub",
        "hub.send",
        _files("*.de06sync"),
    ),
    "hub publish-forms": Command(
        lambda w: ["hub", "publish-forms", str(program_forms_dir()), "--report-code", "BC-CAT"],
        "hub",
        "hub.publish_forms",
        _audits("hub", "forms_publish"),
    ),
    "hub status": Command(lambda w: ["hub", "status"], "hub", None),
    "import citizens": Command(
        lambda w: ["import", "citizens", str(w.citizens), "--yes"],
        C,
        "citizens.import",
        _audits(C, "import_citizens"),
    ),
    "import status": Command(
        lambda w: ["import", "status", str(w.statuses), "--yes"],
        C,
        "status.import",
        _audits(C, "import_status"),
    ),
    "import undo": Command(
        lambda w: ["import", "undo", w.batch], C, "citizens.undo", _audits(C, "import_undo")
    ),
    "import list": Command(lambda w: ["import", "list"], C, None),
    "check": Command(lambda w: ["check", "--json"], C, None),
    "followup": Command(
        lambda w: ["followup", "--village", w.village, "--out", str(w.root / "f.xlsx")], C, None
    ),
    "report weekly": Command(
        lambda w: ["report", "weekly", "--out", str(w.root / "r.json")], C, None
    ),
    "user list": Command(lambda w: ["user", "list"], C, None),
    "user add": Command(
        lambda w: ["user", "add", "moi", "--role", "officer"],
        C,
        "user.add",
        _user("moi"),
    ),
    "user reset-password": Command(
        lambda w: ["user", "reset-password", "canbo"],
        C,
        "user.reset_password",
        _audits(C, "password_reset"),
    ),
    "user disable": Command(
        lambda w: ["user", "disable", "canbo"], C, "user.disable", _user("canbo")
    ),
    "user enable": Command(
        lambda w: ["user", "enable", "xem"],
        C,
        "user.enable",
        _audits(C, "user_enable"),
    ),
    "user set-role": Command(
        lambda w: ["user", "set-role", "xem", "officer"], C, "user.set_role", _user("xem")
    ),
    "backup": Command(
        lambda w: ["backup", "--out", str(w.root / "out")], C, "db.backup", _files("*")
    ),
    "restore": Command(
        lambda w: ["restore", str(w.backup), "--yes"], C, "db.restore", _audits(C, "restore")
    ),
    "audit verify": Command(lambda w: ["audit", "verify"], C, "audit.read", reads=True),
    "admin encrypt": Command(
        lambda w: ["admin", "encrypt"], C, "db.encrypt", lambda w: is_encrypted(w.commune)
    ),
}
# Commands run before any account exists (they make a database and its administrator) or
# with the recovery code instead of an account: tests/store and tests/cli cover them.
NO_ACCOUNT = {"init", "demo", "hub init", "user recover", "admin check-recovery-code"}


def _commands(parser=None, prefix: str = "") -> list[str]:
    parser = parser or build_parser()
    names: list[str] = []
    for action in parser._actions:
        choices = getattr(action, "choices", None)
        if isinstance(choices, dict):
            for name, sub in choices.items():
                inner = _commands(sub, f"{prefix}{name} ")
                names += inner or [f"{prefix}{name}"]
    return names


def test_every_command_is_in_the_role_test() -> None:
    names = {n.strip() for n in _commands()}
    covered = {n.split(" --")[0] for n in COMMANDS} | NO_ACCOUNT
    assert names == covered
    used = {c.operation for c in COMMANDS.values() if c.operation}
    cli_less = {  # operations only the screens (or other actions) reach
        "record.save",
        "record.delete",
        "record.restore",
        "profile.save",
        "roster.add",
        "roster.save",
        "roster.remove",
        "roster.activate",
        "case.open",
        "case.close",
    }
    assert used | cli_less == set(ROLE_TABLE)


@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize("name", list(COMMANDS))
def test_command_under_role(name: str, role: str, world: World, monkeypatch, capsys) -> None:
    command = COMMANDS[name]
    db = getattr(world, command.file or command.database)
    as_role(monkeypatch, role)
    may = command.operation is None or allowed(command.operation, role, command.database)
    before, state = data_dump(db), command.state(world)
    code = main([*command.argv(world), "--db", str(db)])
    captured = capsys.readouterr()
    if may:
        assert code == 0, captured.err
        if command.operation is not None and not command.reads:
            assert command.state(world) != state, f"{name} as {role}: exit 0, nothing done"
        return
    assert code == 1
    assert _refusal_line(captured, command.operation), captured
    assert data_dump(db) == before
    assert command.state(world) == state
    assert refusals(db, command.operation or "") == 1
