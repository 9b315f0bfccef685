"""Field laptops merge at their commune (issue 17 item 2): packages between the office PC and
the devices copied from it with `sync clone-device`, both ways, then on to the hub once."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from de06desk.cli import main
from de06desk.demo import DEMO_PASSWORD, DEMO_USER
from de06desk.domain.weeks import parse_week
from de06desk.reports.summary import build_summary
from de06desk.store import Record, Store, StoreError
from de06desk.sync import (
    SyncError,
    clone_device,
    export_package,
    import_packages,
    public_key_file,
    send_down,
)
from de06desk.sync.devices import export_to_commune, export_to_devices
from de06desk.sync.hub import conflicts, set_commune_target
from de06desk.sync.importer import ImportOutcome
from de06desk.sync.keys import load_own_keys
from de06desk.sync.package import HUB_DEVICES_NAME
from tests.conftest import DEMO_TODAY, snapshot

from .sealing import build_zip, members_of, seal, unseal

WEEK = parse_week("2026-W47")
# Bookkeeping that differs between two copies of one record: the local change number and the
# derived search text.
_LOCAL = ("change_no", "search_text")


@pytest.fixture
def laptop(commune: Store, tmp_path: Path) -> Iterator[Store]:
    """A field laptop copied from the commune's PC (which has sent everything to the hub)."""
    first = export_package(commune, tmp_path / "to-hub")
    assert first is not None
    store = Store.open(clone_device(commune, tmp_path / "laptop.db"))
    yield store
    store.close()


def applied(outcomes: list[ImportOutcome]) -> list[ImportOutcome]:
    assert [o.status for o in outcomes] == ["applied"] * len(outcomes), [
        o.message for o in outcomes
    ]
    return outcomes


def row(store: Store, form: str, uuid: str) -> dict[str, Any]:
    """A record as stored, without what each database numbers for itself."""
    found = store.conn.execute(
        f"SELECT * FROM {store.forms[form].table} WHERE uuid = ?", (uuid,)
    ).fetchone()
    names = [
        d[0] for d in store.conn.execute(f"SELECT * FROM {store.forms[form].table}").description
    ]
    out = {k: v for k, v in zip(names, found, strict=True) if k not in _LOCAL}
    out["versions"] = json.loads(out["versions"])  # the same vector, spelt with or without spaces
    return out


def new_drive(store: Store, place: str) -> Record:
    template = store.list_records("activation_drive", limit=1)[0]
    values = template.values | {
        "place": place,
        "held_on": DEMO_TODAY,
        "ended_on": None,
        "level1_count": 7,
        "level2_count": 5,
    }
    return store.save_record("activation_drive", values, user="laptop")


def test_the_laptops_drive_counts_in_the_communes_weekly_report(
    commune: Store, laptop: Store, tmp_path: Path
) -> None:
    before = build_summary(commune, WEEK, quality=False, today=DEMO_TODAY)
    drive = new_drive(laptop, "Nhà văn hóa thôn (máy xách tay)")
    package = export_to_commune(laptop, tmp_path / "usb")
    assert package is not None and package.rows == 1
    assert package.path.name.startswith(f"{commune.unit_code}_device_")
    [outcome] = applied(import_packages(commune, [package.path]))
    assert (outcome.applied, outcome.conflicts) == (1, 0)
    after = build_summary(commune, WEEK, quality=False, today=DEMO_TODAY)
    assert after.to_dict() != before.to_dict()
    assert after.to_dict() == build_summary(laptop, WEEK, quality=False, today=DEMO_TODAY).to_dict()
    drives = after.table("eid_drives")
    assert sum(r[1] for r in drives.rows if isinstance(r[1], int)) > sum(
        r[1] for r in before.table("eid_drives").rows if isinstance(r[1], int)
    )
    assert row(commune, "activation_drive", drive.uuid) == row(
        laptop, "activation_drive", drive.uuid
    )
    # Nothing new on the laptop: no package; the same package again changes nothing.
    assert export_to_commune(laptop, tmp_path / "usb") is None
    assert [o.status for o in import_packages(commune, [package.path])] == ["already"]


def test_two_devices_edit_the_same_citizen_and_drive_while_apart(
    commune: Store, laptop: Store, hub: Store, tmp_path: Path
) -> None:
    person = commune.list_records("citizen", limit=1)[0]
    drive = commune.list_records("activation_drive", limit=1)[0]
    commune.save_record(
        "citizen", person.values | {"notes": "sửa ở máy bàn"}, user="a", uuid=person.uuid
    )
    commune.save_record(
        "activation_drive", drive.values | {"place": "Trụ sở"}, user="a", uuid=drive.uuid
    )
    laptop.save_record(
        "citizen", person.values | {"notes": "sửa ở máy xách tay"}, user="b", uuid=person.uuid
    )
    laptop.save_record(
        "activation_drive", drive.values | {"place": "Thôn Đông"}, user="b", uuid=drive.uuid
    )
    # The laptop also goes to the hub on its own once: the hub must still count each record once.
    direct = export_package(laptop, tmp_path / "laptop-to-hub")
    up = export_to_commune(laptop, tmp_path / "usb")
    assert direct is not None and up is not None and up.rows == 2
    [outcome] = applied(import_packages(commune, [up.path]))
    assert outcome.conflicts == 2
    lost = {c.form_id: c for c in conflicts(commune)}
    assert set(lost) == {"citizen", "activation_drive"}
    # The later edit (the laptop's) wins; the losing version is kept whole.
    assert "sửa ở máy bàn" in lost["citizen"].lost_row
    assert "Trụ sở" in lost["activation_drive"].lost_row
    assert commune.get_record("citizen", person.uuid)["notes"] == "sửa ở máy xách tay"
    down = export_to_devices(commune, tmp_path / "usb")
    assert down is not None and down.path.name.startswith(f"{commune.unit_code}_to_devices_")
    [back] = applied(import_packages(laptop, [down.path]))
    assert back.conflicts == 0 and back.acknowledged == 1
    for form, uuid in (("citizen", person.uuid), ("activation_drive", drive.uuid)):
        assert row(commune, form, uuid) == row(laptop, form, uuid), form
    versions = commune.get_record("citizen", person.uuid).versions
    assert set(versions) == {commune.device_id, laptop.device_id}
    # The echo of what the PC sent comes back once and changes nothing there.
    echo = export_to_commune(laptop, tmp_path / "usb")
    assert echo is not None
    [again] = applied(import_packages(commune, [echo.path]))
    assert (again.applied, again.conflicts) == (0, 0)
    assert export_to_devices(commune, tmp_path / "usb") is None  # the exchange has settled
    # On to the hub: the laptop's own package and the PC's carry the same records; the hub
    # keeps one copy of each, the merged version, and its figures equal the PC's.
    to_hub = export_package(commune, tmp_path / "to-hub")
    assert to_hub is not None
    first = next((tmp_path / "to-hub").glob("*_000001_*.de06sync"))
    applied(import_packages(hub, [first, direct.path, to_hub.path]))
    for form, uuid in (("citizen", person.uuid), ("activation_drive", drive.uuid)):
        assert row(hub, form, uuid) == row(commune, form, uuid), form
    unit = build_summary(hub, WEEK, unit_code=commune.unit_code, today=DEMO_TODAY)
    own = build_summary(commune, WEEK, quality=False, today=DEMO_TODAY)
    assert unit.to_dict() == own.to_dict()


def test_a_hub_target_stays_the_hubs_on_the_laptop(
    commune: Store, laptop: Store, hub: Store, tmp_path: Path
) -> None:
    values = {
        "kind": "cleanup_cases",
        "value": 40,
        "start_on": "2026-01-01",
        "due_on": "2026-12-31",
    }
    target = set_commune_target(hub, commune.unit_code, values, user="hub")
    applied(import_packages(commune, [send_down(hub, commune.unit_code, tmp_path / "down").path]))
    down = export_to_devices(commune, tmp_path / "usb")
    assert down is not None
    assert not laptop.hub_devices()
    applied(import_packages(laptop, [down.path]))
    assert laptop.hub_devices() == commune.hub_devices()
    with pytest.raises(StoreError, match="cấp trên"):
        laptop.save_record("target", target.values | {"value": 1}, user="b", uuid=target.uuid)


def test_a_laptops_edit_of_a_hub_target_is_refused_at_the_commune(
    commune: Store, hub: Store, tmp_path: Path
) -> None:
    values = {
        "kind": "cleanup_cases",
        "value": 40,
        "start_on": "2026-01-01",
        "due_on": "2026-12-31",
    }
    target = set_commune_target(hub, commune.unit_code, values, user="hub")
    # The laptop was copied before the PC knew the hub's device (an older copy, or a forgery).
    laptop = Store.open(clone_device(commune, tmp_path / "laptop.db"))
    try:
        applied(
            import_packages(commune, [send_down(hub, commune.unit_code, tmp_path / "down").path])
        )
        down = export_to_devices(commune, tmp_path / "usb")
        assert down is not None
        applied(import_packages(laptop, [down.path]))
        with laptop.transaction():  # the laptop has the target but forgot whose it is
            laptop.set_meta("sync_hub_devices", "[]")
        laptop.save_record("target", target.values | {"value": 1}, user="b", uuid=target.uuid)
        up = export_to_commune(laptop, tmp_path / "usb")
    finally:
        laptop.close()
    assert up is not None
    [outcome] = import_packages(commune, [up.path])
    assert outcome.status == "refused" and "cấp trên" in outcome.message


def test_packages_go_only_where_they_belong(
    commune: Store, laptop: Store, hub: Store, second_commune: Store, tmp_path: Path
) -> None:
    with pytest.raises(SyncError, match="clone-device"):
        export_to_commune(commune, tmp_path / "usb")
    with pytest.raises(SyncError, match="--to-commune"):
        export_to_devices(laptop, tmp_path / "usb")
    new_drive(laptop, "Chợ")
    up = export_to_commune(laptop, tmp_path / "usb")
    commune.save_record("citizen", commune.list_records("citizen", limit=1)[0].values, user="a")
    down = export_to_devices(commune, tmp_path / "usb")
    assert up is not None and down is not None
    second_laptop = Store.open(clone_device(commune, tmp_path / "laptop2.db"))
    try:
        cases = [
            (hub, up.path, "không dùng ở cấp trên"),
            (laptop, up.path, "chính máy này"),
            (second_laptop, up.path, "máy của xã, không phải"),
            (commune, down.path, "chính máy này"),
            (second_commune, up.path, "đơn vị khác"),
        ]
        for store, path, words in cases:
            path_before = store.path
            store.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
            before = snapshot(path_before)
            [outcome] = import_packages(store, [path])
            assert outcome.status == "refused" and words in outcome.message, outcome.message
            store.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
            assert snapshot(path_before)[1] == before[1]
        # A PC's package for its devices goes to every one of them.
        applied(import_packages(second_laptop, [down.path]))
    finally:
        second_laptop.close()


def test_cli_to_commune_and_to_devices(
    commune: Store, laptop: Store, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys
) -> None:
    monkeypatch.setenv("DE06_USER", DEMO_USER)
    monkeypatch.setenv("DE06_PASSWORD", DEMO_PASSWORD)
    drive = new_drive(laptop, "Nhà văn hóa")
    pc, field = str(commune.path), str(laptop.path)
    usb = tmp_path / "usb"
    assert main(["sync", "export", "--db", pc, "--to-commune", "--out", str(usb)]) == 1
    assert "clone-device" in capsys.readouterr().err
    assert main(["sync", "export", "--db", field, "--to-commune", "--out", str(usb)]) == 0
    up = Path(capsys.readouterr().out.strip())
    assert main(["sync", "import", "--db", pc, str(up)]) == 0
    assert capsys.readouterr().out.startswith("ĐÃ NHẬP")
    assert commune.get_record("activation_drive", drive.uuid) is not None
    assert main(["sync", "export", "--db", pc, "--to-devices", "--out", str(usb)]) == 0
    down = Path(capsys.readouterr().out.strip())
    assert main(["sync", "import", "--db", field, str(down)]) == 0
    with pytest.raises(SystemExit):
        main(["sync", "export", "--db", field, "--to-commune", "--full", "--out", str(usb)])
    assert "--full" in capsys.readouterr().err
    audit = commune.conn.execute(
        "SELECT detail FROM audit WHERE action = 'sync_import' ORDER BY id DESC LIMIT 1"
    ).fetchone()[0]
    assert json.loads(audit)["device"] == laptop.device_id


def test_hub_devices_travel_only_from_the_pc_and_only_well_formed(
    commune: Store, laptop: Store, tmp_path: Path
) -> None:
    own = load_own_keys(commune)
    assert own is not None
    new_drive(laptop, "Chợ")
    up = export_to_commune(laptop, tmp_path / "usb")
    commune.save_record("citizen", commune.list_records("citizen", limit=1)[0].values, user="a")
    down = export_to_devices(commune, tmp_path / "usb")
    assert up is not None and down is not None

    def resealed(path: Path, name: str, change: dict[str, bytes]) -> Path:
        header, zip_bytes = unseal(path, own)
        members, manifest = members_of(zip_bytes)
        return seal(
            tmp_path / name,
            build_zip(members | change, manifest),
            like=header,
            signer=own.signing,
            recipient=public_key_file(commune),
        )

    devices = json.dumps({"hub_devices": ["a-hub-device"]}).encode()
    forged_up = resealed(up.path, "up.de06sync", {HUB_DEVICES_NAME: devices})
    [outcome] = import_packages(commune, [forged_up])
    assert outcome.status == "refused" and HUB_DEVICES_NAME in outcome.message
    for bad in (b"[1]", json.dumps({"hub_devices": ["x\x1b[2J"]}).encode()):
        forged_down = resealed(down.path, "down.de06sync", {HUB_DEVICES_NAME: bad})
        [outcome] = import_packages(laptop, [forged_down])
        assert outcome.status == "refused" and "hỏng" in outcome.message, outcome.message
    assert not laptop.hub_devices()
