"""Importing packages: verify → decrypt → validate every row → merge by UUID, one transaction each.

Works on both sides: a hub imports communes' packages ("up"), a commune imports its hub's
("down": acknowledgements and targets). A refused package changes nothing at all — no audit row
either — so the database file stays byte-for-byte as it was.

Merging follows version vectors (`versions`, device → edits, as CSPro keeps per record): if the
incoming vector dominates, it replaces the stored row; if the stored one dominates, the
incoming row is stale; equal vectors with equal content are a harmless retry (ODK's rule); if
neither dominates (two devices edited the same record), the later `updated_at` wins, then the
greater device id, then the greater row content — the same answer whatever order packages
arrive in — and the conflict is recorded with the losing version in full.
"""

from __future__ import annotations

import hashlib
import json
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path
from typing import Any, Literal

from de06desk.domain.i18n import Msg, msg
from de06desk.domain.progress import CancelCheck, Cancelled, Progress, never_cancelled, no_progress
from de06desk.forms import FormSpec
from de06desk.store import Store, StoreError, utc_now
from de06desk.store import sync_state as state
from de06desk.store.database import SYSTEM_USER

from .errors import PackageRefused
from .keys import fingerprint, hub_key, load_own_keys
from .package import (
    ACKS_NAME,
    MAX_PACKAGE_BYTES,
    Header,
    Manifest,
    OpenedPackage,
    open_package,
    read_header,
    recipient_key,
    refused,
)
from .rows import IncomingRow, canonical_versions, decode_row, iter_lines

Status = Literal["applied", "already", "refused", "cancelled"]
# What a hub may send down: targets only (acks travel in their own member).
DOWN_FORMS = frozenset({"target"})
_SHA256 = re.compile(r"^[0-9a-f]{64}$")
_MAX_SHOWN_GAPS = 10


@dataclass(frozen=True)
class ImportOutcome:
    """What happened to one package; `message` is one line in the active language."""

    path: Path
    status: Status
    message: str
    sender: str | None = None
    device_id: str | None = None
    seq: int | None = None
    rows: int = 0
    applied: int = 0
    conflicts: int = 0
    acknowledged: int = 0
    missing_before: tuple[int, ...] = ()


def import_packages(
    store: Store,
    paths: Sequence[Path],
    progress: Progress = no_progress,
    cancelled: CancelCheck = never_cancelled,
    *,
    user: str = SYSTEM_USER,
    authorize: Callable[[], str] | None = None,
) -> list[ImportOutcome]:
    """Import packages one by one, each all-or-nothing; report applied / already / refused.

    `authorize`, if given, is called once just before the first write and returns the acting
    user name (the command line logs in there, so a run where every package is refused writes
    nothing at all, not even a log-in record). After Cancel the package in progress is rolled
    back and the rest are reported "cancelled".
    """
    acting: list[str] = []

    def who() -> str:
        if not acting:
            acting.append(authorize() if authorize else user)
        return acting[0]

    outcomes: list[ImportOutcome] = []
    total = max(1, len(paths))
    stop = False
    for index, path in enumerate(paths):
        if stop or cancelled():
            stop = True
            outcomes.append(ImportOutcome(path, "cancelled", str(_CANCELLED)))
            continue

        def sub(fraction: float, text: str, index: int = index, name: str = path.name) -> None:
            progress((index + fraction) / total, text or name)

        try:
            outcomes.append(
                import_package(store, path, progress=sub, cancelled=cancelled, user=who)
            )
        except PackageRefused as exc:
            outcomes.append(ImportOutcome(path, "refused", _one_line(str(exc))))
        except Cancelled:
            stop = True
            outcomes.append(ImportOutcome(path, "cancelled", str(_CANCELLED)))
    progress(1.0, "")
    return outcomes


_CANCELLED = msg("Đã hủy; gói chưa được nhập.", "Cancelled; the package was not imported.")


def import_package(
    store: Store,
    path: Path,
    *,
    progress: Progress = no_progress,
    cancelled: CancelCheck = never_cancelled,
    user: str | Callable[[], str] = SYSTEM_USER,
) -> ImportOutcome:
    """Import one package; raises PackageRefused (nothing changed) or Cancelled.

    `user` may be a callable, asked only once the package has passed every check.
    """
    data = _read_file(path)
    digest = hashlib.sha256(data).hexdigest()
    header, aad = read_header(data)
    if state.is_received(store, digest):
        return ImportOutcome(
            path,
            "already",
            str(
                msg(
                    "Đã nhập gói này trước đây; không thay đổi gì.",
                    "Already imported; nothing changed.",
                )
            ),
            header.sender,
            header.device_id,
            header.seq,
        )
    signer = _check_route(store, header)
    own = load_own_keys(store)
    if own is None:  # _check_route already refused, kept for the type checker
        raise _no_keys()
    progress(0.02, "")
    opened = open_package(data, header, aad, recipient_key(header, own.agreement), signer)
    manifest = opened.manifest
    _check_versions(store, manifest)
    progress(0.1, "")
    incoming = _decode_all(store, opened, progress, cancelled)
    acks = _decode_acks(opened) if header.kind == "down" else []
    if cancelled():
        raise Cancelled()
    prior = state.received_sequences(store, header.sender, header.device_id)
    missing = tuple(s for s in range(1, header.seq) if s not in prior)
    progress(0.7, "")
    username = user() if callable(user) else user
    try:
        with state.write_transaction(store):
            applied, conflicts = _merge(store, incoming, digest)
            acknowledged = state.mark_acked(store, acks, utc_now()) if acks else 0
            rows = sum(len(r) for _, r in incoming)
            state.record_received(
                store,
                state.ReceivedRow(
                    digest,
                    header.kind,
                    header.sender,
                    header.device_id,
                    header.seq,
                    header.created_at,
                    utc_now(),
                    manifest.change_from,
                    manifest.change_to,
                    rows,
                    applied,
                    conflicts,
                    path.name,
                ),
            )
            store.audit(
                "sync_import",
                username,
                detail=json.dumps(
                    {
                        "file": path.name,
                        "from": header.sender,
                        "device": header.device_id,
                        "seq": header.seq,
                        "rows": rows,
                        "applied": applied,
                        "conflicts": conflicts,
                        "sha256": digest,
                    }
                ),
            )
            if cancelled():
                raise Cancelled()
    except StoreError as exc:
        raise PackageRefused(
            Msg(f"Gói bị từ chối: {exc.message.vi}", f"Package refused: {exc.message.en}")
        ) from None
    progress(1.0, "")
    text = msg(
        "Đã nhập gói số {n} của {s}: {r} dòng, {a} áp dụng, {c} xung đột.",
        "Imported package {n} from {s}: {r} rows, {a} applied, {c} conflicts.",
        n=header.seq,
        s=header.sender,
        r=rows,
        a=applied,
        c=conflicts,
    )
    if missing:
        shown = ", ".join(str(s) for s in missing[:_MAX_SHOWN_GAPS])
        more = "…" if len(missing) > _MAX_SHOWN_GAPS else ""
        text = Msg(
            f"{text.vi} Còn thiếu gói số {shown}{more} của thiết bị này.",
            f"{text.en} Packages {shown}{more} from this device are still missing.",
        )
    return ImportOutcome(
        path,
        "applied",
        str(text),
        header.sender,
        header.device_id,
        header.seq,
        rows,
        applied,
        conflicts,
        acknowledged,
        missing,
    )


def _read_file(path: Path) -> bytes:
    try:
        size = path.stat().st_size
        if size > MAX_PACKAGE_BYTES:
            raise refused(
                "Tệp {p} quá lớn để là gói đồng bộ.",
                "{p} is too large to be a sync package.",
                p=path.name,
            )
        with path.open("rb") as handle:
            return handle.read(MAX_PACKAGE_BYTES + 1)
    except OSError as exc:
        raise refused(
            "Không đọc được {p}: {e}.", "Cannot read {p}: {e}.", p=path.name, e=exc.strerror or exc
        ) from None


def _no_keys() -> PackageRefused:
    return refused(
        "Cơ sở dữ liệu này chưa có khóa nên không thể có gói gửi cho nó.",
        "This database has no keys yet, so no package can be meant for it.",
    )


def _check_route(store: Store, header: Header) -> bytes:
    """Check the package is for us and from a sender we trust; returns its signing key."""
    expected = "up" if store.role == "hub" else "down"
    if header.kind != expected:
        raise refused(
            "Gói này gửi cho {w}, không dùng được ở đây.",
            "This package is meant for a {w2}, not for this database.",
            w="cấp trên" if header.kind == "up" else "xã/phường",
            w2="hub" if header.kind == "up" else "commune",
        )
    own = load_own_keys(store)
    if own is None:
        raise _no_keys()
    if header.recipient != store.unit_code or header.recipient_fingerprint != own.fingerprint:
        raise refused(
            "Gói được mã hóa cho đơn vị khác ({u}, vân tay {f}); đơn vị này là {o} (vân tay {g}).",
            "The package is encrypted for another unit ({u}, fingerprint {f}); this is {o} "
            "(fingerprint {g}).",
            u=header.recipient,
            f=header.recipient_fingerprint,
            o=store.unit_code,
            g=own.fingerprint,
        )
    if store.role == "hub":
        peer = state.get_peer(store, header.sender)
        if peer is None or peer.role != "commune":
            raise refused(
                "Đơn vị gửi {s} chưa được đăng ký (hub trust); gói bị từ chối.",
                "Sender {s} is not registered (hub trust); refused.",
                s=header.sender,
            )
        signing, registered_fp = peer.signing_key, peer.fingerprint
    else:
        hub = hub_key(store)
        if hub is None or hub.unit_code != header.sender:
            raise refused(
                "Gói không đến từ cấp trên đã đặt cho xã ({s}); gói bị từ chối.",
                "The package does not come from this commune's hub ({s}); refused.",
                s=header.sender,
            )
        signing, registered_fp = hub.signing_key, fingerprint(hub.signing_key, hub.agreement_key)
    if header.sender_fingerprint != registered_fp:
        raise refused(
            "Gói của {s} được ký bằng khóa khác (vân tay {f}) với khóa đã đăng ký ({g}).",
            "The package from {s} is signed with another key (fingerprint {f}) than the "
            "registered one ({g}).",
            s=header.sender,
            f=header.sender_fingerprint,
            g=registered_fp,
        )
    return signing


def _check_versions(store: Store, manifest: Manifest) -> None:
    known = store.forms.versions()
    for form_id, version in sorted(manifest.forms.items()):
        if form_id not in known:
            raise refused(
                "Gói dùng biểu mẫu “{f}” mà phần mềm này chưa có; hãy cập nhật de06desk.",
                "The package uses form “{f}”, which this de06desk does not have; update it.",
                f=form_id,
            )
        if version > known[form_id]:
            raise refused(
                "Gói dùng biểu mẫu “{f}” phiên bản {v}, mới hơn phiên bản ở đây ({k}); "
                "hãy cập nhật de06desk.",
                "The package uses form “{f}” version {v}, newer than this one ({k}); "
                "update de06desk.",
                f=form_id,
                v=version,
                k=known[form_id],
            )
    for member in manifest.members:
        if member.form is None:
            continue
        if member.form not in manifest.forms:
            raise refused(
                "Gói có dữ liệu biểu mẫu “{f}” không khai trong danh mục.",
                "The package has rows of form “{f}” its manifest does not declare.",
                f=member.form,
            )
        if manifest.kind == "down" and member.form not in DOWN_FORMS:
            raise refused(
                "Gói từ cấp trên chứa dữ liệu “{f}” mà cấp trên không được gửi xuống.",
                "The hub's package carries “{f}” rows, which a hub may not send down.",
                f=member.form,
            )


@dataclass
class _Progressed:
    done: int = 0
    total: int = 1
    seen: set[str] = field(default_factory=set)


def _decode_all(
    store: Store, opened: OpenedPackage, progress: Progress, cancelled: CancelCheck
) -> list[tuple[FormSpec, list[IncomingRow]]]:
    header, manifest = opened.header, opened.manifest
    owner = header.sender if header.kind == "up" else store.unit_code
    today = max(date.today(), _day(header.created_at))
    tally = _Progressed(total=max(1, manifest.total_rows))
    out: list[tuple[FormSpec, list[IncomingRow]]] = []
    for entry in manifest.members:
        if entry.form is None:
            continue
        form = store.forms[entry.form]
        rows: list[IncomingRow] = []
        for number, raw in iter_lines(opened.member(entry.name)):
            row = decode_row(form, raw, today, f"{entry.name}:{number}")
            if row.db["unit_code"] != owner:
                raise refused(
                    "Gói của {s} có bản ghi của đơn vị khác ({u}); gói bị từ chối.",
                    "The package from {s} has a record of another unit ({u}); refused.",
                    s=header.sender,
                    u=str(row.db["unit_code"])[:20],
                )
            if row.uuid in tally.seen:
                raise refused(
                    "Gói có hai dòng cùng mã {i}; gói bị từ chối.",
                    "The package has two rows with id {i}; refused.",
                    i=row.uuid,
                )
            tally.seen.add(row.uuid)
            rows.append(row)
            tally.done += 1
            if tally.done % 1000 == 0:
                if cancelled():
                    raise Cancelled()
                progress(0.1 + 0.6 * tally.done / tally.total, form.label())
        if len(rows) != entry.rows:
            raise refused(
                "Số dòng của {m} không khớp danh mục gói.",
                "The row count of {m} does not match the manifest.",
                m=entry.name,
            )
        out.append((form, rows))
    return out


def _decode_acks(opened: OpenedPackage) -> list[str]:
    if not any(m.name == ACKS_NAME for m in opened.manifest.members):
        return []
    try:
        data: Any = json.loads(opened.member(ACKS_NAME).decode("utf-8"))
        hashes = [item["sha256"] for item in data["received"]]
    except (ValueError, UnicodeDecodeError, KeyError, TypeError, RecursionError):
        raise refused(
            "Phần xác nhận của gói bị hỏng.", "The package's acknowledgements are damaged."
        ) from None
    if not all(isinstance(h, str) and _SHA256.match(h) for h in hashes):
        raise refused(
            "Phần xác nhận của gói bị hỏng.", "The package's acknowledgements are damaged."
        )
    return hashes


def _day(timestamp: str) -> date:
    try:
        return datetime.fromisoformat(timestamp).date()
    except ValueError:
        return date.min


# ---- merge -----------------------------------------------------------------------------------

# Compared when version vectors are equal: everything but local bookkeeping and the vector.
_CONTENT_SKIP = {"change_no", "search_text", "versions"}


def _merge(
    store: Store, incoming: list[tuple[FormSpec, list[IncomingRow]]], package_sha256: str
) -> tuple[int, int]:
    """Upsert the package's rows by UUID; returns (rows written, conflicts)."""
    now = utc_now()
    applied = 0
    conflicts: list[state.ConflictRow] = []
    for form, rows in incoming:
        existing = state.fetch_rows(store, form, [r.uuid for r in rows])
        writes: list[dict[str, Any]] = []
        version_updates: list[tuple[str, str]] = []
        for row in rows:
            old = existing.get(row.uuid)
            if old is None:
                writes.append(row.db)
                continue
            if old["unit_code"] != row.db["unit_code"]:
                raise refused(
                    "Bản ghi {i} đã có ở đây nhưng thuộc đơn vị {u}; gói bị từ chối.",
                    "Record {i} exists here but belongs to unit {u}; refused.",
                    i=row.uuid,
                    u=old["unit_code"],
                )
            old_versions: dict[str, int] = json.loads(old["versions"] or "{}")
            order = compare_versions(row.versions, old_versions)
            if order == "newer":
                writes.append(row.db)
                continue
            if order == "older":
                continue
            if order == "equal" and _content(row.db) == _content(old):
                continue  # the same version again: a harmless retry
            merged = canonical_versions(merge_versions(row.versions, old_versions))
            incoming_wins = _rank(row.db) > _rank(old)
            winner, loser = (row.db, old) if incoming_wins else (old, row.db)
            conflicts.append(
                state.ConflictRow(
                    now,
                    package_sha256,
                    form.id,
                    row.uuid,
                    row.db["unit_code"],
                    "incoming" if incoming_wins else "existing",
                    canonical_versions(json.loads(winner["versions"])),
                    canonical_versions(json.loads(loser["versions"])),
                    json.dumps(_content(loser), ensure_ascii=False, sort_keys=True),
                )
            )
            if incoming_wins:
                writes.append({**row.db, "versions": merged})
            else:
                version_updates.append((row.uuid, merged))
        count = len(writes) + len(version_updates)
        if count:
            first = state.reserve_change_numbers(store, count)
            for offset, row_db in enumerate(writes):
                row_db["change_no"] = first + offset
            state.upsert_rows(store, form, writes)
            base = first + len(writes)
            state.update_versions(
                store,
                form,
                [(uuid, v, base + i) for i, (uuid, v) in enumerate(version_updates)],
            )
        applied += len(writes)
    state.record_conflicts(store, conflicts)
    return applied, len(conflicts)


def compare_versions(
    a: dict[str, int], b: dict[str, int]
) -> Literal["newer", "older", "equal", "concurrent"]:
    """How version vector `a` relates to `b`: dominates, is dominated, equal, or concurrent."""
    devices = set(a) | set(b)
    a_ahead = any(a.get(d, 0) > b.get(d, 0) for d in devices)
    b_ahead = any(b.get(d, 0) > a.get(d, 0) for d in devices)
    if a_ahead and b_ahead:
        return "concurrent"
    if a_ahead:
        return "newer"
    if b_ahead:
        return "older"
    return "equal"


def merge_versions(a: dict[str, int], b: dict[str, int]) -> dict[str, int]:
    """Pointwise maximum: a version that has seen both."""
    return {d: max(a.get(d, 0), b.get(d, 0)) for d in set(a) | set(b)}


def _content(row: dict[str, Any]) -> dict[str, Any]:
    return {k: v for k, v in row.items() if k not in _CONTENT_SKIP}


def _rank(row: dict[str, Any]) -> tuple[str, str, str]:
    # Later edit wins, then the greater device id, then the content itself: every hub picks the
    # same winner whatever order the packages arrive in.
    content = json.dumps(_content(row), sort_keys=True, default=str)
    return (str(row["updated_at"]), str(row["device_id"]), content)


def _one_line(text: str) -> str:
    return " ".join(text.split())
