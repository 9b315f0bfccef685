"""Turn what a person typed into field values, and check a whole record against its form."""

from __future__ import annotations

import re
import uuid as uuidlib
from collections.abc import Callable, Mapping
from datetime import date
from typing import Any

from de06desk.domain.i18n import DomainError, Msg, msg
from de06desk.domain.idnumber import parse_id_number
from de06desk.domain.phone import normalize_phone
from de06desk.domain.weeks import format_date, parse_date

from .codec import blank
from .model import FieldSpec, FormSpec

Errors = dict[str, list[Msg]]


def parse_value(spec: FieldSpec, raw: Any) -> Any:
    """Convert user input (text or an already-typed value) to the field's value.

    Blank input gives None (or [] for multi-choice). Raises DomainError with a
    plain-language message when the input cannot be a value of this field.
    """
    if raw is None or (isinstance(raw, str) and not raw.strip()):
        return blank(spec)
    kind = spec.type
    if kind == "text":
        return str(raw).strip()
    if kind == "integer":
        if isinstance(raw, bool):
            raise DomainError(msg("Hãy nhập một số nguyên.", "Enter a whole number."))
        if isinstance(raw, int):
            return raw
        text = str(raw).strip().replace(".", "").replace(" ", "")
        if not re.fullmatch(r"-?\d{1,12}", text):
            raise DomainError(
                msg("“{v}” không phải số nguyên.", "“{v}” is not a whole number.", v=str(raw)[:30])
            )
        return int(text)
    if kind == "date":
        if isinstance(raw, date):
            return raw
        return parse_date(str(raw))
    if kind == "choice":
        value = str(raw).strip()
        if spec.choice(value) is None:
            matched = next((c for c in spec.choices if value in (c.vi, c.en)), None)
            if matched is None:
                raise DomainError(
                    msg(
                        "“{v}” không có trong danh sách lựa chọn.",
                        "“{v}” is not one of the choices.",
                        v=value[:40],
                    )
                )
            return matched.value
        return value
    if kind == "multi_choice":
        items = raw if isinstance(raw, list | tuple) else str(raw).split(",")
        values = []
        for item in items:
            item = str(item).strip()
            if item and item not in values:
                values.append(parse_value(_as_choice(spec), item))
        return values
    if kind == "personal_id":
        return parse_id_number(str(raw), allow_cmnd=spec.allow_cmnd).number
    if kind == "phone":
        return normalize_phone(str(raw))
    if kind in ("village", "officer", "reference"):
        value = str(raw).strip()
        try:
            return str(uuidlib.UUID(value))
        except ValueError:
            raise DomainError(
                msg("Không tìm thấy bản ghi được chọn.", "The selected record was not found.")
            ) from None
    raise DomainError(msg("Kiểu dữ liệu không hỗ trợ.", "Unsupported field type."))


def _as_choice(spec: FieldSpec) -> FieldSpec:
    from dataclasses import replace

    return replace(spec, type="choice")


def check_field(spec: FieldSpec, value: Any, today: date | None = None) -> list[Msg]:
    """Problems with one (already parsed) value on its own: required, bounds, pattern."""
    blank = value is None or value == "" or value == []
    label = spec.label_vi, spec.label_en
    if blank:
        if spec.required:
            return [msg("{f}: bắt buộc phải nhập.", "{g}: required.", f=label[0], g=label[1])]
        return []
    problems: list[Msg] = []
    if spec.type == "text":
        if spec.max_length and len(value) > spec.max_length:
            problems.append(
                msg(
                    "{f}: dài quá {n} ký tự.",
                    "{g}: longer than {n} characters.",
                    f=label[0],
                    g=label[1],
                    n=spec.max_length,
                )
            )
        if spec.pattern and not re.fullmatch(spec.pattern, value):
            problems.append(
                msg("{f}: không đúng định dạng.", "{g}: wrong format.", f=label[0], g=label[1])
            )
    elif spec.type in ("integer", "date"):
        low, high = _resolve(spec.min, today), _resolve(spec.max, today)
        shown = format_date if spec.type == "date" else str
        if low is not None and _lt(value, low):
            problems.append(
                msg(
                    "{f}: không được nhỏ hơn {b}.",
                    "{g}: must be at least {b}.",
                    f=label[0],
                    g=label[1],
                    b=shown(low),
                )
            )
        if high is not None and _lt(high, value):
            if spec.max == "today":
                problems.append(
                    msg(
                        "{f}: không được sau ngày hôm nay.",
                        "{g}: cannot be in the future.",
                        f=label[0],
                        g=label[1],
                    )
                )
            else:
                problems.append(
                    msg(
                        "{f}: không được lớn hơn {b}.",
                        "{g}: must be at most {b}.",
                        f=label[0],
                        g=label[1],
                        b=shown(high),
                    )
                )
    elif spec.type in ("choice", "multi_choice") and any(
        spec.choice(v) is None for v in (value if spec.type == "multi_choice" else [value])
    ):
        problems.append(
            msg("{f}: lựa chọn không hợp lệ.", "{g}: invalid choice.", f=label[0], g=label[1])
        )
    return problems


def _resolve(bound: Any, today: date | None) -> Any:
    if bound == "today":
        return today or date.today()
    return bound


def _lt(a: Any, b: Any) -> bool:
    try:
        return bool(a < b)
    except TypeError:
        return False


def validate_record(form: FormSpec, values: Mapping[str, Any], today: date | None = None) -> Errors:
    """All problems of a record: field name → messages ('' for the record as a whole).

    `values` holds parsed values (see parse_value). Rules run only over fields that are
    themselves valid, so one typo does not produce a cascade of messages. To check many
    records of one form, make one `RecordValidator` and call it for each.
    """
    return RecordValidator(form, today)(values)


class RecordValidator:
    """`validate_record` for one form, prepared once for validating many records.

    Each field gets a quick test that is true only when `check_field` would find nothing (choice
    values as a set, patterns compiled, bounds resolved for `today`); a value that fails it goes
    through `check_field` itself, so the messages, and the verdict, are exactly the same.
    """

    def __init__(self, form: FormSpec, today: date | None = None) -> None:
        self.form = form
        self.today = today
        self._checks = [(spec, _quick_check(spec, today)) for spec in form.fields]

    def __call__(self, values: Mapping[str, Any]) -> Errors:
        """All problems of a record, as `validate_record(form, values, today)` gives them."""
        errors: Errors = {}
        for spec, quick in self._checks:
            value = values.get(spec.name)
            if quick(value):
                continue
            problems = check_field(spec, value, self.today)
            if problems:
                errors[spec.name] = problems
        invalid_fields = set(errors)
        for rule in self.form.rules:
            if invalid_fields and rule.expression.names & invalid_fields:
                continue
            if not rule.expression.passes(values):
                for name in rule.fields:
                    errors.setdefault(name, []).append(rule.message)
        return errors


def _quick_check(spec: FieldSpec, today: date | None) -> Callable[[Any], bool]:
    """A test that passes only values `check_field` has nothing against (it may miss some)."""
    required = spec.required
    kind = spec.type

    def blank_ok(value: Any) -> bool:
        return value is None and not required

    if kind == "text":
        limit = spec.max_length or 0
        pattern = re.compile(spec.pattern) if spec.pattern else None

        def text_ok(value: Any) -> bool:
            if type(value) is not str or not value:
                return blank_ok(value)
            if limit and len(value) > limit:
                return False
            return pattern is None or pattern.fullmatch(value) is not None

        return text_ok
    if kind in ("integer", "date"):
        low, high = _resolve(spec.min, today), _resolve(spec.max, today)
        expected = int if kind == "integer" else date

        def bounded_ok(value: Any) -> bool:
            if type(value) is not expected:
                return blank_ok(value)
            return not (low is not None and _lt(value, low)) and not (
                high is not None and _lt(high, value)
            )

        return bounded_ok
    if kind in ("choice", "multi_choice"):
        options = frozenset(c.value for c in spec.choices)
        if kind == "choice":
            return lambda value: (type(value) is str and value in options) or blank_ok(value)
        return lambda value: (
            (type(value) is list and bool(value) and all(type(v) is str for v in value))
            and options.issuperset(value)
        )

    def present_ok(value: Any) -> bool:
        return (type(value) is str and value != "") or blank_ok(value)

    return present_ok


def parse_record(form: FormSpec, raw: Mapping[str, Any]) -> tuple[dict[str, Any], Errors]:
    """Parse every field of `raw` input; returns (values, errors), errors including rules."""
    values: dict[str, Any] = {}
    errors: Errors = {}
    for spec in form.fields:
        try:
            values[spec.name] = parse_value(spec, raw.get(spec.name))
        except DomainError as exc:
            errors[spec.name] = [exc.message]
            values[spec.name] = None
    for name, problems in validate_record(form, values).items():
        if name not in errors:
            errors[name] = problems
    return values, errors


def defaults(form: FormSpec) -> dict[str, Any]:
    """A new record's starting values: the declared defaults, blanks elsewhere."""
    return {f.name: f.default if f.default is not None else blank(f) for f in form.fields}
