"""Rows as JSON lines in a package, and the strict check every incoming row goes through.

A row is one JSON object per line: `uuid`, `unit_code`, one key per form field, then
`created_at`, `updated_at`, `author`, `device_id`, `change_no`, `edit_count`, `versions`
(object device → edits) and `deleted` (boolean). Field values: text/choice/phone/personal ID
as strings, integers as numbers, dates as "YYYY-MM-DD", multi-choice as arrays of strings,
references as UUID strings, blanks as null. `search_text` is not carried: it is derived data
and the receiver recomputes it.
"""

from __future__ import annotations

import json
import uuid as uuidlib
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from de06desk.domain.i18n import DomainError, Msg
from de06desk.forms import FieldSpec, FormSpec, parse_value, validate_record
from de06desk.store import to_db
from de06desk.store.database import search_text
from de06desk.store.sync_state import sync_columns

from .errors import PackageRefused

MAX_TEXT = 100_000
MAX_VERSION_ENTRIES = 256
_META_KEYS = (
    "uuid",
    "unit_code",
    "created_at",
    "updated_at",
    "author",
    "device_id",
    "change_no",
    "edit_count",
    "versions",
    "deleted",
)


def encode_row(form: FormSpec, row: dict[str, Any]) -> bytes:
    """One stored row (as `sync_state.iter_changed_rows` gives it) as a JSON line."""
    out = dict(row)
    for spec in form.fields:
        if spec.type == "multi_choice":
            out[spec.name] = json.loads(row[spec.name]) if row[spec.name] else []
    out["versions"] = json.loads(row["versions"] or "{}")
    out["deleted"] = bool(row["deleted"])
    return json.dumps(out, ensure_ascii=False, separators=(",", ":")).encode("utf-8") + b"\n"


@dataclass(frozen=True)
class IncomingRow:
    """A checked incoming row: its stored form (`db`) and its vector clock."""

    uuid: str
    db: dict[str, Any]
    versions: dict[str, int]


def iter_lines(data: bytes) -> Iterator[tuple[int, Any]]:
    """(line number, parsed JSON) for each line of a rows member."""
    for number, line in enumerate(data.split(b"\n"), start=1):
        if not line:
            continue
        try:
            yield number, json.loads(line.decode("utf-8"))
        except (UnicodeDecodeError, ValueError, RecursionError):
            raise _bad(f"line {number}", "not JSON") from None


def decode_row(form: FormSpec, raw: Any, today: date, where: str) -> IncomingRow:
    """Check one incoming row completely; raises PackageRefused naming the row and problem."""
    if not isinstance(raw, dict):
        raise _bad(where, "not an object")
    allowed = set(sync_columns(form))
    unknown = sorted(set(raw) - allowed)
    if unknown:
        raise _bad(where, f"unknown field '{str(unknown[0])[:40]}' (newer form?)")
    missing = [k for k in _META_KEYS if k not in raw]
    if missing:
        raise _bad(where, f"missing '{missing[0]}'")
    uuid = raw["uuid"]
    if not _is_uuid(uuid):
        raise _bad(where, "uuid")
    where = f"{where} ({uuid})"
    for key in ("unit_code", "author", "device_id"):
        if not isinstance(raw[key], str) or not 0 < len(raw[key]) <= 100:
            raise _bad(where, key)
    for key in ("created_at", "updated_at"):
        if not _is_timestamp(raw[key]):
            raise _bad(where, key)
    if not _is_count(raw["change_no"]) or not _is_count(raw["edit_count"]):
        raise _bad(where, "change_no/edit_count")
    versions = raw["versions"]
    if (
        not isinstance(versions, dict)
        or not 0 < len(versions) <= MAX_VERSION_ENTRIES
        or not all(isinstance(k, str) and 0 < len(k) <= 100 for k in versions)
        or not all(_is_count(v) for v in versions.values())
    ):
        raise _bad(where, "versions")
    if not isinstance(raw["deleted"], bool):
        raise _bad(where, "deleted")
    values: dict[str, Any] = {}
    for spec in form.fields:
        try:
            values[spec.name] = _field_value(spec, raw.get(spec.name))
        except (DomainError, ValueError, TypeError):
            raise _bad(where, f"field '{spec.name}'") from None
    errors = validate_record(form, values, today)
    if errors:
        problems = next(iter(errors.values()))
        raise PackageRefused(
            Msg(
                f"Gói có bản ghi sai quy tắc biểu mẫu “{form.label_vi}” {where}: "
                f"{problems[0].vi}; gói bị từ chối.",
                f"The package has a record breaking the rules of form “{form.label_en}” "
                f"{where}: {problems[0].en}; refused.",
            )
        )
    db: dict[str, Any] = {spec.name: to_db(spec, values[spec.name]) for spec in form.fields}
    db.update(
        uuid=uuid,
        unit_code=raw["unit_code"],
        created_at=raw["created_at"],
        updated_at=raw["updated_at"],
        author=raw["author"],
        device_id=raw["device_id"],
        change_no=raw["change_no"],
        edit_count=raw["edit_count"],
        versions=canonical_versions(versions),
        deleted=int(raw["deleted"]),
        search_text=search_text(form, values),
    )
    return IncomingRow(uuid, db, dict(versions))


def canonical_versions(versions: dict[str, int]) -> str:
    """A version vector as stored: JSON with sorted keys."""
    return json.dumps(versions, sort_keys=True, separators=(",", ":"))


def _field_value(spec: FieldSpec, raw: Any) -> Any:
    if raw is None:
        return [] if spec.type == "multi_choice" else None
    kind = spec.type
    if kind == "integer":
        if not isinstance(raw, int) or isinstance(raw, bool):
            raise TypeError(kind)
        return raw
    if kind == "multi_choice":
        if not isinstance(raw, list) or not all(isinstance(v, str) for v in raw):
            raise TypeError(kind)
        return list(raw)
    if not isinstance(raw, str) or len(raw) > MAX_TEXT:
        raise TypeError(kind)
    if kind == "date":
        if len(raw) != 10:
            raise ValueError(raw)
        return date.fromisoformat(raw)
    if kind in ("personal_id", "phone"):
        # Stored values are already normalised; anything else did not come from a store.
        if parse_value(spec, raw) != raw:
            raise ValueError(kind)
        return raw
    if kind in ("village", "officer", "reference"):
        if not _is_uuid(raw):
            raise ValueError(kind)
        return raw
    return raw


def _is_uuid(value: Any) -> bool:
    if not isinstance(value, str) or len(value) != 36:
        return False
    try:
        return str(uuidlib.UUID(value)) == value
    except ValueError:
        return False


def _is_timestamp(value: Any) -> bool:
    if not isinstance(value, str) or len(value) > 40:
        return False
    try:
        datetime.fromisoformat(value)
    except ValueError:
        return False
    return True


def _is_count(value: Any) -> bool:
    return isinstance(value, int) and not isinstance(value, bool) and 0 <= value < 2**53


def _bad(where: str, what: str) -> PackageRefused:
    return PackageRefused(
        Msg(
            f"Gói có dòng dữ liệu không hợp lệ: {where}: {what}; gói bị từ chối.",
            f"The package has an invalid row: {where}: {what}; refused.",
        )
    )
