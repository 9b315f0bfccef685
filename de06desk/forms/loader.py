"""Load form files (`forms/*.toml`), refusing any mistake with a message that names it.

Form files are TOML: data only, nothing in them can run. A mistake (unknown type, a rule
that names a missing field, a choice list that does not exist) stops the load with a
FormError naming the file, the field and the problem, so a bad update never half-applies.
"""

from __future__ import annotations

import re
import tomllib
from datetime import date
from functools import cache
from pathlib import Path
from typing import Any, TypeVar

from de06desk.config import forms_dir
from de06desk.domain.i18n import Msg

from . import bookkeeping
from .model import FIELD_TYPES, Choice, FieldSpec, FormSet, FormSpec, RuleSpec
from .rules import RuleSyntaxError, compile_rule

_IDENT = re.compile(r"^[a-z][a-z0-9_]{0,39}$")
_FORM_KEYS = {"id", "version", "table", "label_vi", "label_en", "title_field", "singleton"}
_FIELD_KEYS = {
    "name",
    "type",
    "label_vi",
    "label_en",
    "required",
    "help_vi",
    "help_en",
    "min",
    "max",
    "max_length",
    "pattern",
    "choices",
    "ref",
    "allow_cmnd",
    "searchable",
    "multiline",
    "default",
    "cross_check",
}
_CROSS_CHECK_ROLES = ("sex", "birth_date", "birth_year")
_RULE_KEYS = {"id", "expr", "fields", "message_vi", "message_en"}
MAX_FORM_FILE_BYTES = 256 * 1024


class FormError(ValueError):
    """A form file is wrong; the message names the file, the field and the problem."""

    def __init__(self, source: str, where: str, problem: str) -> None:
        self.source, self.where, self.problem = source, where, problem
        location = f"{source}: {where}: " if where else f"{source}: "
        super().__init__(location + problem)


def load_form_text(text: str, source: str = "<form>") -> FormSpec:
    """Parse one form from TOML text; raise FormError on any mistake."""
    if len(text.encode("utf-8", "surrogatepass")) > MAX_FORM_FILE_BYTES:
        raise FormError(source, "", "file is too large for a form definition")
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise FormError(source, "", f"not valid TOML: {exc}") from None
    except (RecursionError, ValueError) as exc:
        raise FormError(source, "", f"not valid TOML: {exc}") from None
    return _build_form(data, source)


def load_form_file(path: Path) -> FormSpec:
    """Load one form file."""
    try:
        raw = path.read_bytes()
    except OSError as exc:
        raise FormError(path.name, "", f"cannot be read: {exc.strerror}") from None
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError:
        raise FormError(path.name, "", "is not UTF-8 text") from None
    spec = load_form_text(text, path.name)
    return _with_source(spec, path)


def load_forms(directory: Path | None = None) -> FormSet:
    """Load and cross-check every `*.toml` form in `directory` (default: the app's forms)."""
    return _load_forms_cached((directory or forms_dir()).resolve())


def forget_loaded_forms() -> None:
    """Drop the loaded forms kept per folder (after new forms were installed into one)."""
    _load_forms_cached.cache_clear()


@cache
def _load_forms_cached(directory: Path) -> FormSet:
    return load_forms_from_texts(
        {p.name: p.read_text(encoding="utf-8") for p in sorted(directory.glob("*.toml"))}
    )


def load_forms_from_texts(texts: dict[str, str]) -> FormSet:
    """Build a FormSet from file name → TOML text (used for forms arriving in sync packages)."""
    forms: dict[str, FormSpec] = {}
    tables: dict[str, str] = {}
    for name, text in texts.items():
        spec = load_form_text(text, name)
        if spec.id in forms:
            raise FormError(name, "form.id", f"form id '{spec.id}' is also used by another file")
        if spec.table in tables:
            raise FormError(name, "form.table", f"table '{spec.table}' is used by another form")
        forms[spec.id] = spec
        tables[spec.table] = spec.id
    for spec in forms.values():
        for fld in spec.fields:
            target = fld.target_form
            if target and target not in forms:
                raise FormError(
                    spec.source.name, f"field '{fld.name}'", f"refers to unknown form '{target}'"
                )
    if not forms:
        raise FormError("forms", "", "no form files found")
    return FormSet(forms)


def _with_source(spec: FormSpec, path: Path) -> FormSpec:
    from dataclasses import replace

    return replace(spec, source=path)


_T = TypeVar("_T")


def _require(table: dict[str, Any], key: str, kind: type[_T], src: str, where: str) -> _T:
    if key not in table:
        raise FormError(src, where, f"'{key}' is missing")
    value = table[key]
    if not isinstance(value, kind) or (kind is int and isinstance(value, bool)):
        raise FormError(src, where, f"'{key}' has the wrong type ({type(value).__name__})")
    return value


def _optional(table: dict[str, Any], key: str, kind: type[_T], src: str, where: str) -> _T | None:
    if key not in table:
        return None
    return _require(table, key, kind, src, where)


def _unknown_keys(table: dict[str, Any], allowed: set[str], src: str, where: str) -> None:
    extra = sorted(set(table) - allowed)
    if extra:
        raise FormError(src, where, f"unknown key '{extra[0]}'")


def _build_form(data: dict[str, Any], src: str) -> FormSpec:
    form = data.get("form")
    if not isinstance(form, dict):
        raise FormError(src, "form", "the [form] table is missing")
    _unknown_keys(data, {"form", "fields", "rules", "choices"}, src, "")
    _unknown_keys(form, _FORM_KEYS, src, "form")
    form_id = _require(form, "id", str, src, "form")
    if not _IDENT.match(form_id):
        raise FormError(src, "form.id", f"'{form_id}' is not a valid identifier")
    version = _require(form, "version", int, src, "form")
    if version < 1:
        raise FormError(src, "form.version", "must be 1 or more")
    table = _require(form, "table", str, src, "form")
    if not _IDENT.match(table) or table.startswith("sqlite"):
        raise FormError(src, "form.table", f"'{table}' is not a valid table name")
    choice_lists = _build_choice_lists(data.get("choices", {}), src)
    raw_fields = data.get("fields")
    if not isinstance(raw_fields, list) or not raw_fields:
        raise FormError(src, "fields", "a form needs at least one [[fields]] entry")
    fields: list[FieldSpec] = []
    for index, raw in enumerate(raw_fields):
        fld = _build_field(raw, index, choice_lists, src)
        if any(f.name == fld.name for f in fields):
            raise FormError(src, f"field '{fld.name}'", "is declared twice")
        fields.append(fld)
    names = {f.name for f in fields}
    for fld in fields:
        for role, other in fld.cross_check:
            if other not in names:
                raise FormError(
                    src, f"field '{fld.name}'.cross_check", f"{role} names unknown field '{other}'"
                )
    title_field = _require(form, "title_field", str, src, "form")
    if title_field not in names:
        raise FormError(src, "form.title_field", f"names unknown field '{title_field}'")
    rules = tuple(
        _build_rule(raw, index, names, src) for index, raw in enumerate(data.get("rules", []))
    )
    if len({r.id for r in rules}) != len(rules):
        raise FormError(src, "rules", "two rules have the same id")
    return FormSpec(
        id=form_id,
        version=version,
        table=table,
        label_vi=_require(form, "label_vi", str, src, "form"),
        label_en=_require(form, "label_en", str, src, "form"),
        title_field=title_field,
        fields=tuple(fields),
        rules=rules,
        source=Path(src),
        singleton=bool(_optional(form, "singleton", bool, src, "form")),
        choice_lists=choice_lists,
    )


def _build_choice_lists(raw: Any, src: str) -> dict[str, tuple[Choice, ...]]:
    if not isinstance(raw, dict):
        raise FormError(src, "choices", "must be a table of choice lists")
    lists: dict[str, tuple[Choice, ...]] = {}
    for name, body in raw.items():
        where = f"choices.{name}"
        if not isinstance(body, dict):
            raise FormError(src, where, "must be a table with 'options'")
        _unknown_keys(body, {"options"}, src, where)
        options = _require(body, "options", list, src, where)
        if not options:
            raise FormError(src, where, "has no options")
        seen: set[str] = set()
        built: list[Choice] = []
        for option in options:
            if not isinstance(option, dict):
                raise FormError(src, where, "each option must be {value, vi, en}")
            _unknown_keys(option, {"value", "vi", "en"}, src, where)
            value = _require(option, "value", str, src, where)
            if not _IDENT.match(value):
                raise FormError(src, where, f"option value '{value}' is not a valid identifier")
            if value in seen:
                raise FormError(src, where, f"option '{value}' appears twice")
            seen.add(value)
            built.append(
                Choice(
                    value,
                    _require(option, "vi", str, src, where),
                    _require(option, "en", str, src, where),
                )
            )
        lists[name] = tuple(built)
    return lists


def _build_field(
    raw: Any, index: int, choice_lists: dict[str, tuple[Choice, ...]], src: str
) -> FieldSpec:
    if not isinstance(raw, dict):
        raise FormError(src, f"fields[{index}]", "must be a table")
    name = _require(raw, "name", str, src, f"fields[{index}]")
    where = f"field '{name}'"
    if not _IDENT.match(name):
        raise FormError(src, where, "name must be lower-case letters, digits and '_'")
    if name in bookkeeping.NAMES:
        raise FormError(src, where, "this name is reserved for the store")
    _unknown_keys(raw, _FIELD_KEYS, src, where)
    ftype = _require(raw, "type", str, src, where)
    if ftype not in FIELD_TYPES:
        raise FormError(
            src, where, f"unknown type '{ftype}' (known: {', '.join(sorted(FIELD_TYPES))})"
        )
    choices_name = _optional(raw, "choices", str, src, where)
    choices: tuple[Choice, ...] = ()
    if ftype in ("choice", "multi_choice"):
        if not choices_name:
            raise FormError(src, where, "a choice field needs 'choices'")
        if choices_name not in choice_lists:
            raise FormError(src, where, f"choice list '{choices_name}' is not defined")
        choices = choice_lists[choices_name]
    elif choices_name:
        raise FormError(src, where, f"'choices' makes no sense for type '{ftype}'")
    ref = _optional(raw, "ref", str, src, where)
    if ftype == "reference" and not ref:
        raise FormError(src, where, "a reference field needs 'ref' (the form it points to)")
    if ref and ftype != "reference":
        raise FormError(src, where, f"'ref' makes no sense for type '{ftype}'")
    pattern = _optional(raw, "pattern", str, src, where)
    if pattern is not None:
        try:
            re.compile(pattern)
        except re.error as exc:
            raise FormError(
                src, where, f"pattern is not a valid regular expression: {exc}"
            ) from None
    low, high = _bound(raw, "min", ftype, src, where), _bound(raw, "max", ftype, src, where)
    max_length = _optional(raw, "max_length", int, src, where)
    if max_length is not None and max_length < 1:
        raise FormError(src, where, "max_length must be 1 or more")
    default = raw.get("default")
    if default is not None and ftype == "choice" and not any(c.value == default for c in choices):
        raise FormError(src, where, f"default '{default}' is not one of the choices")
    return FieldSpec(
        name=name,
        type=ftype,
        label_vi=_require(raw, "label_vi", str, src, where),
        label_en=_require(raw, "label_en", str, src, where),
        required=bool(_optional(raw, "required", bool, src, where)),
        help_vi=_optional(raw, "help_vi", str, src, where) or "",
        help_en=_optional(raw, "help_en", str, src, where) or "",
        min=low,
        max=high,
        max_length=max_length,
        pattern=pattern,
        choices_name=choices_name,
        choices=choices,
        ref=ref,
        allow_cmnd=bool(_optional(raw, "allow_cmnd", bool, src, where)),
        searchable=bool(_optional(raw, "searchable", bool, src, where)),
        multiline=bool(_optional(raw, "multiline", bool, src, where)),
        default=default,
        cross_check=_cross_check(raw, ftype, src, where),
    )


def _cross_check(
    raw: dict[str, Any], ftype: str, src: str, where: str
) -> tuple[tuple[str, str], ...]:
    table = _optional(raw, "cross_check", dict, src, where)
    if not table:
        return ()
    if ftype != "personal_id":
        raise FormError(src, where, "'cross_check' is for personal_id fields only")
    _unknown_keys(table, set(_CROSS_CHECK_ROLES), src, f"{where}.cross_check")
    for role, name in table.items():
        if not isinstance(name, str):
            raise FormError(src, f"{where}.cross_check", f"'{role}' must name a field")
    return tuple((role, table[role]) for role in _CROSS_CHECK_ROLES if role in table)


def _bound(raw: dict[str, Any], key: str, ftype: str, src: str, where: str) -> Any:
    if key not in raw:
        return None
    value = raw[key]
    if ftype == "integer":
        if not isinstance(value, int) or isinstance(value, bool):
            raise FormError(src, where, f"'{key}' of an integer field must be a whole number")
        return value
    if ftype == "date":
        if value == "today":
            return value
        if isinstance(value, date):
            return value
        if isinstance(value, str):
            try:
                return date.fromisoformat(value)
            except ValueError:
                pass
        raise FormError(src, where, f"'{key}' of a date field must be a date or \"today\"")
    raise FormError(src, where, f"'{key}' makes no sense for type '{ftype}'")


def _build_rule(raw: Any, index: int, names: set[str], src: str) -> RuleSpec:
    if not isinstance(raw, dict):
        raise FormError(src, f"rules[{index}]", "must be a table")
    rule_id = _require(raw, "id", str, src, f"rules[{index}]")
    where = f"rule '{rule_id}'"
    _unknown_keys(raw, _RULE_KEYS, src, where)
    try:
        compiled = compile_rule(_require(raw, "expr", str, src, where))
    except RuleSyntaxError as exc:
        raise FormError(src, where, f"expression refused: {exc}") from None
    missing = sorted(compiled.names - names)
    if missing:
        raise FormError(src, where, f"names missing field '{missing[0]}'")
    fields = _require(raw, "fields", list, src, where)
    if not fields or not all(isinstance(f, str) for f in fields):
        raise FormError(src, where, "'fields' must list the fields the message is shown at")
    for fname in fields:
        if fname not in names:
            raise FormError(src, where, f"shows its message at missing field '{fname}'")
    message = Msg(
        _require(raw, "message_vi", str, src, where), _require(raw, "message_en", str, src, where)
    )
    return RuleSpec(rule_id, compiled, tuple(fields), message)
