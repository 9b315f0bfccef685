"""Importing packages: verify → decrypt → validate every row → merge by UUID, one transaction each.

Works on both sides: a hub imports communes' packages ("up"), a commune imports its hub's
("down": acknowledgements and targets), and the devices of one commune each other's
("device_up"/"device_down", `sync.devices`). A refused package changes nothing at all — no audit row
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
import logging
import re
import sys
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import Future, ThreadPoolExecutor
from concurrent.futures import TimeoutError as FutureTimeout
from contextlib import contextmanager, suppress
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any, Literal

from de06desk.domain.i18n import DomainError, Msg, msg
from de06desk.domain.progress import CancelCheck, Cancelled, Progress, never_cancelled, no_progress
from de06desk.domain.text import printable
from de06desk.forms import FormSet, FormSpec
from de06desk.store import Store, StoreError, utc_now
from de06desk.store import sync_state as state
from de06desk.store.bulk import search_index_in_bulk
from de06desk.store.database import SYSTEM_USER

from .audit_heads import FLAGGED, record_head
from .devices import check_device_route, decode_hub_devices
from .errors import PackageRefused
from .files import read_bounded
from .forms_down import (
    FormsDown,
    apply_form_set,
    check_older_forms,
    decode_forms,
    install_forms,
    record_forms_down,
)
from .keys import OwnKeys, fingerprint, hub_key, load_own_keys
from .package import (
    ACKS_NAME,
    DEVICE_KINDS,
    FORMS_NAME,
    HUB_DEVICES_NAME,
    MAX_PACKAGE_BYTES,
    Header,
    Manifest,
    OpenedPackage,
    open_package,
    parse_time,
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
_log = logging.getLogger(__name__)
# Details of an unforeseen error go to the log file when the program set one up, and never to
# the terminal: without this, Python's last-resort handler would print the traceback there.
_log.addHandler(logging.NullHandler())


@dataclass(frozen=True, kw_only=True)
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

    Every package gets exactly one outcome, whatever happens to the others: a refusal, a full
    disk or an error nobody foresaw refuses that package (rolled back, logged) and the next one
    is still tried. After Cancel the package being written is finished (one still being
    checked is not), what was applied is kept and the rest are reported "cancelled".

    Packages are written in runs of up to `RUN_ROWS` rows, one transaction per run
    (`state.WriteRun`). A package refused before it writes leaves its run alone; if one fails
    after writing (a full disk) or the run cannot be committed, the run is rolled back and its
    other packages are written again one transaction each, so each still gets its own
    outcome. A package carrying forms (a schema change, with its backup copy) is written
    alone.

    `authorize`, if given, logs the acting user in and returns their name. It is called inside
    the transaction of the first package that passed every check, so the log-in record is kept
    only with a package that is kept: a run where every package is refused, even at the last
    step, leaves the database byte-for-byte unchanged. A failed log-in is recorded (outside any
    package) and refuses this and every later package.

    While one package is written (SQLite works without holding Python's lock), the rows of the
    next are checked on a second thread; that thread never touches the database, and packages
    are still written, and reported, strictly in the order given.
    """
    confirmed: list[str] = []
    tried: list[str] = []
    login_refusal: list[str] = []

    def who() -> str:
        if confirmed:
            return confirmed[0]
        if authorize is None:
            return user
        try:
            name = authorize()
        except DomainError as exc:
            raise _LoginFailed(exc) from None
        tried[:] = [name]
        return name

    total = max(1, len(paths))
    results: dict[int, ImportOutcome] = {}

    def sub(index: int) -> Progress:
        name = paths[index].name

        def report(fraction: float, text: str) -> None:
            progress((index + fraction) / total, text or name)

        return report

    def refuse(index: int, exc: BaseException) -> None:
        if isinstance(exc, DomainError):
            text = str(exc)
        else:
            _log.error("Importing %s failed", paths[index].name, exc_info=exc)
            text = str(_unexpected(exc))
        results[index] = ImportOutcome(path=paths[index], status="refused", message=_one_line(text))

    run = state.WriteRun(store)
    # Packages applied in the open run (index → rows); after a run failed, one at a time.
    in_run: dict[int, int] = {}
    alone = False

    with (
        _quick_lock_handover(),
        # One large page cache for the whole run, not one per package (sync_state.bulk_cache).
        state.bulk_cache(store),
        ThreadPoolExecutor(max_workers=1, thread_name_prefix="de06-sync-rows") as rows_thread,
    ):

        def launch(index: int) -> _Pending | None:
            if login_refusal:
                results[index] = ImportOutcome(
                    path=paths[index], status="refused", message=login_refusal[0]
                )
                return None
            try:
                checked = _check(store, paths[index], sub(index))
            except Exception as exc:  # one outcome per package, whatever failed
                refuse(index, exc)
                return None
            if isinstance(checked, ImportOutcome):
                results[index] = checked
                return None
            job = rows_thread.submit(
                _decode_all, _forms_of(store, checked), checked, no_progress, cancelled
            )
            return _Pending(index=index, checked=checked, job=job)

        def finish(pending: _Pending) -> None:
            report = sub(pending.index)
            if login_refusal:
                pending.job.cancel()
                results[pending.index] = ImportOutcome(
                    path=pending.checked.path, status="refused", message=login_refusal[0]
                )
                return
            try:
                if cancelled():
                    raise Cancelled()
                while True:
                    try:
                        incoming = pending.job.result(timeout=0.2)
                        break
                    except FutureTimeout:
                        report(0.1 + 0.6 * pending.checked.tally.fraction, "")
                if pending.checked.forms_down is not None or alone:
                    commit_run()
                else:
                    run.begin()
                # In a run, a cancel after the package's rows are written would take the whole
                # run back: it is honoured before the next package instead.
                outcome = _apply(
                    store,
                    pending.checked,
                    incoming,
                    report,
                    never_cancelled if run.open else cancelled,
                    who,
                )
                results[pending.index] = outcome
                if outcome.status == "applied" and tried and not confirmed:
                    confirmed.append(tried[0])
                if outcome.status == "applied" and run.open:
                    in_run[pending.index] = outcome.rows
                    if sum(in_run.values()) >= RUN_ROWS:
                        commit_run()
            except Cancelled:
                raise
            except _LoginFailed as failed:
                commit_run()  # the failed log-in is kept whatever happens to the run
                _record_failed_login(authorize)
                refuse(pending.index, failed.error)
                login_refusal.append(
                    str(
                        msg(
                            "Chưa nhập: đăng nhập không thành công ({e}).",
                            "Not imported: the log-in failed ({e}).",
                            e=_one_line(str(failed.error)),
                        )
                    )
                )
            except Exception as exc:  # one outcome per package, whatever failed
                refuse(pending.index, exc)
            if in_run and not run.open:
                # The package failed after writing and took its run back with it.
                write_alone()

        def write_alone() -> None:
            """The packages of a run that was rolled back, again, one transaction each."""
            nonlocal alone
            _log.warning(
                "a run of %d packages was rolled back; writing them one by one", len(in_run)
            )
            redo = sorted(in_run)
            in_run.clear()
            alone = True
            for index in redo:
                del results[index]
                retried = launch(index)
                if retried is not None:
                    finish(retried)

        def commit_run() -> None:
            if not in_run:
                # Nothing applied (or already rolled back): a run where nothing is kept leaves
                # the file as it was.
                run.rollback()
                return
            try:
                run.commit()
            except StoreError:
                write_alone()
            in_run.clear()

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
        except BaseException:
            # Interrupted from outside: keep the packages already applied, as when each
            # package was its own transaction.
            with suppress(StoreError):
                run.commit()
            raise
        commit_run()
    outcomes = [
        results.get(i) or ImportOutcome(path=path, status="cancelled", message=str(_CANCELLED))
        for i, path in enumerate(paths)
    ]
    progress(1.0, "")
    return outcomes


# Rows written in one transaction before it is committed (`state.WriteRun`): large enough that
# a full hub's index pages are written once for many packages, small enough that the write
# lock is let go every few seconds and the WAL stays within a few hundred MB.
RUN_ROWS = 200_000

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

    `user` may be a callable (a log-in), asked inside the package's transaction once the
    package has passed every check; a log-in that fails is recorded and its error raised.
    """
    checked = _check(store, path, progress)
    if isinstance(checked, ImportOutcome):
        return checked
    incoming = _decode_all(_forms_of(store, checked), checked, progress, cancelled)
    if not callable(user):
        return _apply(store, checked, incoming, progress, cancelled, user)
    login = user

    def who() -> str:
        try:
            return login()
        except DomainError as exc:
            raise _LoginFailed(exc) from None

    try:
        return _apply(store, checked, incoming, progress, cancelled, who)
    except _LoginFailed as failed:
        _record_failed_login(login)
        raise failed.error from None


class _LoginFailed(Exception):
    """The log-in inside a package's transaction failed; carries the user-facing error."""

    def __init__(self, error: DomainError) -> None:
        super().__init__(str(error))
        self.error = error


def _record_failed_login(authorize: Callable[[], str] | None) -> None:
    """Log in again outside any package, so the failure (and the lock-out count) is kept.

    The first attempt ran inside the package's transaction, which its failure rolled back.
    """
    if authorize is None:
        return
    with suppress(DomainError):
        authorize()


def _unexpected(exc: BaseException) -> Msg:
    return msg(
        "Lỗi không lường trước khi nhập gói ({e}); chi tiết ghi trong nhật ký; "
        "gói chưa được nhập, không có gì thay đổi.",
        "Unexpected error while importing the package ({e}); details are in the log; "
        "the package was not imported, nothing was changed.",
        e=type(exc).__name__,
    )


@dataclass(kw_only=True)
class _Checked:
    """A package whose route, signature, archive and versions passed: its rows come next."""

    path: Path
    digest: str
    opened: OpenedPackage
    owner: str
    today: date
    tally: _Progressed
    forms_down: FormsDown | None = None


@dataclass(kw_only=True)
class _Pending:
    """A checked package whose rows are being decoded on the rows thread."""

    index: int
    checked: _Checked
    job: Future[Incoming]


def _already(path: Path, header: Header) -> ImportOutcome:
    return ImportOutcome(
        path=path,
        status="already",
        message=str(
            msg(
                "Đã nhập gói này trước đây; không thay đổi gì.",
                "Already imported; nothing changed.",
            )
        ),
        sender=header.sender,
        device_id=header.device_id,
        seq=header.seq,
    )


def _check(store: Store, path: Path, progress: Progress) -> _Checked | ImportOutcome:
    """Everything before the rows (reads the database, writes nothing); "already" if so."""
    data = _read_file(path)
    digest = hashlib.sha256(data).hexdigest()
    header, aad = read_header(data)
    if state.is_received(store, digest):
        return _already(path, header)
    signer = _check_route(store, header)
    created = _check_clock(header)
    own = load_own_keys(store)
    if own is None:  # _check_route already refused, kept for the type checker
        raise _no_keys()
    progress(0.02, "")
    opened = open_package(data, header, aad, recipient_key(header, own.agreement), signer)
    # A hub's package may carry the form set it was written with (forms.json): its versions
    # are the ones this commune is about to install.
    forms_down = (
        decode_forms(store, opened.member(FORMS_NAME))
        if header.kind in ("down", "device_down")
        and any(m.name == FORMS_NAME for m in opened.manifest.members)
        else None
    )
    _check_versions(store, opened.manifest, forms_down.versions if forms_down else {})
    if forms_down is not None and not forms_down.is_new:
        forms_down = None
    progress(0.1, "")
    return _Checked(
        forms_down=forms_down,
        path=path,
        digest=digest,
        opened=opened,
        owner=header.sender if header.kind == "up" else store.unit_code,
        today=max(date.today(), created.date()),
        tally=_Progressed(total=max(1, opened.manifest.total_rows)),
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
    # File names are whatever the stick held (on Linux, any bytes): stored and shown escaped.
    file_name = printable(path.name, 255)
    if state.is_received(store, digest):  # the same file earlier in this run
        return _already(path, header)
    acks = _decode_acks(opened) if header.kind in ("down", "device_down") else []
    hub_devices_sent = (
        decode_hub_devices(opened.member(HUB_DEVICES_NAME))
        if any(m.name == HUB_DEVICES_NAME for m in manifest.members)
        else []
    )
    if cancelled():
        raise Cancelled()
    progress(0.7, "")
    fresh = checked.forms_down
    # New forms change the schema: the file is copied aside first, as at any migration.
    backup = store.backup_before_migration() if fresh is not None else None
    forms_before = store.forms
    try:
        with state.write_transaction(store):
            # Under the write lock: another process may have imported this file meanwhile.
            if state.is_received(store, digest):
                return _already(path, header)
            prior = state.received_sequences(store, header.sender, header.device_id)
            missing = tuple(s for s in range(1, header.seq) if s not in prior)
            if fresh is not None:
                apply_form_set(store, fresh)
            _check_references(store, incoming, checked.owner)
            plans = _plan_merge(store, incoming, digest, _set_above(store, header))
            # Last of all, the log-in: its record is rolled back with the package if any
            # write below fails (a full disk), so a refused package leaves no trace.
            username = user() if callable(user) else user
            applied, conflicts = _write_merge(store, plans)
            if fresh is not None:
                record_forms_down(
                    store,
                    fresh,
                    header.sender,
                    username,
                    to_profile=header.kind == "down",
                )
            acknowledged = state.mark_acked(store, acks, utc_now()) if acks else 0
            if header.kind == "down":
                store.add_hub_device(header.device_id)
            for device in hub_devices_sent:
                store.add_hub_device(device)
            rows = sum(len(r) for _, r in incoming)
            state.record_received(
                store,
                state.ReceivedRow(
                    sha256=digest,
                    kind=header.kind,
                    sender=header.sender,
                    device_id=header.device_id,
                    seq=header.seq,
                    created_at=header.created_at,
                    imported_at=utc_now(),
                    change_from=manifest.change_from,
                    change_to=manifest.change_to,
                    rows=rows,
                    applied=applied,
                    conflicts=conflicts,
                    file_name=file_name,
                ),
            )
            verdict = record_head(store, header, manifest.audit_chain, digest)
            store.audit(
                "sync_import",
                username,
                detail=json.dumps(
                    {
                        "file": file_name,
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
        store.forms = forms_before
        raise PackageRefused(
            Msg(f"Gói bị từ chối: {exc.message.vi}", f"Package refused: {exc.message.en}")
        ) from None
    except BaseException:
        store.forms = forms_before
        raise
    installed = True
    if fresh is not None:
        try:
            install_forms(fresh.texts)
        except OSError:
            # The database has the new shape; the files follow with the next package that
            # carries the set (decode_forms sees the versions in use differ).
            _log.warning("forms from %s not installed", header.sender, exc_info=True)
            installed = False
    progress(1.0, "")
    text = msg(
        "Đã nhập gói số {n} của {s}: {r} dòng, {a} áp dụng, {c} xung đột.",
        "Imported package {n} from {s}: {r} rows, {a} applied, {c} conflicts.",
        n=header.seq,
        s=header.sender
        if header.kind not in DEVICE_KINDS
        else f"{header.sender}/{printable(header.device_id[:8])}",
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
    if fresh is not None:
        described = fresh.describe()
        text = Msg(
            f"{text.vi} Đã nhận từ {header.sender} và áp dụng: {described.vi} Bản sao trước "
            f"khi nâng cấp: {backup}.",
            f"{text.en} Received from {header.sender} and applied: {described.en} Copy before "
            f"the upgrade: {backup}.",
        )
        if not installed:
            text = Msg(
                f"{text.vi} CẢNH BÁO: chưa ghi được tệp biểu mẫu vào thư mục dữ liệu; hãy nhập "
                "lại gói sau của cấp trên.",
                f"{text.en} WARNING: the form files could not be written to the data folder; "
                "import the hub's next package.",
            )
    if missing:
        shown = ", ".join(str(s) for s in missing[:_MAX_SHOWN_GAPS])
        more = "…" if len(missing) > _MAX_SHOWN_GAPS else ""
        text = Msg(
            f"{text.vi} Còn thiếu gói số {shown}{more} của thiết bị này.",
            f"{text.en} Packages {shown}{more} from this device are still missing.",
        )
    return ImportOutcome(
        path=path,
        status="applied",
        message=str(text),
        sender=header.sender,
        device_id=header.device_id,
        seq=header.seq,
        rows=rows,
        applied=applied,
        conflicts=conflicts,
        acknowledged=acknowledged,
        missing_before=missing,
    )


def _read_file(path: Path) -> bytes:
    name = printable(path.name)
    try:
        data = read_bounded(path, MAX_PACKAGE_BYTES)
    except OSError as exc:
        raise refused(
            "Không đọc được {p}: {e}.", "Cannot read {p}: {e}.", p=name, e=exc.strerror or exc
        ) from None
    if data is None:
        raise refused(
            "Tệp {p} quá lớn để là gói đồng bộ.", "{p} is too large to be a sync package.", p=name
        )
    return data


# How far a package's creation time may be ahead of this computer's clock: clocks drift and
# time zones get set wrong, but a package from the future would move "today" for its checks.
CLOCK_TOLERANCE = timedelta(hours=24)


def _check_clock(header: Header) -> datetime:
    """The package's creation time, refused if it is ahead of our clock beyond the tolerance."""
    created = parse_time(header.created_at)
    now = datetime.now(UTC)
    if created is None:  # read_header refuses it already
        raise refused("Gói không ghi thời điểm tạo.", "The package has no creation time.")
    if created > now + CLOCK_TOLERANCE:
        raise refused(
            "Gói ghi thời điểm tạo {c}, muộn hơn đồng hồ máy này ({n}) quá 24 giờ: ngày giờ của "
            "máy gửi hoặc của máy này bị sai; hãy sửa rồi xuất lại gói.",
            "The package says it was made at {c}, more than 24 hours after this computer's "
            "clock ({n}): the sender's or this computer's date is wrong; fix it and export again.",
            c=printable(header.created_at, 40),
            n=now.isoformat(timespec="minutes"),
        )
    return created


def _no_keys() -> PackageRefused:
    return refused(
        "Cơ sở dữ liệu này chưa có khóa nên không thể có gói gửi cho nó.",
        "This database has no keys yet, so no package can be meant for it.",
    )


def own_keys_for(store: Store, header: Header) -> OwnKeys:
    """This database's keys, when the package is encrypted for it (its unit and fingerprint);
    otherwise the package is refused, naming both units."""
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
    return own


def _check_route(store: Store, header: Header) -> bytes:
    """Check the package is for us and from a sender we trust; returns its signing key."""
    if header.kind in DEVICE_KINDS:
        return check_device_route(store, header)
    expected = "up" if store.role == "hub" else "down"
    if header.kind != expected:
        raise refused(
            "Gói này gửi cho {w}, không dùng được ở đây.",
            "This package is meant for a {w2}, not for this database.",
            w="cấp trên" if header.kind == "up" else "xã/phường",
            w2="hub" if header.kind == "up" else "commune",
        )
    own_keys_for(store, header)
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


def _check_versions(store: Store, manifest: Manifest, coming: dict[str, int]) -> None:
    """Refuse forms newer than ours (or than the set the package brings, `coming`)."""
    known = store.forms.versions()
    known.update({f: max(v, known.get(f, 0)) for f, v in coming.items()})
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
                "cấp trên hãy phát hành phiên bản {v} (hub publish-forms) hoặc cập nhật "
                "de06desk.",
                "The package uses form “{f}” version {v}, newer than this one ({k}); the hub "
                "should publish version {v} (hub publish-forms) or update de06desk.",
                f=form_id,
                v=version,
                k=known[form_id],
            )
    check_older_forms(store, manifest)
    for member in manifest.members:
        if member.name == FORMS_NAME and manifest.kind not in ("down", "device_down"):
            raise refused(
                "Chỉ gói từ cấp trên xuống xã (hoặc từ máy của xã cho máy thứ hai) mới chứa "
                "bộ biểu mẫu ({m}).",
                "Only a package down from a hub (or from the commune's PC to its devices) "
                "carries a form set ({m}).",
                m=FORMS_NAME,
            )
        if member.name == ACKS_NAME and manifest.kind in ("up", "device_up"):
            raise refused(
                "Gói của xã không được chứa phần xác nhận ({m}).",
                "A commune's package may not carry acknowledgements ({m}).",
                m=ACKS_NAME,
            )
        if member.name == HUB_DEVICES_NAME and manifest.kind != "device_down":
            raise refused(
                "Chỉ gói từ máy của xã cho các máy thứ hai mới chứa {m}.",
                "Only a package from the commune's PC to its devices carries {m}.",
                m=HUB_DEVICES_NAME,
            )
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


@dataclass(kw_only=True)
class _Progressed:
    done: int = 0
    total: int = 1
    seen: set[str] = field(default_factory=set)

    @property
    def fraction(self) -> float:
        """Share of the package's rows decoded so far."""
        return min(1.0, self.done / self.total)


Incoming = list[tuple[RowDecoder, list[tuple[Any, ...]]]]


def _forms_of(store: Store, checked: _Checked) -> FormSet:
    """The forms a package's rows are read with: those it brings, when it brings new ones."""
    return checked.forms_down.form_set if checked.forms_down is not None else store.forms


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
                    u=printable(str(row[unit]), 20),
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


# ---- merge -----------------------------------------------------------------------------------

# Compared when version vectors are equal: everything but local bookkeeping and the vector.
_CONTENT_SKIP = {"change_no", "search_text", "versions"}


def _check_references(store: Store, incoming: Incoming, owner: str) -> None:
    """Every reference (village, officer, drive, citizen…) points at a record of the package's
    own unit, in the package or already here; refuses naming the row otherwise.

    The foreign keys at COMMIT would only say "FOREIGN KEY constraint failed", and they cannot
    see a commune placing its citizen in another commune's village.
    """
    in_package = {decoder.form.id: {row[0] for row in rows} for decoder, rows in incoming}
    wanted: dict[str, dict[str, tuple[FormSpec, str, str]]] = {}
    for decoder, rows in incoming:
        for spec in decoder.form.fields:
            target = spec.target_form
            if target is None:
                continue
            at = decoder.columns.index(spec.name)
            ours = in_package.get(target, set())
            for row in rows:
                ref = row[at]
                if ref is not None and ref not in ours:
                    wanted.setdefault(target, {}).setdefault(ref, (decoder.form, row[0], spec.name))
    for target, refs in wanted.items():
        found = state.unit_codes(store, store.forms[target], refs)
        for ref, (form, uuid, name) in refs.items():
            unit = found.get(ref)
            if unit is None:
                raise refused(
                    "Bản ghi {i} (“{f}”) trỏ tới {n} = {r}, không có trong gói lẫn ở đây; "
                    "gói bị từ chối (hãy gửi toàn bộ: sync export --full).",
                    "Record {i} ({f}) points at {n} = {r}, which is neither in the package nor "
                    "here; refused (send everything: sync export --full).",
                    i=uuid,
                    f=form.id,
                    n=name,
                    r=ref,
                )
            if unit != owner:
                raise refused(
                    "Bản ghi {i} (“{f}”) của {o} trỏ tới {n} = {r} của đơn vị khác ({u}); "
                    "gói bị từ chối.",
                    "Record {i} ({f}) of {o} points at {n} = {r} of another unit ({u}); refused.",
                    i=uuid,
                    f=form.id,
                    o=owner,
                    n=name,
                    r=ref,
                    u=printable(unit, 20),
                )


@dataclass(kw_only=True)
class _FormPlan:
    """What merging one form's rows will write, decided before anything is written."""

    decoder: RowDecoder
    writes: list[tuple[Any, ...]]
    version_updates: list[tuple[str, str]]
    conflicts: list[state.ConflictRow]


def _plan_merge(
    store: Store, incoming: Incoming, package_sha256: str, hub_devices: frozenset[str]
) -> list[_FormPlan]:
    """Compare every row with the stored one by UUID (reads only; refuses before any write).

    `hub_devices` (at a hub: its own device) marks records the hub set itself (targets): a
    commune may send them back unchanged or older, never a version of its own.
    """
    now = utc_now()
    plans: list[_FormPlan] = []
    for decoder, rows in incoming:
        form, columns = decoder.form, decoder.columns
        at_versions = columns.index("versions")
        existing = state.fetch_rows(store, form, [r[0] for r in rows])
        plan = _FormPlan(decoder=decoder, writes=[], version_updates=[], conflicts=[])
        plans.append(plan)
        for row in rows:
            old = existing.get(row[0])
            if hub_devices and _mentions(row[at_versions], hub_devices) and old is None:
                raise _hub_owned(form, row[0])
            if old is None:
                plan.writes.append(row)
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
            same = order == "equal" and _content(new) == _content(old)
            touches_hub = set(old_versions) & hub_devices or set(new_versions) & hub_devices
            if touches_hub and not (order == "older" or same):
                raise _hub_owned(form, row[0])
            if order == "newer":
                plan.writes.append(row)
                continue
            if order == "older" or same:
                continue  # stale, or the same version again: a harmless retry
            merged = canonical_versions(merge_versions(new_versions, old_versions))
            incoming_wins = _rank(new) > _rank(old)
            winner, loser = (new, old) if incoming_wins else (old, new)
            plan.conflicts.append(
                state.ConflictRow(
                    at=now,
                    package_sha256=package_sha256,
                    form_id=form.id,
                    record_uuid=row[0],
                    unit_code=new["unit_code"],
                    kept="incoming" if incoming_wins else "existing",
                    kept_versions=canonical_versions(json.loads(winner["versions"])),
                    lost_versions=canonical_versions(json.loads(loser["versions"])),
                    lost_row=json.dumps(_content(loser), ensure_ascii=False, sort_keys=True),
                )
            )
            if incoming_wins:
                plan.writes.append((*row[:at_versions], merged, *row[at_versions + 1 :]))
            else:
                plan.version_updates.append((row[0], merged))
    return plans


def _write_merge(store: Store, plans: list[_FormPlan]) -> tuple[int, int]:
    """Write what `_plan_merge` decided; returns (rows written, conflicts)."""
    applied = conflicts = 0
    for plan in plans:
        form, columns = plan.decoder.form, plan.decoder.columns
        writes, version_updates = plan.writes, plan.version_updates
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
        state.record_conflicts(store, plan.conflicts)
        applied += len(writes)
        conflicts += len(plan.conflicts)
    return applied, conflicts


def _set_above(store: Store, header: Header) -> frozenset[str]:
    """Devices whose records the sender may not change: at a hub, its own (the targets it
    set); at a commune PC taking a field device's package, the hub's (the device may send
    them back as they were, never a version of its own, or the hub would refuse the PC)."""
    if store.role == "hub":
        return frozenset({store.device_id})
    if header.kind == "device_up":
        return store.hub_devices()
    return frozenset()


def _mentions(versions_json: str, devices: frozenset[str]) -> bool:
    # A quick look at the stored text first: nearly every row names one commune device only.
    if not any(device in versions_json for device in devices):
        return False
    return bool(set(json.loads(versions_json)) & devices)


def _hub_owned(form: FormSpec, uuid: str) -> PackageRefused:
    return refused(
        "Bản ghi {i} (“{f}”) do cấp trên đặt; xã không được gửi phiên bản của mình; "
        "gói bị từ chối.",
        "Record {i} ({f}) was set by the hub; a commune may not send its own version; refused.",
        i=uuid,
        f=form.id,
    )


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
    # Messages quote what the package or its file name said: never let that move the cursor.
    return printable(" ".join(text.split()), limit=1000)
