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
import sys
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import Future, ThreadPoolExecutor
from concurrent.futures import TimeoutError as FutureTimeout
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path
from typing import Any, Literal

from de06desk.domain.i18n import Msg, msg
from de06desk.domain.progress import CancelCheck, Cancelled, Progress, never_cancelled, no_progress
from de06desk.forms import FormSet
from de06desk.store import Store, StoreError, utc_now
from de06desk.store import sync_state as state
from de06desk.store.bulk import search_index_in_bulk
from de06desk.store.database import SYSTEM_USER

from .audit_heads import FLAGGED, record_head
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
from .rows import RowDecoder, canonical_versions, iter_lines

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

    While one package is written (SQLite works without holding Python's lock), the rows of the
    next are checked on a second thread; that thread never touches the database, and packages
    are still written, and reported, strictly in the order given.
    """
    acting: list[str] = []

    def who() -> str:
        if not acting:
            acting.append(authorize() if authorize else user)
        return acting[0]

    total = max(1, len(paths))
    results: dict[int, ImportOutcome] = {}

    def sub(index: int) -> Progress:
        name = paths[index].name

        def report(fraction: float, text: str) -> None:
            progress((index + fraction) / total, text or name)

        return report

    def refuse(index: int, exc: PackageRefused) -> None:
        results[index] = ImportOutcome(paths[index], "refused", _one_line(str(exc)))

    with (
        _quick_lock_handover(),
        ThreadPoolExecutor(max_workers=1, thread_name_prefix="de06-sync-rows") as rows_thread,
    ):

        def launch(index: int) -> _Pending | None:
            try:
                checked = _check(store, paths[index], sub(index))
            except PackageRefused as exc:
                refuse(index, exc)
                return None
            if isinstance(checked, ImportOutcome):
                results[index] = checked
                return None
            job = rows_thread.submit(_decode_all, store.forms, checked, no_progress, cancelled)
            return _Pending(index, checked, job)

        def finish(pending: _Pending) -> None:
            report = sub(pending.index)
            try:
                while True:
                    try:
                        incoming = pending.job.result(timeout=0.2)
                        break
                    except FutureTimeout:
                        report(0.1 + 0.6 * pending.checked.tally.fraction, "")
                results[pending.index] = _apply(
                    store, pending.checked, incoming, report, cancelled, who
                )
            except PackageRefused as exc:
                refuse(pending.index, exc)

        waiting: _Pending | None = None
        try:
            for index in range(len(paths)):
                if cancelled():
                    raise Cancelled()
                launched = launch(index)
                if waiting is not None:
                    finish(waiting)
                waiting = launched
            if waiting is not None:
                finish(waiting)
        except Cancelled:
            pass
    outcomes = [
        results.get(i) or ImportOutcome(path, "cancelled", str(_CANCELLED))
        for i, path in enumerate(paths)
    ]
    progress(1.0, "")
    return outcomes


# Seconds a thread may hold Python's lock while another waits for it (Python's default: 0.005).
_SWITCH_INTERVAL = 0.0002


@contextmanager
def _quick_lock_handover() -> Iterator[None]:
    """While rows are checked on the second thread, hand Python's lock over sooner.

    The writing thread lets go of the lock for every SQLite call and then waits for it until
    the checking thread's time slice ends: hundreds of waits of up to 5 ms per package made
    an encrypted hub's import of 100 packages a third slower (docs/BENCHMARKS.md).
    """
    previous = sys.getswitchinterval()
    sys.setswitchinterval(_SWITCH_INTERVAL)
    try:
        yield
    finally:
        sys.setswitchinterval(previous)


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
    checked = _check(store, path, progress)
    if isinstance(checked, ImportOutcome):
        return checked
    incoming = _decode_all(store.forms, checked, progress, cancelled)
    return _apply(store, checked, incoming, progress, cancelled, user)


@dataclass
class _Checked:
    """A package whose route, signature, archive and versions passed: its rows come next."""

    path: Path
    digest: str
    opened: OpenedPackage
    owner: str
    today: date
    tally: _Progressed


@dataclass
class _Pending:
    """A checked package whose rows are being decoded on the rows thread."""

    index: int
    checked: _Checked
    job: Future[Incoming]


def _already(path: Path, header: Header) -> ImportOutcome:
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


def _check(store: Store, path: Path, progress: Progress) -> _Checked | ImportOutcome:
    """Everything before the rows (reads the database, writes nothing); "already" if so."""
    data = _read_file(path)
    digest = hashlib.sha256(data).hexdigest()
    header, aad = read_header(data)
    if state.is_received(store, digest):
        return _already(path, header)
    signer = _check_route(store, header)
    own = load_own_keys(store)
    if own is None:  # _check_route already refused, kept for the type checker
        raise _no_keys()
    progress(0.02, "")
    opened = open_package(data, header, aad, recipient_key(header, own.agreement), signer)
    _check_versions(store, opened.manifest)
    progress(0.1, "")
    return _Checked(
        path,
        digest,
        opened,
        header.sender if header.kind == "up" else store.unit_code,
        max(date.today(), _day(header.created_at)),
        _Progressed(total=max(1, opened.manifest.total_rows)),
    )


def _apply(
    store: Store,
    checked: _Checked,
    incoming: Incoming,
    progress: Progress,
    cancelled: CancelCheck,
    user: str | Callable[[], str],
) -> ImportOutcome:
    """Write a package whose every row passed, in one transaction."""
    path, digest, opened = checked.path, checked.digest, checked.opened
    header, manifest = opened.header, opened.manifest
    if state.is_received(store, digest):  # the same file earlier in this run
        return _already(path, header)
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
            verdict = record_head(store, header, manifest.audit_chain, digest)
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
    if verdict in FLAGGED:
        text = Msg(
            f"{text.vi} CẢNH BÁO: nhật ký hoạt động của xã không nối tiếp lần đồng bộ trước"
            " (xem hub status).",
            f"{text.en} WARNING: the commune's audit log does not extend the last sync"
            " (see hub status).",
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

    @property
    def fraction(self) -> float:
        """Share of the package's rows decoded so far."""
        return min(1.0, self.done / self.total)


Incoming = list[tuple[RowDecoder, list[tuple[Any, ...]]]]


def _decode_all(
    forms: FormSet, checked: _Checked, progress: Progress, cancelled: CancelCheck
) -> Incoming:
    """Every row checked, as it will be stored; nothing is written before all of them passed.

    Members are decompressed and parsed a piece at a time; what is kept is each row's stored
    values as one tuple (the package in progress only), so the acting user is asked for, and
    the first byte written, only once the whole package is known to be good. Never touches
    the database: it may run on the rows thread.
    """
    opened, owner, today, tally = checked.opened, checked.owner, checked.today, checked.tally
    header, manifest = opened.header, opened.manifest
    out: Incoming = []
    for entry in manifest.members:
        if entry.form is None:
            continue
        decoder = RowDecoder(forms[entry.form], today)
        unit = decoder.columns.index("unit_code")
        rows: list[tuple[Any, ...]] = []
        for number, raw in iter_lines(opened.lines(entry.name)):
            row = decoder.decode(raw, f"{entry.name}:{number}")
            if row[unit] != owner:
                raise refused(
                    "Gói của {s} có bản ghi của đơn vị khác ({u}); gói bị từ chối.",
                    "The package from {s} has a record of another unit ({u}); refused.",
                    s=header.sender,
                    u=str(row[unit])[:20],
                )
            if row[0] in tally.seen:
                raise refused(
                    "Gói có hai dòng cùng mã {i}; gói bị từ chối.",
                    "The package has two rows with id {i}; refused.",
                    i=row[0],
                )
            tally.seen.add(row[0])
            rows.append(row)
            tally.done += 1
            if tally.done % 1000 == 0:
                if cancelled():
                    raise Cancelled()
                progress(0.1 + 0.6 * tally.fraction, decoder.form.label())
        if len(rows) != entry.rows:
            raise refused(
                "Số dòng của {m} không khớp danh mục gói.",
                "The row count of {m} does not match the manifest.",
                m=entry.name,
            )
        out.append((decoder, rows))
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


def _merge(store: Store, incoming: Incoming, package_sha256: str) -> tuple[int, int]:
    """Upsert the package's rows by UUID; returns (rows written, conflicts)."""
    now = utc_now()
    applied = 0
    conflicts: list[state.ConflictRow] = []
    for decoder, rows in incoming:
        form, columns = decoder.form, decoder.columns
        at_versions = columns.index("versions")
        existing = state.fetch_rows(store, form, [r[0] for r in rows])
        writes: list[tuple[Any, ...]] = []
        version_updates: list[tuple[str, str]] = []
        for row in rows:
            old = existing.get(row[0])
            if old is None:
                writes.append(row)
                continue
            new = dict(zip(columns, row, strict=True))
            if old["unit_code"] != new["unit_code"]:
                raise refused(
                    "Bản ghi {i} đã có ở đây nhưng thuộc đơn vị {u}; gói bị từ chối.",
                    "Record {i} exists here but belongs to unit {u}; refused.",
                    i=row[0],
                    u=old["unit_code"],
                )
            new_versions: dict[str, int] = json.loads(row[at_versions])
            old_versions: dict[str, int] = json.loads(old["versions"] or "{}")
            order = compare_versions(new_versions, old_versions)
            if order == "newer":
                writes.append(row)
                continue
            if order == "older":
                continue
            if order == "equal" and _content(new) == _content(old):
                continue  # the same version again: a harmless retry
            merged = canonical_versions(merge_versions(new_versions, old_versions))
            incoming_wins = _rank(new) > _rank(old)
            winner, loser = (new, old) if incoming_wins else (old, new)
            conflicts.append(
                state.ConflictRow(
                    now,
                    package_sha256,
                    form.id,
                    row[0],
                    new["unit_code"],
                    "incoming" if incoming_wins else "existing",
                    canonical_versions(json.loads(winner["versions"])),
                    canonical_versions(json.loads(loser["versions"])),
                    json.dumps(_content(loser), ensure_ascii=False, sort_keys=True),
                )
            )
            if incoming_wins:
                writes.append((*row[:at_versions], merged, *row[at_versions + 1 :]))
            else:
                version_updates.append((row[0], merged))
        count = len(writes) + len(version_updates)
        if count:
            first = state.reserve_change_numbers(store, count)
            with search_index_in_bulk(store, form):
                state.upsert_rows(store, form, columns, writes, first_change_no=first)
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
