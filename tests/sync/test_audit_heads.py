"""The audit chain head in packages, and the hub noticing a commune whose history was rewritten."""

from __future__ import annotations

import base64
import json
from pathlib import Path

from de06desk.store import Store
from de06desk.store import sync_state as state
from de06desk.sync import PublicKeyFile, import_packages, trust_commune

DATA = Path(__file__).parent / "data"


def _hub_of_main_fixture(path: Path) -> Store:
    """A hub holding the private keys the main-era fixture package was encrypted for."""
    hub = Store.create(path, unit_code="HN01", role="hub")
    keys = json.loads((DATA / "main_v1_hub_keys.json").read_text(encoding="utf-8"))
    with hub.transaction():
        hub.set_meta("unit_name", "Công an Thành phố Hà Nội")
        for name, key in keys.items():
            state.insert_own_key(
                hub,
                state.KeyRow(
                    name,
                    key["algorithm"],
                    base64.b64decode(key["private_key"]),
                    "none",
                    base64.b64decode(key["public_key"]),
                ),
                "2026-11-18T00:00:00.000+00:00",
            )
    commune_key = PublicKeyFile.from_bytes((DATA / "main_v1_commune.pub").read_bytes())
    trust_commune(hub, commune_key, user="admin")
    return hub


def test_a_package_written_by_main_before_the_chain_still_imports(tmp_path: Path) -> None:
    package = tmp_path / "00004_000001_20261202.de06sync"
    package.write_bytes((DATA / "main_v1.de06sync").read_bytes())
    with _hub_of_main_fixture(tmp_path / "hub.db") as hub:
        [outcome] = import_packages(hub, [package], user="admin")
        assert outcome.status == "applied", outcome.message
        assert outcome.rows == 42 and outcome.sender == "00004"
        assert hub.count_records("citizen", where={"unit_code": "00004"}) == 11
