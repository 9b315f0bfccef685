"""Packages written by earlier versions of main still import, with the same rows and values.

The fixtures in `data/` were written by `data/make_main_package.py` running main's own code
(the script's docstring says which commit made which): main_v1 before packages carried the
audit chain head, main_v2 before the one value codec (issue 19).
"""

from __future__ import annotations

import base64
import json
from pathlib import Path

from de06desk.store import Store
from de06desk.store import sync_state as state
from de06desk.sync import PublicKeyFile, import_packages, trust_commune

from .data.make_main_package import snapshot

DATA = Path(__file__).parent / "data"


def hub_of_main_fixture(path: Path, name: str = "main_v1") -> Store:
    """A hub holding the private keys the fixture package `name` was encrypted for."""
    hub = Store.create(path, unit_code="HN01", role="hub")
    keys = json.loads((DATA / f"{name}_hub_keys.json").read_text(encoding="utf-8"))
    with hub.transaction():
        hub.set_meta("unit_name", "Công an Thành phố Hà Nội")
        for key_name, key in keys.items():
            state.insert_own_key(
                hub,
                state.KeyRow(
                    name=key_name,
                    algorithm=key["algorithm"],
                    private_key=base64.b64decode(key["private_key"]),
                    protection="none",
                    public_key=base64.b64decode(key["public_key"]),
                ),
                "2026-11-18T00:00:00.000+00:00",
            )
    commune_key = PublicKeyFile.from_bytes((DATA / f"{name}_commune.pub").read_bytes())
    trust_commune(hub, commune_key, user="admin")
    return hub


def test_a_package_written_by_main_before_the_codec_imports_the_same_rows(tmp_path: Path) -> None:
    package = tmp_path / "00004_000001_20261202.de06sync"
    package.write_bytes((DATA / "main_v2.de06sync").read_bytes())
    with hub_of_main_fixture(tmp_path / "hub.db", "main_v2") as hub:
        [outcome] = import_packages(hub, [package], user="admin")
        assert outcome.status == "applied", outcome.message
        assert outcome.rows == 42 and outcome.sender == "00004"
        expected = json.loads((DATA / "main_v2_rows.json").read_text(encoding="utf-8"))
        assert snapshot(hub) == expected
