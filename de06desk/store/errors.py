"""Errors the store raises, each with a message a person can act on."""

from __future__ import annotations

from de06desk.domain.i18n import DomainError, Msg, msg
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


class DiskFullError(StoreError):
    """The disk (or the file-size limit) left no room to write; nothing was half-written."""

    def __init__(self, where: str = "") -> None:
        super().__init__(disk_full_message(where))


def disk_full_message(where: str = "") -> Msg:
    """The one message for a full disk, naming the file or folder when known."""
    place = f" ({where})" if where else ""
    return msg(
        "Ổ đĩa đầy, không ghi được{place}: giải phóng chỗ rồi thử lại. Việc dở dang không được "
        "lưu; dữ liệu đã có không bị ảnh hưởng.",
        "The disk is full, cannot write{place}: free some space and try again. The unfinished "
        "work was not saved; existing data is unaffected.",
        place=place,
    )
