"""Rows as JSON lines in a package, and the strict check every incoming row goes through.

A row is one JSON object per line: `uuid`, `unit_code`, one key per form field, then
`created_at`, `updated_at`, `author`, `device_id`, `change_no`, `edit_count`, `versions`
(object device → edits) and `deleted` (boolean). Field values are the JSON data of
`forms/codec.py` (text/choice/phone/personal ID as strings, integers as numbers, dates as
"YYYY-MM-DD", multi-choice as arrays of strings, references as UUID strings, blanks as null or
[] for a multi-choice); a change there is a change of this format. `search_text` is not
carried: it is derived data and the receiver recomputes it.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Iterable, Iterator
from datetime import date, datetime
from typing import Any

from de06desk.domain.i18n import DomainError, Msg
from de06desk.domain.idnumber import country_codes, province_codes
from de06desk.domain.text import UnsafeText, check_untrusted, is_safe, printable
from de06desk.forms import FieldSpec, FormSpec, RecordValidator, parse_value
from de06desk.forms.bookkeeping import SYNCED_NAMES, synced_columns, table_columns
from de06desk.forms.codec import blank, column_to_json_plan, from_json, row_to_db
from de06desk.store.database import search_text

from .errors import PackageRefused

MAX_TEXT = 100_000
MAX_VERSION_ENTRIES = 256
_UUID = re.compile(r"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}")


def encode_row(form: FormSpec, row: dict[str, Any]) -> bytes:
    """One stored row (as `sync_state.iter_changed_rows` gives it) as a JSON line."""
    out = dict(row)
    for name, to_json in column_to_json_plan(form):
        out[name] = to_json(row[name])
    out["versions"] = json.loads(row["versions"] or "{}")
    out["deleted"] = bool(row["deleted"])
    return json.dumps(out, ensure_ascii=False, separators=(",", ":")).encode("utf-8") + b"\n"


def iter_lines(lines: Iterable[bytes]) -> Iterator[tuple[int, Any]]:
    """(line number, parsed JSON) for each line of a rows member."""
    for number, line in enumerate(lines, start=1):
        if not line:
            continue
        try:
            yield number, json.loads(line.decode("utf-8"))
        except (UnicodeDecodeError, ValueError, RecursionError):
            raise _bad(f"line {number}", "not JSON") from None


class RowDecoder:
    """The strict check of every incoming row of one form, prepared once per package.

    Field converters, the form's validator (`RecordValidator`) and the column order are built
    here, so each row costs one pass over its values: a hub checks millions of rows.
    """

    def __init__(self, form: FormSpec, today: date) -> None:
        self.form = form
        # The synced columns, then `search_text`: every column of the table.
        self.columns = table_columns(form)
        self._allowed = frozenset(synced_columns(form))
        self._fields = [(spec.name, _converter(spec)) for spec in form.fields]
        self._to_db = row_to_db(form)
        self._validate = RecordValidator(form, today)

    def decode(self, raw: Any, where: str) -> tuple[Any, ...]:
        """Check one incoming row completely: its values as stored, in `columns` order.

        Raises PackageRefused naming the row and the problem.
        """
        if type(raw) is not dict:
            raise _bad(where, "not an object")
        if not self._allowed.issuperset(raw):
            unknown = sorted(str(k) for k in set(raw) - self._allowed)
            raise _bad(where, f"unknown field '{printable(unknown[0], 40)}' (newer form?)")
        for key in SYNCED_NAMES:
            if key not in raw:
                raise _bad(where, f"missing '{key}'")
        uuid = raw["uuid"]
        if not _is_uuid(uuid):
            raise _bad(where, "uuid")
        for key in ("unit_code", "author", "device_id"):
            value = raw[key]
            if type(value) is not str or not 0 < len(value) <= 100 or not is_safe(value):
                raise _bad(f"{where} ({uuid})", key)
        for key in ("created_at", "updated_at"):
            if not _is_timestamp(raw[key]):
                raise _bad(f"{where} ({uuid})", key)
        if not _is_count(raw["change_no"]) or not _is_count(raw["edit_count"]):
            raise _bad(f"{where} ({uuid})", "change_no/edit_count")
        versions = raw["versions"]
        if (
            type(versions) is not dict
            or not 0 < len(versions) <= MAX_VERSION_ENTRIES
            or not all(type(k) is str and 0 < len(k) <= 100 and is_safe(k) for k in versions)
            or not all(_is_count(v) for v in versions.values())
        ):
            raise _bad(f"{where} ({uuid})", "versions")
        if type(raw["deleted"]) is not bool:
            raise _bad(f"{where} ({uuid})", "deleted")
        values: dict[str, Any] = {}
        for name, convert in self._fields:
            try:
                values[name] = convert(raw.get(name))
            except UnsafeText as exc:
                raise _bad(f"{where} ({uuid})", f"field '{name}': {exc}") from None
            except (DomainError, ValueError, TypeError):
                raise _bad(f"{where} ({uuid})", f"field '{name}'") from None
        errors = self._validate(values)
        if errors:
            form = self.form
            problems = next(iter(errors.values()))
            raise PackageRefused(
                Msg(
                    f"Gói có bản ghi sai quy tắc biểu mẫu “{form.label_vi}” {where} ({uuid}): "
                    f"{problems[0].vi}; gói bị từ chối.",
                    f"The package has a record breaking the rules of form “{form.label_en}” "
                    f"{where} ({uuid}): {problems[0].en}; refused.",
                )
            )
        stored: list[Any] = [uuid, raw["unit_code"], *self._to_db(values)]
        stored += (
            raw["created_at"],
            raw["updated_at"],
            raw["author"],
            raw["device_id"],
            raw["change_no"],
            raw["edit_count"],
            canonical_versions(versions),
            int(raw["deleted"]),
            search_text(self.form, values),
        )
        return tuple(stored)


def canonical_versions(versions: dict[str, int]) -> str:
    """A version vector as stored: JSON with sorted keys."""
    if len(versions) == 1:
        ((device, edits),) = versions.items()
        # Nearly every record was edited on one device, whose id (a UUID) needs no escaping.
        if _UUID.fullmatch(device) and type(edits) is int:
            return f'{{"{device}":{edits}}}'
    return json.dumps(versions, sort_keys=True, separators=(",", ":"))


def _converter(spec: FieldSpec) -> Callable[[Any], Any]:
    """The strict conversion of one field's JSON value to its Python value (raises if wrong)."""
    kind = spec.type
    empty = blank(spec)
    if kind == "integer":

        def integer(raw: Any) -> Any:
            if raw is None:
                return empty
            if type(raw) is not int:
                raise TypeError(kind)
            return raw

        return integer
    if kind == "multi_choice":

        def choices(raw: Any) -> Any:
            if raw is None:
                return empty
            if type(raw) is not list or not all(type(v) is str for v in raw):
                raise TypeError(kind)
            for value in raw:
                check_untrusted(value)
            return list(raw)

        return choices
    check = _TEXT_CHECKS.get(kind, _any_text)
    if kind == "personal_id":
        check = _personal_id(spec)
    multiline = spec.multiline

    def text(raw: Any) -> Any:
        if raw is None:
            return empty
        if type(raw) is not str or len(raw) > MAX_TEXT:
            raise TypeError(kind)
        # The one gate for untrusted text: no lone surrogate, NUL, control or bidi override.
        check_untrusted(raw, multiline=multiline)
        return check(spec, raw)

    return text


def _any_text(spec: FieldSpec, raw: str) -> Any:
    return raw


def _date(spec: FieldSpec, raw: str) -> Any:
    if len(raw) != 10:
        raise ValueError(raw)
    return from_json(spec, raw)


def _normalised(spec: FieldSpec, raw: str) -> Any:
    # Stored values are already normalised; anything else did not come from a store.
    if parse_value(spec, raw) != raw:
        raise ValueError(spec.type)
    return raw


def _reference(spec: FieldSpec, raw: str) -> Any:
    if not _is_uuid(raw):
        raise ValueError(spec.type)
    return raw


_TEXT_CHECKS: dict[str, Callable[[FieldSpec, str], Any]] = {
    "date": _date,
    "phone": _normalised,
    "village": _reference,
    "officer": _reference,
    "reference": _reference,
}


def _personal_id(spec: FieldSpec) -> Callable[[FieldSpec, str], Any]:
    """The ID-number check with a quick path for the usual 12-digit number.

    A 12-digit number whose place code is known and whose birth year has come is exactly what
    `parse_value` returns unchanged; anything else goes through `parse_value` itself.
    """
    codes = frozenset(province_codes()) | frozenset(country_codes())
    this_year = date.today().year

    def check(spec: FieldSpec, raw: str) -> Any:
        if (
            len(raw) == 12
            and raw.isascii()
            and raw.isdigit()
            and raw[:3] in codes
            and 1900 + 100 * (int(raw[3]) // 2) + int(raw[4:6]) <= this_year
        ):
            return raw
        return _normalised(spec, raw)

    return check


def _is_uuid(value: Any) -> bool:
    # The canonical text form (what str(uuid.UUID(...)) gives): lower-case hex in 8-4-4-4-12.
    return type(value) is str and _UUID.fullmatch(value) is not None


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
