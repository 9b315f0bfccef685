"""Two devices of one commune editing the same record: version vectors, conflicts, determinism."""

from __future__ import annotations

import time
from pathlib import Path

from de06desk.store import Store
from de06desk.store.sync_state import copy_database
from de06desk.sync import clone_device, export_package, hub_status, import_packages
from de06desk.sync.hub import conflicts
from de06desk.sync.importer import compare_versions, merge_versions


def test_version_vectors() -> None:
    assert compare_versions({"a": 2}, {"a": 1}) == "newer"
    assert compare_versions({"a": 1}, {"a": 1, "b": 1}) == "older"
    assert compare_versions({"a": 1, "b": 0}, {"a": 1}) == "equal"
    assert compare_versions({"a": 2, "b": 1}, {"a": 1, "b": 2}) == "concurrent"
    assert merge_versions({"a": 2, "b": 1}, {"a": 1, "c": 4}) == {"a": 2, "b": 1, "c": 4}


def test_two_devices_edit_the_same_record(commune: Store, hub: Store, tmp_path: Path) -> None:
    first = export_package(commune, tmp_path / "desk")
    assert first is not None
    import_packages(hub, [first.path])
    laptop = Store.open(clone_device(commune, tmp_path / "laptop.db"))
    try:
        assert laptop.device_id != commune.device_id
        assert laptop.unit_code == commune.unit_code
        person = commune.list_records("citizen", limit=1)[0]
        desk_edit = commune.save_record(
            "citizen", person.values | {"notes": "sửa ở máy bàn"}, user="a", uuid=person.uuid
        )
        # Timestamps are in milliseconds: two saves in the same one would tie (seen in CI).
        time.sleep(0.002)
        laptop_edit = laptop.save_record(
            "citizen", person.values | {"notes": "sửa ở máy xách tay"}, user="b", uuid=person.uuid
        )
        assert laptop_edit.updated_at > desk_edit.updated_at
        a = export_package(commune, tmp_path / "desk")
        b = export_package(laptop, tmp_path / "laptop")
        assert a is not None and b is not None
        assert (a.seq, b.seq, b.rows) == (2, 1, 1)  # each device numbers its own packages
    finally:
        laptop.close()
    # A copy of the hub receives the same two packages in the other order.
    hub.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    copy_database(hub, tmp_path / "hub2.db")
    outcomes = import_packages(hub, [a.path, b.path])
    assert [o.conflicts for o in outcomes] == [0, 1]
    with Store.open(tmp_path / "hub2.db") as other:
        reverse = import_packages(other, [b.path, a.path])
        assert [o.conflicts for o in reverse] == [0, 1]
        kept_other = other.get_record("citizen", person.uuid)
    kept = hub.get_record("citizen", person.uuid)
    assert kept is not None and kept_other is not None
    assert kept["notes"] == kept_other["notes"] == "sửa ở máy xách tay"  # later edit wins
    expected = merge_versions(desk_edit.versions, laptop_edit.versions)
    assert kept.versions == kept_other.versions == expected
    [conflict] = conflicts(hub)
    assert conflict.record_uuid == person.uuid and conflict.form_id == "citizen"
    assert "sửa ở máy bàn" in conflict.lost_row  # the losing version is kept, not lost
    [status] = hub_status(hub)
    assert len(status.devices) == 2 and status.missing == {}
