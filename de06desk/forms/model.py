"""Form definitions as plain data: what a record type holds and the rules it obeys."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from typing import Any

from de06desk.domain.i18n import Language, Msg, current_language

from .rules import CompiledRule

FIELD_TYPES = frozenset(
    {
        "text",
        "integer",
        "date",
        "choice",
        "multi_choice",
        "personal_id",
        "phone",
        "village",
        "officer",
        "reference",
    }
)
# Field types whose value is the UUID of another record, and the form it points to.
REFERENCE_TARGETS = {"village": "village", "officer": "officer"}


@dataclass(frozen=True)
class Choice:
    """One option of a choice list."""

    value: str
    vi: str
    en: str

    def label(self, lang: Language | None = None) -> str:
        """The option's label in `lang` (default: the active language)."""
        return self.en if (lang or current_language()) == "en" else self.vi


@dataclass(frozen=True)
class FieldSpec:
    """One field of a form, as declared in its file."""

    name: str
    type: str
    label_vi: str
    label_en: str
    required: bool = False
    help_vi: str = ""
    help_en: str = ""
    min: Any = None
    max: Any = None
    max_length: int | None = None
    pattern: str | None = None
    choices_name: str | None = None
    choices: tuple[Choice, ...] = ()
    ref: str | None = None
    allow_cmnd: bool = False
    searchable: bool = False
    multiline: bool = False
    default: Any = None
    # For a personal_id field: role → name of the field the ID number is compared with while
    # typing ("sex", "birth_date", "birth_year"); a disagreement is a warning, not an error.
    cross_check: tuple[tuple[str, str], ...] = ()

    def label(self, lang: Language | None = None) -> str:
        """The field's label in `lang`."""
        return self.label_en if (lang or current_language()) == "en" else self.label_vi

    def help(self, lang: Language | None = None) -> str:
        """The field's help text in `lang` (may be empty)."""
        return self.help_en if (lang or current_language()) == "en" else self.help_vi

    @property
    def target_form(self) -> str | None:
        """For village/officer/reference fields: the id of the form the value points to."""
        return REFERENCE_TARGETS.get(self.type) or self.ref

    def choice(self, value: str) -> Choice | None:
        """The option with this value, if any."""
        return next((c for c in self.choices if c.value == value), None)

    def choice_label(self, value: str | None, lang: Language | None = None) -> str:
        """Label of a stored choice value ('' for blank, the raw value if unknown)."""
        if not value:
            return ""
        option = self.choice(value)
        return option.label(lang) if option else value


@dataclass(frozen=True)
class RuleSpec:
    """A cross-field rule: an expression that must hold, and what to say when it does not."""

    id: str
    expression: CompiledRule
    fields: tuple[str, ...]
    message: Msg


@dataclass(frozen=True)
class FormSpec:
    """A record type: its fields, rules and where it is stored."""

    id: str
    version: int
    table: str
    label_vi: str
    label_en: str
    title_field: str
    fields: tuple[FieldSpec, ...]
    rules: tuple[RuleSpec, ...]
    source: Path
    singleton: bool = False
    choice_lists: dict[str, tuple[Choice, ...]] = field(default_factory=dict)

    def label(self, lang: Language | None = None) -> str:
        """The form's name in `lang`."""
        return self.label_en if (lang or current_language()) == "en" else self.label_vi

    def field(self, name: str) -> FieldSpec:
        """The field called `name` (KeyError if there is none)."""
        for spec in self.fields:
            if spec.name == name:
                return spec
        raise KeyError(f"{self.id}: no field {name!r}")

    # Cached (the fields never change): bulk writes ask once per row.
    @cached_property
    def field_names(self) -> tuple[str, ...]:
        """Names of the fields, in form order."""
        return tuple(f.name for f in self.fields)

    @cached_property
    def searchable_fields(self) -> tuple[str, ...]:
        """Fields whose folded text feeds the record's search column."""
        return tuple(f.name for f in self.fields if f.searchable)


@dataclass(frozen=True)
class FormSet:
    """All forms of the application, by id."""

    forms: dict[str, FormSpec]

    def __getitem__(self, form_id: str) -> FormSpec:
        return self.forms[form_id]

    def __iter__(self) -> Iterator[FormSpec]:
        return iter(self.forms.values())

    def __contains__(self, form_id: object) -> bool:
        return form_id in self.forms

    def versions(self) -> dict[str, int]:
        """Form id → version, as carried in sync packages and the database."""
        return {f.id: f.version for f in self.forms.values()}

    def by_table(self, table: str) -> FormSpec:
        """The form stored in `table`."""
        for spec in self.forms.values():
            if spec.table == table:
                return spec
        raise KeyError(table)
