"""Writing packages: the commune's export, and the writing machinery the hub's send reuses.

A package is written to a temporary file in the target folder, fsynced, renamed into place,
the folder fsynced, then read back from the drive and verified end to end (file hash, header,
decryption with the key just used, our own signature, every member's hash) before it is
recorded as sent — USB sticks lie about what they stored.
"""

from __future__ import annotations

import hashlib
import json
import os
import time
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from de06desk import __version__
from de06desk.domain.files import replace_durably
from de06desk.domain.i18n import msg
from de06desk.domain.progress import CancelCheck, Cancelled, Progress, never_cancelled, no_progress
from de06desk.forms import FormSpec
from de06desk.store import Store, utc_now
from de06desk.store import sync_state as state
from de06desk.store.database import SYSTEM_USER

from .audit_heads import chain_for_package
from .errors import SyncError
from .keys import OwnKeys, PublicKeyFile, ensure_keys, hub_key
from .package import (
    Kind,
    PackageWriter,
    Written,
    open_package,
    package_file_name,
    read_header,
)
from .rows import encode_row

_CHUNK_BYTES = 256 * 1024
_PROGRESS_EVERY = 500


@dataclass(frozen=True, kw_only=True)
class ExportResult:
    """A package written and verified."""

    path: Path
    recipient: str
    seq: int
    rows: int
    counts: dict[str, int]
    change_from: int
    change_to: int
    sha256: str
    size: int


@dataclass(kw_only=True)
class MemberPlan:
    """One member to write: its name, the form its rows belong to (if any), its byte chunks."""

    name: str
    chunks: Callable[[], Iterable[bytes]]
    form: str | None = None
    expected_rows: int = 0


@dataclass(kw_only=True)
class _Counter:
    done: int = 0
    total: int = 0
    per_form: dict[str, int] = field(default_factory=dict)


def export_package(
    store: Store,
    out_dir: Path,
    *,
    full: bool = False,
    progress: Progress = no_progress,
    cancelled: CancelCheck = never_cancelled,
    user: str = SYSTEM_USER,
) -> ExportResult | None:
    """Write every change since the last export (all rows if `full`) as one package for the hub.

    Returns None, writing nothing, when nothing changed and `full` is false. Raises SyncError
    when no hub key is set, `Cancelled` (nothing written or recorded) when cancelled.
    """
    if store.role != "commune":
        raise SyncError(
            msg(
                "Cơ sở dữ liệu cấp trên gửi gói bằng “hub send”, không phải “sync export”.",
                "A hub sends packages with “hub send”, not “sync export”.",
            )
        )
    hub = hub_key(store)
    if hub is None:
        raise SyncError(
            msg(
                "Chưa có khóa của cấp trên: hãy nhập tệp khóa cấp trên (keys set-hub) trước.",
                "No hub key yet: import the hub's key file (keys set-hub) first.",
            )
        )
    since = 0 if full else state.last_exported_change(store, hub.unit_code)
    upto = store.current_change_no()
    forms = sorted(store.forms, key=lambda f: f.id)
    counts = state.count_changed_rows(store, forms, since, upto)
    if not full and not any(counts.values()):
        return None
    plans = [
        MemberPlan(
            name=f"{form.id}.jsonl",
            chunks=_rows_chunks(store, form, since, upto, None),
            form=form.id,
            expected_rows=counts[form.id],
        )
        for form in forms
        if counts[form.id]
    ]
    return write_package(
        store,
        out_dir,
        kind="up",
        recipient=hub,
        plans=plans,
        change_from=since + 1,
        change_to=upto,
        full=full,
        progress=progress,
        cancelled=cancelled,
        user=user,
    )


def write_package(
    store: Store,
    out_dir: Path,
    *,
    kind: Kind,
    recipient: PublicKeyFile,
    plans: list[MemberPlan],
    change_from: int,
    change_to: int,
    full: bool,
    progress: Progress,
    cancelled: CancelCheck,
    user: str,
) -> ExportResult:
    """Write, verify and record one package (shared by the commune's export and hub send)."""
    own = ensure_keys(store)
    out_dir.mkdir(parents=True, exist_ok=True)
    sweep_stale_partials(out_dir)
    device = store.device_id
    seq = state.next_sequence(store, recipient.unit_code, device)
    audit_chain = chain_for_package(store, recipient.unit_code)
    counter = _Counter(total=max(1, sum(p.expected_rows for p in plans)))

    def counted(plan: MemberPlan) -> Iterator[bytes]:
        lines = 0
        for chunk in plan.chunks():
            if plan.form is not None:
                counter.done += chunk.count(b"\n")
                lines += chunk.count(b"\n")
                progress(min(0.9, 0.9 * counter.done / counter.total), plan.form)
            if cancelled():
                raise Cancelled()
            yield chunk
        if plan.form is not None:
            counter.per_form[plan.form] = lines

    progress(0.0, "")
    created = utc_now()
    tmp: Path | None = None
    try:
        with _TempFile(out_dir) as handle:
            tmp = handle.path
            writer = PackageWriter(
                handle.file,
                kind=kind,
                own=own,
                sender=store.unit_code,
                device_id=device,
                recipient=recipient,
                seq=seq,
                created_at=created,
            )
            try:
                for plan in plans:
                    writer.add_member(plan.name, counted(plan), form=plan.form)
                written, manifest = writer.finish(
                    app_version=__version__,
                    change_from=change_from,
                    change_to=change_to,
                    full=full,
                    forms=store.forms.versions(),
                    audit_chain=audit_chain,
                )
            except BaseException:
                writer.abort()
                raise
            final = out_dir / package_file_name(written.header)
            handle.commit(final)
    except BaseException:
        if tmp is not None:
            tmp.unlink(missing_ok=True)
        raise
    progress(0.92, "")
    _verify_written(final, written, own)
    rows = manifest.total_rows
    with store.transaction():
        state.record_sent(
            store,
            state.SentRow(
                recipient=recipient.unit_code,
                device_id=device,
                seq=seq,
                kind=kind,
                file_name=final.name,
                created_at=created,
                change_from=change_from,
                change_to=change_to,
                rows=rows,
                sha256=written.sha256,
                audit_head=audit_chain.head_id,
            ),
        )
        store.audit(
            "sync_export",
            user,
            detail=json.dumps(
                {
                    "file": final.name,
                    "to": recipient.unit_code,
                    "seq": seq,
                    "rows": rows,
                    "changes": [change_from, change_to],
                    "sha256": written.sha256,
                }
            ),
        )
    progress(1.0, "")
    return ExportResult(
        path=final,
        recipient=recipient.unit_code,
        seq=seq,
        rows=rows,
        counts=dict(counter.per_form),
        change_from=change_from,
        change_to=change_to,
        sha256=written.sha256,
        size=written.size,
    )


def _rows_chunks(
    store: Store, form: FormSpec, since: int, upto: int, unit_code: str | None
) -> Callable[[], Iterator[bytes]]:
    def chunks() -> Iterator[bytes]:
        buffer: list[bytes] = []
        size = 0
        for row in state.iter_changed_rows(store, form, since, upto, unit_code):
            line = encode_row(form, row)
            buffer.append(line)
            size += len(line)
            if size >= _CHUNK_BYTES or len(buffer) >= _PROGRESS_EVERY:
                yield b"".join(buffer)
                buffer, size = [], 0
        if buffer:
            yield b"".join(buffer)

    return chunks


def rows_member(
    store: Store, form: FormSpec, since: int, upto: int, unit_code: str | None, expected: int
) -> MemberPlan:
    """A member with a form's changed rows (optionally only one unit's)."""
    return MemberPlan(
        name=f"{form.id}.jsonl",
        chunks=_rows_chunks(store, form, since, upto, unit_code),
        form=form.id,
        expected_rows=expected,
    )


# A temp file untouched this long belongs to a killed export (a live one writes continually).
STALE_PARTIAL_SECONDS = 3600
_PARTIAL_GLOB = ".de06sync-*.partial"


def sweep_stale_partials(folder: Path) -> list[Path]:
    """Remove the temp files killed exports left in `folder` (untouched for an hour); returns
    them. A fresh one may be another export still writing, and is left alone."""
    now = time.time()
    removed: list[Path] = []
    for path in folder.glob(_PARTIAL_GLOB):
        try:
            if now - path.lstat().st_mtime > STALE_PARTIAL_SECONDS and path.is_file():
                path.unlink()
                removed.append(path)
        except OSError:
            continue  # gone meanwhile, or not ours to remove: never a reason to stop an export
    return removed


class _TempFile:
    """A hidden temporary file beside the target; `commit` fsyncs and renames it into place."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self.path = folder / _PARTIAL_GLOB.replace("*", f"{os.getpid()}-{id(self):x}")
        self.file: Any = None

    def __enter__(self) -> _TempFile:
        self.file = self.path.open("wb")
        return self

    def __exit__(self, *exc: object) -> None:
        if not self.file.closed:
            self.file.close()

    def commit(self, final: Path) -> None:
        # The package's name comes from its header, known only once it is written: so not
        # `atomic_write`, but its last step.
        self.file.close()
        replace_durably(self.path, final)


def _read_back(path: Path) -> bytes:
    with path.open("rb") as handle:
        # Ask the OS to drop its cached copy so the check reads what the drive really holds.
        if hasattr(os, "posix_fadvise"):
            os.posix_fadvise(handle.fileno(), 0, 0, os.POSIX_FADV_DONTNEED)
        return handle.read()


def _verify_written(path: Path, written: Written, own: OwnKeys) -> None:
    data = _read_back(path)
    try:
        if hashlib.sha256(data).hexdigest() != written.sha256:
            raise SyncError(
                msg(
                    "Tệp {p} đọc lại không khớp nội dung vừa ghi (ổ đĩa/USB có lỗi?); "
                    "hãy ghi lại vào ổ khác.",
                    "{p} read back differs from what was written (faulty drive/USB?); "
                    "write it again to another drive.",
                    p=path.name,
                )
            )
        header, aad = read_header(data)
        opened = open_package(data, header, aad, written.key, own.signing_public)
        opened.verify_members()
    except SyncError:  # PackageRefused included: the file on the drive is not what we wrote
        path.unlink(missing_ok=True)
        raise
