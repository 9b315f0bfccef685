"""Hostile packages and key files (issue 15): each finding reproduced, each a clean refusal.

Every package here is signed with the commune's real key (or is junk with a hostile name or
header), so only the content is hostile; the hub must refuse it in one line, print no escape
code, leave its file byte-for-byte unchanged, and still give every package of a batch its line.
"""

from __future__ import annotations

import io
import json
import os
import resource
import subprocess
import sys
import time
import tracemalloc
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass, replace
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest

from de06desk.cli import main
from de06desk.domain.i18n import msg
from de06desk.store import Store, StoreError
from de06desk.store.sync_state import list_received
from de06desk.store.users import authenticate, create_user
from de06desk.sync import (
    PublicKeyFile,
    SyncError,
    export_package,
    import_packages,
    public_key_file,
    send_down,
)
from de06desk.sync.hub import set_commune_target
from de06desk.sync.importer import import_package
from de06desk.sync.keys import load_own_keys
from de06desk.sync.package import MAGIC, PREFIX, Header
from tests.conftest import snapshot

from .sealing import build_zip, jsonl, members_of, rows_of, seal, unseal

HUB_USER, HUB_PASSWORD = "quantri", "Hub-mat-khau-2026!"


@dataclass
class Forge:
    """The commune's genuine full package, taken apart, and a way to sign altered copies."""

    hub: Store
    commune: Store
    genuine: Path
    header: Header
    members: dict[str, bytes]
    manifest: dict[str, Any]
    work: Path

    def rows(self, form: str) -> list[dict[str, Any]]:
        return rows_of(self.members[f"{form}.jsonl"])

    def package(
        self,
        name: str,
        members: dict[str, bytes] | None = None,
        *,
        signer: Store | None = None,
        **header_changes: Any,
    ) -> Path:
        """A package with these members (default: the genuine ones), signed by the commune."""
        header = replace(self.header, **header_changes)
        manifest = json.loads(json.dumps(self.manifest))
        manifest["sender"]["device_id"] = header.device_id
        manifest["created_at"] = header.created_at
        own = load_own_keys(signer or self.commune)
        assert own is not None
        return seal(
            self.work / name,
            build_zip(self.members if members is None else members, manifest),
            like=header,
            signer=own.signing,
            recipient=public_key_file(self.hub),
        )

    def with_rows(self, name: str, form: str, rows: list[dict[str, Any]], **changes: Any) -> Path:
        return self.package(name, self.members | {f"{form}.jsonl": jsonl(rows)}, **changes)


@pytest.fixture
def forge(commune: Store, hub: Store, tmp_path: Path) -> Iterator[Forge]:
    result = export_package(commune, tmp_path / "usb", full=True)
    assert result is not None
    own = load_own_keys(hub)
    assert own is not None
    header, zip_bytes = unseal(result.path, own)
    members, manifest = members_of(zip_bytes)
    yield Forge(hub, commune, result.path, header, members, manifest, tmp_path)


def _one_refusal(unchanged, db: Path, path: Path, pattern: str = "") -> str:
    [outcome] = unchanged(db, lambda s: import_packages(s, [path]))
    assert outcome.status == "refused", outcome.message
    assert outcome.message.isprintable(), outcome.message
    assert pattern.lower() in outcome.message.lower(), outcome.message
    return outcome.message


def _with_hub_user(hub: Store, monkeypatch: pytest.MonkeyPatch) -> None:
    create_user(hub, HUB_USER, HUB_PASSWORD, role="admin", display_name="Quản trị", by="init")
    monkeypatch.setenv("DE06_USER", HUB_USER)
    monkeypatch.setenv("DE06_PASSWORD", HUB_PASSWORD)


# ---- lone surrogates, NUL, escapes in signed packages --------------------------------------


@pytest.mark.parametrize(
    ("field", "value"),
    [
        ("full_name", "Nguyễn \ud800 Văn"),
        ("author", "\udfff"),
        ("device_id", "dev\ud800"),
        ("notes", "ghi chú\ud800"),
        ("full_name", "Trần\x00Thị"),
        ("full_name", "Lê\x1b[2J Văn"),
        ("address", "số 1\nĐÃ NHẬP"),
    ],
)
def test_hostile_text_in_rows_is_refused(forge: Forge, unchanged, field: str, value: str) -> None:
    rows = forge.rows("citizen")
    rows[3][field] = value
    path = forge.with_rows("bad.de06sync", "citizen", rows)
    forge.hub.close()
    message = _one_refusal(unchanged, forge.hub.path, path, "citizen.jsonl:4")
    assert field in message


def test_newline_is_allowed_in_a_multiline_field(forge: Forge) -> None:
    rows = forge.rows("citizen")
    rows[3]["notes"] = "dòng 1\ndòng 2"
    [outcome] = import_packages(forge.hub, [forge.with_rows("ok.de06sync", "citizen", rows)])
    assert outcome.status == "applied", outcome.message


def test_hostile_header_device_id_is_refused(forge: Forge, unchanged) -> None:
    path = forge.package("bad.de06sync", device_id="dev\ud800ice")
    forge.hub.close()
    _one_refusal(unchanged, forge.hub.path, path, "header")


def test_batch_gives_every_package_its_line(
    forge: Forge, monkeypatch: pytest.MonkeyPatch, capsys
) -> None:
    """(good, bad, good): the bad one is refused, the third is still tried and imported."""
    rows = forge.rows("citizen")
    rows[0]["full_name"] = "\ud800"
    bad = forge.with_rows("bad.de06sync", "citizen", rows)
    person = forge.commune.list_records("citizen", limit=1)[0]
    forge.commune.save_record(
        "citizen", person.values | {"notes": "đã gọi điện"}, user="admin", uuid=person.uuid
    )
    second = export_package(forge.commune, forge.work / "usb2")
    assert second is not None
    _with_hub_user(forge.hub, monkeypatch)
    forge.hub.close()
    paths = [forge.genuine, bad, second.path]
    assert main(["sync", "import", "--db", str(forge.hub.path), *map(str, paths)]) == 1
    out, err = capsys.readouterr()
    lines = out.splitlines()
    assert [line.split("\t")[0] for line in lines] == ["ĐÃ NHẬP", "TỪ CHỐI", "ĐÃ NHẬP"], out
    assert [line.split("\t")[1] for line in lines] == [p.name for p in paths]
    assert "Traceback" not in err


# ---- escape codes from unsigned fields and file names --------------------------------------


def test_file_names_and_header_fields_cannot_fake_output(
    forge: Forge, monkeypatch: pytest.MonkeyPatch, capsys
) -> None:
    folder = forge.work / "stick"
    folder.mkdir()
    named = folder / "x\nĐÃ NHẬP\tgia.de06sync\x1b[2J"
    named.write_bytes(b"DE06SYNC" + b"\x00" * 200)
    header = json.loads(forge.genuine.read_bytes()[14 : 14 + _header_length(forge.genuine)])
    forged = []
    for key in ("recipient_fingerprint", "sender_fingerprint", "device_id", "created_at"):
        fields = dict(header, **{key: "\x1b[31m\nĐÃ NHẬP\tgia"})
        raw = json.dumps(fields).encode()
        forged.append(folder / f"{key}.de06sync")
        forged[-1].write_bytes(PREFIX.pack(MAGIC, 1, len(raw)) + raw + os.urandom(300))
    _with_hub_user(forge.hub, monkeypatch)
    forge.hub.close()
    before = snapshot(forge.hub.path)
    paths = [named, *forged]
    assert main(["sync", "import", "--db", str(forge.hub.path), *map(str, paths)]) == 1
    out, err = capsys.readouterr()
    assert "\x1b" not in out + err
    lines = out.splitlines()
    assert len(lines) == len(paths), out
    assert all(line.startswith("TỪ CHỐI\t") for line in lines), out
    assert snapshot(forge.hub.path) == before


def _header_length(path: Path) -> int:
    return int.from_bytes(path.read_bytes()[10:14], "big")


# ---- one long line -------------------------------------------------------------------------


def _long_line(megabytes: int) -> bytes:
    # Mostly one letter with a sprinkling of others: compresses ~30:1, below the bomb ratio.
    rng = __import__("random").Random(7)
    chunk = bytearray(b"a" * 1024 * 1024)
    for i in range(0, len(chunk), 24):
        chunk[i] = rng.randrange(98, 123)
    return b'{"uuid":"' + bytes(chunk) * megabytes + b'"}\n'


def test_one_long_line_is_refused_in_bounded_memory(forge: Forge, unchanged) -> None:
    members = forge.members | {"citizen.jsonl": _long_line(24) + forge.members["citizen.jsonl"]}
    path = forge.package("long.de06sync", members)
    forge.hub.close()
    tracemalloc.start()
    try:
        message = _one_refusal(unchanged, forge.hub.path, path)
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    # The package is ~1 MB; a 24 MiB line held (let alone copied) would show here.
    assert peak < 20 * 1024 * 1024, peak
    assert "MiB" in message


# ---- key files are read bounded -------------------------------------------------------------


def _limited_memory() -> None:
    resource.setrlimit(resource.RLIMIT_AS, (1536 * 1024 * 1024, 1536 * 1024 * 1024))


@pytest.mark.parametrize("source", ["/dev/urandom", "/dev/zero", "fifo"])
def test_key_file_reads_are_bounded(demo_path: Path, tmp_path: Path, source: str) -> None:
    if source == "fifo":
        source = str(tmp_path / "hub.pub")
        os.mkfifo(source)  # nobody ever writes to it
    env = dict(os.environ, DE06_USER="admin", DE06_PASSWORD="demo-06!", PYTHONPATH=os.getcwd())
    args = [sys.executable, "-m", "de06desk", "keys", "set-hub", "--db", str(demo_path), source]
    # The timeout only stops a hung run from hanging the suite; nothing here measures time.
    run = subprocess.run(
        args, env=env, capture_output=True, text=True, timeout=120, preexec_fn=_limited_memory
    )
    assert run.returncode == 1, run.stderr
    assert "Traceback" not in run.stderr
    assert Path(source).name in run.stderr


# ---- refusals after the log-in step, and the two concurrent imports ------------------------


def test_dangling_reference_names_the_row_and_writes_nothing(
    forge: Forge, monkeypatch: pytest.MonkeyPatch, capsys
) -> None:
    rows = forge.rows("citizen")
    missing = "0badc0de-0000-4000-8000-000000000000"
    rows[5]["village"] = missing
    path = forge.with_rows("dangling.de06sync", "citizen", rows)
    _with_hub_user(forge.hub, monkeypatch)
    forge.hub.close()
    before = snapshot(forge.hub.path)
    assert main(["sync", "import", "--db", str(forge.hub.path), str(path)]) == 1
    out = capsys.readouterr().out
    assert out.startswith("TỪ CHỐI") and rows[5]["uuid"] in out and missing in out, out
    assert snapshot(forge.hub.path) == before


def test_disk_full_during_a_hub_import_is_a_refusal(
    forge: Forge, monkeypatch: pytest.MonkeyPatch
) -> None:
    _with_hub_user(forge.hub, monkeypatch)
    forge.hub.close()
    before = snapshot(forge.hub.path)
    with Store.open(forge.hub.path) as store:
        # The file may not grow by a single page: SQLite's own "database or disk is full".
        (pages,) = store.conn.execute("PRAGMA page_count").fetchone()
        store.conn.execute(f"PRAGMA max_page_count = {pages}")
        outcomes = import_packages(
            store,
            [forge.genuine, forge.genuine],
            authorize=lambda: authenticate(store, HUB_USER, HUB_PASSWORD).username,
        )
    assert [o.status for o in outcomes] == ["refused", "refused"], outcomes
    assert "full" in outcomes[0].message or "đầy" in outcomes[0].message, outcomes[0].message
    assert snapshot(forge.hub.path) == before  # not even the log-in is recorded


def test_the_loser_of_two_concurrent_imports_says_already_imported(forge: Forge) -> None:
    other = Store.open(forge.hub.path)
    done: list[str] = []

    def meanwhile(fraction: float, text: str) -> None:
        # Just before writing (rows checking reports its form's name, this step no text), the
        # same package is imported through another connection.
        if fraction >= 0.7 and not text and not done:
            [outcome] = import_packages(other, [forge.genuine])
            done.append(outcome.status)

    try:
        outcome = import_package(forge.hub, forge.genuine, progress=meanwhile)
    finally:
        other.close()
    assert done == ["applied"]
    assert outcome.status == "already", outcome.message


# ---- units, hub-owned records, dates ----------------------------------------------------------


def test_cross_unit_references_are_refused(forge: Forge, second_commune: Store, unchanged) -> None:
    theirs = export_package(second_commune, forge.work / "b", full=True)
    assert theirs is not None
    [ok] = import_packages(forge.hub, [theirs.path])
    assert ok.status == "applied", ok.message
    their_village = second_commune.list_records("village", limit=1)[0].uuid
    their_citizen = second_commune.list_records("citizen", limit=1)[0].uuid
    citizens = forge.rows("citizen")
    citizens[2]["village"] = their_village
    in_their_village = forge.with_rows("village.de06sync", "citizen", citizens)
    roster = forge.rows("drive_roster")
    roster[1]["citizen"] = their_citizen
    their_citizen_in_roster = forge.with_rows("roster.de06sync", "drive_roster", roster)
    forge.hub.close()
    for path, row in ((in_their_village, citizens[2]), (their_citizen_in_roster, roster[1])):
        message = _one_refusal(unchanged, forge.hub.path, path, second_commune.unit_code)
        assert row["uuid"] in message


def test_a_commune_cannot_overwrite_a_hub_target(forge: Forge, unchanged) -> None:
    [ok] = import_packages(forge.hub, [forge.genuine])
    assert ok.status == "applied"
    target = set_commune_target(
        forge.hub,
        forge.commune.unit_code,
        {"kind": "cleanup_cases", "value": 40, "start_on": "2026-01-01", "due_on": "2026-12-31"},
        user="admin",
    )
    down = send_down(forge.hub, forge.commune.unit_code, forge.work / "down")
    [got] = import_packages(forge.commune, [down.path])
    assert got.status == "applied", got.message
    # Sent up again unchanged: equal version vectors, a harmless retry.
    echo = export_package(forge.commune, forge.work / "echo")
    assert echo is not None
    [again] = import_packages(forge.hub, [echo.path])
    assert again.status == "applied", again.message
    local = forge.commune.get_record("target", target.uuid)
    assert local is not None
    # The commune's own screens cannot change what the hub set…
    with pytest.raises(StoreError, match=r"cấp trên|hub"):
        forge.commune.save_record("target", local.values | {"value": 1}, user="xa", uuid=local.uuid)
    with pytest.raises(StoreError, match=r"cấp trên|hub"):
        forge.commune.delete_record("target", local.uuid, user="xa")
    # …so an edited copy can only be forged: a higher version vector does not make it win.
    [echoed] = [r for r in rows_of(_target_rows(forge, echo.path)) if r["uuid"] == target.uuid]
    versions = echoed["versions"] | {forge.commune.device_id: 5}
    edited = forge.with_rows(
        "edited.de06sync", "target", [echoed | {"value": 1, "versions": versions}]
    )
    # A forged target claiming many edits on the hub's own device.
    forged_row = rows_of(forge.members["target.jsonl"])[0] | {
        "uuid": "5eed0000-0000-4000-8000-000000000001",
        "versions": {forge.hub.device_id: 99},
    }
    forged = forge.with_rows("forged.de06sync", "target", [forged_row])
    forge.hub.close()
    _one_refusal(unchanged, forge.hub.path, edited, target.uuid)
    _one_refusal(unchanged, forge.hub.path, forged, forged_row["uuid"])


def _target_rows(forge: Forge, package: Path) -> bytes:
    own = load_own_keys(forge.hub)
    assert own is not None
    return members_of(unseal(package, own)[1])[0]["target.jsonl"]


def test_header_dates_are_checked_against_the_clock(forge: Forge, unchanged) -> None:
    far = forge.package("far.de06sync", created_at="9999-12-31T00:00:00.000+00:00")
    soon = datetime.now(UTC) + timedelta(hours=3)
    near = forge.package("near.de06sync", created_at=soon.isoformat(timespec="milliseconds"))
    forge.hub.close()
    _one_refusal(unchanged, forge.hub.path, far, "9999")
    with Store.open(forge.hub.path) as store:
        [ok] = import_packages(store, [near])
    assert ok.status == "applied", ok.message


# ---- killed exports ----------------------------------------------------------------------------


def test_stale_partial_files_are_swept_when_an_export_starts(forge: Forge) -> None:
    folder = forge.work / "usb"
    stale = folder / ".de06sync-4242-7f00aa.partial"
    fresh = folder / ".de06sync-4343-7f00bb.partial"
    backup_tmp = folder / ".de06bak-1.tmp"
    for path in (stale, fresh, backup_tmp):
        path.write_bytes(b"half a package")
    old = time.time() - 2 * 3600
    os.utime(stale, (old, old))
    os.utime(backup_tmp, (old, old))
    forge.commune.save_record("village", {"name": "Thôn Mới", "population": 10}, user="admin")
    assert export_package(forge.commune, folder) is not None
    assert not stale.exists()
    assert fresh.exists()  # maybe another export still writing it
    assert backup_tmp.exists()  # backups sweep their own


@pytest.mark.parametrize(
    "change",
    [
        {"version": True},
        {"unit_name": "Xã\x1b[2J"},
        {"unit_name": "Xã\ud800"},
        {"unit_name": "Xã\nĐã đăng ký"},
        {"unit_name": "x" * 201},
    ],
)
def test_hostile_key_files_are_refused(hub: Store, change: dict[str, Any]) -> None:
    data = json.loads(public_key_file(hub).to_text()) | change
    with pytest.raises(SyncError) as refused:
        PublicKeyFile.from_bytes(json.dumps(data).encode(), "hub.pub")
    assert str(refused.value).isprintable()


def test_a_genuine_package_under_an_odd_file_name_imports(forge: Forge) -> None:
    # Linux file names are bytes: an invalid UTF-8 byte arrives as a lone surrogate.
    odd = forge.work / os.fsdecode(b"g\xffi\nx\x1b[2J.de06sync")
    odd.write_bytes(forge.genuine.read_bytes())
    [outcome] = import_packages(forge.hub, [odd])
    assert outcome.status == "applied", outcome.message
    [received] = list_received(forge.hub)
    assert received.file_name.isprintable()


def test_a_real_full_disk_during_a_hub_import_gives_refusal_lines(
    forge: Forge, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The command line with RLIMIT_FSIZE: no file may grow past 64 KiB, so the WAL cannot
    take the package's pages — the kernel's "file too large" as a full disk would give it."""
    _with_hub_user(forge.hub, monkeypatch)
    forge.hub.close()
    before = snapshot(forge.hub.path)
    limit = 64 * 1024

    def small_disk() -> None:
        resource.setrlimit(resource.RLIMIT_FSIZE, (limit, limit))

    env = dict(os.environ, PYTHONPATH=os.getcwd())
    args = ["sync", "import", "--db", str(forge.hub.path), str(forge.genuine), str(forge.genuine)]
    run = subprocess.run(
        [sys.executable, "-m", "de06desk", *args],
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
        preexec_fn=small_disk,
    )
    assert "Traceback" not in run.stderr, run.stderr
    lines = run.stdout.splitlines()
    assert [line.split("\t")[0] for line in lines] == ["TỪ CHỐI", "TỪ CHỐI"], run.stdout
    assert run.returncode == 1
    assert all("đầy" in line for line in lines), run.stdout  # "the disk may be full"
    Store.open(forge.hub.path).close()  # SQLite's own recovery: whatever reached the WAL
    assert snapshot(forge.hub.path) == before


def test_a_directory_of_many_members_is_refused_before_it_is_parsed(
    forge: Forge, unchanged
) -> None:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", compression=zipfile.ZIP_STORED) as archive:
        for i in range(100_000):
            archive.writestr(f"{i}", b"")
        archive.writestr("manifest.json", b"{}")
    own = load_own_keys(forge.commune)
    assert own is not None
    path = seal(
        forge.work / "many.de06sync",
        out.getvalue(),
        like=forge.header,
        signer=own.signing,
        recipient=public_key_file(forge.hub),
    )
    forge.hub.close()
    tracemalloc.start()
    try:
        _one_refusal(unchanged, forge.hub.path, path, "members")
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    # 100 000 ZipInfo objects (what parsing the directory makes) cost far more than this.
    assert peak < 4 * len(out.getvalue()), peak


_BROKEN_ONCE = """
import sys
from de06desk.cli import main
from de06desk.store import sync_state

original, calls = sync_state.record_received, []

def broken_once(store, received):
    calls.append(1)
    if len(calls) == 1:
        raise RuntimeError("an unforeseen bug")
    original(store, received)

sync_state.record_received = broken_once
sys.exit(main(sys.argv[1:]))
"""


def test_an_unforeseen_error_is_one_line_and_the_batch_goes_on(
    forge: Forge, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A bug nobody foresaw (made to happen while the first package is recorded) refuses that
    package in one line; its details go to the log, never to the terminal. A real process, so
    nothing of pytest's own logging set-up hides what Python would print."""
    copy = forge.work / "copy.de06sync"
    copy.write_bytes(forge.genuine.read_bytes())
    _with_hub_user(forge.hub, monkeypatch)
    forge.hub.close()
    args = ["sync", "import", "--db", str(forge.hub.path), str(forge.genuine), str(copy)]
    env = dict(os.environ, PYTHONPATH=os.getcwd())
    run = subprocess.run(
        [sys.executable, "-c", _BROKEN_ONCE, *args],
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
    )
    lines = run.stdout.splitlines()
    assert [line.split("\t")[0] for line in lines] == ["TỪ CHỐI", "ĐÃ NHẬP"], run.stdout
    assert "RuntimeError" in lines[0] and "an unforeseen bug" not in run.stdout
    assert "Traceback" not in run.stderr and "unforeseen" not in run.stderr, run.stderr
    assert run.returncode == 1


# ---- several packages in one transaction (sync_state.WriteRun) ------------------------------


def _citizens_of(store: Store, unit_code: str) -> int:
    return store.conn.execute(
        "SELECT count(*) FROM citizens WHERE unit_code = ?", (unit_code,)
    ).fetchone()[0]


def test_a_package_failing_after_its_rows_are_written_leaves_the_others_of_its_run(
    forge: Forge, second_commune: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    from de06desk.sync import importer

    second = export_package(second_commune, forge.work / "usb2", full=True)
    assert second is not None
    first_unit, second_unit = forge.commune.unit_code, second_commune.unit_code
    real = importer.record_head

    def failing_for_the_first(store, header, chain, digest):  # type: ignore[no-untyped-def]
        if header.sender == first_unit:
            raise StoreError(msg("hỏng", "broken"))
        return real(store, header, chain, digest)

    monkeypatch.setattr(importer, "record_head", failing_for_the_first)
    # The second commune's package is written first, in the same run; the first commune's
    # fails after writing its rows, which takes the run back: the second is written again.
    outcomes = import_packages(forge.hub, [second.path, forge.genuine])
    assert [o.status for o in outcomes] == ["applied", "refused"], outcomes
    assert _citizens_of(forge.hub, first_unit) == 0
    assert (
        _citizens_of(forge.hub, second_unit)
        == second_commune.conn.execute("SELECT count(*) FROM citizens").fetchone()[0]
    )
    monkeypatch.setattr(importer, "record_head", real)
    [again] = import_packages(forge.hub, [forge.genuine])
    assert again.status == "applied", again.message
    assert _citizens_of(forge.hub, first_unit) > 0


def test_a_run_that_cannot_be_committed_is_imported_again_package_by_package(
    forge: Forge, second_commune: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    from de06desk.sync import importer

    second = export_package(second_commune, forge.work / "usb2", full=True)
    assert second is not None
    rows = forge.rows("citizen")
    rows[5]["village"] = "0badc0de-0000-4000-8000-000000000000"
    dangling = forge.with_rows("dangling.de06sync", "citizen", rows)
    # Without the check before writing, the broken reference is caught by SQLite only when
    # the run commits (the references are checked at COMMIT): the whole run fails there.
    monkeypatch.setattr(importer, "_check_references", lambda *args: None)
    outcomes = import_packages(forge.hub, [second.path, dangling])
    assert [o.status for o in outcomes] == ["applied", "refused"], outcomes
    assert "tham chiếu" in outcomes[1].message, outcomes[1].message
    assert _citizens_of(forge.hub, second_commune.unit_code) > 0
    assert _citizens_of(forge.hub, forge.commune.unit_code) == 0
    assert [p.sender for p in list_received(forge.hub)] == [second_commune.unit_code]


def test_cancel_finishes_the_package_being_written_and_keeps_the_run(
    forge: Forge, second_commune: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    from de06desk.store import sync_state

    second = export_package(second_commune, forge.work / "usb2", full=True)
    assert second is not None
    forge.commune.save_record("village", {"name": "Thôn Mới Lập"}, user="admin")
    later = export_package(forge.commune, forge.work / "usb3")
    assert later is not None and later.path != forge.genuine
    pressed: list[bool] = []
    real = sync_state.upsert_rows

    def upsert_and_press_cancel(store, form, columns, rows, *, first_change_no):  # type: ignore[no-untyped-def]
        # Cancel is pressed while the second commune's rows are being written.
        if any(r[columns.index("unit_code")] == second_commune.unit_code for r in rows):
            pressed.append(True)
        return real(store, form, columns, rows, first_change_no=first_change_no)

    monkeypatch.setattr(sync_state, "upsert_rows", upsert_and_press_cancel)
    outcomes = import_packages(
        forge.hub, [forge.genuine, second.path, later.path], cancelled=lambda: bool(pressed)
    )
    assert pressed
    assert [o.status for o in outcomes] == ["applied", "applied", "cancelled"], outcomes
    assert _citizens_of(forge.hub, second_commune.unit_code) > 0
    assert [p.seq for p in list_received(forge.hub) if p.sender == forge.commune.unit_code] == [1]
