"""Commune → hub → commune: export, import, acknowledgements, targets, tombstones, gaps."""

from __future__ import annotations

from pathlib import Path

import pytest

from de06desk.domain.progress import Cancelled
from de06desk.store import Store
from de06desk.store.sync_state import registered_communes
from de06desk.sync import (
    SyncError,
    export_package,
    hub_status,
    import_packages,
    send_down,
)
from de06desk.sync import export as export_module
from de06desk.sync.hub import sent_history, set_commune_target
from tests.conftest import SECOND_COMMUNE


def _all(store: Store, form_id: str, unit: str) -> dict[str, tuple]:
    return {
        r.uuid: (r.values, r.versions, r.deleted, r.updated_at)
        for r in store.list_records(form_id, include_deleted=True, where=None)
        if r.unit_code == unit
    }


def test_round_trip_commune_hub_commune(commune: Store, hub: Store, tmp_path: Path) -> None:
    usb = tmp_path / "usb"
    result = export_package(commune, usb)
    assert result is not None
    assert result.path.name == f"{commune.unit_code}_000001_{result.path.name[13:21]}.de06sync"
    assert [p.name for p in usb.iterdir()] == [result.path.name]  # no temp file left behind
    assert result.rows == sum(result.counts.values()) > 900
    [outcome] = import_packages(hub, [result.path])
    assert outcome.status == "applied", outcome.message
    assert outcome.applied == result.rows and outcome.conflicts == 0
    for form in commune.forms:
        assert _all(hub, form.id, commune.unit_code) == _all(commune, form.id, commune.unit_code)
    # Nothing changed since: no package (unless --full).
    assert export_package(commune, usb) is None
    assert len(list(usb.iterdir())) == 1
    full = export_package(commune, usb, full=True)
    assert full is not None and full.seq == 2 and full.rows == result.rows
    assert [s.acked_at for s in sent_history(commune)] == [None, None]
    # Back down: the acknowledgements close the loop.
    [outcome] = import_packages(hub, [full.path])
    assert outcome.applied == 0  # same versions: a harmless retry
    down = send_down(hub, commune.unit_code, tmp_path / "down")
    [back] = import_packages(commune, [down.path])
    assert back.status == "applied", back.message
    assert back.acknowledged == 2
    assert all(s.acked_at for s in sent_history(commune))


def test_idempotent_reimport(commune: Store, hub: Store, tmp_path: Path, unchanged) -> None:
    result = export_package(commune, tmp_path)
    assert result is not None
    import_packages(hub, [result.path])
    hub.close()
    [again] = unchanged(hub.path, lambda h: import_packages(h, [result.path]))
    assert again.status == "already"


def test_incremental_edit_and_tombstone(commune: Store, hub: Store, tmp_path: Path) -> None:
    first = export_package(commune, tmp_path)
    assert first is not None
    import_packages(hub, [first.path])
    person = commune.list_records("citizen", limit=2)
    edited = commune.save_record(
        "citizen", person[0].values | {"notes": "Đã xác minh"}, user="admin", uuid=person[0].uuid
    )
    commune.delete_record("citizen", person[1].uuid, user="admin")
    second = export_package(commune, tmp_path)
    assert second is not None and second.seq == 2 and second.rows == 2
    assert second.change_from == first.change_to + 1
    [outcome] = import_packages(hub, [second.path])
    assert outcome.applied == 2 and not outcome.missing_before
    at_hub = hub.get_record("citizen", edited.uuid)
    assert at_hub is not None and at_hub["notes"] == "Đã xác minh"
    assert at_hub.versions == edited.versions
    assert hub.get_record("citizen", person[1].uuid) is None
    gone = hub.get_record("citizen", person[1].uuid, include_deleted=True)
    assert gone is not None and gone.deleted


def test_gap_is_shown_and_out_of_order_keeps_newest(
    commune: Store, hub: Store, tmp_path: Path
) -> None:
    paths = []
    person = commune.list_records("citizen", limit=1)[0]
    for note in ("một", "hai", "ba"):
        commune.save_record("citizen", person.values | {"notes": note}, user="a", uuid=person.uuid)
        result = export_package(commune, tmp_path)
        assert result is not None
        paths.append(result.path)
    _, three = import_packages(hub, [paths[0], paths[2]])
    assert three.status == "applied" and three.missing_before == (2,)
    assert "2" in three.message
    [status] = hub_status(hub)
    assert status.missing == {commune.device_id: (2,)} and status.last_seq == 3
    [two] = import_packages(hub, [paths[1]])
    assert two.status == "applied" and two.applied == 0  # older than what package 3 brought
    assert hub.get_record("citizen", person.uuid)["notes"] == "ba"
    [status] = hub_status(hub)
    assert status.missing == {} and status.packages == 3


def test_several_communes_and_status(
    commune: Store, second_commune: Store, hub: Store, tmp_path: Path
) -> None:
    a = export_package(commune, tmp_path)
    b = export_package(second_commune, tmp_path)
    assert a is not None and b is not None
    outcomes = import_packages(hub, [a.path, b.path])
    assert [o.status for o in outcomes] == ["applied", "applied"]
    assert registered_communes(hub) == sorted([commune.unit_code, SECOND_COMMUNE])
    for store in (commune, second_commune):
        unit = store.unit_code
        assert hub.count_records("citizen", where={"unit_code": unit}) == store.count_records(
            "citizen"
        )
    statuses = {s.unit_code: s for s in hub_status(hub, silent_days=3)}
    assert all(s.last_seq == 1 and not s.silent for s in statuses.values())


def test_hub_targets_go_down(commune: Store, hub: Store, tmp_path: Path) -> None:
    from datetime import date

    target = set_commune_target(
        hub,
        commune.unit_code,
        {
            "kind": "support_sessions",
            "value": 77,
            "start_on": date(2026, 1, 1),
            "due_on": date(2026, 12, 31),
        },
        user="admin",
    )
    assert target.unit_code == commune.unit_code
    down = send_down(hub, commune.unit_code, tmp_path)
    assert down.path.name.startswith(f"{hub.unit_code}_to_{commune.unit_code}_000001_")
    [outcome] = import_packages(commune, [down.path])
    assert outcome.status == "applied" and outcome.applied == 1
    assert commune.get_record("target", target.uuid)["value"] == 77


def test_export_needs_hub_key(store: Store, tmp_path: Path) -> None:
    with pytest.raises(SyncError, match="set-hub"):
        export_package(store, tmp_path)
    assert not list(tmp_path.glob("*.de06sync"))


def test_cancel_writes_nothing(commune: Store, tmp_path: Path) -> None:
    with pytest.raises(Cancelled):
        export_package(commune, tmp_path / "usb", cancelled=lambda: True)
    assert list((tmp_path / "usb").iterdir()) == []
    assert sent_history(commune) == []


def test_lying_drive_is_caught(
    commune: Store, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    real = export_module._read_back

    def flipped(path: Path) -> bytes:
        data = bytearray(real(path))
        data[len(data) // 2] ^= 0x01
        return bytes(data)

    monkeypatch.setattr(export_module, "_read_back", flipped)
    with pytest.raises(SyncError, match=r"USB|drive|ổ"):
        export_package(commune, tmp_path / "usb")
    assert list((tmp_path / "usb").iterdir()) == []
    assert sent_history(commune) == []
