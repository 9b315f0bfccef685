"""Errors of the sync area, each a one-line message a person can act on."""

from __future__ import annotations

from de06desk.domain.i18n import DomainError


class SyncError(DomainError):
    """Sync cannot be done as asked (no hub key, wrong role, a key file that is not one…)."""


class PackageRefused(SyncError):
    """A package was refused; nothing was changed. The message says why, in one line."""
