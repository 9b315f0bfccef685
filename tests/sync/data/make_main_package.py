"""Writes a package made by main, its keys, and the rows a hub holds after importing it.

Run with PYTHONPATH pointing at a checkout of main as it was when the package is meant to be
"old", giving the name of the fixture:

    git archive fc73dd0 | tar -x -C /tmp/main-src     # main_v1: before the audit chain head
    git archive c801a32 | tar -x -C /tmp/main-src     # main_v2: before the one value codec
    PYTHONPATH=/tmp/main-src python tests/sync/data/make_main_package.py tests/sync/data main_v2

It makes a small demo commune (fixed seed and date), a hub, and one "up" package; it stores
the package bytes, the commune's public-key file and the hub's raw private keys (synthetic
test keys: they protect nothing but this fixture), so a test can rebuild a hub that reads it,
and `NAME_rows.json`: every record the hub holds after importing it, as `snapshot()` writes
them (main_v1 was made before this file was written, so it has none).
"""

from __future__ import annotations

import base64
import json
import sys
import tempfile
from datetime import date
from pathlib import Path
from typing import Any

from de06desk.demo import make_demo
from de06desk.store import Store
from de06desk.store import sync_state as state
from de06desk.sync import (
    export_package,
    import_packages,
    init_hub,
    public_key_file,
    set_hub,
    trust_commune,
)


def snapshot(store: Store) -> dict[str, Any]:
    """Every record, deleted ones too, by form and UUID: the bookkeeping a package carries
    and each field's Python value as its repr (so a date read back as text would differ)."""
    return {
        form.id: {
            record.uuid: {
                "unit_code": record.unit_code,
                "created_at": record.created_at,
                "updated_at": record.updated_at,
                "author": record.author,
                "device_id": record.device_id,
                "edit_count": record.edit_count,
                "versions": record.versions,
                "deleted": record.deleted,
                "values": {name: repr(value) for name, value in record.values.items()},
            }
            for record in store.list_records(form.id, include_deleted=True)
        }
        for form in store.forms
    }


def main(out: Path, name: str) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        make_demo(
            work / "c.db",
            seed=14,
            weeks=1,
            citizens=12,
            commune_code="00004",
            today=date(2026, 11, 18),
        )
        hub = init_hub(work / "hub.db", unit_code="HN01", name="Công an Thành phố Hà Nội")
        commune = Store.open(work / "c.db")
        set_hub(commune, public_key_file(hub), user="admin")
        trust_commune(hub, public_key_file(commune), user="admin")
        result = export_package(commune, work / "usb", user="admin")
        assert result is not None
        (out / f"{name}.de06sync").write_bytes(result.path.read_bytes())
        (out / f"{name}_commune.pub").write_text(public_key_file(commune).to_text(), "utf-8")
        keys = {
            key_name: {
                "algorithm": row.algorithm,
                "private_key": base64.b64encode(row.private_key).decode("ascii"),
                "public_key": base64.b64encode(row.public_key).decode("ascii"),
            }
            for key_name, row in state.own_keys(hub).items()
        }
        (out / f"{name}_hub_keys.json").write_text(json.dumps(keys, indent=1) + "\n", "utf-8")
        [outcome] = import_packages(hub, [result.path], user="admin")
        assert outcome.status == "applied", outcome.message
        rows = json.dumps(snapshot(hub), ensure_ascii=False, indent=0, sort_keys=True)
        (out / f"{name}_rows.json").write_text(rows + "\n", "utf-8")
        print(result.path.name, result.rows, "rows")
        commune.close()
        hub.close()


if __name__ == "__main__":
    main(Path(sys.argv[1]), sys.argv[2])
