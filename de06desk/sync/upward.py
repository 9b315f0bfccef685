"""Summary packages (hub → upper hub): the envelope, checked the way every package is.

A summary package is an ordinary package (docs/SYNC.md §3: same header, encryption, signature
and limits) of kind `summary` holding one member, `summary.jsonl`: the weekly figures per
commune, counts only. This module opens one for the upper hub — route, clock, decryption,
signature, archive — and records it as received; what the lines mean is the reports layer's
(`reports/rollup.py`), which builds and reads them from the figure declarations.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from de06desk.domain.text import printable
from de06desk.store import Store, utc_now
from de06desk.store import sync_state as state

from .errors import PackageRefused
from .importer import ImportOutcome, _already, _check_clock, _read_file, own_keys_for
from .package import (
    MAX_HEADER_BYTES,
    MAX_PACKAGE_BYTES,
    PREFIX,
    SIGNATURE_BYTES,
    SUMMARY_NAME,
    TAG_BYTES,
    Header,
    Kind,
    OpenedPackage,
    open_package,
    read_header,
    recipient_key,
    refused,
)


@dataclass(frozen=True)
class OpenedSummary:
    """A summary package whose route, signature and archive passed."""

    path: Path
    digest: str
    opened: OpenedPackage

    @property
    def header(self) -> Header:
        """The package's cleartext header."""
        return self.opened.header

    def lines(self) -> Iterator[bytes]:
        """The figures' JSON lines, read in bounded pieces (checked against the manifest's
        hash when the last has been read)."""
        yield from (line for line in self.opened.lines(SUMMARY_NAME) if line.strip())


def already(path: Path, header: Header) -> ImportOutcome:
    """The outcome of a package this database imported before (nothing changes)."""
    return _already(path, header)


def package_kind(path: Path) -> Kind | None:
    """The kind a package's header declares, or None when it cannot be read (the importer
    then refuses it with its own reason)."""
    try:
        with path.open("rb") as handle:
            head = handle.read(PREFIX.size + MAX_HEADER_BYTES)
        # Only the header is parsed: the rest is stood in for so its length check passes.
        return read_header(head + bytes(SIGNATURE_BYTES + TAG_BYTES))[0].kind
    except (OSError, PackageRefused):
        return None


def open_summary(store: Store, path: Path) -> OpenedSummary | ImportOutcome:
    """Read and check a summary package for this hub (nothing written); "already" if so.

    Raises PackageRefused with a one-line reason: not a hub, not for us, a sender this hub
    has not trusted as a hub below it (`hub trust` with the hub's key file), a wrong key, a
    damaged or altered file.
    """
    data = _read_file(path)
    if len(data) > MAX_PACKAGE_BYTES:
        raise refused("Gói quá lớn.", "The package is too large.")
    digest = hashlib.sha256(data).hexdigest()
    header, aad = read_header(data)
    if state.is_received(store, digest):
        return _already(path, header)
    if store.role != "hub" or header.kind != "summary":
        raise refused(
            "Gói số liệu tổng hợp chỉ nhập được ở cơ sở dữ liệu cấp trên của đơn vị gửi.",
            "A summary package can only be imported at the sender's upper hub.",
        )
    own = own_keys_for(store, header)
    peer = state.get_peer(store, header.sender)
    if peer is None or peer.role != "hub" or header.sender == store.get_meta("sync_hub"):
        raise refused(
            "Đơn vị gửi {s} chưa được đăng ký là cấp dưới (hub trust với tệp khóa của đơn vị "
            "đó); gói bị từ chối.",
            "Sender {s} is not registered as a hub below this one (hub trust with its key "
            "file); refused.",
            s=header.sender,
        )
    if header.sender_fingerprint != peer.fingerprint:
        raise refused(
            "Gói của {s} được ký bằng khóa khác (vân tay {f}) với khóa đã đăng ký ({g}).",
            "The package from {s} is signed with another key (fingerprint {f}) than the "
            "registered one ({g}).",
            s=header.sender,
            f=header.sender_fingerprint,
            g=peer.fingerprint,
        )
    _check_clock(header)
    opened = open_package(data, header, aad, recipient_key(header, own.agreement), peer.signing_key)
    names = [m.name for m in opened.manifest.members]
    if names != [SUMMARY_NAME]:
        raise refused(
            "Gói số liệu tổng hợp chỉ được chứa {m}; gói bị từ chối.",
            "A summary package may hold only {m}; refused.",
            m=SUMMARY_NAME,
        )
    return OpenedSummary(path, digest, opened)


def record_summary(store: Store, summary: OpenedSummary, lines: int, user: str) -> None:
    """Remember an imported summary package and audit it (inside its transaction)."""
    header = summary.header
    file_name = printable(summary.path.name, 255)
    state.record_received(
        store,
        state.ReceivedRow(
            sha256=summary.digest,
            kind=header.kind,
            sender=header.sender,
            device_id=header.device_id,
            seq=header.seq,
            created_at=header.created_at,
            imported_at=utc_now(),
            change_from=0,
            change_to=0,
            rows=lines,
            applied=lines,
            conflicts=0,
            file_name=file_name,
        ),
    )
    store.audit(
        "sync_import_summary",
        user,
        detail=json.dumps(
            {
                "file": file_name,
                "from": header.sender,
                "seq": header.seq,
                "lines": lines,
                "sha256": summary.digest,
            }
        ),
    )
