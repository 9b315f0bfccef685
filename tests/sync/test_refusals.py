"""Every way a package is refused, each leaving the receiving database byte-for-byte unchanged."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest

from de06desk.config import forms_dir
from de06desk.forms import load_forms, load_forms_from_texts
from de06desk.store import Store
from de06desk.sync import export_package, import_packages, init_hub, public_key_file, set_hub
from de06desk.sync import package as package_module
from de06desk.sync.hub import send_down
from de06desk.sync.keys import load_own_keys
from tests.conftest import HUB_CODE, connect

from .sealing import seal, unseal


def _export(store: Store, folder: Path, full: bool = True) -> Path:
    result = export_package(store, folder, full=full)
    assert result is not None
    return result.path


def _refused(unchanged, db: Path, paths: list[Path], pattern: str) -> None:
    outcomes = unchanged(db, lambda s: import_packages(s, paths))
    for outcome in outcomes:
        assert outcome.status == "refused", (outcome.path.name, outcome.message)
        assert "\n" not in outcome.message
        assert re.search(pattern, outcome.message, re.I), outcome.message


def test_tampered_truncated_and_not_packages(commune, hub, tmp_path: Path, unchanged) -> None:
    good = _export(commune, tmp_path / "usb")
    data = good.read_bytes()
    header_end = 14 + int.from_bytes(data[10:14], "big")
    bad = tmp_path / "bad"
    bad.mkdir()
    flipped = []
    for offset in (
        0,
        7,
        8,
        9,
        12,
        20,
        header_end - 2,
        header_end,
        len(data) // 2,
        len(data) - 70,
        len(data) - 17,
        len(data) - 1,
    ):
        changed = bytearray(data)
        changed[offset] ^= 0x20
        flipped.append(bad / f"flip_{offset}.de06sync")
        flipped[-1].write_bytes(bytes(changed))
    truncated = []
    for length in (
        0,
        5,
        13,
        14,
        header_end,
        header_end + 50,
        len(data) // 2,
        len(data) - 16,
        len(data) - 1,
    ):
        truncated.append(bad / f"cut_{length}.de06sync")
        truncated[-1].write_bytes(data[:length])
    junk = [bad / "notes.txt", bad / "random.bin", bad / "a.db", bad / "missing.de06sync", bad]
    junk[0].write_text("xin chào", encoding="utf-8")
    junk[1].write_bytes(bytes(range(256)) * 20)
    shutil.copy2(commune.path, junk[2])
    hub.close()
    _refused(unchanged, hub.path, flipped, "damaged|hỏng|package|gói")
    _refused(unchanged, hub.path, truncated, "truncated|cụt|not a de06desk|không phải|damaged|hỏng")
    _refused(unchanged, hub.path, junk, "not a de06desk|không phải|cannot read|không đọc")
    # …and the genuine package still imports.
    with Store.open(hub.path) as store:
        [ok] = import_packages(store, [good])
    assert ok.status == "applied"


def test_unregistered_sender(hub, tmp_path: Path, unchanged) -> None:
    stranger = Store.create(tmp_path / "stranger.db", unit_code="00008")
    set_hub(stranger, public_key_file(hub), user="admin")
    package = _export(stranger, tmp_path)
    stranger.close()
    hub.close()
    _refused(unchanged, hub.path, [package], "00008.*(not registered|chưa được đăng ký)")


def test_wrongly_signed(commune, hub, tmp_path: Path, unchanged) -> None:
    # An impostor database claiming the same commune code, with its own keys.
    impostor = Store.create(tmp_path / "impostor.db", unit_code=commune.unit_code)
    set_hub(impostor, public_key_file(hub), user="admin")
    plain = _export(impostor, tmp_path / "a")
    own_keys = load_own_keys(impostor)
    assert own_keys is not None
    # The same, but its header claims the registered fingerprint: only the signature tells.
    genuine = _export(commune, tmp_path / "b")
    header, zip_bytes = unseal(genuine, load_own_keys(hub))
    forged = seal(
        tmp_path / "forged.de06sync",
        zip_bytes,
        like=header,
        signer=own_keys.signing,
        recipient=public_key_file(hub),
    )
    impostor.close()
    hub.close()
    _refused(unchanged, hub.path, [plain], "another key|khóa khác")
    _refused(unchanged, hub.path, [forged], "signature|chữ ký")


def test_encrypted_for_another_hub(commune, hub, tmp_path: Path, unchanged) -> None:
    other = init_hub(tmp_path / "other.db", unit_code=HUB_CODE, name="Một cấp trên khác")
    set_hub(commune, public_key_file(other), user="admin")
    package = _export(commune, tmp_path)
    other.close()
    hub.close()
    _refused(unchanged, hub.path, [package], "another unit|đơn vị khác")


def test_newer_format_version(
    commune, hub, tmp_path: Path, unchanged, monkeypatch: pytest.MonkeyPatch
) -> None:
    with monkeypatch.context() as patch:
        patch.setattr(package_module, "FORMAT_VERSION", 2)
        package = _export(commune, tmp_path)
    hub.close()
    _refused(unchanged, hub.path, [package], "format version 2|định dạng phiên bản 2")


def test_newer_form_version(demo_path: Path, hub, tmp_path: Path, unchanged) -> None:
    texts = {p.name: p.read_text(encoding="utf-8") for p in sorted(forms_dir().glob("*.toml"))}
    texts["target.toml"] = texts["target.toml"].replace("version = 1", "version = 2", 1)
    newer = load_forms_from_texts(texts)
    assert newer["target"].version == 2 and load_forms()["target"].version == 1
    with Store.open(demo_path, forms=newer) as commune:
        connect(hub, commune)
        package = _export(commune, tmp_path)
    hub.close()
    _refused(unchanged, hub.path, [package], "target.*version 2|target.*phiên bản 2")


def test_rows_breaking_rules(commune, hub, tmp_path: Path, unchanged) -> None:
    # Written behind the store's back, as a damaged or hand-edited database would be.
    commune.conn.execute("UPDATE targets SET value = 0 WHERE rowid = 1")
    broken_rule = _export(commune, tmp_path / "a")
    commune.conn.execute("UPDATE targets SET value = 5 WHERE rowid = 1")
    commune.conn.execute("UPDATE citizens SET sex = 'robot' WHERE rowid = 3")
    bad_choice = _export(commune, tmp_path / "b")
    commune.conn.execute("UPDATE citizens SET sex = 'male', unit_code = '00008' WHERE rowid = 3")
    other_unit = _export(commune, tmp_path / "c")
    hub.close()
    _refused(unchanged, hub.path, [broken_rule], "Target|Chỉ tiêu")
    _refused(unchanged, hub.path, [bad_choice], "invalid choice|không hợp lệ")
    _refused(unchanged, hub.path, [other_unit], "another unit|đơn vị khác")


def test_wrong_direction_and_down_package_for_another_commune(
    commune, second_commune, hub, tmp_path: Path, unchanged
) -> None:
    up = _export(commune, tmp_path / "up")
    down = send_down(hub, commune.unit_code, tmp_path / "down").path
    hub.close()
    commune.close()
    second_commune.close()
    _refused(unchanged, commune.path, [up], "hub|cấp trên")
    _refused(unchanged, second_commune.path, [down], "another unit|đơn vị khác")
    _refused(unchanged, hub.path, [down], "commune|xã")
