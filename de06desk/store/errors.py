"""Errors the store raises, each with a message a person can act on."""

from __future__ import annotations

from de06desk.domain.i18n import DomainError, Msg
from de06desk.forms import Errors


class StoreError(DomainError):
    """The database cannot do what was asked (newer version, missing file, not ours…)."""


class ValidationError(DomainError):
    """A record was refused because some fields or rules failed; `errors` says which."""

    def __init__(self, form_label: Msg, errors: Errors) -> None:
        first = next(iter(errors.values()))[0]
        super().__init__(Msg(f"{form_label.vi}: {first.vi}", f"{form_label.en}: {first.en}"))
        self.errors = errors


class NotFoundError(DomainError):
    """A record with that UUID does not exist (or was deleted)."""
