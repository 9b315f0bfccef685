"""Writes `main_v1.de06sync` and its keys with the code of main before the audit chain.

Run once, with PYTHONPATH pointing at a checkout of main as it was before packages carried
the audit chain head (commit fc73dd0):

    git archive fc73dd0 | tar -x -C /tmp/main-src
    PYTHONPATH=/tmp/main-src python tests/sync/data/make_main_package.py tests/sync/data

It makes a small demo commune (fixed seed and date), a hub, and one "up" package; it stores
the package bytes, the commune's public-key file and the hub's raw private keys (synthetic
test keys: they protect nothing but this fixture), so a test can rebuild a hub that reads it.
"""

from __future__ import annotations

import base64
import json
import sys
import tempfile
from datetime import date
from pathlib import Path

from de06desk.demo import make_demo
from de06desk.store import Store
from de06desk.store import sync_state as state
from de06desk.sync import export_package, init_hub, public_key_file, set_hub, trust_commune


def main(out: Path) -> None:
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
        (out / "main_v1.de06sync").write_bytes(result.path.read_bytes())
        (out / "main_v1_commune.pub").write_text(public_key_file(commune).to_text(), "utf-8")
        keys = {
            name: {
                "algorithm": row.algorithm,
                "private_key": base64.b64encode(row.private_key).decode("ascii"),
                "public_key": base64.b64encode(row.public_key).decode("ascii"),
            }
            for name, row in state.own_keys(hub).items()
        }
        (out / "main_v1_hub_keys.json").write_text(json.dumps(keys, indent=1) + "\n", "utf-8")
        print(result.path.name, result.rows, "rows")
        commune.close()
        hub.close()


if __name__ == "__main__":
    main(Path(sys.argv[1]))
