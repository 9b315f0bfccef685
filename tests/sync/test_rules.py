"""The roster rules at a hub: rows that arrive breaking them are reported and audited."""

from __future__ import annotations

from pathlib import Path

from de06desk.actions.sync import import_sync_packages
from de06desk.store import Store
from de06desk.store.users import User
from de06desk.sync import export_package

OFFICER = User("canbo", "Cán bộ", "officer", True)


def test_a_package_from_a_commune_that_follows_the_rules_warns_nothing(
    commune: Store, hub: Store, tmp_path: Path
) -> None:
    result = export_package(commune, tmp_path, user="t")
    assert result is not None
    done = import_sync_packages(hub, OFFICER, [result.path])
    assert [o.status for o in done.value] == ["applied"] and done.warnings == ()


def test_rows_breaking_the_roster_rules_are_reported_at_the_hub(
    commune: Store, hub: Store, tmp_path: Path
) -> None:
    # What an older program (or a hand-edited file) could send: a drive whose counts are not
    # its roster's, and a citizen twice on one roster — written below the actions on purpose.
    drive = next(
        d
        for d in commune.list_records("activation_drive")
        if commune.count_records("drive_roster", where={"drive": d.uuid})
    )
    commune.save_record(
        "activation_drive", drive.values | {"received_count": 999}, user="t", uuid=drive.uuid
    )
    row = commune.list_records("drive_roster", where={"drive": drive.uuid})[0]
    commune.save_record("drive_roster", row.values, user="t")
    result = export_package(commune, tmp_path, user="t")
    assert result is not None
    done = import_sync_packages(hub, OFFICER, [result.path])
    assert [o.status for o in done.value] == ["applied"]
    [warning] = done.warnings
    assert "1 đợt" in warning.vi and "1 công dân" in warning.vi and commune.unit_code in warning.vi
    detail = hub.conn.execute(
        "SELECT detail FROM audit WHERE action = 'rule_warning' ORDER BY id DESC LIMIT 1"
    ).fetchone()[0]
    assert "1 drives" in detail and "1 citizens" in detail
