"""Form definitions: loading `forms/*.toml`, the rule language, parsing and validation."""

from .loader import FormError, load_form_file, load_form_text, load_forms, load_forms_from_texts
from .model import Choice, FieldSpec, FormSet, FormSpec, RuleSpec
from .rules import RuleSyntaxError, compile_rule
from .values import (
    Errors,
    RecordValidator,
    check_field,
    defaults,
    parse_record,
    parse_value,
    validate_record,
)
from .warnings import FieldWarning, record_warnings

__all__ = [
    "Choice",
    "Errors",
    "FieldSpec",
    "FieldWarning",
    "FormError",
    "FormSet",
    "FormSpec",
    "RecordValidator",
    "RuleSpec",
    "RuleSyntaxError",
    "check_field",
    "compile_rule",
    "defaults",
    "load_form_file",
    "load_form_text",
    "load_forms",
    "load_forms_from_texts",
    "parse_record",
    "parse_value",
    "record_warnings",
    "validate_record",
]
