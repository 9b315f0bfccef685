"""The hub (district or province): setting it up, who reported what, sending packages back down.

Also the commune-side helpers that are not export or import: the history of sent packages and
setting up a second device of one commune.
"""

from __future__ import annotations

import json
import uuid as uuidlib
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

from de06desk.domain.i18n import DomainError, msg
from de06desk.domain.progress import CancelCheck, Progress, never_cancelled, no_progress
from de06desk.domain.units import Province, communes, get_commune, provinces
from de06desk.store import Record, Store, StoreError
from de06desk.store import sync_state as state
from de06desk.store.crypto import keyring_path
from de06desk.store.database import SYSTEM_USER
from de06desk.store.summaries import senders_of

from .audit_heads import AuditFlag, audit_flags
from .devices import mark_clone
from .errors import SyncError
from .export import ExportResult, MemberPlan, rows_member, write_package
from .forms_down import forms_member
from .importer import DOWN_FORMS
from .keys import ensure_keys, is_unit_code, peer_key
from .package import ACKS_NAME

DEFAULT_SILENT_DAYS = 14
# Meta key of a hub's province (set by `hub init --province`, or read from a province code).
HUB_PROVINCE = "province_code"


def init_hub(path: Path, *, unit_code: str, name: str, key: bytes | None = None) -> Store:
    """Create a hub database (encrypted under `key` if given) with its key pairs; the caller
    adds the first user."""
    if not is_unit_code(unit_code):
        raise SyncError(
            msg(
                "Mã đơn vị “{c}” không hợp lệ (1–16 chữ cái hoặc chữ số).",
                "Unit code “{c}” is invalid (1–16 letters or digits).",
                c=unit_code,
            )
        )
    store = Store.create(path, unit_code=unit_code, role="hub", key=key)
    try:
        with store.transaction():
            store.set_meta("unit_name", name.strip() or unit_code)
        ensure_keys(store)
    except BaseException:
        store.close()
        path.unlink(missing_ok=True)
        raise
    return store


def hub_province(store: Store) -> Province | None:
    """The province a hub stands for: set at `hub init --province`, or its unit code when
    that is a province code; None for a district or other hub."""
    by_code = {p.code: p for p in provinces()}
    code = store.get_meta(HUB_PROVINCE) or store.unit_code
    return by_code.get(code.zfill(3)) if code.isdigit() and len(code) <= 3 else None


def expected_communes(store: Store) -> list[str]:
    """Unit codes of every commune this hub expects packages from, in code order: the
    province's communes from the official 2025 list (a province hub), and every registered
    commune (a commune outside the province, or any commune of a district hub). A commune a
    hub below already reports in its summary packages is expected from that hub, not here."""
    province = hub_province(store)
    official = {c.code for c in communes(province.code)} if province else set()
    registered = set(state.registered_communes(store))
    via_below = set(senders_of(store, official - registered))
    return sorted((official - via_below) | registered)


def commune_names(store: Store) -> dict[str, str]:
    """Unit code → name of every expected commune (`expected_communes`), as every hub screen
    shows it: the official name, else the name its key file gave, else the code."""
    registered = {p.unit_code: p.unit_name for p in state.list_peers(store, "commune")}
    names = {}
    for code in expected_communes(store):
        try:
            names[code] = get_commune(code).name
        except DomainError:
            names[code] = registered.get(code) or code
    return names


@dataclass(frozen=True, kw_only=True)
class DeviceStatus:
    """Packages received from one device of a commune."""

    device_id: str
    packages: int
    last_seq: int
    missing: tuple[int, ...]


@dataclass(frozen=True, kw_only=True)
class CommuneStatus:
    """Where a registered commune stands at the hub."""

    unit_code: str
    unit_name: str
    fingerprint: str
    registered_at: str
    packages: int
    last_seq: int | None
    last_package_at: str | None
    last_imported_at: str | None
    days_silent: int | None
    silent: bool
    devices: tuple[DeviceStatus, ...]
    # The newest audit chain head received (id, hash), and the packages whose head did not
    # extend what the hub held (sync/audit_heads.py): history rewritten since the last sync.
    audit_head: tuple[int, str] | None = None
    audit_flags: tuple[AuditFlag, ...] = ()

    @property
    def missing(self) -> dict[str, tuple[int, ...]]:
        """Device id → sequence numbers not received yet (only devices with gaps)."""
        return {d.device_id: d.missing for d in self.devices if d.missing}

    def to_json(self) -> dict[str, Any]:
        """Plain data for `hub status --json`."""
        return {
            "unit_code": self.unit_code,
            "unit_name": self.unit_name,
            "registered": True,
            "fingerprint": self.fingerprint,
            "registered_at": self.registered_at,
            "packages": self.packages,
            "last_seq": self.last_seq,
            "last_package_at": self.last_package_at,
            "last_imported_at": self.last_imported_at,
            "days_silent": self.days_silent,
            "silent": self.silent,
            "missing": {k: list(v) for k, v in self.missing.items()},
            "devices": [
                {
                    "device_id": d.device_id,
                    "packages": d.packages,
                    "last_seq": d.last_seq,
                    "missing": list(d.missing),
                }
                for d in self.devices
            ],
            "audit": {
                "head": None
                if self.audit_head is None
                else {"id": self.audit_head[0], "hash": self.audit_head[1]},
                "flagged": bool(self.audit_flags),
                "flags": [f.to_json() for f in self.audit_flags],
            },
        }


def unregistered_json(unit_code: str) -> dict[str, Any]:
    """`hub status --json`'s entry for an expected commune whose key is not registered yet:
    the keys of `CommuneStatus.to_json`, with nothing received (never reported: silent)."""
    try:
        name = get_commune(unit_code).name
    except DomainError:
        name = unit_code
    return {
        "unit_code": unit_code,
        "unit_name": name,
        "registered": False,
        "fingerprint": None,
        "registered_at": None,
        "packages": 0,
        "last_seq": None,
        "last_package_at": None,
        "last_imported_at": None,
        "days_silent": None,
        "silent": True,
        "missing": {},
        "devices": [],
        "audit": {"head": None, "flagged": False, "flags": []},
    }


def hub_status(
    store: Store, *, silent_days: int = DEFAULT_SILENT_DAYS, today: date | None = None
) -> list[CommuneStatus]:
    """Each registered commune: last sequence, last package date, gaps, silence."""
    today = today or datetime.now(UTC).date()
    received = [r for r in state.list_received(store) if r.kind == "up"]
    heads = state.list_audit_heads(store)
    flags = audit_flags(store)
    out: list[CommuneStatus] = []
    for peer in state.list_peers(store, "commune"):
        mine = [r for r in received if r.sender == peer.unit_code]
        devices: list[DeviceStatus] = []
        for device in sorted({r.device_id for r in mine}):
            seqs = {r.seq for r in mine if r.device_id == device}
            last = max(seqs)
            gaps = tuple(s for s in range(1, last) if s not in seqs)
            devices.append(
                DeviceStatus(device_id=device, packages=len(seqs), last_seq=last, missing=gaps)
            )
        last_created = max((r.created_at for r in mine), default=None)
        last_imported = max((r.imported_at for r in mine), default=None)
        days = (today - _day(last_created)).days if last_created else None
        newest = max(
            (h for h in heads if h.sender == peer.unit_code),
            key=lambda h: h.received_at,
            default=None,
        )
        out.append(
            CommuneStatus(
                unit_code=peer.unit_code,
                unit_name=peer.unit_name,
                fingerprint=peer.fingerprint,
                registered_at=peer.added_at,
                packages=len(mine),
                last_seq=max((d.last_seq for d in devices), default=None),
                last_package_at=last_created,
                last_imported_at=last_imported,
                days_silent=days,
                silent=days is None or days > silent_days,
                devices=tuple(devices),
                audit_head=None if newest is None else (newest.head_id, newest.head_hash),
                audit_flags=tuple(f for f in flags if f.unit_code == peer.unit_code),
            )
        )
    return out


def send_down(
    store: Store,
    unit_code: str,
    out_dir: Path,
    *,
    progress: Progress = no_progress,
    cancelled: CancelCheck = never_cancelled,
    user: str = SYSTEM_USER,
) -> ExportResult:
    """Write a package for one commune: acknowledgements of what arrived, changed targets,
    and the form set this hub published last (if any)."""
    if store.role != "hub":
        raise SyncError(
            msg("Chỉ cấp trên mới gửi gói xuống xã.", "Only a hub sends packages down.")
        )
    peer = peer_key(store, unit_code)
    if peer is None or peer.role != "commune":
        raise SyncError(
            msg(
                "Xã {c} chưa được đăng ký (hub trust).",
                "Commune {c} is not registered (hub trust).",
                c=unit_code,
            )
        )
    since = state.last_exported_change(store, unit_code)
    upto = store.current_change_no()
    acks = [
        {"device_id": r.device_id, "seq": r.seq, "sha256": r.sha256, "imported_at": r.imported_at}
        for r in state.list_received(store, sender=unit_code)
        if r.kind == "up"
    ]
    acks_bytes = json.dumps({"received": acks}, indent=1).encode("utf-8")
    plans = [MemberPlan(name=ACKS_NAME, chunks=lambda: [acks_bytes])]
    published = forms_member(store)
    if published is not None:
        plans.append(published)
    forms = [store.forms[f] for f in sorted(DOWN_FORMS) if f in store.forms]
    counts = state.count_changed_rows(store, forms, since, upto, unit_code)
    plans += [
        rows_member(store, form, since, upto, unit_code, counts[form.id])
        for form in forms
        if counts[form.id]
    ]
    return write_package(
        store,
        out_dir,
        kind="down",
        recipient=peer,
        plans=plans,
        change_from=since + 1,
        change_to=upto,
        full=False,
        progress=progress,
        cancelled=cancelled,
        user=user,
    )


def set_commune_target(
    store: Store, unit_code: str, values: Mapping[str, Any], *, user: str, uuid: str | None = None
) -> Record:
    """At a hub: create or edit a target owned by a commune, to be sent down with `send_down`."""
    if store.role != "hub" or peer_key(store, unit_code) is None:
        raise SyncError(
            msg(
                "Chỉ cấp trên đặt chỉ tiêu, cho xã đã đăng ký ({c}).",
                "Only a hub sets targets, for a registered commune ({c}).",
                c=unit_code,
            )
        )
    with store.transaction():
        record = store.save_record("target", values, user=user, uuid=uuid)
        if record.unit_code != unit_code:
            state.set_unit_code(store, store.forms["target"], record.uuid, unit_code)
    saved = store.get_record("target", record.uuid)
    assert saved is not None
    return saved


def sent_history(store: Store) -> list[state.SentRow]:
    """Packages this database wrote, newest first, with when the recipient confirmed them."""
    return state.list_sent(store)


def conflicts(store: Store, limit: int = 1000) -> list[state.ConflictRow]:
    """Recorded conflicts, newest first."""
    return state.list_conflicts(store, limit)


def clone_device(store: Store, target: Path, *, user: str = SYSTEM_USER) -> Path:
    """Set up a second device of this commune: a copy of the database with its own device id.

    Both devices share the commune's keys (the hub trusts the commune, not the laptop) and the
    export history, so the copy only sends what it changes itself; each device numbers its
    packages from 1 and the hub tracks sequences per device. The copy is a field device of
    this commune's office PC: the two exchange packages directly (`sync.devices`).
    """
    if store.role != "commune":
        raise SyncError(
            msg("Chỉ sao được cơ sở dữ liệu của xã.", "Only a commune database can be cloned.")
        )
    if target.exists():
        raise StoreError(
            msg(
                "Tệp {p} đã tồn tại; hãy chọn tên khác.",
                "{p} already exists; choose another name.",
                p=target.name,
            )
        )
    # Read before copying: a change made meanwhile is then sent again (harmless), never missed.
    copied_at = store.current_change_no()
    state.copy_database(store, target)
    try:
        with Store.open(target, key=store.key) as copy, copy.transaction():
            copy.set_meta("device_id", str(uuidlib.uuid4()))
            mark_clone(store, copy, copied_at)
            copy.audit("sync_clone_device", user, detail=f"from device {store.device_id}")
    except BaseException:
        for path in _sidecars(target):
            path.unlink(missing_ok=True)
        raise
    return target


def _sidecars(path: Path) -> Iterator[Path]:
    yield path
    yield path.with_name(path.name + "-wal")
    yield path.with_name(path.name + "-shm")
    yield keyring_path(path)


def _day(timestamp: str) -> date:
    try:
        return datetime.fromisoformat(timestamp).date()
    except ValueError:
        return date.min
