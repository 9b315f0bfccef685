"""Sync and key actions: packages up and down, key files, trusting communes, second devices."""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from de06desk.domain.files import atomic_write
from de06desk.domain.i18n import DomainError, Msg, msg
from de06desk.domain.progress import CancelCheck, Progress, never_cancelled, no_progress
from de06desk.domain.units import get_commune
from de06desk.reports.rollup import SummaryExport, export_summary, import_summaries
from de06desk.store import Record, Store
from de06desk.store.database import SYSTEM_USER
from de06desk.store.lists import roster_rule_breaks
from de06desk.store.users import User
from de06desk.sync import (
    ExportResult,
    ImportOutcome,
    PublicKeyFile,
    export_package,
    import_packages,
    public_key_file,
    send_down,
    set_hub,
    trust_commune,
)
from de06desk.sync.devices import export_to_commune, export_to_devices
from de06desk.sync.forms_down import FormsDown, read_form_folder
from de06desk.sync.forms_down import publish_forms as publish_form_set
from de06desk.sync.hub import clone_device, hub_province, set_commune_target
from de06desk.sync.keys import hub_key, peer_key
from de06desk.sync.upward import package_kind

from .core import FILES, KEYS, NOTHING, SYNC, Changes, Done, action, register, require


@action("sync.export")
def export(
    store: Store,
    user: User,
    out_dir: Path,
    *,
    progress: Progress = no_progress,
    cancelled: CancelCheck = never_cancelled,
) -> Done[ExportResult | None]:
    """Write the changes since the last package for the hub (None: nothing changed)."""
    return _export(store, user, out_dir, False, progress, cancelled)


@action("sync.export_full")
def export_full(
    store: Store,
    user: User,
    out_dir: Path,
    *,
    progress: Progress = no_progress,
    cancelled: CancelCheck = never_cancelled,
) -> Done[ExportResult | None]:
    """Write every row of the commune for the hub (the whole commune, decryptable there)."""
    return _export(store, user, out_dir, True, progress, cancelled)


@action("sync.export_to_commune")
def to_commune(
    store: Store,
    user: User,
    out_dir: Path,
    *,
    progress: Progress = no_progress,
    cancelled: CancelCheck = never_cancelled,
) -> Done[ExportResult | None]:
    """On a second device: the changes since its last package for the commune's PC (None:
    nothing changed)."""
    result = export_to_commune(
        store, out_dir, progress=progress, cancelled=cancelled, user=user.username
    )
    return Done(result, Changes.of(parts=[SYNC, FILES]) if result else NOTHING)


@action("sync.export_to_devices")
def to_devices(
    store: Store,
    user: User,
    out_dir: Path,
    *,
    progress: Progress = no_progress,
    cancelled: CancelCheck = never_cancelled,
) -> Done[ExportResult | None]:
    """On the commune's PC: the changes since its last package for its second devices (None:
    nothing changed)."""
    result = export_to_devices(
        store, out_dir, progress=progress, cancelled=cancelled, user=user.username
    )
    return Done(result, Changes.of(parts=[SYNC, FILES]) if result else NOTHING)


def _export(
    store: Store,
    user: User,
    out_dir: Path,
    full: bool,
    progress: Progress,
    cancelled: CancelCheck,
) -> Done[ExportResult | None]:
    result = export_package(
        store, out_dir, full=full, progress=progress, cancelled=cancelled, user=user.username
    )
    return Done(result, Changes.of(parts=[SYNC, FILES]) if result else NOTHING)


def import_sync_packages(
    store: Store,
    user: User | Callable[[], User],
    paths: Sequence[Path],
    progress: Progress = no_progress,
    cancelled: CancelCheck = never_cancelled,
) -> Done[list[ImportOutcome]]:
    """Import packages, each all-or-nothing (`sync.importer.import_packages`; a hub's summary
    packages at its upper hub: `reports.rollup.import_summaries`), outcomes in the given order.

    `user` may be a function that logs in: the command line asks only just before the first
    write, so a run whose every package is refused leaves the file untouched. Either way the
    role is checked before anything is written.
    """
    if isinstance(user, User):
        require(store, user, "sync.import")
    confirmed: list[str] = []

    def authorize() -> str:
        if confirmed:
            return confirmed[0]
        who = user if isinstance(user, User) else user()
        require(store, who, "sync.import")
        confirmed.append(who.username)
        return who.username

    kinds = [package_kind(p) for p in paths]
    summary = [i for i, kind in enumerate(kinds) if kind == "summary"]
    others = [i for i, kind in enumerate(kinds) if kind != "summary"]
    found: dict[int, ImportOutcome] = {}
    if summary:
        done = import_summaries(store, [paths[i] for i in summary], authorize=authorize)
        found.update(zip(summary, done, strict=True))
    if others:
        done = import_packages(
            store, [paths[i] for i in others], progress, cancelled, authorize=authorize
        )
        found.update(zip(others, done, strict=True))
    outcomes = [found[i] for i in range(len(paths))]
    if not any(o.status == "applied" for o in outcomes):
        return Done(outcomes, NOTHING)
    return Done(outcomes, Changes.all(), _roster_warnings(store, outcomes))


def _roster_warnings(store: Store, outcomes: Sequence[ImportOutcome]) -> tuple[Msg, ...]:
    """The roster rules, checked on what arrived: a commune's rows are its own (they are not
    rewritten here, or the two copies would part), so a break is reported and audited."""
    if "drive_roster" not in store.forms:
        return ()
    breaks = roster_rule_breaks(store)
    if not breaks:
        return ()
    senders = ", ".join(sorted({o.sender for o in outcomes if o.sender}))
    with store.transaction():
        store.audit(
            "rule_warning",
            SYSTEM_USER,
            detail=f"roster rules after import from {senders}: "
            f"{len(breaks.drives_off)} drives off their roster, "
            f"{len(breaks.duplicates)} citizens twice on a roster",
        )
    return (
        msg(
            "Cảnh báo: sau khi nhập, {d} đợt kích hoạt có số liệu khác danh sách công dân của "
            "đợt và {c} công dân có mặt hai lần trong một danh sách (dữ liệu của {s}); báo cáo "
            "tính theo danh sách. Hãy báo xã kiểm tra.",
            "Warning: after the import {d} drives have counts that differ from their roster and "
            "{c} citizens appear twice on one roster (data of {s}); reports count the roster. "
            "Ask the commune to check.",
            d=len(breaks.drives_off),
            c=len(breaks.duplicates),
            s=senders,
        ),
    )


register("sync.import", import_sync_packages)


@action("sync.clone_device")
def clone(store: Store, user: User, target: Path) -> Done[Path]:
    """A copy of this commune's database for a second laptop (own device id, same keys)."""
    return Done(clone_device(store, target, user=user.username), Changes.of(parts=[FILES]))


@action("keys.export")
def write_public_key(store: Store, user: User, out: Path) -> Done[PublicKeyFile]:
    """Write this unit's public-key file (making the key pairs on first need)."""
    key = public_key_file(store)
    with atomic_write(out) as tmp:
        tmp.write_text(key.to_text(), encoding="utf-8")
    return Done(key, Changes.of(parts=[KEYS, FILES]))


@action("keys.set_hub")
def set_hub_key(store: Store, user: User, key: PublicKeyFile) -> Done[PublicKeyFile | None]:
    """The hub this database's packages are encrypted for (a commune's hub, or a hub's upper
    hub for its summary packages); returns the key it replaced."""
    old = hub_key(store)
    set_hub(store, key, user=user.username)
    return Done(old, Changes.of(parts=[KEYS]))


@dataclass(frozen=True)
class Trusted:
    """A commune key now trusted at the hub, and the key it replaced (None: first key)."""

    key: PublicKeyFile
    replaced: PublicKeyFile | None


def trust_problems(store: Store, key: PublicKeyFile) -> tuple[PublicKeyFile | None, bool]:
    """What trusting `key` would do that needs saying: the different key it would replace,
    and whether the commune lies outside the hub's province (read-only)."""
    old = peer_key(store, key.unit_code)
    replaced = old if old is not None and old.fingerprint != key.fingerprint else None
    province = hub_province(store)
    outside = False
    # A hub below this one (a district under a province) is not a commune of any province.
    if province is not None and key.role == "commune":
        try:
            outside = get_commune(key.unit_code).province_code != province.code
        except DomainError:
            outside = True  # not a 2025 commune code: nothing shows it is in the province
    return replaced, outside


@action("hub.trust")
def trust_commune_key(
    store: Store,
    user: User,
    key: PublicKeyFile,
    *,
    replace: bool = False,
    outside_province: bool = False,
) -> Done[Trusted]:
    """At a hub: accept packages signed with this commune key.

    Replacing a different key already trusted for the unit needs `replace`; a commune outside
    the hub's province (when the hub is a province) needs `outside_province`. The audit row
    holds the old and the new fingerprint.
    """
    replaced, outside = trust_problems(store, key)
    if replaced is not None and not replace:
        raise DomainError(
            msg(
                "{c} đã có khóa khác (vân tay {old}); khóa mới có vân tay {new}. Chỉ thay khi đã "
                "gọi điện đối chiếu với xã, bằng --replace.",
                "{c} already has another key (fingerprint {old}); the new key's is {new}. "
                "Replace it only after checking with the commune by phone, with --replace.",
                c=key.unit_code,
                old=replaced.fingerprint,
                new=key.fingerprint,
            )
        )
    if outside and not outside_province:
        province = hub_province(store)
        raise DomainError(
            msg(
                "{c} không thuộc {p}. Nếu đúng là phải nhận gói của xã này, thêm "
                "--outside-province.",
                "{c} is not in {p}. If this hub must receive its packages, add --outside-province.",
                c=key.unit_code,
                p=province.name if province else "",
            )
        )
    trust_commune(store, key, user=user.username)
    return Done(Trusted(key, replaced), Changes.of(parts=[KEYS]))


@action("hub.target")
def set_target(
    store: Store,
    user: User,
    unit_code: str,
    values: Mapping[str, Any],
    *,
    uuid: str | None = None,
) -> Done[Record]:
    """At a hub: create or edit a commune's target (sent down with the next package)."""
    record = set_commune_target(store, unit_code, values, user=user.username, uuid=uuid)
    return Done(record, Changes.of(["target"]))


@action("hub.send")
def send(
    store: Store,
    user: User,
    unit_code: str,
    out_dir: Path,
    *,
    progress: Progress = no_progress,
    cancelled: CancelCheck = never_cancelled,
) -> Done[ExportResult]:
    """At a hub: a package for one commune (acknowledgements and changed targets)."""
    result = send_down(
        store, unit_code, out_dir, progress=progress, cancelled=cancelled, user=user.username
    )
    return Done(result, Changes.of(parts=[SYNC, FILES]))


@action("hub.publish_forms")
def publish_forms(
    store: Store, user: User, directory: Path, settings: Mapping[str, str] | None = None
) -> Done[FormsDown]:
    """At a hub: publish the form set in `directory` (its `*.toml` files) and the commune
    settings; the next package down to each commune carries them (docs/SYNC.md §11)."""
    texts = read_form_folder(directory)
    with store.transaction():
        down = publish_form_set(store, texts, dict(settings or {}), user=user.username)
    return Done(down, Changes.of(parts=[SYNC, FILES]))


# Headers of a targets workbook (folded: case and diacritics do not matter), in any order.
TARGET_COLUMNS = {
    "unit_code": ("ma xa", "ma don vi", "commune code", "unit code"),
    "kind": ("loai chi tieu", "loai", "kind"),
    "value": ("chi tieu", "so luong", "target", "value"),
    "start_on": ("tu ngay", "bat dau", "start"),
    "due_on": ("han", "den ngay", "due"),
}


@action("hub.target")
def import_targets(store: Store, user: User, path: Path) -> Done[list[Record]]:
    """At a hub: read communes' targets from an Excel sheet (columns Mã xã, Loại chỉ tiêu,
    Chỉ tiêu, Từ ngày, Hạn; the kind may be left out for level-2 accounts) and save them all
    in one transaction. A target with the same commune, kind and start is updated, not doubled;
    one bad row refuses the whole sheet, naming its row."""
    from de06desk.forms.values import parse_value
    from de06desk.quality.tables import read_table

    table = read_table(path)
    columns = _target_columns(table.headers, path)
    spec = store.forms["target"]
    existing = {
        (r.unit_code, r["kind"], r["start_on"]): r.uuid for r in store.list_records("target")
    }
    saved: list[Record] = []
    with store.transaction():
        for number, row in enumerate(table.rows, start=table.first_row):
            cells = {name: row[i] if i < len(row) else None for name, i in columns.items()}
            if isinstance(cells["value"], float) and cells["value"].is_integer():
                # A workbook's numbers arrive as floats; "5000.0" would read as 50000 (the
                # dot is the Vietnamese thousands separator).
                cells["value"] = int(cells["value"])
            if all(v in (None, "") for v in cells.values()):
                continue
            try:
                unit = str(cells["unit_code"] or "").strip()
                if unit.isdigit():
                    unit = unit.zfill(5)
                values = {
                    name: parse_value(spec.field(name), cells.get(name))
                    for name in ("kind", "value", "start_on", "due_on")
                }
                values["kind"] = values["kind"] or "level2_accounts"
                uuid = existing.get((unit, values["kind"], values["start_on"]))
                saved.append(set_commune_target(store, unit, values, user=user.username, uuid=uuid))
            except DomainError as exc:
                raise DomainError(
                    msg("Dòng {n}: {e}", "Row {n}: {e}", n=number, e=str(exc))
                ) from exc
    return Done(saved, Changes.of(["target"]))


def _target_columns(header: Sequence[Any], path: Path) -> dict[str, int]:
    from de06desk.domain.text import fold

    folded = [fold(str(h or "")).strip() for h in header]
    columns = {
        name: folded.index(word)
        for name, words in TARGET_COLUMNS.items()
        for word in words
        if word in folded
    }
    lacking = [n for n in ("unit_code", "value", "start_on", "due_on") if n not in columns]
    if lacking:
        raise DomainError(
            msg(
                "Tệp {p} thiếu cột: cần Mã xã, Chỉ tiêu, Từ ngày, Hạn (Loại chỉ tiêu nếu có).",
                "{p} lacks columns: Mã xã, Chỉ tiêu, Từ ngày, Hạn are needed (and Loại chỉ "
                "tiêu if any).",
                p=path.name,
            )
        )
    return columns


@action("hub.export_summary")
def export_up(
    store: Store,
    user: User,
    out_dir: Path,
    *,
    weeks: int | None = None,
    progress: Progress = no_progress,
    cancelled: CancelCheck = never_cancelled,
) -> Done[SummaryExport]:
    """At a hub: the weekly figures per commune, as a summary package for its upper hub."""
    result = export_summary(
        store, out_dir, weeks=weeks, progress=progress, cancelled=cancelled, user=user.username
    )
    return Done(result, Changes.of(parts=[SYNC, FILES]))
