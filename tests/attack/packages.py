"""Attack families for sync packages and key files (issue 15).

Each family builds one hostile input per trial and feeds it to a hub the way a stick would:
`import_packages` on the hub's database, or the command line in-process (`sync import`,
`hub trust`) where what reaches the terminal matters. A trial passes only if the input met a
clean refusal (one printable line per package), no exception escaped, no Python traceback was
printed, and the hub's file (and its WAL) is byte-for-byte what it was.

Signed-but-hostile packages are made with the commune's real signing key and encrypted for the
hub (tests/sync/sealing.py): only their content is hostile, so they reach the deepest checks.
The world — two small demo communes, a hub that trusts both and holds both their data, a target
the hub set — is built once per process and reused; a trial that changed the hub puts the
pristine copy back before the next one.
"""

from __future__ import annotations

import atexit
import contextlib
import copy
import hashlib
import io
import json
import os
import random
import shutil
import tempfile
import uuid as uuidlib
import warnings
import zipfile
from dataclasses import dataclass, field, replace
from datetime import UTC, datetime, timedelta, timezone
from functools import cache
from pathlib import Path
from typing import Any

import de06desk.cli as cli
from de06desk.demo import make_demo
from de06desk.store import Store
from de06desk.store.users import create_user
from de06desk.sync import (
    export_package,
    import_packages,
    init_hub,
    public_key_file,
    set_hub,
    trust_commune,
)
from de06desk.sync.hub import set_commune_target
from de06desk.sync.keys import OwnKeys, load_own_keys
from de06desk.sync.package import MAGIC, MANIFEST_NAME, PREFIX, Header
from tests.sync.sealing import build_zip, jsonl, members_of, rows_of, seal, unseal

from .core import Family, Outcome

HUB_CODE, A_CODE, B_CODE = "HN01", "00004", "00008"
HUB_USER, HUB_PASSWORD = "quantri", "Hub-mat-khau-2026!"
_OUTPUT_CONTROLS = {chr(c) for c in range(0x20) if c not in (0x09, 0x0A)} | {"\x7f"}


@dataclass
class World:
    """What every trial starts from (built once per process)."""

    folder: Path
    hub_path: Path
    pristine: Path
    hub: Store
    hub_device: str
    signer: OwnKeys
    header: Header
    members: dict[str, bytes]
    manifest: dict[str, Any]
    rows: dict[str, list[dict[str, Any]]]
    theirs: dict[str, list[str]]
    target_uuid: str
    genuine: bytes
    key_text: str
    forms: Any
    cache: dict[str, bytes] = field(default_factory=dict)

    def snapshot(self) -> tuple[str, str]:
        """Hashes of the hub's file and its WAL (the bytes a refusal must not change)."""
        wal = Path(f"{self.hub_path}-wal")
        wal_bytes = wal.read_bytes() if wal.exists() else b""
        return (
            hashlib.sha256(self.hub_path.read_bytes()).hexdigest(),
            hashlib.sha256(wal_bytes).hexdigest(),
        )

    def restore(self) -> None:
        """Put the pristine hub back after a trial that changed it."""
        self.hub.close()
        for suffix in ("-wal", "-shm"):
            Path(f"{self.hub_path}{suffix}").unlink(missing_ok=True)
        shutil.copy2(self.pristine, self.hub_path)
        self.hub = Store.open(self.hub_path)


@cache
def world() -> World:
    """Two demo communes, a hub trusting both and holding their data, a target the hub set."""
    folder = Path(tempfile.mkdtemp(prefix="de06-attack-packages-"))
    today = datetime.now(UTC).date()
    make_demo(folder / "a.db", seed=61, weeks=2, citizens=40, commune_code=A_CODE, today=today)
    make_demo(folder / "b.db", seed=62, weeks=2, citizens=30, commune_code=B_CODE, today=today)
    hub_path = folder / "hub.db"
    hub = init_hub(hub_path, unit_code=HUB_CODE, name="Công an thử tấn công")
    create_user(hub, HUB_USER, HUB_PASSWORD, role="admin", display_name="Quản trị", by="init")
    theirs: dict[str, list[str]] = {}
    with Store.open(folder / "a.db") as a, Store.open(folder / "b.db") as b:
        for commune in (a, b):
            set_hub(commune, public_key_file(hub), user="admin")
            trust_commune(hub, public_key_file(commune), user="admin")
        ours = export_package(a, folder / "usb", full=True)
        other = export_package(b, folder / "usb", full=True)
        assert ours is not None and other is not None
        outcomes = import_packages(hub, [ours.path, other.path])
        assert [o.status for o in outcomes] == ["applied", "applied"], outcomes
        signer = load_own_keys(a)
        key_text = public_key_file(a).to_text()
        for form in b.forms:
            theirs[form.id] = [r.uuid for r in b.list_records(form.id, limit=50)]
    target = set_commune_target(
        hub,
        A_CODE,
        {"kind": "level2_accounts", "value": 500, "start_on": today, "due_on": today},
        user="admin",
    )
    own = load_own_keys(hub)
    assert own is not None and signer is not None
    header, zip_bytes = unseal(ours.path, own)
    members, manifest = members_of(zip_bytes)
    hub_device, hub_forms = hub.device_id, hub.forms
    hub.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    hub.close()
    pristine = folder / "hub.pristine"
    shutil.copy2(hub_path, pristine)
    built = World(
        folder,
        hub_path,
        pristine,
        Store.open(hub_path),
        hub_device,
        signer,
        header,
        members,
        manifest,
        {name[: -len(".jsonl")]: rows_of(data) for name, data in members.items()},
        theirs,
        target.uuid,
        ours.path.read_bytes(),
        key_text,
        hub_forms,
    )
    atexit.register(_cleanup, built)
    return built


def _cleanup(w: World) -> None:
    with contextlib.suppress(Exception):
        w.hub.close()
    shutil.rmtree(w.folder, ignore_errors=True)


# ---- running one trial -------------------------------------------------------------------------


def _printable_line(text: str) -> bool:
    return "\n" not in text and not any(c in _OUTPUT_CONTROLS for c in text)


def _import(w: World, paths: list[Path], what: str) -> Outcome:
    """Import on the hub through the library; every package must be refused, hub unchanged."""
    before = w.snapshot()
    try:
        outcomes = import_packages(w.hub, paths)
    except Exception as exc:  # the very thing a trial looks for
        changed = w.snapshot() != before
        if changed:
            w.restore()
        return Outcome(
            refused=False, crashed=True, changed=changed, detail=f"{what}: {exc!r}"[:300]
        )
    changed = w.snapshot() != before
    if changed:
        w.restore()
    statuses = [o.status for o in outcomes]
    clean = len(outcomes) == len(paths) and all(
        o.status == "refused" and o.message and _printable_line(o.message) for o in outcomes
    )
    detail = "" if clean and not changed else f"{what}: {statuses} {outcomes[0].message[:200]!r}"
    return Outcome(refused=clean, crashed=not clean and not changed, changed=changed, detail=detail)


def _cli(w: World, argv: list[str], expected_lines: int | None, what: str) -> Outcome:
    """Run the command line in-process as the hub's officer; nothing may reach the terminal but
    one printable refusal line per package, and the hub must not change."""
    before = w.snapshot()
    out, err = io.StringIO(), io.StringIO()
    saved = {k: os.environ.get(k) for k in ("DE06_USER", "DE06_PASSWORD")}
    os.environ.update(DE06_USER=HUB_USER, DE06_PASSWORD=HUB_PASSWORD)
    crashed, code = False, None
    try:
        with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err), _one_parser():
            code = cli.main(argv)
    except SystemExit as exc:  # argparse refusing the arguments is a clean refusal
        code = exc.code if isinstance(exc.code, int) else 1
    except Exception as exc:  # a traceback the user would have seen
        crashed = True
        err.write(f"Traceback (escaped in-process): {exc!r}\n")
    finally:
        for key, value in saved.items():
            if value is None:
                os.environ.pop(key, None)
            else:
                os.environ[key] = value
    changed = w.snapshot() != before
    if changed:
        w.restore()
    stdout, stderr = out.getvalue(), err.getvalue()
    traceback = "Traceback" in stderr
    lines = stdout.splitlines()
    clean = (
        code == 1
        and not any(c in _OUTPUT_CONTROLS for c in stdout + stderr)
        and (expected_lines is None or len(lines) == expected_lines)
        and all(line.startswith("TỪ CHỐI\t") for line in lines)
    )
    detail = ""
    if not clean or changed or traceback or crashed:
        detail = f"{what}: exit {code}, out {stdout[:160]!r}, err {stderr[-200:]!r}"
    return Outcome(
        refused=clean and not crashed,
        crashed=crashed or (not clean and not changed and not traceback),
        changed=changed,
        traceback=traceback or crashed,
        detail=detail,
    )


@contextlib.contextmanager
def _one_parser() -> Any:
    """`main` with its argument parser built once: building it (argparse's translations of
    every help text) cost more than the trial itself. Parsing is unchanged."""
    original = cli.build_parser
    cli.build_parser = _parser  # type: ignore[assignment]
    try:
        yield
    finally:
        cli.build_parser = original  # type: ignore[assignment]


@cache
def _parser() -> Any:
    return _original_build_parser()


_original_build_parser = cli.build_parser


def _signed(
    w: World,
    trial: Path,
    zip_bytes: bytes,
    name: str = "hostile.de06sync",
    **header_changes: Any,
) -> Path:
    """A package with these ZIP bytes, signed by commune A and encrypted for the hub."""
    return seal(
        trial / name,
        zip_bytes,
        like=replace(w.header, **header_changes),
        signer=w.signer.signing,
        recipient=_hub_key(w),
    )


@cache
def _hub_key_cached(path: str) -> Any:
    with Store.open(Path(path)) as store:
        return public_key_file(store)


def _hub_key(w: World) -> Any:
    return _hub_key_cached(str(w.pristine))


def _package(w: World, members: dict[str, bytes], **manifest_changes: Any) -> bytes:
    manifest = copy.deepcopy(w.manifest) | manifest_changes
    return build_zip(members, manifest)


def _some_rows(w: World, rng: random.Random, form: str, hostile: dict[str, Any]) -> bytes:
    """A rows member: the hostile row among a few genuine ones, in random order."""
    rows = [copy.deepcopy(r) for r in rng.sample(w.rows[form], min(3, len(w.rows[form])))]
    rows = [r for r in rows if r["uuid"] != hostile.get("uuid")]
    rows.insert(rng.randrange(len(rows) + 1), hostile)
    return jsonl(rows)


def _pick_row(w: World, rng: random.Random, forms: list[str] | None = None) -> tuple[str, dict]:
    form = rng.choice(forms or [f for f in sorted(w.rows) if w.rows[f]])
    return form, copy.deepcopy(rng.choice(w.rows[form]))


def _import_signed(
    w: World, trial: Path, zip_bytes: bytes, what: str, **header_changes: Any
) -> Outcome:
    path = _signed(w, trial, zip_bytes, **header_changes)
    try:
        return _import(w, [path], what)
    finally:
        path.unlink(missing_ok=True)


# ---- families: the file as a whole ---------------------------------------------------------------


def bit_flips(rng: random.Random, trial: Path) -> Outcome:
    """1–4 bytes of a genuine package XOR-ed anywhere (header, ciphertext, tag)."""
    w = world()
    data = bytearray(w.genuine)
    for _ in range(rng.randint(1, 4)):
        data[rng.randrange(len(data))] ^= rng.randint(1, 255)
    if bytes(data) == w.genuine:
        data[0] ^= 1
    path = trial / "flipped.de06sync"
    path.write_bytes(bytes(data))
    try:
        return _import(w, [path], "bit flip")
    finally:
        path.unlink(missing_ok=True)


def truncations(rng: random.Random, trial: Path) -> Outcome:
    """A genuine package cut short, grown by junk, or with a slice removed or repeated."""
    w = world()
    data = w.genuine
    kind = rng.choice(["cut", "append", "drop", "repeat", "empty"])
    at = rng.randrange(len(data))
    if kind == "cut":
        data = data[:at]
    elif kind == "append":
        data = data + os.urandom(rng.choice([1, 16, 64, 4096]))
    elif kind == "drop":
        data = data[:at] + data[at + rng.randint(1, 64) :]
    elif kind == "repeat":
        data = data[:at] + data[at : at + rng.randint(1, 64)] + data[at:]
    else:
        data = b""
    path = trial / "cut.de06sync"
    path.write_bytes(data)
    try:
        return _import(w, [path], f"truncation {kind}")
    finally:
        path.unlink(missing_ok=True)


def _zip_raw(entries: list[tuple[str, bytes]], method: int = zipfile.ZIP_DEFLATED) -> bytes:
    out = io.BytesIO()
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # duplicate names are the point of some trials
        with zipfile.ZipFile(out, "w", compression=method) as archive:
            for name, data in entries:
                archive.writestr(name, data)
    return out.getvalue()


def _manifest_for(w: World, entries: list[tuple[str, bytes]], **changes: Any) -> bytes:
    listed = []
    for name, data in entries:
        entry: dict[str, Any] = {
            "name": name,
            "bytes": len(data),
            "sha256": hashlib.sha256(data).hexdigest(),
        }
        if name.endswith(".jsonl"):
            entry |= {"form": name[: -len(".jsonl")], "rows": data.count(b"\n")}
        listed.append(entry)
    manifest = copy.deepcopy(w.manifest) | {"members": listed} | changes
    return json.dumps(manifest).encode()


def bombs(rng: random.Random, trial: Path) -> Outcome:
    """Decompression bombs, sizes that lie, too many members, huge manifests and lines, and a
    file beyond the package size limit."""
    w = world()
    citizens = w.members["citizen.jsonl"]
    kind = rng.choice(
        [
            *("ratio", "lie_small", "lie_large", "members", "manifest", "line", "rows"),
            *("nested", "huge", "directory"),
        ]
    )
    if kind == "huge":
        path = trial / "huge.de06sync"
        with path.open("wb") as handle:  # sparse: costs no disk
            handle.write(w.genuine[:200])
            handle.truncate(513 * 1024 * 1024)
        try:
            return _import(w, [path], "bomb huge file")
        finally:
            path.unlink(missing_ok=True)
    if kind == "ratio":
        if "ratio" not in w.cache:
            zeros = b"\n" * (64 * 1024 * 1024)
            entries = [("citizen.jsonl", zeros)]
            w.cache["ratio"] = _zip_raw([*entries, (MANIFEST_NAME, _manifest_for(w, entries))])
        zip_bytes = w.cache["ratio"]
    elif kind in ("lie_small", "lie_large"):
        entries = [("citizen.jsonl", citizens)]
        manifest = json.loads(_manifest_for(w, entries))
        delta = rng.randint(1, 5000)
        size = len(citizens) - delta if kind == "lie_small" else len(citizens) + delta
        manifest["members"][0]["bytes"] = max(0, size)
        zip_bytes = _zip_raw([*entries, (MANIFEST_NAME, json.dumps(manifest).encode())])
    elif kind == "directory":  # a directory of 100 000 empty members
        if "directory" not in w.cache:
            w.cache["directory"] = _zip_raw(
                [*((f"{i}", b"") for i in range(100_000)), (MANIFEST_NAME, b"{}")],
                zipfile.ZIP_STORED,
            )
        zip_bytes = w.cache["directory"]
    elif kind == "members":
        count = rng.randint(65, 90)
        entries = [(f"form{i}.jsonl", b"") for i in range(count)]
        zip_bytes = _zip_raw([*entries, (MANIFEST_NAME, _manifest_for(w, entries))])
    elif kind == "manifest":
        entries = [("citizen.jsonl", citizens)]
        manifest = json.loads(_manifest_for(w, entries))
        manifest["app_version"] = "x" * (1024 * 1024 + rng.randint(1, 1000))
        zip_bytes = _zip_raw([*entries, (MANIFEST_NAME, json.dumps(manifest).encode())])
    elif kind == "line":
        if "line" not in w.cache:
            filler = bytearray(b"a" * (9 * 1024 * 1024))
            for i in range(0, len(filler), 20):
                filler[i] = 98 + (i * 7919) % 25
            entries = [("citizen.jsonl", b'{"uuid":"' + bytes(filler) + b'"}\n')]
            w.cache["line"] = _zip_raw([*entries, (MANIFEST_NAME, _manifest_for(w, entries))])
        zip_bytes = w.cache["line"]
    elif kind == "rows":
        entries = [("citizen.jsonl", citizens)]
        manifest = json.loads(_manifest_for(w, entries))
        manifest["members"][0]["rows"] += rng.choice([-1, 1, 1000])
        zip_bytes = _zip_raw([*entries, (MANIFEST_NAME, json.dumps(manifest).encode())])
    else:  # a ZIP inside a rows member
        inner = _zip_raw([("citizen.jsonl", citizens)])
        entries = [("citizen.jsonl", inner)]
        zip_bytes = _zip_raw([*entries, (MANIFEST_NAME, _manifest_for(w, entries))])
    return _import_signed(w, trial, zip_bytes, f"bomb {kind}")


_ODD_NAMES = [
    "../citizen.jsonl",
    "../../../../tmp/evil.jsonl",
    "/etc/citizen.jsonl",
    "..\\citizen.jsonl",
    "C:\\citizen.jsonl",
    "citizen.jsonl/../village.jsonl",
    "./citizen.jsonl",
    "citizen.JSONL",
    "Citizen.jsonl",
    "citizen.jsonl ",
    " citizen.jsonl",
    "citizen.jsonl\x00.txt",
    "citi\u202ezen.jsonl",
    "citizen\u200b.jsonl",
    "công_dân.jsonl",
    "x" * 300 + ".jsonl",
    "evil.jsonl",
    "citizen.json",
    "citizen.jsonl.exe",
    "acks.json",
    "manifest.json.jsonl",
    "CON.jsonl",
    "citizen/",
]


def member_names(rng: random.Random, trial: Path) -> Outcome:
    """Path traversal, absolute and odd member names, duplicates, a manifest out of place."""
    w = world()
    citizens = w.members["citizen.jsonl"]
    kind = rng.choice(["odd", "odd", "duplicate", "manifest_first", "no_manifest", "two"])
    if kind == "odd":
        name = rng.choice(_ODD_NAMES)
        entries = [(name, citizens)]
        if rng.random() < 0.5:
            entries.insert(rng.randrange(2), ("citizen.jsonl", citizens))
        zip_bytes = _zip_raw([*entries, (MANIFEST_NAME, _manifest_for(w, entries))])
        what = f"member name {name[:40]!r}"
    elif kind == "duplicate":
        entries = [("citizen.jsonl", citizens), ("citizen.jsonl", citizens)]
        zip_bytes = _zip_raw([*entries, (MANIFEST_NAME, _manifest_for(w, entries))])
        what = "duplicate member"
    elif kind == "manifest_first":
        entries = [("citizen.jsonl", citizens)]
        zip_bytes = _zip_raw([(MANIFEST_NAME, _manifest_for(w, entries)), *entries])
        what = "manifest first"
    elif kind == "no_manifest":
        zip_bytes = _zip_raw([("citizen.jsonl", citizens)])
        what = "no manifest"
    else:
        entries = [("citizen.jsonl", citizens)]
        manifest = _manifest_for(w, entries)
        zip_bytes = _zip_raw([*entries, (MANIFEST_NAME, manifest), (MANIFEST_NAME, manifest)])
        what = "two manifests"
    return _import_signed(w, trial, zip_bytes, what)


# ---- families: the rows and the manifest --------------------------------------------------------


def _bad_values(w: World, form: str, key: str, rng: random.Random) -> list[Any]:
    """Values `key` of a row of `form` can never validly hold."""
    nested: Any = []
    for _ in range(rng.randint(2, 50)):
        nested = [nested]
    common = [{"a": 1}, nested, 1.5, float("inf")]
    if key == "uuid":
        return [*common, None, 7, "", "not-a-uuid", str(uuidlib.uuid4()).upper(), "0" * 36]
    if key == "unit_code":
        return [*common, None, 7, "", B_CODE, "x" * 101, HUB_CODE]
    if key in ("author", "device_id"):
        return [*common, None, 7, "", "x" * 101, True]
    if key in ("created_at", "updated_at"):
        return [*common, None, 0, "", "yesterday", "2026-13-45T00:00:00+00:00", "9" * 45]
    if key in ("change_no", "edit_count"):
        return [*common, None, -1, 2**53, 10**400, "3", True, []]
    if key == "versions":
        too_many = {f"d{i}": 1 for i in range(300)}
        return [None, [], {}, {"": 1}, {"a": -1}, {"a": "1"}, {"a": 1.5}, too_many, "x", 3]
    if key == "deleted":
        return [None, 0, 1, "true", [], {}]
    spec = w.forms[form].field(key)
    if spec.type == "integer":
        return ["12", 1.5, True, [], {}, 10**400 if spec.max is not None else "x"]
    if spec.type == "multi_choice":
        return ["a", 3, [1], [None], {}, ["no-such-choice-xyz"]]
    values: list[Any] = [1, 1.5, True, [], {}, nested, "x" * 100_001]
    if spec.required:
        values.append(None)
    if spec.type == "date":
        values += ["2026-02-30", "20261118", "tomorrow", "2026-1-1"]
    if spec.type in ("choice",):
        values += ["no-such-choice-xyz"]
    if spec.target_form:
        values += ["not-a-uuid", str(uuidlib.uuid4()).upper()]
    if spec.type == "phone":
        values += ["12", "phone"]
    if spec.type == "personal_id":
        values += ["123", "abcdefghijkl"]
    return values


_META = ["uuid", "unit_code", "author", "device_id", "created_at", "updated_at"]
_META += ["change_no", "edit_count", "versions", "deleted"]


def _manifest_mutation(w: World, rng: random.Random) -> tuple[str, bytes]:
    entries = [("citizen.jsonl", w.members["citizen.jsonl"])]
    manifest = json.loads(_manifest_for(w, entries))
    choice = rng.choice(
        ["forms", "members", "sequence", "change", "format", "kind", "sender", "recipient", "top"]
    )
    bad: Any = rng.choice([None, [], {}, "x", -1, 1.5, 2**60, True, "1"])
    if choice == "forms":
        manifest["forms"] = rng.choice([[], "x", {"citizen": "1"}, {"citizen": 99}, {"": -1}])
    elif choice == "members":
        manifest["members"] = rng.choice([{}, "x", [None], [{"name": "citizen.jsonl"}], None])
    elif choice == "sequence":
        manifest["sequence"] = rng.choice([0, -1, 1.5, "1", None, 2**60, w.header.seq + 1])
    elif choice == "change":
        manifest["change_range"] = rng.choice([None, [], {"from": "1", "to": 2}, {"to": 3}])
    elif choice == "format":
        manifest["format"] = rng.choice([2, 99, "1", None, -1])
    elif choice == "kind":
        manifest["kind"] = rng.choice(["down", "sideways", None, 1])
    elif choice == "sender":
        manifest["sender"] = rng.choice([None, "00004", {"unit_code": B_CODE}, bad])
    elif choice == "recipient":
        manifest["recipient"] = rng.choice([None, {"unit_code": "HN02", "fingerprint": ""}, bad])
    else:
        return "manifest not an object", _zip_raw(
            [*entries, (MANIFEST_NAME, json.dumps(rng.choice([[], "x", 1, None])).encode())]
        )
    raw = json.dumps(manifest).encode()
    return f"manifest {choice}", _zip_raw([*entries, (MANIFEST_NAME, raw)])


def _line_mutation(rng: random.Random) -> tuple[str, bytes]:
    kind = rng.choice(["list", "string", "number", "null", "deep", "bigint", "nan", "garbage"])
    line = {
        "list": b"[1, 2, 3]",
        "string": b'"row"',
        "number": b"12",
        "null": b"null",
        "deep": b"[" * 200_000 + b"]" * 200_000,
        "bigint": b"1" * 10_000,
        "nan": b"NaN",
        "garbage": bytes(rng.randrange(256) for _ in range(rng.randint(1, 200))) + b"\xff",
    }[kind]
    return f"line {kind}", line + b"\n"


def json_shapes(rng: random.Random, trial: Path) -> Outcome:
    """Rows with values of the wrong type, size or shape; lines that are not row objects;
    manifests whose fields have the wrong shape."""
    w = world()
    roll = rng.random()
    if roll < 0.2:
        what, zip_bytes = _manifest_mutation(w, rng)
        return _import_signed(w, trial, zip_bytes, what)
    if roll < 0.35:
        what, line = _line_mutation(rng)
        rows = jsonl(rng.sample(w.rows["citizen"], 2))
        return _import_signed(w, trial, _package(w, {"citizen.jsonl": rows + line}), what)
    form, row = _pick_row(w, rng)
    action = rng.choice(["value", "value", "value", "missing", "unknown"])
    if action == "missing":
        key = rng.choice(_META)
        del row[key]
        what = f"{form} without {key}"
    elif action == "unknown":
        key = rng.choice(["evil", "search_text", "__proto__", "x" * 50])
        row[key] = "x"
        what = f"{form} with unknown {key[:20]}"
    else:
        key = rng.choice(_META + [s.name for s in w.forms[form].fields])
        row[key] = rng.choice(_bad_values(w, form, key, rng))
        what = f"{form}.{key} = {str(row[key])[:30]!r}"
    try:
        member = _some_rows(w, rng, form, row)
    except ValueError:  # a value JSON cannot write (nan in allow_nan mode is fine; inf too)
        member = b"[]\n"
    return _import_signed(w, trial, _package(w, {f"{form}.jsonl": member}), what)


_HOSTILE_CHARS = [
    "\x00",
    "\x1b[2J",
    "\x1b]0;owned\x07",
    "\x1b[31mĐÃ NHẬP",
    "\x08",
    "\x0b",
    "\x0c",
    "\x7f",
    "\x85",
    "\x9b",
    "\u202e",
    "\u202a",
    "\u2066",
    "\u2069",
]


def _hostile_char(rng: random.Random, multiline: bool) -> str:
    roll = rng.random()
    if roll < 0.35:
        return chr(rng.randint(0xD800, 0xDFFF))  # a lone surrogate
    if roll < 0.5 and not multiline:
        return rng.choice(["\n", "\r", "\r\n"])
    if roll < 0.6:
        return chr(rng.choice([*range(1, 9), 0x0E, 0x1F, *range(0x80, 0xA0)]))
    return rng.choice(_HOSTILE_CHARS)


def unicode_text(rng: random.Random, trial: Path) -> Outcome:
    """Lone surrogates, NUL, control characters, ESC sequences and bidi overrides in every
    kind of string a package carries (row fields, author, device, version keys, header)."""
    w = world()
    roll = rng.random()
    if roll < 0.15:
        device = w.header.device_id
        at = rng.randrange(len(device) + 1)
        hostile = device[:at] + _hostile_char(rng, False) + device[at:]
        zip_bytes = _package(
            w,
            {"citizen.jsonl": jsonl(w.rows["citizen"][:2])},
            sender=w.manifest["sender"] | {"device_id": hostile},
        )
        return _import_signed(w, trial, zip_bytes, "header device id", device_id=hostile)
    if roll < 0.2:
        zip_bytes = _package(
            w,
            {"citizen.jsonl": jsonl(w.rows["citizen"][:2])},
            app_version="0.1" + _hostile_char(rng, False),
        )
        return _import_signed(w, trial, zip_bytes, "manifest app_version")
    form, row = _pick_row(w, rng)
    texts = [
        s.name
        for s in w.forms[form].fields
        if s.type == "text" and isinstance(row.get(s.name), str)
    ]
    key = rng.choice([*texts, *texts, "author", "device_id", "versions", "unit_code"])
    multiline = key in texts and w.forms[form].field(key).multiline
    char = _hostile_char(rng, multiline)
    if key == "versions":
        device, edits = next(iter(row["versions"].items()))
        row["versions"] = {device + char: edits}
    else:
        value = row[key]
        at = rng.randrange(len(value) + 1)
        row[key] = value[:at] + char + value[at:]
    member = _some_rows(w, rng, form, row)
    return _import_signed(
        w, trial, _package(w, {f"{form}.jsonl": member}), f"{form}.{key} + {char!r}"
    )


# ---- families: who may say what ---------------------------------------------------------------


def _reference_fields(w: World) -> list[tuple[str, str, str]]:
    out = []
    for form in sorted(w.rows):
        if not w.rows[form]:
            continue
        for spec in w.forms[form].fields:
            if spec.target_form:
                out.append((form, spec.name, spec.target_form))
    return out


def cross_unit(rng: random.Random, trial: Path) -> Outcome:
    """References from commune A's rows into commune B's records, to nothing, or to a record of
    the wrong kind; and rows that claim to belong to B."""
    w = world()
    refs = _reference_fields(w)
    form, name, target = rng.choice(refs)
    row = copy.deepcopy(rng.choice(w.rows[form]))
    kind = rng.choice(["theirs", "theirs", "dangling", "wrong_kind", "their_unit"])
    if kind == "theirs" and w.theirs.get(target):
        row[name] = rng.choice(w.theirs[target])
    elif kind == "wrong_kind":
        other = rng.choice([f for f in sorted(w.rows) if f != target and w.rows[f]])
        row[name] = rng.choice(w.rows[other])["uuid"]
    elif kind == "their_unit":
        row["unit_code"] = B_CODE
    else:
        kind = "dangling"
        row[name] = str(uuidlib.UUID(int=rng.getrandbits(128), version=4))
    member = _some_rows(w, rng, form, row)
    return _import_signed(w, trial, _package(w, {f"{form}.jsonl": member}), f"{form}.{name} {kind}")


def hub_owned(rng: random.Random, trial: Path) -> Outcome:
    """Records the hub set, sent back edited or forged with version vectors naming the hub."""
    w = world()
    template = copy.deepcopy(w.rows["target"][0]) if w.rows.get("target") else None
    assert template is not None
    kind = rng.choice(["edited", "forged_new", "forged_high"])
    row = template
    if kind == "edited":
        row |= {
            "uuid": w.target_uuid,
            "versions": {w.hub_device: 1, w.header.device_id: rng.randint(1, 10**6)},
            "value": rng.randint(1, 10_000),
        }
    elif kind == "forged_new":
        row |= {
            "uuid": str(uuidlib.UUID(int=rng.getrandbits(128), version=4)),
            "versions": {w.hub_device: rng.randint(1, 10**9)},
        }
    else:
        row |= {"uuid": w.target_uuid, "versions": {w.hub_device: rng.randint(2, 10**9)}}
    row["value"] = rng.randint(1, 10_000)
    return _import_signed(
        w, trial, _package(w, {"target.jsonl": jsonl([row])}), f"hub target {kind}"
    )


def header_dates(rng: random.Random, trial: Path) -> Outcome:
    """Creation times in the future beyond the stated tolerance, or not times at all."""
    w = world()
    now = datetime.now(UTC)
    if rng.random() < 0.6:
        if rng.random() < 0.5:
            moment = now + timedelta(hours=rng.uniform(24.5, 24 * 400))
        else:
            moment = datetime(rng.randint(now.year + 2, 9998), 1, 1, tzinfo=UTC)
        offset = timedelta(hours=rng.choice([0, 7, -5, 14]))
        text = moment.astimezone(timezone(offset)).isoformat(
            timespec=rng.choice(["seconds", "milliseconds"])
        )
    else:
        text = rng.choice(
            [
                "9999-12-31",
                now.replace(tzinfo=None).isoformat(),
                "tomorrow",
                "",
                "2026-11-18T08:00:00+25:00",
                "+99999-01-01T00:00:00+00:00",
                "2026-11-18 08:00",
            ]
        )
    zip_bytes = _package(w, {"citizen.jsonl": jsonl(w.rows["citizen"][:3])}, created_at=text)
    return _import_signed(w, trial, zip_bytes, f"created_at {text!r}", created_at=text)


# ---- families: what reaches the terminal --------------------------------------------------------


def _hostile_text(rng: random.Random) -> str:
    parts = ["a", "\n", "ĐÃ NHẬP\t", "\x1b[2J", "\x1b[31m", "\r", "\u202e", "\x07", "\x9b"]
    return "".join(rng.choice(parts) for _ in range(rng.randint(1, 6)))


_HEADER_TEXT_FIELDS = [
    "recipient_fingerprint",
    "sender_fingerprint",
    "device_id",
    "created_at",
    "sender",
    "recipient",
    "kind",
]


def terminal_escapes(rng: random.Random, trial: Path) -> Outcome:
    """`sync import` of junk whose file name or cleartext header fields hold newlines, ESC
    sequences and bidi overrides: one escaped refusal line per package, nothing obeyed."""
    w = world()
    header = json.loads(w.genuine[PREFIX.size : PREFIX.size + _header_length(w.genuine)])
    paths = []
    for i in range(rng.randint(1, 4)):
        if rng.random() < 0.5:
            name = f"{i}{_hostile_text(rng)}.de06sync".replace("/", "_")
            data = MAGIC + os.urandom(rng.randint(0, 300))
        else:
            name = f"{i}.de06sync"
            key = rng.choice(_HEADER_TEXT_FIELDS)
            fields = dict(header, **{key: _hostile_text(rng)})
            raw = json.dumps(fields, ensure_ascii=rng.random() < 0.5).encode()
            data = PREFIX.pack(MAGIC, 1, len(raw)) + raw + os.urandom(300)
        path = trial / name
        path.write_bytes(data)
        paths.append(path)
    argv = ["sync", "import", "--db", str(w.hub_path), *map(str, paths)]
    try:
        return _cli(w, argv, len(paths), "terminal escapes")
    finally:
        for path in paths:
            path.unlink(missing_ok=True)


def _header_length(data: bytes) -> int:
    return int.from_bytes(data[10:14], "big")


def key_files(rng: random.Random, trial: Path) -> Outcome:
    """`hub trust` with public-key files that are hostile: control characters and surrogates
    in the unit name or code, wrong shapes, a lying fingerprint, too large, endless devices,
    a named pipe nobody writes to, a folder."""
    w = world()
    data = json.loads(w.key_text)
    kind = rng.choice(
        ["name", "name", "code", "shape", "fingerprint", "large", "device", "fifo", "folder"]
    )
    path = trial / f"{_hostile_text(rng) if rng.random() < 0.3 else 'c'}.pub"
    if kind == "device":
        path = Path(rng.choice(["/dev/urandom", "/dev/zero"]))
    elif kind == "fifo":
        os.mkfifo(path)
    elif kind == "folder":
        path.mkdir()
    else:
        if kind == "name":
            at = rng.randrange(len(data["unit_name"]) + 1)
            name = data["unit_name"]
            data["unit_name"] = name[:at] + _hostile_char(rng, False) + name[at:]
        elif kind == "code":
            data["unit_code"] = rng.choice(["", "x" * 17, "../etc", "00 04", "0004\x1b", "ü"])
        elif kind == "shape":
            key = rng.choice(sorted(data))
            shapes: list[Any] = [1, [], {}, True, "x" * 300]
            if key != "fingerprint":  # the one field that may be left out (null)
                shapes.append(None)
            if key == "version":
                shapes.remove(1)  # the genuine value
            data[key] = rng.choice(shapes)
        elif kind == "fingerprint":
            data["fingerprint"] = "0000 0000 0000 0000 0000"
        text = json.dumps(data, ensure_ascii=rng.random() < 0.7)
        if kind == "large":
            text = text[:-1] + ', "pad": "' + "x" * (16 * 1024) + '"}'
        path.write_bytes(text.encode("utf-8", "surrogatepass"))
    try:
        return _cli(w, ["hub", "trust", "--db", str(w.hub_path), str(path)], 0, f"key {kind}")
    finally:
        if path.parent == trial:
            if path.is_dir():
                path.rmdir()
            else:
                path.unlink(missing_ok=True)


FAMILIES: dict[str, Family] = {
    "package_bit_flips": bit_flips,
    "package_truncations": truncations,
    "package_bombs": bombs,
    "package_member_names": member_names,
    "package_json_shapes": json_shapes,
    "package_unicode": unicode_text,
    "package_cross_unit": cross_unit,
    "package_hub_owned": hub_owned,
    "package_header_dates": header_dates,
    "package_terminal_escapes": terminal_escapes,
    "key_files": key_files,
}

__all__ = ["FAMILIES", "World", "world"]
