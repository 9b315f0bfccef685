"""Field devices merge at their commune: packages between the devices of one commune.

A field laptop made by `sync clone-device` shares the commune's keys, so a package between the
two is signed and encrypted with the commune's own keys — the same format, the same checks and
the same merge by version vectors as between commune and hub (docs/SYNC.md §10):

- `device_up` (field device → its commune's office PC): the rows the device changed since its
  last such package; the PC records conflicts with the losing version as the hub does, and
  its weekly report then counts the device's work.
- `device_down` (office PC → its field devices, one package for all of them): the rows the PC
  changed since its last such package (its own work, the hub's targets, what other devices
  sent), the acknowledgements of the devices' packages, and the hub's device ids.

The PC's next package to the hub carries the device's rows once, with the device's version
vectors; if the device also sends straight to the hub, the hub finds the same versions and
ignores them.
"""

from __future__ import annotations

import json
from pathlib import Path

from de06desk.domain.i18n import msg
from de06desk.domain.progress import CancelCheck, Progress, never_cancelled, no_progress
from de06desk.domain.text import is_safe
from de06desk.store import Store
from de06desk.store import sync_state as state
from de06desk.store.database import SYSTEM_USER

from .errors import PackageRefused, SyncError
from .export import ExportResult, MemberPlan, rows_member, write_package
from .forms_down import forms_member
from .keys import load_own_keys, public_key_file
from .package import ACKS_NAME, HUB_DEVICES_NAME, Header, Kind, refused

# Meta keys. On a field device: the office PC's device id (set by `sync clone-device`).
PRIMARY_DEVICE = "sync_primary_device"
# On both: changes up to this number are already on the other side (the copy point), so the
# first package between them starts after it instead of resending the whole commune.
DEVICES_SINCE = "sync_devices_since"


def primary_device(store: Store) -> str | None:
    """On a field device made by `sync clone-device`: the commune PC's device id; else None."""
    return store.get_meta(PRIMARY_DEVICE)


def mark_clone(source: Store, copy: Store, copied_at: int) -> None:
    """Make `copy` (just copied from `source` when its change number was `copied_at`) a field
    device of the source's office PC (inside the copy's transaction); the source, if it is the
    PC, remembers the earliest copy point as where its packages to the devices start."""
    copy.set_meta(PRIMARY_DEVICE, primary_device(source) or source.device_id)
    copy.set_meta(DEVICES_SINCE, str(copied_at))
    if primary_device(source) is None and source.get_meta(DEVICES_SINCE) is None:
        with source.transaction():
            source.set_meta(DEVICES_SINCE, str(copied_at))


def export_to_commune(
    store: Store,
    out_dir: Path,
    *,
    progress: Progress = no_progress,
    cancelled: CancelCheck = never_cancelled,
    user: str = SYSTEM_USER,
) -> ExportResult | None:
    """On a field device: the rows changed since its last package for the commune PC (None,
    writing nothing, when nothing changed). Raises SyncError on any other database."""
    if store.role != "commune" or primary_device(store) is None:
        raise SyncError(
            msg(
                "Chỉ máy thứ hai tạo bằng “sync clone-device” mới ghi gói cho máy của xã; "
                "máy của xã gửi cho các máy thứ hai bằng --to-devices.",
                "Only a second device made with “sync clone-device” writes a package for the "
                "commune's PC; the commune's PC writes one for its devices with --to-devices.",
            )
        )
    return _export(store, out_dir, "device_up", [], progress, cancelled, user)


def export_to_devices(
    store: Store,
    out_dir: Path,
    *,
    progress: Progress = no_progress,
    cancelled: CancelCheck = never_cancelled,
    user: str = SYSTEM_USER,
) -> ExportResult | None:
    """On the commune's office PC: the rows changed since its last package for its field
    devices, with acknowledgements, the hub's devices and the form set from the hub (None when
    no row changed)."""
    if store.role != "commune" or primary_device(store) is not None:
        raise SyncError(
            msg(
                "Gói cho các máy thứ hai do máy của xã ghi; máy thứ hai gửi về máy của xã bằng "
                "--to-commune.",
                "The package for the second devices is written by the commune's PC; a second "
                "device sends to the commune's PC with --to-commune.",
            )
        )
    acks = [
        {"device_id": r.device_id, "seq": r.seq, "sha256": r.sha256, "imported_at": r.imported_at}
        for r in state.list_received(store, sender=store.unit_code)
        if r.kind == "device_up"
    ]
    acks_bytes = json.dumps({"received": acks}, indent=1).encode("utf-8")
    devices_bytes = json.dumps({"hub_devices": sorted(store.hub_devices())}).encode("utf-8")
    extra = [
        MemberPlan(name=ACKS_NAME, chunks=lambda: [acks_bytes]),
        MemberPlan(name=HUB_DEVICES_NAME, chunks=lambda: [devices_bytes]),
    ]
    received_forms = forms_member(store, published=False)
    if received_forms is not None:
        extra.append(received_forms)
    return _export(store, out_dir, "device_down", extra, progress, cancelled, user)


def _export(
    store: Store,
    out_dir: Path,
    kind: Kind,
    extra: list[MemberPlan],
    progress: Progress,
    cancelled: CancelCheck,
    user: str,
) -> ExportResult | None:
    own = public_key_file(store)
    since = state.last_exported_change(store, own.unit_code, store.device_id) or int(
        store.get_meta(DEVICES_SINCE) or 0
    )
    upto = store.current_change_no()
    forms = sorted(store.forms, key=lambda f: f.id)
    counts = state.count_changed_rows(store, forms, since, upto)
    if not any(counts.values()):
        return None
    plans = extra + [
        rows_member(store, form, since, upto, None, counts[form.id])
        for form in forms
        if counts[form.id]
    ]
    return write_package(
        store,
        out_dir,
        kind=kind,
        recipient=own,
        plans=plans,
        change_from=since + 1,
        change_to=upto,
        full=False,
        progress=progress,
        cancelled=cancelled,
        user=user,
    )


def check_device_route(store: Store, header: Header) -> bytes:
    """A package between devices is for this database: same commune, same keys, the other
    side of the PC ↔ field device pair; returns the signing key to verify it with."""
    if store.role != "commune":
        raise refused(
            "Gói này đi giữa các máy của một xã, không dùng ở cấp trên.",
            "This package goes between the devices of one commune, not to a hub.",
        )
    own = load_own_keys(store)
    same_keys = own is not None and (
        header.sender_fingerprint == own.fingerprint == header.recipient_fingerprint
    )
    if not same_keys or header.sender != store.unit_code or header.recipient != store.unit_code:
        raise refused(
            "Gói này của máy thuộc đơn vị khác ({u}, vân tay {f}); đơn vị này là {o}.",
            "This package comes from a device of another unit ({u}, fingerprint {f}); this is {o}.",
            u=header.sender,
            f=header.sender_fingerprint,
            o=store.unit_code,
        )
    assert own is not None
    if header.device_id == store.device_id:
        raise refused(
            "Gói này do chính máy này ghi; hãy nhập nó ở máy kia.",
            "This package was written by this same device; import it on the other one.",
        )
    primary = primary_device(store)
    if header.kind == "device_up" and primary is not None:
        raise refused(
            "Gói này gửi cho máy của xã, không phải cho máy thứ hai.",
            "This package is for the commune's PC, not for a second device.",
        )
    if header.kind == "device_down" and primary != header.device_id:
        raise refused(
            "Gói này do máy của xã gửi cho các máy thứ hai tạo từ nó (sync clone-device); "
            "máy này không phải một trong số đó.",
            "This package is from the commune's PC to the devices copied from it "
            "(sync clone-device); this database is not one of them.",
        )
    return own.signing_public


def decode_hub_devices(raw: bytes) -> list[str]:
    """The hub device ids a `device_down` package carries; PackageRefused if malformed."""
    try:
        data = json.loads(raw.decode("utf-8"))
        devices = data["hub_devices"]
    except (ValueError, UnicodeDecodeError, KeyError, TypeError, RecursionError):
        raise _bad_devices() from None
    if not isinstance(devices, list) or len(devices) > 256:
        raise _bad_devices()
    for device in devices:
        if not isinstance(device, str) or not 0 < len(device) <= 100 or not is_safe(device):
            raise _bad_devices()
    return devices


def _bad_devices() -> PackageRefused:
    return refused(
        "Danh sách máy của cấp trên trong gói bị hỏng.",
        "The package's list of the hub's devices is damaged.",
    )
