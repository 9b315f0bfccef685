"""Key pairs and public-key files."""

from __future__ import annotations

import json
import re

import pytest

from de06desk.store import Store
from de06desk.sync import PublicKeyFile, SyncError, public_key_file, set_hub, trust_commune
from de06desk.sync.keys import load_own_keys


def test_keys_are_made_once_on_first_need(store: Store) -> None:
    assert load_own_keys(store) is None
    first = public_key_file(store)
    assert public_key_file(store) == first
    assert re.fullmatch(r"([0-9A-F]{4} ){4}[0-9A-F]{4}", first.fingerprint)
    assert first.role == "commune" and first.unit_code == store.unit_code


def test_key_file_round_trip_and_tamper(store: Store) -> None:
    key = public_key_file(store)
    text = key.to_text()
    assert PublicKeyFile.from_bytes(text.encode()) == key
    data = json.loads(text)
    data["unit_code"] = "00008"  # the keys stay, the claimed unit changes: fingerprint still ok
    assert PublicKeyFile.from_bytes(json.dumps(data).encode()).unit_code == "00008"
    data["fingerprint"] = "0000 0000 0000 0000 0000"
    with pytest.raises(SyncError, match=r"fingerprint|vân tay|khóa"):
        PublicKeyFile.from_bytes(json.dumps(data).encode(), "x.pub")
    for bad in (b"", b"not json", b"{}", b"[1]", b"\xff" * 40, b"{" * 100_000):
        with pytest.raises(SyncError):
            PublicKeyFile.from_bytes(bad, "bad.pub")


def test_roles_are_checked(store: Store, hub: Store) -> None:
    commune_key, hub_key = public_key_file(store), public_key_file(hub)
    with pytest.raises(SyncError):
        set_hub(store, commune_key, user="admin")
    with pytest.raises(SyncError):
        trust_commune(hub, hub_key, user="admin")
    with pytest.raises(SyncError):
        set_hub(hub, hub_key, user="admin")
    with pytest.raises(SyncError):
        trust_commune(store, commune_key, user="admin")
