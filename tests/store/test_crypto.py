"""Encryption at rest, foundation: key wrapping, the keyring file, SQLCipher with a raw key."""

from __future__ import annotations

import base64
import json
from pathlib import Path

import pytest

from de06desk.store import StoreError
from de06desk.store.crypto import (
    RECOVERY_LABEL,
    Keyring,
    keyring_path,
    new_data_key,
    new_recovery_code,
    sqlcipher_key_pragma,
    user_label,
    wrap_key,
)


@pytest.fixture
def ring() -> tuple[Keyring, bytes]:
    key = new_data_key()
    ring = Keyring.new()
    ring.add(user_label("admin"), key, "mật khẩu dài")
    return ring, key


def test_unlock_with_the_right_password_only(ring: tuple[Keyring, bytes]) -> None:
    keyring, key = ring
    assert keyring.unlock(user_label("admin"), "mật khẩu dài") == key
    for label, secret in [(user_label("admin"), "sai"), (user_label("nobody"), "mật khẩu dài")]:
        # Unknown user and wrong password look the same from outside.
        with pytest.raises(StoreError, match="Sai tên đăng nhập hoặc mật khẩu"):
            keyring.unlock(label, secret)


def test_password_change_and_removal(ring: tuple[Keyring, bytes]) -> None:
    keyring, key = ring
    keyring.add(user_label("admin"), key, "mật khẩu mới")
    with pytest.raises(StoreError):
        keyring.unlock(user_label("admin"), "mật khẩu dài")
    assert keyring.unlock(user_label("admin"), "mật khẩu mới") == key
    keyring.remove(user_label("admin"))
    with pytest.raises(StoreError):
        keyring.unlock(user_label("admin"), "mật khẩu mới")


def test_recovery_code_unlocks(ring: tuple[Keyring, bytes]) -> None:
    keyring, key = ring
    code = new_recovery_code()
    assert len(code) == 29 and code.count("-") == 4
    keyring.add(RECOVERY_LABEL, key, code)
    assert keyring.unlock(RECOVERY_LABEL, code) == key


def test_keyring_file_round_trip_holds_no_key(tmp_path: Path, ring) -> None:
    keyring, key = ring
    path = keyring_path(tmp_path / "commune.db")
    assert path.name == "commune.db.keys"
    keyring.save(path)
    raw = path.read_bytes()
    assert key not in raw and key.hex().encode() not in raw and "mật".encode() not in raw
    assert Keyring.load(path).unlock(user_label("admin"), "mật khẩu dài") == key
    assert not list(tmp_path.glob("*.part"))


def test_a_wrapped_key_cannot_be_moved(ring: tuple[Keyring, bytes]) -> None:
    keyring, _ = ring
    data = json.loads(keyring.to_bytes())
    # Copy the admin's key pair and sealed key to another label: the additional data of both
    # names the label, so neither opens there.
    moved = dict(data["accounts"][0], label=user_label("eve"))
    data["accounts"].append(moved)
    sealed = data["keys"][0]["sealed"]
    sealed[user_label("eve")] = sealed[user_label("admin")]
    with pytest.raises(StoreError):
        Keyring.from_bytes(json.dumps(data).encode()).unlock(user_label("eve"), "mật khẩu dài")
    # The same keyring under another database id is useless too.
    data["db_id"] = "0" * 32
    with pytest.raises(StoreError):
        Keyring.from_bytes(json.dumps(data).encode()).unlock(user_label("admin"), "mật khẩu dài")


@pytest.mark.parametrize(
    "change",
    [
        lambda d: d.update(format="other"),
        lambda d: d["accounts"][0].update(n=2**30),  # a memory bomb
        lambda d: d["accounts"][0].update(n=1000),  # not a power of two
        lambda d: d["accounts"][0].update(wrapped="!!"),
        lambda d: d["accounts"][0].update(nonce="AAAA"),
        lambda d: d["accounts"][0].update(public="AAAA"),
        lambda d: d.update(entries="x"),
        lambda d: d.update(accounts="x"),
        lambda d: d["accounts"][0].pop("salt"),
        lambda d: d["keys"][0]["sealed"][user_label("admin")].update(sealed="AAAA"),
        lambda d: d["keys"][0]["sealed"].update({user_label("nobody"): {}}),
        lambda d: d.update(keys=d["keys"] * 3),  # at most the current key and the next
        lambda d: d["keys"][0].update(key_id=7),
    ],
)
def test_damaged_keyring_is_refused(ring: tuple[Keyring, bytes], change) -> None:
    keyring, _ = ring
    data = json.loads(keyring.to_bytes())
    change(data)
    with pytest.raises(StoreError, match=r"(bị hỏng|damaged)"):
        Keyring.from_bytes(json.dumps(data).encode())
    with pytest.raises(StoreError):
        Keyring.from_bytes(b"\xff\x00not json")


@pytest.mark.parametrize(
    "where",
    [
        lambda d: d["accounts"][0],  # the wrapped private key
        lambda d: d["keys"][0]["sealed"][user_label("admin")],  # the sealed data key
    ],
)
def test_tampered_wrapped_key_is_refused(ring: tuple[Keyring, bytes], where) -> None:
    keyring, _ = ring
    data = json.loads(keyring.to_bytes())
    item = where(data)
    name = "wrapped" if "wrapped" in item else "sealed"
    wrapped = bytearray(base64.b64decode(item[name]))
    wrapped[0] ^= 1
    item[name] = base64.b64encode(bytes(wrapped)).decode()
    with pytest.raises(StoreError):
        Keyring.from_bytes(json.dumps(data).encode()).unlock(user_label("admin"), "mật khẩu dài")


def test_a_new_key_is_sealed_without_any_password(ring: tuple[Keyring, bytes]) -> None:
    """What a re-key relies on: public keys are enough to give an account the next key."""
    keyring, key = ring
    keyring.add(user_label("lan"), key, "mật khẩu của Lan")
    next_key = new_data_key()
    keyring.seal(next_key, [user_label("lan")])
    again = Keyring.from_bytes(keyring.to_bytes())
    assert again.unlock_all(user_label("lan"), "mật khẩu của Lan") == [key, next_key]
    assert again.unlock_all(user_label("admin"), "mật khẩu dài") == [key]
    again.keep_only(next_key)
    assert again.unlock(user_label("lan"), "mật khẩu của Lan") == next_key
    with pytest.raises(StoreError):
        again.unlock(user_label("admin"), "mật khẩu dài")  # not given the next key


def test_version_1_entries_still_unlock_and_stay_bound(ring: tuple[Keyring, bytes]) -> None:
    keyring, key = ring
    legacy = wrap_key(key, "mật khẩu cũ", label=user_label("cu"), db_id=keyring.db_id)
    data = json.loads(keyring.to_bytes())
    data["entries"] = [legacy.to_json(), dict(legacy.to_json(), label=user_label("eve"))]
    again = Keyring.from_bytes(json.dumps(data).encode())
    assert again.legacy_labels() == {user_label("cu"), user_label("eve")}
    assert again.unlock(user_label("cu"), "mật khẩu cũ") == key
    with pytest.raises(StoreError):
        again.unlock(user_label("eve"), "mật khẩu cũ")  # moved: its additional data differs
    again.add(user_label("cu"), key, "mật khẩu cũ")  # migrated
    assert user_label("cu") not in again.legacy_labels()
    assert again.unlock(user_label("cu"), "mật khẩu cũ") == key


def test_sqlcipher_file_is_unreadable_without_the_key(tmp_path: Path) -> None:
    sqlcipher = pytest.importorskip("sqlcipher3.dbapi2")
    key = new_data_key()
    path = tmp_path / "enc.db"
    conn = sqlcipher.connect(str(path), isolation_level=None)
    conn.execute(sqlcipher_key_pragma(key))
    conn.execute("PRAGMA journal_mode = WAL")
    conn.execute("CREATE TABLE citizens(id_number TEXT, phone TEXT)")
    conn.execute("INSERT INTO citizens VALUES ('001090012345', '0912345678')")
    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    # An online backup under the same key stays encrypted: backups are never weaker.
    copy = sqlcipher.connect(str(tmp_path / "copy.db"))
    copy.execute(sqlcipher_key_pragma(key))
    conn.backup(copy)
    copy.close()
    conn.close()
    for file in (path, tmp_path / "copy.db"):
        raw = file.read_bytes()
        assert b"001090012345" not in raw and b"0912345678" not in raw
        assert not raw.startswith(b"SQLite format 3")
    wrong = sqlcipher.connect(str(path))
    wrong.execute(sqlcipher_key_pragma(new_data_key()))
    with pytest.raises(sqlcipher.DatabaseError):
        wrong.execute("SELECT count(*) FROM sqlite_master").fetchone()
    wrong.close()
    right = sqlcipher.connect(str(tmp_path / "copy.db"))
    right.execute(sqlcipher_key_pragma(key))
    assert right.execute("SELECT id_number FROM citizens").fetchone() == ("001090012345",)
    assert right.execute("PRAGMA integrity_check").fetchone() == ("ok",)
    right.close()
