"""The audit chain across sync: what a package proves about its sender's audit log, and what
the hub concludes from the heads it has received (docs/SYNC.md §3 `audit_chain`, §5 step 7).

A commune's package carries the head of its audit chain, recomputed from the first entry, and
the chain's hash at the heads of the packages it sent before. The hub keeps every head it
receives per commune device; a new package must agree with each one it can compare and must
reach the newest. If it does not, the commune's history was rewritten since the last sync —
the package is still imported (its rows are the commune's data), and the commune is flagged
on `hub status` and in the hub's report.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Literal

from de06desk.domain.i18n import Msg, msg
from de06desk.store import Store, utc_now
from de06desk.store import sync_state as state
from de06desk.store.audit_queries import verify_audit_chain

from .package import MAX_AUDIT_ANCHORS, AuditChainHead, Header

Verdict = Literal["first", "extends", "older", "rewritten", "unproven", "broken"]
# Verdicts that put a flag on the commune.
FLAGGED: frozenset[str] = frozenset({"rewritten", "unproven", "broken"})


def chain_for_package(store: Store, recipient: str) -> AuditChainHead:
    """This database's audit chain head for a package to `recipient`, with the anchors that
    prove it extends the heads sent there before."""
    anchors = state.audit_anchor_ids(store, recipient, store.device_id, MAX_AUDIT_ANCHORS)
    report = verify_audit_chain(store, at_ids=anchors)
    return AuditChainHead(
        head_id=report.head_id,
        head_hash=report.head_hash,
        anchors=tuple((i, report.at[i]) for i in anchors),
        whole=report.whole,
    )


def judge(known: Mapping[int, str], chain: AuditChainHead) -> tuple[Verdict, str]:
    """The verdict on a new head given the heads already received from the same device
    (head id → hash), and a detail: the first entry id where they disagree, or the newest
    known head id a package failed to reach."""
    claims: dict[int, str | None] = dict(chain.anchors)
    claims[chain.head_id] = chain.head_hash
    disagree = sorted(i for i, h in claims.items() if i in known and known[i] != h)
    if disagree:
        return "rewritten", str(disagree[0])
    if not chain.whole:
        return "broken", ""
    if not known:
        return "first", ""
    newest = max(known)
    if chain.head_id < newest:
        # An earlier package arriving late: it agrees wherever it can be compared.
        return "older", ""
    if newest in claims:
        return "extends", ""
    return "unproven", str(newest)


def record_head(store: Store, header: Header, chain: AuditChainHead | None, digest: str) -> str:
    """Judge and keep the head of an imported package (inside its transaction); returns the
    verdict, or "" for a package without one (written before the audit chain) and for a
    hub's package down (a commune does not judge its hub)."""
    if chain is None or header.kind != "up":
        return ""
    known = {
        h.head_id: h.head_hash
        for h in state.list_audit_heads(store, header.sender, header.device_id)
    }
    verdict, detail = judge(known, chain)
    state.record_audit_head(
        store,
        state.AuditHeadRow(
            package_sha256=digest,
            sender=header.sender,
            device_id=header.device_id,
            seq=header.seq,
            head_id=chain.head_id,
            head_hash=chain.head_hash,
            verdict=verdict,
            detail=detail,
            received_at=utc_now(),
        ),
    )
    return verdict


@dataclass(frozen=True, kw_only=True)
class AuditFlag:
    """A package whose audit chain head did not extend what the hub held."""

    unit_code: str
    device_id: str
    seq: int
    verdict: str
    detail: str
    received_at: str

    def describe(self) -> Msg:
        """One line for `hub status` and the hub report."""
        where = {"seq": self.seq, "device": self.device_id[:8], "d": self.detail}
        if self.verdict == "rewritten":
            return msg(
                "nhật ký hoạt động bị viết lại từ lần đồng bộ trước (gói số {seq}, máy {device},"
                " khác từ mục {d})",
                "audit log rewritten since the last sync (package {seq}, device {device},"
                " differs from entry {d})",
                **where,
            )
        if self.verdict == "broken":
            return msg(
                "nhật ký hoạt động của xã không nguyên vẹn (gói số {seq}, máy {device})",
                "the commune's audit log is not whole (package {seq}, device {device})",
                **where,
            )
        return msg(
            "gói số {seq} (máy {device}) không chứng minh được nhật ký nối tiếp mục {d} đã nhận",
            "package {seq} (device {device}) does not prove its audit log extends entry {d}",
            **where,
        )

    def to_json(self) -> dict[str, object]:
        """Plain data for `hub status --json`."""
        return {
            "device_id": self.device_id,
            "seq": self.seq,
            "verdict": self.verdict,
            "detail": self.detail,
            "received_at": self.received_at,
        }


def audit_flags(store: Store, sender: str | None = None) -> list[AuditFlag]:
    """Every flagged package received (of one commune, or all), oldest first."""
    return [
        AuditFlag(
            unit_code=h.sender,
            device_id=h.device_id,
            seq=h.seq,
            verdict=h.verdict,
            detail=h.detail,
            received_at=h.received_at,
        )
        for h in sorted(state.list_audit_heads(store, sender), key=lambda h: h.received_at)
        if h.verdict in FLAGGED
    ]
