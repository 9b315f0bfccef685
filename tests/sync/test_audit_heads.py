"""The audit chain head in packages, and the hub noticing a commune whose history was rewritten."""

from __future__ import annotations

import contextlib
import io
import json
import sqlite3
import zipfile
from collections.abc import Callable
from pathlib import Path

import pytest

from de06desk.cli import main
from de06desk.demo import DEMO_PASSWORD, DEMO_USER
from de06desk.domain.audit_chain import GENESIS, entry_hash
from de06desk.domain.weeks import parse_week
from de06desk.reports.summary import build_summary
from de06desk.store import Store
from de06desk.store import sync_state as state
from de06desk.store.audit_queries import verify_audit_chain
from de06desk.store.database import AUDIT_FIELDS
from de06desk.store.users import create_user
from de06desk.sync import (
    PublicKeyFile,
    export_package,
    hub_status,
    import_packages,
    public_key_file,
    trust_commune,
)
from de06desk.sync.audit_heads import judge
from de06desk.sync.keys import load_own_keys
from de06desk.sync.package import AuditChainHead
from tests.reports.samples import pdf_text

from .sealing import seal, unseal
from .test_main_packages import hub_of_main_fixture

DATA = Path(__file__).parent / "data"


def test_a_package_written_by_main_before_the_chain_still_imports(tmp_path: Path) -> None:
    package = tmp_path / "00004_000001_20261202.de06sync"
    package.write_bytes((DATA / "main_v1.de06sync").read_bytes())
    with hub_of_main_fixture(tmp_path / "hub.db") as hub:
        [outcome] = import_packages(hub, [package], user="admin")
        assert outcome.status == "applied", outcome.message
        assert outcome.rows == 42 and outcome.sender == "00004"
        assert hub.count_records("citizen", where={"unit_code": "00004"}) == 11


def test_the_main_era_package_carries_no_head_and_raises_no_flag(tmp_path: Path) -> None:
    package = tmp_path / "00004_000001_20261202.de06sync"
    package.write_bytes((DATA / "main_v1.de06sync").read_bytes())
    with hub_of_main_fixture(tmp_path / "hub.db") as hub:
        import_packages(hub, [package], user="admin")
        [status] = hub_status(hub)
        assert status.packages == 1 and status.audit_head is None and status.audit_flags == ()
        assert state.list_audit_heads(hub) == []


# ---- the verdict on a new head, given the heads already held -----------------------------------

H = {i: f"{i:064x}" for i in range(1, 200)}


def _chain(head: int, anchors: dict[int, str | None], *, whole: bool = True) -> AuditChainHead:
    return AuditChainHead(
        head_id=head, head_hash=H[head], anchors=tuple(sorted(anchors.items())), whole=whole
    )


@pytest.mark.parametrize(
    "known, chain, verdict, detail",
    [
        ({}, _chain(10, {}), "first", ""),
        ({10: H[10]}, _chain(20, {10: H[10]}), "extends", ""),
        ({10: H[10], 20: H[20]}, _chain(30, {20: H[20], 25: H[25]}), "extends", ""),
        # Package 2 arrives before package 1; package 1 then agrees where it can.
        ({20: H[20]}, _chain(10, {}), "older", ""),
        ({10: H[10]}, _chain(20, {10: H[11]}), "rewritten", "10"),
        ({10: H[10]}, _chain(20, {10: None}), "rewritten", "10"),  # that entry is gone
        ({10: H[10], 20: H[20]}, _chain(15, {10: H[10]}), "older", ""),
        ({10: H[10]}, _chain(20, {}), "unproven", "10"),
        ({10: H[10]}, _chain(20, {10: H[10]}, whole=False), "broken", ""),
        ({}, _chain(20, {}, whole=False), "broken", ""),
    ],
)
def test_judge(known: dict[int, str], chain: AuditChainHead, verdict: str, detail: str) -> None:
    assert judge(known, chain) == (verdict, detail)


# ---- end to end ------------------------------------------------------------------------------


def _export_import(commune: Store, hub: Store, out: Path, **kwargs: bool) -> str:
    result = export_package(commune, out, user="admin", **kwargs)
    assert result is not None
    [outcome] = import_packages(hub, [result.path], user="admin")
    assert outcome.status == "applied", outcome.message
    return outcome.message


def _hub_screen_state(qtbot, hub: Store) -> str:
    """The audit-log column of the commune's row on the hub's Các xã screen, and the lines
    shown for it when selected."""
    from de06desk.store.users import User
    from de06desk.ui.context import AppContext
    from de06desk.ui.screens.hub import CommunesScreen

    screen = CommunesScreen(AppContext(hub.path, hub, User("admin", "Quản trị", "admin", True)))
    qtbot.addWidget(screen)
    qtbot.waitUntil(lambda: screen.task is None, timeout=30000)
    screen.select(screen.rows[0].unit_code)
    return screen.table.item(0, 7).text() + "\n" + screen.detail.text()


def test_untouched_history_extends_and_raises_no_flag(
    qtbot, hub: Store, commune: Store, tmp_path: Path
) -> None:
    _export_import(commune, hub, tmp_path / "1")
    commune.save_record("village", {"name": "Thôn Mới"}, user="admin")
    _export_import(commune, hub, tmp_path / "2")
    commune.save_record("village", {"name": "Thôn Mới 2"}, user="admin")
    _export_import(commune, hub, tmp_path / "3")
    assert [h.verdict for h in state.list_audit_heads(hub)] == ["first", "extends", "extends"]
    [status] = hub_status(hub)
    assert status.audit_flags == () and status.to_json()["audit"]["flagged"] is False
    report = verify_audit_chain(commune)
    # The head the hub holds is the commune's chain as it was when package 3 was written
    # (the export's own audit entry comes after it).
    assert status.audit_head is not None and status.audit_head[0] == report.head_id - 1
    summary = build_summary(hub, parse_week("2026-W47"))
    assert [s.number for s in summary.sections] == ["I", "II", "III"]
    assert "CẢNH BÁO" not in _hub_screen_state(qtbot, hub)


def test_a_history_rewritten_with_every_hash_recomputed_is_flagged_at_the_hub(
    qtbot, hub: Store, commune: Store, tmp_path: Path
) -> None:
    """The careful attacker: rows removed, the chain recomputed and the sequence put back, so
    the commune's own check passes; only the head the hub already holds gives it away."""
    commune.audit("login", "canbo")
    commune.audit("export_list", "canbo", detail="danh sách công dân")
    _export_import(commune, hub, tmp_path / "1")
    path = commune.path
    commune.close()
    conn = sqlite3.connect(path)
    conn.execute("DROP TRIGGER audit_no_update")
    conn.execute("DROP TRIGGER audit_no_delete")
    conn.execute("DELETE FROM audit WHERE username = 'canbo'")
    rows = conn.execute(f"SELECT {AUDIT_FIELDS} FROM audit ORDER BY id").fetchall()
    conn.execute("DELETE FROM audit")
    previous = GENESIS
    for number, row in enumerate(rows, start=1):
        fields = (number, *row[1:])
        previous = entry_hash(previous, fields)
        conn.execute("INSERT INTO audit VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", (*fields, previous))
    conn.execute("UPDATE sqlite_sequence SET seq = ? WHERE name = 'audit'", (len(rows),))
    conn.commit()
    conn.close()
    with Store.open(path) as commune:
        assert verify_audit_chain(commune).whole  # nothing to see locally
        message = _export_import(commune, hub, tmp_path / "2", full=True)
    assert "CẢNH BÁO" in message
    [status] = hub_status(hub)
    [flag] = status.audit_flags
    assert (flag.verdict, flag.seq) == ("rewritten", 2)
    assert status.to_json()["audit"]["flagged"] is True
    assert "CẢNH BÁO" in _hub_screen_state(qtbot, hub)
    summary = build_summary(hub, parse_week("2026-W47"))
    table = summary.table("audit_flags")
    assert summary.sections[-1].number == "IV" and table.rows[0][:2] == ("Phường Ba Đình", 2)
    assert "bị viết lại" in str(table.rows[0][2])


def test_the_reported_attack_on_an_encrypted_commune_is_flagged_at_the_hub(
    hub: Store, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys
) -> None:
    """Issue 14, exactly: the officer unwraps the data key with their own password, opens the
    file with sqlcipher3, makes themselves administrator, drops the delete trigger, deletes
    their audit entries and puts the trigger back. The commune's next package is flagged."""
    from tests.store.test_audit_chain import OFFICER, tamper_as_officer

    db = tmp_path / "commune.db"
    with contextlib.redirect_stdout(io.StringIO()):
        assert (
            main(
                ["demo", "--db", str(db), "--citizens", "20", "--weeks", "1", "--commune", "00004"]
            )
            == 0
        )
    create_user(hub, DEMO_USER, DEMO_PASSWORD, role="admin", display_name="A", by="init")
    (tmp_path / "hub.pub").write_text(public_key_file(hub).to_text(), encoding="utf-8")

    def run(user: str, *args: str) -> tuple[int, str]:
        monkeypatch.setenv("DE06_USER", user)
        monkeypatch.setenv("DE06_PASSWORD", DEMO_PASSWORD)
        code = main(list(args))
        return code, capsys.readouterr().out

    c, usb = str(db), str(tmp_path / "usb")
    assert run(DEMO_USER, "keys", "set-hub", "--db", c, str(tmp_path / "hub.pub"))[0] == 0
    assert run(DEMO_USER, "keys", "export", "--db", c, "--out", str(tmp_path / "c.pub"))[0] == 0
    trust_commune(hub, PublicKeyFile.from_bytes((tmp_path / "c.pub").read_bytes()), user="admin")
    # The officer works (audited), the commune reports to the hub.
    assert run(OFFICER, "backup", "--db", c, "--out", str(tmp_path / "bk"))[0] == 0
    code, out = run(DEMO_USER, "sync", "export", "--db", c, "--out", usb)
    assert code == 0
    assert run(DEMO_USER, "sync", "import", "--db", str(hub.path), out.strip())[0] == 0
    code, out = run(DEMO_USER, "hub", "status", "--db", str(hub.path))
    assert "CẢNH BÁO" not in out and "\tkhớp\t" in out

    tamper_as_officer(db)
    code, out = run(DEMO_USER, "sync", "export", "--db", c, "--out", usb, "--full")
    assert code == 0
    code, out = run(DEMO_USER, "sync", "import", "--db", str(hub.path), out.strip())
    assert code == 0 and "CẢNH BÁO" in out
    code, out = run(DEMO_USER, "hub", "status", "--db", str(hub.path))
    assert "\tCẢNH BÁO\t" in out
    assert "CẢNH BÁO 00004: nhật ký hoạt động bị viết lại từ lần đồng bộ trước (gói số 2" in out
    code, out = run(DEMO_USER, "hub", "status", "--db", str(hub.path), "--json")
    [status] = json.loads(out)
    assert status["audit"]["flagged"] is True
    assert [(f["seq"], f["verdict"]) for f in status["audit"]["flags"]] == [(2, "rewritten")]
    # The hub's weekly report says it too, in the PDF and in the JSON summary.
    week = ["--week", "2026-W49"]
    pdf, data = tmp_path / "hub.pdf", tmp_path / "hub.json"
    assert (
        run(DEMO_USER, "report", "weekly", "--db", str(hub.path), *week, "--out", str(pdf))[0] == 0
    )
    assert (
        run(DEMO_USER, "report", "weekly", "--db", str(hub.path), *week, "--out", str(data))[0] == 0
    )
    text = " ".join(pdf_text(pdf).split())
    assert "IV. Cảnh báo về nhật ký hoạt động của các xã" in text, text[-1500:]
    assert "bị viết lại từ lần đồng bộ trước" in text
    flags = json.loads(data.read_text(encoding="utf-8"))["tables"]["audit_flags"]["rows"]
    assert [row[:2] for row in flags] == [["Phường Ba Đình", 2]]


def _with_manifest(zip_bytes: bytes, change: Callable[[dict], None]) -> bytes:
    """The same archive with its manifest changed (members kept, manifest last)."""
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(zip_bytes)) as src, zipfile.ZipFile(out, "w") as dst:
        for info in src.infolist():
            data = src.read(info)
            if info.filename == "manifest.json":
                manifest = json.loads(data)
                change(manifest)
                data = json.dumps(manifest).encode("utf-8")
            dst.writestr(info.filename, data, compress_type=zipfile.ZIP_DEFLATED)
    return out.getvalue()


@pytest.mark.parametrize(
    "change",
    [
        None,  # the same archive rebuilt and re-signed: accepted, so the others fail on the field
        lambda m: m["audit_chain"]["head"].update(hash="not a hash"),
        lambda m: m["audit_chain"]["head"].update(id=-1),
        lambda m: m["audit_chain"].update(whole="yes"),
        lambda m: m["audit_chain"].update(anchors=[{"id": 1, "hash": "0" * 64}] * 65),
        lambda m: m["audit_chain"].update(anchors=[[1, "0" * 64]]),
        lambda m: m.update(audit_chain=[]),
    ],
)
def test_a_malformed_audit_chain_is_refused(
    commune: Store, hub: Store, tmp_path: Path, unchanged, change: Callable[[dict], None]
) -> None:
    genuine = export_package(commune, tmp_path / "a", user="admin")
    assert genuine is not None
    header, zip_bytes = unseal(genuine.path, load_own_keys(hub))
    own = load_own_keys(commune)
    forged = seal(
        tmp_path / "forged.de06sync",
        _with_manifest(zip_bytes, change or (lambda m: None)),
        like=header,
        signer=own.signing,
        recipient=public_key_file(hub),
    )
    if change is None:
        [outcome] = import_packages(hub, [forged])
        assert outcome.status == "applied", outcome.message
        return
    hub.close()
    [outcome] = unchanged(hub.path, lambda s: import_packages(s, [forged]))
    assert outcome.status == "refused" and "manifest fields" in outcome.message


def test_entries_removed_after_the_last_sync_reach_the_hub_as_a_broken_log(
    hub: Store, commune: Store, tmp_path: Path
) -> None:
    """History the hub has not seen yet cannot be compared with anything it holds; the
    commune's own check fails, and the package says so."""
    _export_import(commune, hub, tmp_path / "1")
    for i in range(3):
        commune.audit("export_list", "canbo", detail=f"danh sách {i}")
    commune.audit("login", "admin")
    commune.conn.execute("DROP TRIGGER audit_no_delete")
    commune.conn.execute("DELETE FROM audit WHERE username = 'canbo'")
    assert not verify_audit_chain(commune).whole
    message = _export_import(commune, hub, tmp_path / "2", full=True)
    assert "CẢNH BÁO" in message
    [flag] = hub_status(hub)[0].audit_flags
    assert (flag.verdict, flag.seq) == ("broken", 2)
    assert "không nguyên vẹn" in str(flag.describe())
