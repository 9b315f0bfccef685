"""The audit log's hash chain: each entry's hash covers its fields and the previous entry's hash.

Pure Python: the store writes and reads the rows (store/database.py `Store.audit`,
store/audit_queries.py `verify_audit_chain`), sync carries the head (docs/SYNC.md).

What it detects: an entry changed, removed from the middle, or put in a different order after
it was written, by anyone who did not recompute every later hash; removed entries at the end
are seen by the gap they leave in the ids (SQLite's AUTOINCREMENT never reuses one). What it
cannot detect on its own: someone holding the data key who rewrites the whole chain from the
changed entry on. The hub catches that for history it has already seen, because it keeps the
heads each commune sent (docs/SECURITY.md §2).
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable
from dataclasses import dataclass, field

from .i18n import Msg, msg

# The hash before the first entry.
GENESIS = "0" * 64
# Bumped if the encoding ever changes; it is inside every hash, so old and new never mix.
_CONTEXT = "de06desk-audit/1"
# The verifier reports at most this many bad ids and missing ranges (a wiped log has millions).
MAX_REPORTED = 50

# An audit row as the chain sees it: id, then at, username, action, form_id, record_uuid, old,
# new, detail (text or None) — the `audit` table's columns in order, without the hash.
AuditFields = tuple[int, *tuple[str | None, ...]]


def entry_hash(previous: str, fields: AuditFields) -> str:
    """SHA-256 (hex) of the canonical encoding of one entry's fields and the previous hash.

    The encoding is a JSON array (ASCII only, no spaces) of a context string, the nine fields
    and the previous hash, so no two different entries can encode alike.
    """
    data = json.dumps([_CONTEXT, *fields, previous], ensure_ascii=True, separators=(",", ":"))
    return hashlib.sha256(data.encode("ascii")).hexdigest()


@dataclass
class ChainReport:
    """What walking the chain found.

    `whole` means every stored hash is the one its fields and predecessor give, and no id is
    missing. `bad_ids` are entries whose stored hash is wrong or absent (changed, or the entry
    before them was removed); `missing` are (first, last) ranges of ids that are gone. `head_id` and
    `head_hash` are the newest entry and the hash the chain *recomputed from its first entry*
    gives it — the value a package carries, so a history rewritten since the last sync does
    not match what the hub was shown. `at` holds the recomputed hash at each id asked for
    (None when that entry is gone).
    """

    entries: int = 0
    bad_ids: list[int] = field(default_factory=list)
    bad_count: int = 0
    missing: list[tuple[int, int]] = field(default_factory=list)
    missing_count: int = 0
    head_id: int = 0
    head_hash: str = GENESIS
    at: dict[int, str | None] = field(default_factory=dict)

    @property
    def whole(self) -> bool:
        """True when nothing was changed, reordered or removed."""
        return not self.bad_count and not self.missing_count

    @property
    def first_bad_id(self) -> int | None:
        """The first id where the chain breaks (a wrong hash, or the first missing id)."""
        candidates = [*self.bad_ids[:1], *(first for first, _ in self.missing[:1])]
        return min(candidates) if candidates else None


def walk_chain(
    rows: Iterable[tuple[AuditFields, str | None]],
    *,
    last_issued_id: int = 0,
    at_ids: Iterable[int] = (),
) -> ChainReport:
    """Check a chain given as (fields, stored hash) in id order.

    `last_issued_id` is the highest id ever handed out (SQLite's sequence for the table), so
    entries removed from the end show as missing. `at_ids` asks for the recomputed hash at
    those ids (see `ChainReport.at`).
    """
    wanted = set(at_ids)
    report = ChainReport(at=dict.fromkeys(wanted))
    stored_previous = recomputed = GENESIS
    expected_id = 1
    for fields, stored in rows:
        row_id = fields[0]
        if row_id > expected_id:
            _missing(report, expected_id, row_id - 1)
        expected_id = row_id + 1
        report.entries += 1
        # A wrong hash is reported once, where it is; the walk goes on from the stored value,
        # so one removed entry does not mark every later one bad.
        expected = entry_hash(stored_previous, fields)
        if stored != expected:
            report.bad_count += 1
            if len(report.bad_ids) < MAX_REPORTED:
                report.bad_ids.append(row_id)
        # While the chain is whole both walks are the same and one hash serves them.
        recomputed = expected if recomputed == stored_previous else entry_hash(recomputed, fields)
        stored_previous = stored or GENESIS
        report.head_id, report.head_hash = row_id, recomputed
        if row_id in wanted:
            report.at[row_id] = recomputed
    if last_issued_id >= expected_id:
        _missing(report, expected_id, last_issued_id)
    return report


def _missing(report: ChainReport, first: int, last: int) -> None:
    report.missing_count += last - first + 1
    if len(report.missing) < MAX_REPORTED:
        report.missing.append((first, last))


def describe_chain(report: ChainReport) -> Msg:
    """One line saying whether the log is whole and, if not, where it breaks (CLI and screen)."""
    if report.whole:
        return msg(
            "Nhật ký hoạt động nguyên vẹn: {n} mục, chuỗi mã băm liền mạch tới mục số {h}.",
            "The audit log is whole: {n} entries, hash chain unbroken up to entry {h}.",
            n=report.entries,
            h=report.head_id,
        )
    parts_vi, parts_en = [], []
    if report.bad_count:
        shown = _ids(report.bad_ids, report.bad_count)
        parts_vi.append(f"mã băm sai ở {report.bad_count} mục: {shown}")
        parts_en.append(f"wrong hash at {report.bad_count} entries: {shown}")
    if report.missing_count:
        shown = _ranges(report.missing)
        parts_vi.append(f"mất {report.missing_count} mục: {shown}")
        parts_en.append(f"{report.missing_count} entries missing: {shown}")
    return msg(
        "NHẬT KÝ HOẠT ĐỘNG ĐÃ BỊ SỬA HOẶC XÓA: chuỗi mã băm đứt từ mục số {f}; {why_vi}.",
        "THE AUDIT LOG WAS CHANGED OR CUT: the hash chain breaks at entry {f}; {why_en}.",
        f=report.first_bad_id,
        why_vi="; ".join(parts_vi),
        why_en="; ".join(parts_en),
    )


def _ids(ids: list[int], count: int) -> str:
    return ", ".join(str(i) for i in ids[:10]) + ("…" if count > 10 else "")


def _ranges(ranges: list[tuple[int, int]]) -> str:
    text = ", ".join(str(a) if a == b else f"{a}–{b}" for a, b in ranges[:10])
    return text + ("…" if len(ranges) > 10 else "")
